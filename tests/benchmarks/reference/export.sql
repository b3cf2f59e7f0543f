-- Reference of /Requests?handler=Export[&status=<s>], about 10,000 requests (the register or one status): every such request with its agency
-- and lines (the portal writes an .xlsx; the reference writes the same rows as HTML).
SELECT r.Id, r.ReceiptNumber, r.LetterNumber, r.LetterDate, r.Type, r.Status, a.Name, r.CreatedAtUtc, r.SubmittedAtUtc, r.ReceivedAtUtc,
       r.DueDate, r.DueStep, r.ClosedAtUtc
  FROM Requests r JOIN Agencies a ON a.Id = r.AgencyId WHERE {EXPORT_WHERE} ORDER BY r.DueDate, r.CreatedAtUtc DESC;
SELECT l.RequestId, l.Id, l.SubscriberName, l.SubscriberKind, l.CertificateSerial, l.TokenSerial FROM RequestLine l
  WHERE l.RequestId IN (SELECT r.Id FROM Requests r WHERE {EXPORT_WHERE});
