using System.Globalization;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CertificateReportCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // WITHOUT ROWID: a measure's range of months is read in key order (ADR 0037).
            migrationBuilder.Sql("""
                CREATE TABLE "CertificateReportCounts" (
                    "Measure" INTEGER NOT NULL,
                    "Month" INTEGER NOT NULL,
                    "AgencyId" INTEGER NOT NULL,
                    "Status" INTEGER NOT NULL,
                    "Value" INTEGER NOT NULL,
                    "Count" INTEGER NOT NULL,
                    CONSTRAINT "PK_CertificateReportCounts" PRIMARY KEY ("Measure", "Month", "AgencyId", "Status", "Value")
                ) WITHOUT ROWID;
                """);

            // The counts of the existing register, then triggers that keep them in the statement that changes a certificate,
            // or moves a subscriber to another agency (PhuThoCa.Infrastructure.Persistence.CertificateReportCount, ADR 0037).
            // Each certificate counts once per measure that applies to it, for its subscriber's agency: its start (issue or
            // renewal), its revocation, its expiry (not superseded, not revoked before it), and where it stands (month of
            // expiry, status, renewal count and revocation time). Keys that net to zero write nothing.
            migrationBuilder.Sql($"""
                INSERT INTO "CertificateReportCounts" ({Columns}, "Count")
                SELECT "k0", "k1", "k2", "k3", "k4", SUM("d") FROM ({Deltas("FROM \"Certificates\" AS \"c\" INNER JOIN \"Subscribers\" AS \"s\" ON \"s\".\"Id\" = \"c\".\"SubscriberId\" ", "1", ("c", "\"s\".\"AgencyId\"", 1))}) AS "x"
                GROUP BY "k0", "k1", "k2", "k3", "k4";
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "TR_Certificates_ReportCounts_Insert" AFTER INSERT ON "Certificates"
                BEGIN
                {Upsert("", "1", ("NEW", AgencyOf("NEW"), 1))}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "TR_Certificates_ReportCounts_Delete" AFTER DELETE ON "Certificates"
                BEGIN
                {Upsert("", "1", ("OLD", AgencyOf("OLD"), -1))}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "TR_Certificates_ReportCounts_Update" AFTER UPDATE OF "NotBeforeUtc", "NotAfterUtc", "RevokedAtUtc", "Status", "PredecessorId", "RenewalCount", "SubscriberId" ON "Certificates"
                BEGIN
                {Upsert("", "1", ("NEW", AgencyOf("NEW"), 1), ("OLD", AgencyOf("OLD"), -1))}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "TR_Subscribers_CertificateReportCounts" AFTER UPDATE OF "AgencyId" ON "Subscribers"
                WHEN OLD."AgencyId" <> NEW."AgencyId"
                BEGIN
                {Upsert("FROM \"Certificates\" AS \"c\" ", "\"c\".\"SubscriberId\" = NEW.\"Id\"", ("c", "NEW.\"AgencyId\"", 1), ("c", "OLD.\"AgencyId\"", -1))}
                END;
                """);
        }

        private const string Columns = "\"Measure\", \"Month\", \"AgencyId\", \"Status\", \"Value\"";

        private static string AgencyOf(string row) => $"(SELECT \"AgencyId\" FROM \"Subscribers\" WHERE \"Id\" = {row}.\"SubscriberId\")";

        private static string Month(string row, string column) =>
            $"CAST(strftime('%Y%m', {row}.\"{column}\", '+7 hours') AS INTEGER)";

        /// <summary>The measures of the certificate row <paramref name="row"/>: each its key (Measure, Month, AgencyId, Status, Value) and the condition under which it counts.</summary>
        private static (string[] Key, string Where)[] Measures(string row, string agency) =>
        [
            (["1", Month(row, "NotBeforeUtc"), agency, "0", $"({row}.\"PredecessorId\" IS NOT NULL OR {row}.\"RenewalCount\" > 0)"], "1"),
            (["2", Month(row, "RevokedAtUtc"), agency, "0", "0"], $"{row}.\"RevokedAtUtc\" IS NOT NULL"),
            (["3", Month(row, "NotAfterUtc"), agency, "0", "0"],
                $"{row}.\"Status\" <> 4 AND ({row}.\"RevokedAtUtc\" IS NULL OR {row}.\"RevokedAtUtc\" >= {row}.\"NotAfterUtc\")"),
            (["4", Month(row, "NotAfterUtc"), agency, $"{row}.\"Status\"", $"{row}.\"RenewalCount\" * 2 + ({row}.\"RevokedAtUtc\" IS NOT NULL)"], "1"),
        ];

        /// <summary>One SELECT per measure and row: the key as k0..k4 and the delta d; <paramref name="from"/> is the FROM clause of rows that are a table's alias (empty for NEW and OLD), <paramref name="where"/> their condition.</summary>
        private static string Deltas(string from, string where, params (string Row, string Agency, int Delta)[] rows) =>
            string.Join(" UNION ALL ", rows.SelectMany(r => Measures(r.Row, r.Agency).Select(m =>
                "SELECT " + string.Join(", ", m.Key.Select((e, i) => string.Create(CultureInfo.InvariantCulture, $"{e} AS \"k{i}\"")))
                + string.Create(CultureInfo.InvariantCulture, $", {r.Delta} AS \"d\" {from}WHERE {where} AND {m.Where}"))));

        /// <summary>Adds each row's deltas to their keys' counts, skipping keys that net to zero.</summary>
        private static string Upsert(string from, string where, params (string Row, string Agency, int Delta)[] rows) =>
            $"""
            INSERT INTO "CertificateReportCounts" ({Columns}, "Count")
                SELECT "k0", "k1", "k2", "k3", "k4", SUM("d") FROM ({Deltas(from, where, rows)})
                GROUP BY "k0", "k1", "k2", "k3", "k4" HAVING SUM("d") <> 0
                ON CONFLICT ({Columns}) DO UPDATE SET "Count" = "Count" + excluded."Count";
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "TR_Certificates_ReportCounts_Insert", "TR_Certificates_ReportCounts_Delete", "TR_Certificates_ReportCounts_Update", "TR_Subscribers_CertificateReportCounts" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
            }

            migrationBuilder.DropTable(
                name: "CertificateReportCounts");
        }
    }
}
