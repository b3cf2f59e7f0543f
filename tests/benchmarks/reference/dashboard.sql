-- Reference of / (Sở's landing page): the work-queue counts, the 12-month trends and the expiries per month read from the
-- counters kept per Vietnam month (RequestMonthCounts, CertificateExpiryCounts, since session 12; before, counted from a
-- year of requests and their history), and the register counts (valid: later months' counters plus this month's rest).
-- Since session 17 the queue's overdue, waiting, late and Cục counts read the maintained RequestCounts and clock counts
-- less the requests not yet past their limit (ADR 0034), as the portal does; before, they counted (or read) the rows.
-- Since session 17 too, the active subscribers and the token tiles read SubscriberCounts and TokenCounts, as the portal
-- does (it had read SubscriberCounts since ADR 0031 while this reference still counted the 50,000 subscribers at L).
SELECT sum(Count) FROM RequestClockCounts WHERE Status IN (3, 5) AND Clock IN (1, 2);
SELECT count(*) FROM Requests WHERE DueDate >= date('now') AND DueStep IN (1, 2) AND Status IN (3, 5);
SELECT count(*) FROM Requests WHERE DueDate = date('now') AND DueStep IN (1, 2) AND Status IN (3, 5);
SELECT sum(Count) FROM RequestCounts WHERE Status = 2;
SELECT sum(Count) FROM RequestClockCounts WHERE Status = 2 AND Clock = 0;
SELECT count(*) FROM Requests WHERE Status = 2 AND DueDate IS NULL AND SubmittedAtUtc >= datetime('now','-2 days');
SELECT sum(Count) FROM RequestClockCounts WHERE Status = 7 AND Clock IN (4, 5, 6);
SELECT count(*) FROM Requests WHERE Status = 7 AND DueDate >= date('now') AND DueStep IN (4, 5, 6);
SELECT Measure, Month, Type, Count FROM RequestMonthCounts
  WHERE Month >= CAST(strftime('%Y%m', 'now', '+7 hours', 'start of month', '-11 months') AS INTEGER)
    AND Month <= CAST(strftime('%Y%m', 'now', '+7 hours') AS INTEGER) AND Count <> 0;
SELECT Month, Count FROM CertificateExpiryCounts
  WHERE Month >= CAST(strftime('%Y%m', 'now', '+7 hours') AS INTEGER)
    AND Month <= CAST(strftime('%Y%m', 'now', '+7 hours', 'start of month', '+11 months') AS INTEGER);
SELECT sum(Count) FROM SubscriberCounts WHERE IsActive = 1;
SELECT sum(Count) FROM CertificateExpiryCounts WHERE Month >= CAST(strftime('%Y%m', 'now', '+7 hours', 'start of month', '+1 months') AS INTEGER);
SELECT count(*) FROM Certificates WHERE Status = 1 AND NotAfterUtc > datetime('now')
  AND NotAfterUtc < datetime('now', '+7 hours', 'start of month', '+1 months', '-7 hours');
SELECT count(*) FROM Certificates WHERE Status = 1 AND NotAfterUtc > datetime('now') AND NotAfterUtc <= datetime('now', '+30 days');
SELECT count(*) FROM Certificates WHERE Status = 1 AND NotAfterUtc > datetime('now') AND NotAfterUtc <= datetime('now', '+90 days');
SELECT count(*) FROM Certificates WHERE Status = 1 AND NotAfterUtc <= datetime('now');
SELECT Status, sum(Count) FROM TokenCounts WHERE Status IN (1, 3, 5, 6) GROUP BY Status;
