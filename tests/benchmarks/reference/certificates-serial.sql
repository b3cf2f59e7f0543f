-- Reference of /Certificates?q=<inner fragment of a serial>: serial or holder name containing the text, by expiry, 25 a
-- page. Since issue 15 item 3 (docs/adr/0027) through the FTS5 trigram tables, as the portal.
SELECT count(*) FROM Certificates c
  WHERE c.Id IN (SELECT rowid FROM CertificatesSearch WHERE CertificatesSearch MATCH '"{SERIAL}"')
     OR c.SubscriberId IN (SELECT rowid FROM SubscribersSearch WHERE SubscribersSearch MATCH '"' || lower('{SERIAL}') || '"');
SELECT c.Id, c.SerialNumber, c.SubscriberId, s.Name, a.Name, c.NotBeforeUtc, c.NotAfterUtc, c.Status, c.RenewalCount, t.SerialNumber
  FROM Certificates c JOIN Subscribers s ON s.Id = c.SubscriberId JOIN Agencies a ON a.Id = s.AgencyId LEFT JOIN Tokens t ON t.Id = c.TokenId
  WHERE c.Id IN (SELECT rowid FROM CertificatesSearch WHERE CertificatesSearch MATCH '"{SERIAL}"')
     OR c.SubscriberId IN (SELECT rowid FROM SubscribersSearch WHERE SubscribersSearch MATCH '"' || lower('{SERIAL}') || '"')
  ORDER BY c.NotAfterUtc LIMIT 25;
