-- Reference of /Requests?handler=Export&status=<the status with about 10,000 requests>: every such request with its agency
-- and lines (the portal writes an .xlsx; the reference writes the same rows as HTML).
SELECT r.Id, r.ReceiptNumber, r.LetterNumber, r.LetterDate, r.Type, r.Status, a.Name, r.CreatedAtUtc, r.SubmittedAtUtc, r.ReceivedAtUtc,
       r.DueDate, r.DueStep, r.ClosedAtUtc
  FROM Requests r JOIN Agencies a ON a.Id = r.AgencyId WHERE r.Status = {EXPORT_STATUS} ORDER BY r.DueDate, r.CreatedAtUtc DESC;
SELECT l.RequestId, l.Id, l.SubscriberName, l.SubscriberKind, l.CertificateSerial, l.TokenSerial FROM RequestLine l
  WHERE l.RequestId IN (SELECT Id FROM Requests WHERE Status = {EXPORT_STATUS});
