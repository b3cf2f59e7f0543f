-- Reference of /Search?q=nguyen, a common fragment (more than 500 subscribers match, 3,313 at L, session 25): the same
-- groups as search.sql, with the rows a group shows read in its own order and each tested, as the portal does for such a
-- text: the newest requests, each by its lines' subscribers' keys, or its own keys and serials (small sets, through the
-- FTS5 tables); the subscribers in name order, each key tested on its row.
SELECT r.Id, r.ReceiptNumber, r.CaDossierCode, r.LetterNumber, r.Status, a.Name FROM Requests r JOIN Agencies a ON a.Id = r.AgencyId
  WHERE r.Id IN (SELECT k.Id FROM Requests k WHERE k.Id IN (SELECT rowid FROM RequestsSearch WHERE RequestsSearch MATCH '"nguyen"')
                   AND (k.CaDossierCode LIKE 'nguyen%' OR k.LetterNumber LIKE 'nguyen%')
     UNION SELECT l.RequestId FROM RequestLine l WHERE l.Id IN (SELECT rowid FROM RequestLinesSearch WHERE RequestLinesSearch MATCH '"NGUYEN"')
                   AND l.TokenSerial LIKE 'NGUYEN%')
     OR EXISTS (SELECT 1 FROM RequestLine l JOIN Subscribers s ON s.Id = l.SubscriberId
                 WHERE l.RequestId = r.Id AND instr(s.SearchKey, 'nguyen') > 0)
  ORDER BY r.CreatedAtUtc DESC LIMIT 50;
SELECT Id, SerialNumber, Status FROM Tokens
  WHERE Id IN (SELECT rowid FROM TokensSearch WHERE TokensSearch MATCH 'SerialNumber : "NGUYEN"') AND SerialNumber LIKE 'NGUYEN%'
  ORDER BY SerialNumber LIMIT 50;
SELECT s.Id, s.Name, s.SearchKey, a.Name FROM Subscribers s JOIN Agencies a ON a.Id = s.AgencyId
  WHERE instr(s.SearchKey, 'nguyen') > 0 ORDER BY s.SortKey LIMIT 50;
SELECT Id, Name, SearchKey FROM Agencies WHERE instr(SearchKey, 'nguyen') > 0 ORDER BY SortKey LIMIT 50;
