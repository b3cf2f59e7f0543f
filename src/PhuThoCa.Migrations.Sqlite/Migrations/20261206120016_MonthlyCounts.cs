using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MonthlyCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CertificateExpiryCounts",
                columns: table => new
                {
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateExpiryCounts", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "RequestMonthCounts",
                columns: table => new
                {
                    Measure = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestMonthCounts", x => new { x.Measure, x.Month, x.Type });
                });
            // The counts of the existing register, then triggers that keep them in the statement that changes a request or a
            // certificate (PhuThoCa.Infrastructure.Persistence.RequestMonthCount, CertificateExpiryCount). Months are Vietnam
            // months (UTC+7, no daylight saving). Each trigger adds the new row's contributions and takes away the old row's;
            // an update that changes none of the counted columns nets to zero and writes nothing.
            migrationBuilder.Sql("""
                INSERT INTO "RequestMonthCounts" ("Measure", "Month", "Type", "Count")
                SELECT 1, CAST(strftime('%Y%m', "ReceivedAtUtc", '+7 hours') AS INTEGER), "Type", COUNT(*) FROM "Requests"
                WHERE "ReceivedAtUtc" IS NOT NULL GROUP BY 2, 3;
                INSERT INTO "RequestMonthCounts" ("Measure", "Month", "Type", "Count")
                SELECT 2, CAST(strftime('%Y%m', "ClosedAtUtc", '+7 hours') AS INTEGER), "Type", COUNT(*) FROM "Requests"
                WHERE "Status" = 11 AND "ClosedAtUtc" IS NOT NULL GROUP BY 2, 3;
                INSERT INTO "RequestMonthCounts" ("Measure", "Month", "Type", "Count")
                SELECT 10 + "Resolution", CAST(strftime('%Y%m', "ResolvedAtUtc", '+7 hours') AS INTEGER), "Type", COUNT(*) FROM "Requests"
                WHERE "ResolvedAtUtc" IS NOT NULL AND "Resolution" IS NOT NULL GROUP BY 1, 2, 3;
                INSERT INTO "CertificateExpiryCounts" ("Month", "Count")
                SELECT CAST(strftime('%Y%m', "NotAfterUtc", '+7 hours') AS INTEGER), COUNT(*) FROM "Certificates" WHERE "Status" = 1 GROUP BY 1;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Requests_MonthCounts_Insert" AFTER INSERT ON "Requests"
                BEGIN
                    INSERT INTO "RequestMonthCounts" ("Measure", "Month", "Type", "Count")
                    SELECT "Measure", "Month", "Type", SUM("Delta") FROM (
                            SELECT 1 AS "Measure", CAST(strftime('%Y%m', NEW."ReceivedAtUtc", '+7 hours') AS INTEGER) AS "Month", NEW."Type" AS "Type", 1 AS "Delta" WHERE NEW."ReceivedAtUtc" IS NOT NULL
                            UNION ALL SELECT 2, CAST(strftime('%Y%m', NEW."ClosedAtUtc", '+7 hours') AS INTEGER), NEW."Type", 1 WHERE NEW."Status" = 11 AND NEW."ClosedAtUtc" IS NOT NULL
                            UNION ALL SELECT 10 + NEW."Resolution", CAST(strftime('%Y%m', NEW."ResolvedAtUtc", '+7 hours') AS INTEGER), NEW."Type", 1 WHERE NEW."ResolvedAtUtc" IS NOT NULL AND NEW."Resolution" IS NOT NULL)
                    WHERE true GROUP BY "Measure", "Month", "Type" HAVING SUM("Delta") <> 0
                    ON CONFLICT ("Measure", "Month", "Type") DO UPDATE SET "Count" = "Count" + excluded."Count";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Requests_MonthCounts_Delete" AFTER DELETE ON "Requests"
                BEGIN
                    INSERT INTO "RequestMonthCounts" ("Measure", "Month", "Type", "Count")
                    SELECT "Measure", "Month", "Type", SUM("Delta") FROM (
                            SELECT 1 AS "Measure", CAST(strftime('%Y%m', OLD."ReceivedAtUtc", '+7 hours') AS INTEGER) AS "Month", OLD."Type" AS "Type", -1 AS "Delta" WHERE OLD."ReceivedAtUtc" IS NOT NULL
                            UNION ALL SELECT 2, CAST(strftime('%Y%m', OLD."ClosedAtUtc", '+7 hours') AS INTEGER), OLD."Type", -1 WHERE OLD."Status" = 11 AND OLD."ClosedAtUtc" IS NOT NULL
                            UNION ALL SELECT 10 + OLD."Resolution", CAST(strftime('%Y%m', OLD."ResolvedAtUtc", '+7 hours') AS INTEGER), OLD."Type", -1 WHERE OLD."ResolvedAtUtc" IS NOT NULL AND OLD."Resolution" IS NOT NULL)
                    WHERE true GROUP BY "Measure", "Month", "Type" HAVING SUM("Delta") <> 0
                    ON CONFLICT ("Measure", "Month", "Type") DO UPDATE SET "Count" = "Count" + excluded."Count";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Requests_MonthCounts_Update" AFTER UPDATE OF "ReceivedAtUtc", "ClosedAtUtc", "Status", "Type", "ResolvedAtUtc", "Resolution" ON "Requests"
                BEGIN
                    INSERT INTO "RequestMonthCounts" ("Measure", "Month", "Type", "Count")
                    SELECT "Measure", "Month", "Type", SUM("Delta") FROM (
                            SELECT 1 AS "Measure", CAST(strftime('%Y%m', NEW."ReceivedAtUtc", '+7 hours') AS INTEGER) AS "Month", NEW."Type" AS "Type", 1 AS "Delta" WHERE NEW."ReceivedAtUtc" IS NOT NULL
                            UNION ALL SELECT 2, CAST(strftime('%Y%m', NEW."ClosedAtUtc", '+7 hours') AS INTEGER), NEW."Type", 1 WHERE NEW."Status" = 11 AND NEW."ClosedAtUtc" IS NOT NULL
                            UNION ALL SELECT 10 + NEW."Resolution", CAST(strftime('%Y%m', NEW."ResolvedAtUtc", '+7 hours') AS INTEGER), NEW."Type", 1 WHERE NEW."ResolvedAtUtc" IS NOT NULL AND NEW."Resolution" IS NOT NULL
                            UNION ALL SELECT 1 AS "Measure", CAST(strftime('%Y%m', OLD."ReceivedAtUtc", '+7 hours') AS INTEGER) AS "Month", OLD."Type" AS "Type", -1 AS "Delta" WHERE OLD."ReceivedAtUtc" IS NOT NULL
                            UNION ALL SELECT 2, CAST(strftime('%Y%m', OLD."ClosedAtUtc", '+7 hours') AS INTEGER), OLD."Type", -1 WHERE OLD."Status" = 11 AND OLD."ClosedAtUtc" IS NOT NULL
                            UNION ALL SELECT 10 + OLD."Resolution", CAST(strftime('%Y%m', OLD."ResolvedAtUtc", '+7 hours') AS INTEGER), OLD."Type", -1 WHERE OLD."ResolvedAtUtc" IS NOT NULL AND OLD."Resolution" IS NOT NULL)
                    WHERE true GROUP BY "Measure", "Month", "Type" HAVING SUM("Delta") <> 0
                    ON CONFLICT ("Measure", "Month", "Type") DO UPDATE SET "Count" = "Count" + excluded."Count";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Certificates_ExpiryCounts_Insert" AFTER INSERT ON "Certificates"
                BEGIN
                    INSERT INTO "CertificateExpiryCounts" ("Month", "Count")
                    SELECT "Month", SUM("Delta") FROM (
                            SELECT CAST(strftime('%Y%m', NEW."NotAfterUtc", '+7 hours') AS INTEGER) AS "Month", 1 AS "Delta" WHERE NEW."Status" = 1)
                    WHERE true GROUP BY "Month" HAVING SUM("Delta") <> 0
                    ON CONFLICT ("Month") DO UPDATE SET "Count" = "Count" + excluded."Count";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Certificates_ExpiryCounts_Delete" AFTER DELETE ON "Certificates"
                BEGIN
                    INSERT INTO "CertificateExpiryCounts" ("Month", "Count")
                    SELECT "Month", SUM("Delta") FROM (
                            SELECT CAST(strftime('%Y%m', OLD."NotAfterUtc", '+7 hours') AS INTEGER) AS "Month", -1 AS "Delta" WHERE OLD."Status" = 1)
                    WHERE true GROUP BY "Month" HAVING SUM("Delta") <> 0
                    ON CONFLICT ("Month") DO UPDATE SET "Count" = "Count" + excluded."Count";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Certificates_ExpiryCounts_Update" AFTER UPDATE OF "Status", "NotAfterUtc" ON "Certificates"
                BEGIN
                    INSERT INTO "CertificateExpiryCounts" ("Month", "Count")
                    SELECT "Month", SUM("Delta") FROM (
                            SELECT CAST(strftime('%Y%m', NEW."NotAfterUtc", '+7 hours') AS INTEGER) AS "Month", 1 AS "Delta" WHERE NEW."Status" = 1
                            UNION ALL SELECT CAST(strftime('%Y%m', OLD."NotAfterUtc", '+7 hours') AS INTEGER) AS "Month", -1 AS "Delta" WHERE OLD."Status" = 1)
                    WHERE true GROUP BY "Month" HAVING SUM("Delta") <> 0
                    ON CONFLICT ("Month") DO UPDATE SET "Count" = "Count" + excluded."Count";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "TR_Requests_MonthCounts_Insert", "TR_Requests_MonthCounts_Delete", "TR_Requests_MonthCounts_Update",
                "TR_Certificates_ExpiryCounts_Insert", "TR_Certificates_ExpiryCounts_Delete", "TR_Certificates_ExpiryCounts_Update" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
            }

            migrationBuilder.DropTable(
                name: "CertificateExpiryCounts");

            migrationBuilder.DropTable(
                name: "RequestMonthCounts");
        }
    }
}
