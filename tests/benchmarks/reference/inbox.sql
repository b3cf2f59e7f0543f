-- Reference of /Requests/Inbox (session 9): the counts per status and of the overdue, late-to-receive and due-today
-- requests, then the first page (25) of the default group, which at M and L is all overdue (Received and Accepted, each
-- read in due-date order and merged), then the agency names and lines of those 25 rows. The late cutoff stands in for
-- the portal's (computed from the working-day calendar): the same range on the same index. Since session 17 the counts
-- per status read the maintained RequestCounts (ADR 0028) and the overdue and late the maintained clock counts less the
-- requests not yet past their limit (ADR 0034), as the portal does; before, they counted the rows.
SELECT Status, sum(Count) FROM RequestCounts WHERE Status IN (2, 3, 5, 7, 9) GROUP BY Status;
SELECT sum(Count) FROM RequestClockCounts WHERE Status IN (3, 5) AND Clock IN (1, 2);
SELECT count(*) FROM Requests WHERE Status IN (3, 5) AND DueStep IN (1, 2) AND DueDate >= date('now','+7 hours');
SELECT sum(Count) FROM RequestClockCounts WHERE Status = 2 AND Clock = 0;
SELECT count(*) FROM Requests WHERE Status = 2 AND DueDate IS NULL AND SubmittedAtUtc >= datetime('now','-2 days');
SELECT count(*) FROM Requests WHERE Status IN (3, 5) AND DueStep IN (1, 2) AND DueDate = date('now','+7 hours');
SELECT * FROM (SELECT Id, ReceiptNumber, Type, Status, AgencyId, SubmittedAtUtc, ReceivedAtUtc, DueDate, DueStep FROM Requests
    WHERE Status = 3 AND DueStep IN (1, 2) AND DueDate < date('now','+7 hours') ORDER BY DueDate, SubmittedAtUtc, Id LIMIT 25)
  UNION ALL
  SELECT * FROM (SELECT Id, ReceiptNumber, Type, Status, AgencyId, SubmittedAtUtc, ReceivedAtUtc, DueDate, DueStep FROM Requests
    WHERE Status = 5 AND DueStep IN (1, 2) AND DueDate < date('now','+7 hours') ORDER BY DueDate, SubmittedAtUtc, Id LIMIT 25)
  ORDER BY DueDate, SubmittedAtUtc, Id LIMIT 25;
WITH page AS (SELECT * FROM (SELECT Id, AgencyId, DueDate, SubmittedAtUtc FROM Requests WHERE Status = 3 AND DueStep IN (1, 2)
      AND DueDate < date('now','+7 hours') ORDER BY DueDate, SubmittedAtUtc, Id LIMIT 25)
    UNION ALL SELECT * FROM (SELECT Id, AgencyId, DueDate, SubmittedAtUtc FROM Requests WHERE Status = 5 AND DueStep IN (1, 2)
      AND DueDate < date('now','+7 hours') ORDER BY DueDate, SubmittedAtUtc, Id LIMIT 25)
    ORDER BY DueDate, SubmittedAtUtc, Id LIMIT 25)
SELECT a.Id, a.Name FROM Agencies a WHERE a.Id IN (SELECT AgencyId FROM page);
WITH page AS (SELECT * FROM (SELECT Id, AgencyId, DueDate, SubmittedAtUtc FROM Requests WHERE Status = 3 AND DueStep IN (1, 2)
      AND DueDate < date('now','+7 hours') ORDER BY DueDate, SubmittedAtUtc, Id LIMIT 25)
    UNION ALL SELECT * FROM (SELECT Id, AgencyId, DueDate, SubmittedAtUtc FROM Requests WHERE Status = 5 AND DueStep IN (1, 2)
      AND DueDate < date('now','+7 hours') ORDER BY DueDate, SubmittedAtUtc, Id LIMIT 25)
    ORDER BY DueDate, SubmittedAtUtc, Id LIMIT 25)
SELECT l.RequestId, l.Id, l.SubscriberName FROM RequestLine l WHERE l.RequestId IN (SELECT Id FROM page);
