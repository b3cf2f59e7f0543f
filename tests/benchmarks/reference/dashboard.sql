-- Reference of / (Sở's landing page): the work-queue counts, the 12-month trends counted per Vietnam month, each
-- resolution with the due date of the history row before it, the expiries per month and the register counts.
SELECT count(*) FROM Requests WHERE DueDate < date('now') AND DueStep IN (1, 2) AND Status IN (3, 5);
SELECT count(*) FROM Requests WHERE DueDate = date('now') AND DueStep IN (1, 2) AND Status IN (3, 5);
SELECT SubmittedAtUtc FROM Requests WHERE Status = 2;
SELECT count(*) FROM Requests WHERE Status = 7 AND DueDate < date('now') AND DueStep IN (4, 5, 6);
SELECT Type, strftime('%Y-%m', ReceivedAtUtc, '+7 hours'), count(*) FROM Requests
  WHERE ReceivedAtUtc >= datetime('now', '+7 hours', 'start of month', '-11 months', '-7 hours') GROUP BY 1, 2;
SELECT Type, strftime('%Y-%m', ClosedAtUtc, '+7 hours'), count(*) FROM Requests
  WHERE Status = 11 AND ClosedAtUtc >= datetime('now', '+7 hours', 'start of month', '-11 months', '-7 hours') GROUP BY 1, 2;
SELECT h.AtUtc, (SELECT p.DueDate FROM RequestHistory p WHERE p.RequestId = h.RequestId AND p.Id < h.Id ORDER BY p.Id DESC LIMIT 1)
  FROM RequestHistory h WHERE h.Action IN (7, 12, 6) AND h.AtUtc >= datetime('now', '+7 hours', 'start of month', '-11 months', '-7 hours');
SELECT strftime('%Y-%m', NotAfterUtc, '+7 hours'), count(*) FROM Certificates WHERE Status = 1
  AND NotAfterUtc >= datetime('now', '+7 hours', 'start of month', '-7 hours') AND NotAfterUtc < datetime('now', '+7 hours', 'start of month', '+12 months', '-7 hours') GROUP BY 1;
SELECT count(*) FROM Subscribers WHERE IsActive = 1;
SELECT count(*) FROM Certificates WHERE Status = 1 AND NotAfterUtc > datetime('now');
SELECT count(*) FROM Certificates WHERE Status = 1 AND NotAfterUtc > datetime('now') AND NotAfterUtc <= datetime('now', '+30 days');
SELECT count(*) FROM Certificates WHERE Status = 1 AND NotAfterUtc > datetime('now') AND NotAfterUtc <= datetime('now', '+90 days');
SELECT count(*) FROM Certificates WHERE Status = 1 AND NotAfterUtc <= datetime('now');
SELECT count(*) FROM Tokens WHERE Status = 3; SELECT count(*) FROM Tokens WHERE Status = 1; SELECT count(*) FROM Tokens WHERE Status IN (5, 6);
