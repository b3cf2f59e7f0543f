-- Reference of /Reports?p=year (the year 2026): the report's own SQL statements (GROUP BY counts; the requests from their
-- maintained counts per agency, type, measure and month, ADR 0037), parameter values written in. Unlike the other references this is the portal's
-- SQL, so the ratio measures everything but the queries: ORM, the domain's classification in memory, layout and HTML.
-- Captured from the portal's command log; refresh it when the report's queries change (last: session 19, the demand
-- plan counted in SQL and its first 100 lines read for the page; session 20, the subscribers in use from their maintained
-- counts; session 21, the requests, the certificate figures and the plan's counts from their counts, ADR 0037; session 22,
-- the year's request cells by their year's key; before, session 11, the requests read from the milestones kept on each
-- request, ADR 0029).
SELECT "i"."Id", "i"."AgencyId", "i"."DocxKey", "i"."DocxLength", "i"."DocxSha256", "i"."From", "i"."IssuedAtUtc", "i"."IssuedBy", "i"."IssuedOn", "i"."Number", "i"."PdfKey", "i"."PdfLength", "i"."PdfSha256", "i"."PeriodKind", "i"."Scope", "i"."To", "i"."Version"
FROM "IssuedReports" AS "i"
WHERE 1 OR "i"."AgencyId" IS NULL
ORDER BY "i"."Id" DESC
LIMIT 50;
SELECT "a"."Name", "a"."Id"
FROM "Agencies" AS "a"
WHERE 1
ORDER BY "a"."SortKey";
SELECT "a"."Id", "a"."Name"
FROM "Agencies" AS "a"
WHERE 1;
SELECT "s"."AgencyId", "s"."Kind", "s"."Count"
FROM "SubscriberCounts" AS "s"
WHERE 1 AND "s"."IsActive" AND "s"."Count" <> 0;
SELECT "c"."Measure", "c"."AgencyId", "c"."Value", COALESCE(SUM("c"."Count"), 0) AS "Count"
FROM "CertificateReportCounts" AS "c"
WHERE 1 AND "c"."Count" <> 0 AND "c"."Measure" IN (1, 2, 3) AND "c"."Month" >= 202601 AND "c"."Month" <= 202612
GROUP BY "c"."Measure", "c"."AgencyId", "c"."Value";
SELECT "c"."AgencyId", "c"."Value", COALESCE(SUM("c"."Count"), 0) AS "Count"
FROM "CertificateReportCounts" AS "c"
WHERE 1 AND "c"."Count" <> 0 AND "c"."Measure" = 4 AND "c"."Month" >= 202701 AND "c"."Status" <> 4
GROUP BY "c"."AgencyId", "c"."Value";
SELECT "s0"."AgencyId", "c"."NotAfterUtc", "c"."RevokedAtUtc", "c"."Status"
FROM "Certificates" AS "c"
INNER JOIN (
    SELECT "s"."Id", "s"."AgencyId"
    FROM "Subscribers" AS "s"
    WHERE 1
) AS "s0" ON "c"."SubscriberId" = "s0"."Id"
WHERE 1 AND "c"."NotBeforeUtc" >= '2026-12-31 17:00:00';
SELECT "r"."AgencyId"
FROM "Requests" AS "r"
INNER JOIN "RequestLine" AS "r0" ON "r"."Id" = "r0"."RequestId"
WHERE 1 AND "r"."Type" = 4 AND "r"."CaResultRecordedAtUtc" >= '2025-12-31 17:00:00' AND "r"."CaResultRecordedAtUtc" < '2026-12-31 17:00:00';
SELECT "t2"."AgencyId", COUNT(*) AS "Count"
FROM "TokenHandovers" AS "t"
INNER JOIN (
    SELECT "t1"."Id", "t1"."AgencyId"
    FROM "Tokens" AS "t1"
    WHERE 1
) AS "t2" ON "t"."TokenId" = "t2"."Id"
WHERE (1 OR EXISTS (
    SELECT 1
    FROM "Tokens" AS "t0"
    WHERE 1 AND "t0"."Id" = "t"."TokenId")) AND "t"."Date" >= '2026-01-01' AND "t"."Date" <= '2026-12-31'
