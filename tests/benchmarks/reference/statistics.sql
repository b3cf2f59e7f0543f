-- Reference of /Requests/Statistics (this year to today, by type), since session 18 (ADR 0035) over the same counters as
-- the portal: the year's months of first receipt province-wide, by type and where the requests stand; less the requests
-- of this month received after today (none, unless a clock is wrong); and the unresolved requests due today or later,
-- from the due-date index (the other unresolved ones with a due date are overdue). Until session 17 both counted the
-- requests received in the period one index entry each (ADR 0029), and before session 11 their history.
SELECT Type, Resolution, Status, HasDueDate, SUM(Count)
FROM ReceiptOutcomeCounts
WHERE Month >= CAST(strftime('%Y', 'now', '+7 hours') || '01' AS INTEGER) AND Month <= CAST(strftime('%Y%m', 'now', '+7 hours') AS INTEGER)
  AND Type IN (3, 4, 5)
GROUP BY 1, 2, 3, 4;
SELECT Type, Resolution, Status, COUNT(*)
FROM Requests
WHERE FirstReceivedAtUtc >= datetime(date('now', '+7 hours', '+1 day'), '-7 hours')
  AND FirstReceivedAtUtc < datetime(date('now', '+7 hours', 'start of month', '+1 month'), '-7 hours') AND Type IN (3, 4, 5)
GROUP BY 1, 2, 3;
SELECT AgencyId, Type, Status, COUNT(*)
FROM Requests
WHERE DueDate >= date('now', '+7 hours') AND ResolvedAtUtc IS NULL AND Type IN (3, 4, 5)
  AND COALESCE(FirstReceivedAtUtc, '9999') >= strftime('%Y', 'now', '+7 hours') || '-01-01'
GROUP BY 1, 2, 3;
