-- Reference of /Requests?status=Received (same filter, sort, page size 25, counts and rows).
SELECT count(*) FROM Requests WHERE Status = 3;
SELECT count(*) FROM Requests WHERE Status = 3 AND DueDate < date('now','+7 hours');
SELECT count(*) FROM Requests WHERE Status = 3 AND DueDate = date('now','+7 hours');
SELECT count(*) FROM Requests WHERE Status = 3 AND DueDate IS NOT NULL;
SELECT r.Id, r.ReceiptNumber, r.LetterNumber, r.Type, r.Status, a.Name, r.CreatedAtUtc, r.SubmittedAtUtc, r.DueDate, r.DueStep
  FROM Requests r JOIN Agencies a ON a.Id = r.AgencyId WHERE r.Status = 3 AND r.DueDate IS NOT NULL ORDER BY r.DueDate, r.CreatedAtUtc DESC LIMIT 25;
SELECT l.RequestId, l.Id, l.SubscriberName, l.SubscriberKind, l.CertificateSerial, l.TokenSerial FROM RequestLine l
  WHERE l.RequestId IN (SELECT Id FROM Requests WHERE Status = 3 AND DueDate IS NOT NULL ORDER BY DueDate, CreatedAtUtc DESC LIMIT 25);
