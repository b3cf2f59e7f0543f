using System.Globalization;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReceiptOutcomeCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgencyReceiptOutcomeCounts",
                columns: table => new
                {
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolution = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    HasDueDate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyReceiptOutcomeCounts", x => new { x.Month, x.AgencyId, x.Type, x.Resolution, x.Status, x.HasDueDate });
                });

            migrationBuilder.CreateTable(
                name: "ReceiptOutcomeCounts",
                columns: table => new
                {
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolution = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    HasDueDate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceiptOutcomeCounts", x => new { x.Month, x.Type, x.Resolution, x.Status, x.HasDueDate });
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyReceiptOutcomeCounts_AgencyId_Month",
                table: "AgencyReceiptOutcomeCounts",
                columns: new[] { "AgencyId", "Month" });

            // The counts of the existing register, then triggers that keep them in the statement that changes a request
            // (PhuThoCa.Infrastructure.Persistence.ReceiptOutcomeCount, ADR 0035). A request first received by Sở is counted
            // in the Vietnam month of that receipt, by type and where it stands: resolved with a timing (status 0, no due
            // date), or unresolved (resolution 0) in a status, with or without a due date. Each trigger adds the new row's key
            // and takes away the old row's, province-wide and for the agency; an update that leaves the key as it was (most
            // moves of a resolved request, a due date the calendar moves) nets to zero and writes nothing.
            foreach (var (table, agency) in new[] { ("ReceiptOutcomeCounts", false), ("AgencyReceiptOutcomeCounts", true) })
            {
                migrationBuilder.Sql($"""
                    INSERT INTO "{table}" ({Columns(agency)}, "Count")
                    SELECT {Key("r", agency)}, COUNT(*) FROM "Requests" AS "r"
                    WHERE "r"."FirstReceivedAtUtc" IS NOT NULL GROUP BY {Positions(agency)};
                    """);
            }

            migrationBuilder.Sql($"""
                CREATE TRIGGER "TR_Requests_ReceiptOutcomeCounts_Insert" AFTER INSERT ON "Requests"
                BEGIN
                {Upsert("ReceiptOutcomeCounts", false, ("NEW", 1))}
                {Upsert("AgencyReceiptOutcomeCounts", true, ("NEW", 1))}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "TR_Requests_ReceiptOutcomeCounts_Delete" AFTER DELETE ON "Requests"
                BEGIN
                {Upsert("ReceiptOutcomeCounts", false, ("OLD", -1))}
                {Upsert("AgencyReceiptOutcomeCounts", true, ("OLD", -1))}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "TR_Requests_ReceiptOutcomeCounts_Update" AFTER UPDATE OF "FirstReceivedAtUtc", "AgencyId", "Type", "Status", "ResolvedAtUtc", "Resolution", "DueDate" ON "Requests"
                BEGIN
                {Upsert("ReceiptOutcomeCounts", false, ("NEW", 1), ("OLD", -1))}
                {Upsert("AgencyReceiptOutcomeCounts", true, ("NEW", 1), ("OLD", -1))}
                END;
                """);
        }

        private static string Columns(bool agency) =>
            agency ? "\"Month\", \"AgencyId\", \"Type\", \"Resolution\", \"Status\", \"HasDueDate\"" : "\"Month\", \"Type\", \"Resolution\", \"Status\", \"HasDueDate\"";

        private static string Positions(bool agency) => agency ? "1, 2, 3, 4, 5, 6" : "1, 2, 3, 4, 5";

        /// <summary>The counted key of the request row <paramref name="row"/> (an alias, NEW or OLD).</summary>
        private static string Key(string row, bool agency) => string.Join(", ", KeyParts(row, agency));

        private static string[] KeyParts(string row, bool agency) =>
        [
            $"CAST(strftime('%Y%m', {row}.\"FirstReceivedAtUtc\", '+7 hours') AS INTEGER)",
            .. agency ? [$"{row}.\"AgencyId\""] : Array.Empty<string>(),
            $"{row}.\"Type\"",
            $"CASE WHEN {row}.\"ResolvedAtUtc\" IS NOT NULL THEN COALESCE({row}.\"Resolution\", 0) ELSE 0 END",
            $"CASE WHEN {row}.\"ResolvedAtUtc\" IS NULL THEN {row}.\"Status\" ELSE 0 END",
            $"{row}.\"ResolvedAtUtc\" IS NULL AND {row}.\"DueDate\" IS NOT NULL",
        ];

        /// <summary>Adds each row's delta to its key's count (rows first received only), skipping keys that net to zero.</summary>
        private static string Upsert(string table, bool agency, params (string Row, int Delta)[] rows)
        {
            var deltas = string.Join(" UNION ALL ", rows.Select(r =>
                "SELECT " + string.Join(", ", KeyParts(r.Row, agency).Select((e, i) => string.Create(CultureInfo.InvariantCulture, $"{e} AS \"k{i}\"")))
                + string.Create(CultureInfo.InvariantCulture, $", {r.Delta} AS \"d\" WHERE {r.Row}.\"FirstReceivedAtUtc\" IS NOT NULL")));
            var keys = string.Join(", ", Enumerable.Range(0, agency ? 6 : 5).Select(i => string.Create(CultureInfo.InvariantCulture, $"\"k{i}\"")));
            return $"""
                INSERT INTO "{table}" ({Columns(agency)}, "Count")
                    SELECT {keys}, SUM("d") FROM ({deltas})
                    GROUP BY {keys} HAVING SUM("d") <> 0
                    ON CONFLICT ({Columns(agency)}) DO UPDATE SET "Count" = "Count" + excluded."Count";
                """;
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "TR_Requests_ReceiptOutcomeCounts_Insert", "TR_Requests_ReceiptOutcomeCounts_Delete", "TR_Requests_ReceiptOutcomeCounts_Update" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
            }

            migrationBuilder.DropTable(
                name: "AgencyReceiptOutcomeCounts");

            migrationBuilder.DropTable(
                name: "ReceiptOutcomeCounts");
        }
    }
}
