using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RequestClockCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RequestClockCounts",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Clock = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestClockCounts", x => new { x.Status, x.Clock, x.AgencyId });
                });

            // The counts of the existing register, then triggers that keep them in the statement that changes a request
            // (PhuThoCa.Infrastructure.Persistence.RequestClockCount, ADR 0034). A request's clock: its running step when it
            // has one with a due date; 0 for a sent request waiting for receipt (status 2, no due date, a sending time);
            // none otherwise (not counted). Each trigger adds the new row's key and takes away the old row's; an update that
            // leaves agency, status and clock as they were (a due date moved by the calendar, most updates) nets to zero
            // and writes nothing.
            migrationBuilder.Sql("""
                INSERT INTO "RequestClockCounts" ("AgencyId", "Status", "Clock", "Count")
                SELECT "AgencyId", "Status", "Clock", COUNT(*) FROM (
                        SELECT "AgencyId", "Status", CASE WHEN "DueStep" IS NOT NULL AND "DueDate" IS NOT NULL THEN "DueStep" WHEN "Status" = 2 AND "DueDate" IS NULL AND "SubmittedAtUtc" IS NOT NULL THEN 0 END AS "Clock" FROM "Requests")
                WHERE "Clock" IS NOT NULL GROUP BY "AgencyId", "Status", "Clock";
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Requests_ClockCounts_Insert" AFTER INSERT ON "Requests"
                BEGIN
                    INSERT INTO "RequestClockCounts" ("AgencyId", "Status", "Clock", "Count")
                    SELECT NEW."AgencyId", NEW."Status", "Clock", 1 FROM (SELECT CASE WHEN NEW."DueStep" IS NOT NULL AND NEW."DueDate" IS NOT NULL THEN NEW."DueStep" WHEN NEW."Status" = 2 AND NEW."DueDate" IS NULL AND NEW."SubmittedAtUtc" IS NOT NULL THEN 0 END AS "Clock") WHERE "Clock" IS NOT NULL
                    ON CONFLICT ("Status", "Clock", "AgencyId") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Requests_ClockCounts_Delete" AFTER DELETE ON "Requests"
                BEGIN
                    UPDATE "RequestClockCounts" SET "Count" = "Count" - 1
                    WHERE "AgencyId" = OLD."AgencyId" AND "Status" = OLD."Status" AND "Clock" = (CASE WHEN OLD."DueStep" IS NOT NULL AND OLD."DueDate" IS NOT NULL THEN OLD."DueStep" WHEN OLD."Status" = 2 AND OLD."DueDate" IS NULL AND OLD."SubmittedAtUtc" IS NOT NULL THEN 0 END);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Requests_ClockCounts_Update" AFTER UPDATE OF "AgencyId", "Status", "DueStep", "DueDate", "SubmittedAtUtc" ON "Requests"
                BEGIN
                    INSERT INTO "RequestClockCounts" ("AgencyId", "Status", "Clock", "Count")
                    SELECT "AgencyId", "Status", "Clock", SUM("Delta") FROM (
                            SELECT NEW."AgencyId" AS "AgencyId", NEW."Status" AS "Status", CASE WHEN NEW."DueStep" IS NOT NULL AND NEW."DueDate" IS NOT NULL THEN NEW."DueStep" WHEN NEW."Status" = 2 AND NEW."DueDate" IS NULL AND NEW."SubmittedAtUtc" IS NOT NULL THEN 0 END AS "Clock", 1 AS "Delta"
                            UNION ALL SELECT OLD."AgencyId", OLD."Status", CASE WHEN OLD."DueStep" IS NOT NULL AND OLD."DueDate" IS NOT NULL THEN OLD."DueStep" WHEN OLD."Status" = 2 AND OLD."DueDate" IS NULL AND OLD."SubmittedAtUtc" IS NOT NULL THEN 0 END, -1)
                    WHERE "Clock" IS NOT NULL GROUP BY "AgencyId", "Status", "Clock" HAVING SUM("Delta") <> 0
                    ON CONFLICT ("Status", "Clock", "AgencyId") DO UPDATE SET "Count" = "Count" + excluded."Count";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "TR_Requests_ClockCounts_Insert", "TR_Requests_ClockCounts_Delete", "TR_Requests_ClockCounts_Update" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
            }

            migrationBuilder.DropTable(
                name: "RequestClockCounts");
        }
    }
}
