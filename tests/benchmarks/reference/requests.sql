-- Reference of /Requests (same filter, sort, page size 25, counts and rows).
SELECT count(*) FROM Requests;
SELECT count(*) FROM Requests WHERE DueDate < date('now','+7 hours');
SELECT count(*) FROM Requests WHERE DueDate = date('now','+7 hours');
SELECT count(*) FROM Requests WHERE DueDate IS NOT NULL;
SELECT r.Id, r.ReceiptNumber, r.LetterNumber, r.Type, r.Status, a.Name, r.CreatedAtUtc, r.SubmittedAtUtc, r.DueDate, r.DueStep
  FROM Requests r JOIN Agencies a ON a.Id = r.AgencyId WHERE r.DueDate IS NOT NULL ORDER BY r.DueDate, r.CreatedAtUtc DESC LIMIT 25;
SELECT l.RequestId, l.Id, l.SubscriberName, l.SubscriberKind, l.CertificateSerial, l.TokenSerial FROM RequestLine l
  WHERE l.RequestId IN (SELECT Id FROM Requests WHERE DueDate IS NOT NULL ORDER BY DueDate, CreatedAtUtc DESC LIMIT 25);
