-- Reference of /Subscribers?q=pham thi: folded search key containing the text, Vietnamese order, 25 a page.
SELECT count(*) FROM Subscribers WHERE instr(SearchKey, 'pham thi') > 0;
SELECT s.Id, s.Name, s.Kind, s.Position, s.Email, s.NationalId, a.Name, s.IsActive
  FROM Subscribers s JOIN Agencies a ON a.Id = s.AgencyId WHERE instr(s.SearchKey, 'pham thi') > 0 ORDER BY s.SortKey LIMIT 25;