GROUP BY "t2"."AgencyId";
SELECT "t1"."AgencyId", "t"."ToState", COUNT(*) AS "Count"
FROM "TimelineEvents" AS "t"
INNER JOIN (
    SELECT "t0"."Id", "t0"."AgencyId"
    FROM "Tokens" AS "t0"
    WHERE 1
) AS "t1" ON "t"."SubjectId" = "t1"."Id"
WHERE "t"."Subject" = 3 AND "t"."AtUtc" >= '2025-12-31 17:00:00' AND "t"."AtUtc" < '2026-12-31 17:00:00' AND "t"."ToState" IN ('Bị khóa', 'Đã khôi phục', 'Mất', 'Đã nộp lại Cục')
GROUP BY "t1"."AgencyId", "t"."ToState";
SELECT "r0"."Measure", "r0"."AgencyId", CAST("r0"."Type" AS INTEGER) AS "Type", CAST("r0"."Status" AS INTEGER) AS "Status", "r0"."Value", COALESCE(SUM("r0"."Count"), 0) AS "Count"
FROM "RequestReportCounts" AS "r0"
WHERE 1 AND "r0"."Count" <> 0 AND "r0"."Measure" IN (1, 2, 3, 4) AND "r0"."Month" = 202600
GROUP BY "r0"."Measure", "r0"."AgencyId", "r0"."Type", "r0"."Status", "r0"."Value";
SELECT "r1"."AgencyId", "r1"."Type", "r1"."Status", "r1"."Value", "r1"."InPeriod", COALESCE(SUM("r1"."Count"), 0) AS "Count"
FROM (
    SELECT "r"."AgencyId", "r"."Type", "r"."Status", "r"."Value", "r"."Count", "r"."Month" >= 202601 AND "r"."Month" <= 202612 AS "InPeriod"
    FROM "RequestReportCounts" AS "r"
    WHERE 1 AND "r"."Count" <> 0 AND "r"."Measure" = 5
) AS "r1"
GROUP BY "r1"."AgencyId", "r1"."Type", "r1"."Status", "r1"."Value", "r1"."InPeriod";
SELECT "r"."AgencyId", "r"."Type", "r"."Status", COUNT(*) AS "Count"
FROM "Requests" AS "r"
WHERE 1 AND "r"."DueDate" >= '2026-12-07' AND "r"."ClosedAtUtc" IS NULL AND "r"."ResolvedAtUtc" IS NULL AND "r"."FirstReceivedAtUtc" IS NOT NULL
GROUP BY "r"."AgencyId", "r"."Type", "r"."Status";
SELECT "c"."Id"
FROM "Certificates" AS "c"
WHERE "c"."RevokedAtUtc" >= '2025-12-31 17:00:00' AND "c"."RevokedAtUtc" < '2026-12-31 17:00:00';
SELECT "r"."RequestId", "r"."RevocationReason"
FROM "RequestLine" AS "r"
WHERE "r"."CertificateId" IN (SELECT "c"."Id" FROM "Certificates" AS "c" WHERE "c"."RevokedAtUtc" >= '2025-12-31 17:00:00' AND "c"."RevokedAtUtc" < '2026-12-31 17:00:00');
SELECT "r"."Id"
FROM "Requests" AS "r"
WHERE "r"."Id" IN (SELECT "l"."RequestId" FROM "RequestLine" AS "l" WHERE "l"."CertificateId" IN (SELECT "c"."Id" FROM "Certificates" AS "c" WHERE "c"."RevokedAtUtc" >= '2025-12-31 17:00:00' AND "c"."RevokedAtUtc" < '2026-12-31 17:00:00')) AND "r"."Type" = 2 AND "r"."Status" IN (10, 11);
SELECT "c"."AgencyId", "c"."Value", COALESCE(SUM("c"."Count"), 0) AS "Count"
FROM "CertificateReportCounts" AS "c"
WHERE 1 AND "c"."Count" <> 0 AND "c"."Measure" = 4 AND "c"."Month" >= 202701 AND "c"."Month" <= 202712 AND "c"."Status" = 1
GROUP BY "c"."AgencyId", "c"."Value";
SELECT "s0"."AgencyId", "s0"."Name" AS "Subscriber", "c"."SerialNumber", "c"."NotAfterUtc", "c"."RenewalCount"
FROM "Certificates" AS "c"
INNER JOIN (
    SELECT "s"."Id", "s"."AgencyId", "s"."Name"
    FROM "Subscribers" AS "s"
    WHERE 1
) AS "s0" ON "c"."SubscriberId" = "s0"."Id"
WHERE 1 AND "c"."Status" = 1 AND "c"."NotAfterUtc" >= '2026-12-31 17:00:00' AND "c"."NotAfterUtc" < '2027-12-31 17:00:00'
ORDER BY "c"."NotAfterUtc", "c"."Id"
LIMIT 100;
SELECT "a"."AgencyId", "r0"."To", "r0"."Id" AS "RoundId", "a"."ForecastNewSubscribers", "a"."ForecastNewTokens", "a"."ForecastRenewals"
FROM "AgencyReports" AS "a"
INNER JOIN (
    SELECT "r"."Id", "r"."To"
    FROM "ReportingRounds" AS "r"
    WHERE "r"."To" >= '2026-01-01' AND "r"."To" <= '2026-12-31'
) AS "r0" ON "a"."RoundId" = "r0"."Id"
WHERE 1 AND "a"."Status" <> 1;
SELECT COUNT(*)
FROM "Requests" AS "r"
WHERE 1 AND "r"."DueDate" < date('now', '+7 hours') AND "r"."DueStep" IS NOT NULL AND "r"."DueStep" IN (1, 2) AND "r"."Status" IN (3, 5);
