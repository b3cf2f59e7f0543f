-- Reference of /Requests/Inbox: lean columns of every request waiting for Sở (for the counts per step and the order), then
-- agency names and first subscribers of the 200 rows shown.
SELECT r.Id, r.ReceiptNumber, r.Type, r.Status, r.AgencyId, r.SubmittedAtUtc, r.ReceivedAtUtc, r.DueDate, r.DueStep
  FROM Requests r WHERE r.Status IN (2, 3, 5, 7, 9);
SELECT a.Id, a.Name FROM Agencies a WHERE a.Id IN (SELECT AgencyId FROM Requests WHERE Status IN (2, 3, 5, 7, 9));
SELECT l.RequestId, l.Id, l.SubscriberName FROM RequestLine l
  WHERE l.RequestId IN (SELECT Id FROM Requests WHERE Status IN (2, 3, 5, 7, 9) ORDER BY DueDate, SubmittedAtUtc LIMIT 200);
