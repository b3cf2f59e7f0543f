-- Reference of /Requests/Statistics (this year to today, by type): the requests first received in the period counted by
-- agency, type and resolution, or status and due date while unresolved, over the milestones kept on each request (ADR
-- 0029), as the portal counts them since session 11 (before, both read the history of every request of the year).
SELECT r.AgencyId, r.Type, r.Resolution, CASE WHEN r.ResolvedAtUtc IS NULL THEN r.Status END,
  CASE WHEN r.ResolvedAtUtc IS NULL THEN r.DueDate END, COUNT(*)
FROM Requests r
WHERE r.FirstReceivedAtUtc >= strftime('%Y','now') || '-01-01' AND r.FirstReceivedAtUtc < datetime('now') AND r.Type IN (3, 4, 5)
GROUP BY 1, 2, 3, 4, 5;
