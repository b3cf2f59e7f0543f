using System.Globalization;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.SqlServer.Migrations
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
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RequestReportCounts",
                columns: table => new
                {
                    Measure = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    AgencyId = table.Column<int>(type: "int", nullable: false),
                    Type = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<int>(type: "int", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestReportCounts", x => new { x.Measure, x.Month, x.AgencyId, x.Type, x.Status, x.Value });
                });

            migrationBuilder.CreateIndex(
                name: "IX_RequestReportCounts_AgencyId_Measure_Month",
                table: "RequestReportCounts",
                columns: new[] { "AgencyId", "Measure", "Month" });

            // The counts of the existing register, then one trigger that keeps them in the statement that changes requests
            // (PhuThoCa.Infrastructure.Persistence.RequestReportCount, ADR 0037). Each request first received by Sở counts
            // once per measure that applies to it: its receipt, its closing, Sở's resolution, the Cục's answer, or where it
            // stands while open. The rows inserted count +1, the rows deleted -1 (an update is both), summed per key; keys
            // that net to zero touch nothing. MERGE WITH (HOLDLOCK): two saves creating the same row at once do not both
            // insert. The answers recorded before this migration have no working days (CaWorkingDays NULL): their key says
            // so, and the report counts them from their two dates.
            migrationBuilder.Sql($"""
                INSERT INTO [RequestReportCounts] ([Measure], [Month], [AgencyId], [Type], [Status], [Value], [Count])
                SELECT [Measure], [Month], [AgencyId], [Type], [Status], [Value], SUM([Delta])
                FROM ({Deltas(("[Requests] AS r", "r", 1))}) AS c
                GROUP BY [Measure], [Month], [AgencyId], [Type], [Status], [Value];
                """);
            // EXEC: CREATE TRIGGER must begin its batch, and the idempotent script wraps each migration's statements in IF … BEGIN.
            migrationBuilder.Sql($"""
                EXEC(N'CREATE TRIGGER [TR_Requests_ReportCounts] ON [Requests] AFTER INSERT, UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    MERGE [RequestReportCounts] WITH (HOLDLOCK) AS t
                    USING (
                        SELECT [Measure], [Month], [AgencyId], [Type], [Status], [Value], SUM([Delta]) AS [Delta]
                        FROM ({Deltas(("inserted AS i", "i", 1), ("deleted AS o", "o", -1))}) AS c
                        GROUP BY [Measure], [Month], [AgencyId], [Type], [Status], [Value]
                        HAVING SUM([Delta]) <> 0) AS s
                    ON t.[Measure] = s.[Measure] AND t.[Month] = s.[Month] AND t.[AgencyId] = s.[AgencyId] AND t.[Type] = s.[Type]
                        AND t.[Status] = s.[Status] AND t.[Value] = s.[Value]
                    WHEN MATCHED THEN UPDATE SET [Count] = t.[Count] + s.[Delta]
                    WHEN NOT MATCHED THEN INSERT ([Measure], [Month], [AgencyId], [Type], [Status], [Value], [Count])
                        VALUES (s.[Measure], s.[Month], s.[AgencyId], s.[Type], s.[Status], s.[Value], s.[Delta]);
                END');
                """);

        }

        private static string Month(string row, string column) =>
            $"YEAR(DATEADD(hour, 7, {row}.[{column}])) * 100 + MONTH(DATEADD(hour, 7, {row}.[{column}]))";

        private static string Bit(string condition, int weight) =>
            string.Create(CultureInfo.InvariantCulture, $"CASE WHEN {condition} THEN {weight} ELSE 0 END");

        /// <summary>The measures of the request row alias <paramref name="row"/>: each its key (Measure, Month, AgencyId, Type, Status, Value) and the condition under which it counts.</summary>
        private static (string Measure, string Month, string Status, string Value, string Where)[] Measures(string row) =>
        [
            ("1", Month(row, "FirstReceivedAtUtc"), "0", "0", "1 = 1"),
            ("2", Month(row, "ClosedAtUtc"), $"{row}.[Status]", Bit($"{row}.[ResolvedAtUtc] IS NULL", 1), $"{row}.[ClosedAtUtc] IS NOT NULL"),
            ("3", Month(row, "ResolvedAtUtc"), "0", $"COALESCE({row}.[Resolution], 0)", $"{row}.[ResolvedAtUtc] IS NOT NULL"),
            ("4", Month(row, "CaAnsweredAtUtc"), "0", $"COALESCE({row}.[CaWorkingDays], -1)",
                $"{row}.[CaAnsweredAtUtc] IS NOT NULL AND {row}.[CaWaitStartedAtUtc] IS NOT NULL"),
            ("5", $"CASE WHEN {row}.[Status] = 7 THEN COALESCE({Month(row, "CaAnsweredAtUtc")}, 0) ELSE 0 END", $"{row}.[Status]",
                $"{Bit($"{row}.[ResolvedAtUtc] IS NULL", 1)} + {Bit($"{row}.[DueDate] IS NOT NULL", 2)} + {Bit($"{row}.[CaWaitStartedAtUtc] IS NOT NULL", 4)}",
                $"{row}.[ClosedAtUtc] IS NULL"),
        ];

        /// <summary>One SELECT per measure and source, each the key and its delta, for rows first received only.</summary>
        private static string Deltas(params (string From, string Row, int Delta)[] sources) =>
            string.Join(" UNION ALL ", sources.SelectMany(r => Measures(r.Row).Select(m => string.Create(CultureInfo.InvariantCulture,
                $"SELECT {m.Measure} AS [Measure], {m.Month} AS [Month], {r.Row}.[AgencyId] AS [AgencyId], {r.Row}.[Type] AS [Type], {m.Status} AS [Status], {m.Value} AS [Value], {r.Delta} AS [Delta] FROM {r.From} WHERE {r.Row}.[FirstReceivedAtUtc] IS NOT NULL AND {m.Where}"))));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_Requests_ReportCounts];");
            migrationBuilder.DropTable(
                name: "RequestReportCounts");

            migrationBuilder.DropColumn(
                name: "CaWorkingDays",
                table: "Requests");
        }
    }
}
