-- Reference of /Certificates?expiry=90: valid certificates ending within 90 days, soonest first, 25 a page.
SELECT count(*) FROM Certificates WHERE Status = 1 AND NotAfterUtc > datetime('now') AND NotAfterUtc <= datetime('now', '+90 days');
SELECT c.Id, c.SerialNumber, c.SubscriberId, s.Name, a.Name, c.NotBeforeUtc, c.NotAfterUtc, c.Status, c.RenewalCount, t.SerialNumber
  FROM Certificates c JOIN Subscribers s ON s.Id = c.SubscriberId JOIN Agencies a ON a.Id = s.AgencyId LEFT JOIN Tokens t ON t.Id = c.TokenId
  WHERE c.Status = 1 AND c.NotAfterUtc > datetime('now') AND c.NotAfterUtc <= datetime('now', '+90 days')
  ORDER BY c.NotAfterUtc LIMIT 25;
