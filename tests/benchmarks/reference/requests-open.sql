-- Reference of /Requests?state=open: open requests (statuses 1, 2, 3, 4, 5, 7, 9, 10), due date first, 25 a page, with the pager's counts.
SELECT count(*) FROM Requests WHERE Status IN (1, 2, 3, 4, 5, 7, 9, 10) AND DueDate IS NOT NULL AND DueDate < date('now', '+7 hours');
SELECT count(*) FROM Requests WHERE Status IN (1, 2, 3, 4, 5, 7, 9, 10) AND DueDate = date('now', '+7 hours');
SELECT count(*) FROM Requests WHERE Status IN (1, 2, 3, 4, 5, 7, 9, 10) AND DueDate IS NOT NULL;
SELECT count(*) FROM Requests WHERE Status IN (1, 2, 3, 4, 5, 7, 9, 10) AND DueDate IS NULL;
SELECT r.Id, r.ReceiptNumber, r.LetterNumber, r.Type, r.Status, a.Name, r.CreatedAtUtc, r.SubmittedAtUtc, r.DueDate, r.DueStep
  FROM Requests r JOIN Agencies a ON a.Id = r.AgencyId WHERE r.Status IN (1, 2, 3, 4, 5, 7, 9, 10) AND r.DueDate IS NOT NULL
  ORDER BY r.DueDate, r.CreatedAtUtc DESC LIMIT 25;
SELECT l.RequestId, l.Id, l.SubscriberName, l.SubscriberKind, l.CertificateSerial, l.TokenSerial FROM RequestLine l
  WHERE l.RequestId IN (SELECT Id FROM Requests WHERE Status IN (1, 2, 3, 4, 5, 7, 9, 10) AND DueDate IS NOT NULL ORDER BY DueDate, CreatedAtUtc DESC LIMIT 25);
