using System.Globalization;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CertificateReportCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CertificateReportCounts",
                columns: table => new
                {
                    Measure = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    AgencyId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<int>(type: "int", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateReportCounts", x => new { x.Measure, x.Month, x.AgencyId, x.Status, x.Value });
                });

            // The counts of the existing register, then triggers that keep them in the statement that changes certificates, or
            // moves subscribers to another agency (PhuThoCa.Infrastructure.Persistence.CertificateReportCount, ADR 0037). Each
            // certificate counts once per measure that applies to it, for its subscriber's agency: its start (issue or
            // renewal), its revocation, its expiry (not superseded, not revoked before it), and where it stands (month of
            // expiry, status, renewal count and revocation time). Rows inserted count +1, rows deleted -1, summed per key;
            // MERGE WITH (HOLDLOCK).
            migrationBuilder.Sql($"""
                INSERT INTO [CertificateReportCounts] ([Measure], [Month], [AgencyId], [Status], [Value], [Count])
                SELECT [Measure], [Month], [AgencyId], [Status], [Value], SUM([Delta])
                FROM ({Deltas(("[Certificates] AS c INNER JOIN [Subscribers] AS s ON s.[Id] = c.[SubscriberId]", "c", "s.[AgencyId]", 1))}) AS x
                GROUP BY [Measure], [Month], [AgencyId], [Status], [Value];
                """);
            // EXEC: CREATE TRIGGER must begin its batch, and the idempotent script wraps each migration's statements in IF … BEGIN.
            migrationBuilder.Sql($"""
                EXEC(N'CREATE TRIGGER [TR_Certificates_ReportCounts] ON [Certificates] AFTER INSERT, UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    {Merge(("inserted AS i INNER JOIN [Subscribers] AS si ON si.[Id] = i.[SubscriberId]", "i", "si.[AgencyId]", 1),
                        ("deleted AS o INNER JOIN [Subscribers] AS so ON so.[Id] = o.[SubscriberId]", "o", "so.[AgencyId]", -1))}
                END');
                """);
            migrationBuilder.Sql($"""
                EXEC(N'CREATE TRIGGER [TR_Subscribers_CertificateReportCounts] ON [Subscribers] AFTER UPDATE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    IF NOT UPDATE([AgencyId]) RETURN;
                    {Merge(("inserted AS i INNER JOIN [Certificates] AS c ON c.[SubscriberId] = i.[Id]", "c", "i.[AgencyId]", 1),
                        ("deleted AS o INNER JOIN [Certificates] AS c ON c.[SubscriberId] = o.[Id]", "c", "o.[AgencyId]", -1))}
                END');
                """);
        }

        private static string Month(string row, string column) =>
            $"YEAR(DATEADD(hour, 7, {row}.[{column}])) * 100 + MONTH(DATEADD(hour, 7, {row}.[{column}]))";

        private static string Bit(string condition, int weight) =>
            string.Create(CultureInfo.InvariantCulture, $"CASE WHEN {condition} THEN {weight} ELSE 0 END");

        /// <summary>The measures of the certificate row alias <paramref name="row"/>: each its key (Measure, Month, Status, Value) and the condition under which it counts.</summary>
        private static (string Measure, string Month, string Status, string Value, string Where)[] Measures(string row) =>
        [
            ("1", Month(row, "NotBeforeUtc"), "0", Bit($"{row}.[PredecessorId] IS NOT NULL OR {row}.[RenewalCount] > 0", 1), "1 = 1"),
            ("2", Month(row, "RevokedAtUtc"), "0", "0", $"{row}.[RevokedAtUtc] IS NOT NULL"),
            ("3", Month(row, "NotAfterUtc"), "0", "0", $"{row}.[Status] <> 4 AND ({row}.[RevokedAtUtc] IS NULL OR {row}.[RevokedAtUtc] >= {row}.[NotAfterUtc])"),
            ("4", Month(row, "NotAfterUtc"), $"{row}.[Status]", $"{row}.[RenewalCount] * 2 + {Bit($"{row}.[RevokedAtUtc] IS NOT NULL", 1)}", "1 = 1"),
        ];

        /// <summary>One SELECT per measure and source, each the key and its delta.</summary>
        private static string Deltas(params (string From, string Row, string Agency, int Delta)[] sources) =>
            string.Join(" UNION ALL ", sources.SelectMany(r => Measures(r.Row).Select(m => string.Create(CultureInfo.InvariantCulture,
                $"SELECT {m.Measure} AS [Measure], {m.Month} AS [Month], {r.Agency} AS [AgencyId], {m.Status} AS [Status], {m.Value} AS [Value], {r.Delta} AS [Delta] FROM {r.From} WHERE {m.Where}"))));

        /// <summary>Merges the sources' deltas, summed per key, into the counts; keys that net to zero touch nothing.</summary>
        private static string Merge(params (string From, string Row, string Agency, int Delta)[] sources) =>
            $"""
            MERGE [CertificateReportCounts] WITH (HOLDLOCK) AS t
                    USING (
                        SELECT [Measure], [Month], [AgencyId], [Status], [Value], SUM([Delta]) AS [Delta]
                        FROM ({Deltas(sources)}) AS x
                        GROUP BY [Measure], [Month], [AgencyId], [Status], [Value]
                        HAVING SUM([Delta]) <> 0) AS s
                    ON t.[Measure] = s.[Measure] AND t.[Month] = s.[Month] AND t.[AgencyId] = s.[AgencyId] AND t.[Status] = s.[Status] AND t.[Value] = s.[Value]
                    WHEN MATCHED THEN UPDATE SET [Count] = t.[Count] + s.[Delta]
                    WHEN NOT MATCHED THEN INSERT ([Measure], [Month], [AgencyId], [Status], [Value], [Count])
                        VALUES (s.[Measure], s.[Month], s.[AgencyId], s.[Status], s.[Value], s.[Delta]);
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_Subscribers_CertificateReportCounts];");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_Certificates_ReportCounts];");
            migrationBuilder.DropTable(
                name: "CertificateReportCounts");
        }
    }
}
