-- Reference of /Subscribers?q=pham thi: folded search key containing the text, Vietnamese order, 25 a page. Since issue 15
-- item 3 (docs/adr/0027) through the FTS5 trigram table SubscribersSearch, as the portal.
SELECT count(*) FROM Subscribers WHERE Id IN (SELECT rowid FROM SubscribersSearch WHERE SubscribersSearch MATCH '"pham thi"');
SELECT s.Id, s.Name, s.Kind, s.Position, s.Email, s.NationalId, a.Name, s.IsActive
  FROM Subscribers s JOIN Agencies a ON a.Id = s.AgencyId
  WHERE s.Id IN (SELECT rowid FROM SubscribersSearch WHERE SubscribersSearch MATCH '"pham thi"') ORDER BY s.SortKey LIMIT 25;
