-- Reference of /Search?q=pham thi: requests whose number starts with the text or whose lines name a matching subscriber
-- (one set of request ids from the subscribers' keys and the lines' SubscriberId index)
-- (newest 50), subscribers and agencies whose folded key contains it (50 each, Vietnamese order).
SELECT r.Id, r.ReceiptNumber, r.CaDossierCode, r.LetterNumber, r.Status, a.Name FROM Requests r JOIN Agencies a ON a.Id = r.AgencyId
  WHERE r.ReceiptNumber LIKE 'pham thi%' OR r.CaDossierCode LIKE 'pham thi%' OR r.LetterNumber LIKE 'pham thi%'
     OR r.Id IN (SELECT l.RequestId FROM RequestLine l WHERE l.TokenSerial LIKE 'PHAM THI%'
                 OR l.SubscriberId IN (SELECT s.Id FROM Subscribers s WHERE instr(s.SearchKey, 'pham thi') > 0))
  ORDER BY r.CreatedAtUtc DESC LIMIT 50;
SELECT Id, SerialNumber, Status FROM Tokens WHERE SerialNumber LIKE 'PHAM THI%' ORDER BY SerialNumber LIMIT 50;
SELECT s.Id, s.Name, s.SearchKey, a.Name FROM Subscribers s JOIN Agencies a ON a.Id = s.AgencyId WHERE instr(s.SearchKey, 'pham thi') > 0 ORDER BY s.SortKey LIMIT 50;
SELECT Id, Name, SearchKey FROM Agencies WHERE instr(SearchKey, 'pham thi') > 0 ORDER BY SortKey LIMIT 50;
