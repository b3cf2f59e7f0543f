-- Reference of /Certificates?q=<inner fragment of a serial>: serial or holder name containing the text, by expiry, 25 a page.
SELECT count(*) FROM Certificates c JOIN Subscribers s ON s.Id = c.SubscriberId
  WHERE instr(c.SerialNumber, '{SERIAL}') > 0 OR instr(s.SearchKey, lower('{SERIAL}')) > 0;
SELECT c.Id, c.SerialNumber, c.SubscriberId, s.Name, a.Name, c.NotBeforeUtc, c.NotAfterUtc, c.Status, c.RenewalCount, t.SerialNumber
  FROM Certificates c JOIN Subscribers s ON s.Id = c.SubscriberId JOIN Agencies a ON a.Id = s.AgencyId LEFT JOIN Tokens t ON t.Id = c.TokenId
  WHERE instr(c.SerialNumber, '{SERIAL}') > 0 OR instr(s.SearchKey, lower('{SERIAL}')) > 0
  ORDER BY c.NotAfterUtc LIMIT 25;
