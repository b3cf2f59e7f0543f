-- Reference of /Requests/Details/{id}: the request, its lines, history, letters (without content), timeline, agency,
-- attachments, and the certificates and tokens its lines name.
SELECT * FROM Requests WHERE Id = {DETAILS_ID};
SELECT * FROM RequestLine WHERE RequestId = {DETAILS_ID} ORDER BY Id;
SELECT * FROM RequestHistory WHERE RequestId = {DETAILS_ID} ORDER BY Id;
SELECT Id, Kind, Number, Version, GeneratedAtUtc, IssuedOn, SentOn, Sha256, SignerName, SignerPosition FROM GeneratedLetters WHERE RequestId = {DETAILS_ID} ORDER BY Id;
SELECT * FROM TimelineEvents WHERE Subject = 4 AND SubjectId = {DETAILS_ID};
SELECT a.Name FROM Agencies a JOIN Requests r ON r.AgencyId = a.Id WHERE r.Id = {DETAILS_ID};
SELECT * FROM RequestAttachments WHERE RequestId = {DETAILS_ID} ORDER BY Purpose, UploadedAtUtc;
SELECT c.* FROM Certificates c WHERE c.Id IN (SELECT CertificateId FROM RequestLine WHERE RequestId = {DETAILS_ID});
SELECT t.* FROM Tokens t WHERE t.Id IN (SELECT TokenId FROM RequestLine WHERE RequestId = {DETAILS_ID});
SELECT * FROM SignedLetterChecks WHERE RequestId = {DETAILS_ID} ORDER BY Id DESC;
