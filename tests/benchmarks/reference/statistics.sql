-- Reference of /Requests/Statistics (same filter, sort, page size 25, counts and rows).
SELECT r.Id, r.Type, r.AgencyId FROM Requests r WHERE r.Type IN (3, 4, 5) AND r.Id IN (SELECT RequestId FROM RequestHistory
  WHERE Action = 2 AND AtUtc >= strftime('%Y','now') || '-01-01' AND AtUtc < datetime('now'));
SELECT h.RequestId, h.Id, h.Action, h."To", h.AtUtc, h.DueDate FROM RequestHistory h WHERE h.RequestId IN (SELECT r.Id FROM Requests r
  WHERE r.Type IN (3, 4, 5) AND r.Id IN (SELECT RequestId FROM RequestHistory WHERE Action = 2 AND AtUtc >= strftime('%Y','now') || '-01-01'
  AND AtUtc < datetime('now')));
