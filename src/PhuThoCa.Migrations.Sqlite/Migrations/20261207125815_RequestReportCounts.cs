using System.Globalization;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RequestReportCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CaWorkingDays",
                table: "Requests",
                type: "INTEGER",
                nullable: true);

            // WITHOUT ROWID: the rows are stored in key order, so the report's range of months of a measure is read in one pass
            // instead of one table lookup per index entry (17 against 30 ms for a year at 100,000 requests).
            migrationBuilder.Sql("""
                CREATE TABLE "RequestReportCounts" (
                    "Measure" INTEGER NOT NULL,
                    "Month" INTEGER NOT NULL,
                    "AgencyId" INTEGER NOT NULL,
                    "Type" INTEGER NOT NULL,
                    "Status" INTEGER NOT NULL,
                    "Value" INTEGER NOT NULL,
                    "Count" INTEGER NOT NULL,
                    CONSTRAINT "PK_RequestReportCounts" PRIMARY KEY ("Measure", "Month", "AgencyId", "Type", "Status", "Value")
                ) WITHOUT ROWID;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_RequestReportCounts_AgencyId_Measure_Month",
                table: "RequestReportCounts",
                columns: new[] { "AgencyId", "Measure", "Month" });

            // The counts of the existing register, then triggers that keep them in the statement that changes a request
            // (PhuThoCa.Infrastructure.Persistence.RequestReportCount, ADR 0037). Each request first received by Sở counts
            // once per measure that applies to it: its receipt, its closing, Sở's resolution, the Cục's answer, or where it
            // stands while open. Each trigger adds the new row's keys and takes away the old row's; keys that net to zero (a
            // move that changes no counted fact, a due date the calendar moves) write nothing. The answers recorded before
            // this migration have no working days (CaWorkingDays NULL): their key says so, and the report counts them from
            // their two dates.
            migrationBuilder.Sql($"""
                INSERT INTO "RequestReportCounts" ({Columns}, "Count")
                SELECT "k0", "k1", "k2", "k3", "k4", "k5", SUM("d") FROM ({Deltas("FROM \"Requests\" AS \"r\" ", ("r", 1))}) AS "c"
                GROUP BY "k0", "k1", "k2", "k3", "k4", "k5";
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "TR_Requests_ReportCounts_Insert" AFTER INSERT ON "Requests"
                BEGIN
                {Upsert(("NEW", 1))}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "TR_Requests_ReportCounts_Delete" AFTER DELETE ON "Requests"
                BEGIN
                {Upsert(("OLD", -1))}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "TR_Requests_ReportCounts_Update" AFTER UPDATE OF "FirstReceivedAtUtc", "AgencyId", "Type", "Status", "ClosedAtUtc", "ResolvedAtUtc", "Resolution", "DueDate", "CaWaitStartedAtUtc", "CaAnsweredAtUtc", "CaWorkingDays" ON "Requests"
                BEGIN
                {Upsert(("NEW", 1), ("OLD", -1))}
                END;
                """);
        }

        private const string Columns = "\"Measure\", \"Month\", \"AgencyId\", \"Type\", \"Status\", \"Value\"";

        private static string Month(string row, string column) =>
            $"CAST(strftime('%Y%m', {row}.\"{column}\", '+7 hours') AS INTEGER)";

        /// <summary>The measures of the request row <paramref name="row"/> (an alias, NEW or OLD): each its key (Measure, Month, AgencyId, Type, Status, Value) and the condition under which it counts.</summary>
        private static (string[] Key, string Where)[] Measures(string row) =>
        [
            (["1", Month(row, "FirstReceivedAtUtc"), $"{row}.\"AgencyId\"", $"{row}.\"Type\"", "0", "0"], "1"),
            (["2", Month(row, "ClosedAtUtc"), $"{row}.\"AgencyId\"", $"{row}.\"Type\"", $"{row}.\"Status\"", $"{row}.\"ResolvedAtUtc\" IS NULL"],
                $"{row}.\"ClosedAtUtc\" IS NOT NULL"),
            (["3", Month(row, "ResolvedAtUtc"), $"{row}.\"AgencyId\"", $"{row}.\"Type\"", "0", $"COALESCE({row}.\"Resolution\", 0)"],
                $"{row}.\"ResolvedAtUtc\" IS NOT NULL"),
            (["4", Month(row, "CaAnsweredAtUtc"), $"{row}.\"AgencyId\"", $"{row}.\"Type\"", "0", $"COALESCE({row}.\"CaWorkingDays\", -1)"],
                $"{row}.\"CaAnsweredAtUtc\" IS NOT NULL AND {row}.\"CaWaitStartedAtUtc\" IS NOT NULL"),
            (["5", $"CASE WHEN {row}.\"Status\" = 7 THEN COALESCE({Month(row, "CaAnsweredAtUtc")}, 0) ELSE 0 END", $"{row}.\"AgencyId\"", $"{row}.\"Type\"", $"{row}.\"Status\"",
                $"({row}.\"ResolvedAtUtc\" IS NULL) + 2 * ({row}.\"DueDate\" IS NOT NULL) + 4 * ({row}.\"CaWaitStartedAtUtc\" IS NOT NULL)"],
                $"{row}.\"ClosedAtUtc\" IS NULL"),
        ];

        /// <summary>One SELECT per measure and row, each the key as k0..k5 and the delta d, for rows first received only; <paramref name="from"/> is the FROM clause of a row that is a table's alias, empty for NEW and OLD.</summary>
        private static string Deltas(string from, params (string Row, int Delta)[] rows) =>
            string.Join(" UNION ALL ", rows.SelectMany(r => Measures(r.Row).Select(m =>
                "SELECT " + string.Join(", ", m.Key.Select((e, i) => string.Create(CultureInfo.InvariantCulture, $"{e} AS \"k{i}\"")))
                + string.Create(CultureInfo.InvariantCulture, $", {r.Delta} AS \"d\" {from}WHERE {r.Row}.\"FirstReceivedAtUtc\" IS NOT NULL AND {m.Where}"))));

        /// <summary>Adds each row's deltas to their keys' counts, skipping keys that net to zero.</summary>
        private static string Upsert(params (string Row, int Delta)[] rows) =>
            $"""
            INSERT INTO "RequestReportCounts" ({Columns}, "Count")
                SELECT "k0", "k1", "k2", "k3", "k4", "k5", SUM("d") FROM ({Deltas("", rows)})
                GROUP BY "k0", "k1", "k2", "k3", "k4", "k5" HAVING SUM("d") <> 0
                ON CONFLICT ({Columns}) DO UPDATE SET "Count" = "Count" + excluded."Count";
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "TR_Requests_ReportCounts_Insert", "TR_Requests_ReportCounts_Delete", "TR_Requests_ReportCounts_Update" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
            }

            migrationBuilder.DropTable(
                name: "RequestReportCounts");

            migrationBuilder.DropColumn(
                name: "CaWorkingDays",
                table: "Requests");
        }
    }
}
