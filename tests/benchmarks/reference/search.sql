-- Reference of /Search?q=pham thi: requests whose number, dossier code or letter number starts with the text or whose lines
-- carry such a token serial or name a matching subscriber (newest 50), tokens whose serial starts with it, subscribers and
-- agencies whose folded key contains it (50 each, Vietnamese order). Since issue 15 item 3 (docs/adr/0027) each set of ids
-- is read through the FTS5 trigram tables, as the portal: the requests' and lines' tables only narrow, the LIKE decides.
-- Since session 20 the three sets are one UNION, as the portal's (an OR of three IN sets took 4.4 ms at L against 1.9 ms).
SELECT r.Id, r.ReceiptNumber, r.CaDossierCode, r.LetterNumber, r.Status, a.Name FROM Requests r JOIN Agencies a ON a.Id = r.AgencyId
  WHERE r.Id IN (SELECT k.Id FROM Requests k WHERE k.Id IN (SELECT rowid FROM RequestsSearch WHERE RequestsSearch MATCH '"pham thi"')
                   AND (k.CaDossierCode LIKE 'pham thi%' OR k.LetterNumber LIKE 'pham thi%')
     UNION SELECT l.RequestId FROM RequestLine l WHERE l.Id IN (SELECT rowid FROM RequestLinesSearch WHERE RequestLinesSearch MATCH '"PHAM THI"')
                   AND l.TokenSerial LIKE 'PHAM THI%'
     UNION SELECT l.RequestId FROM RequestLine l WHERE l.SubscriberId IN (SELECT rowid FROM SubscribersSearch WHERE SubscribersSearch MATCH '"pham thi"'))
  ORDER BY r.CreatedAtUtc DESC LIMIT 50;
SELECT Id, SerialNumber, Status FROM Tokens
  WHERE Id IN (SELECT rowid FROM TokensSearch WHERE TokensSearch MATCH 'SerialNumber : "PHAM THI"') AND SerialNumber LIKE 'PHAM THI%'
  ORDER BY SerialNumber LIMIT 50;
SELECT s.Id, s.Name, s.SearchKey, a.Name FROM Subscribers s JOIN Agencies a ON a.Id = s.AgencyId
  WHERE s.Id IN (SELECT rowid FROM SubscribersSearch WHERE SubscribersSearch MATCH '"pham thi"') ORDER BY s.SortKey LIMIT 50;
SELECT Id, Name, SearchKey FROM Agencies WHERE instr(SearchKey, 'pham thi') > 0 ORDER BY SortKey LIMIT 50;
