using System.Globalization;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RequestReportYearCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The measures counted by the month of an event (received, closed, resolved, the Cục's answer) are also kept per
            // Vietnam year, under the key yyyy00 (PhuThoCa.Infrastructure.Persistence.RequestReportCount.YearKey, ADR 0037):
            // a year's report then reads one cell per key instead of twelve. The existing months are summed into their years,
            // and the trigger is made again to keep both.
            migrationBuilder.Sql("""
                INSERT INTO [RequestReportCounts] ([Measure], [Month], [AgencyId], [Type], [Status], [Value], [Count])
                SELECT [Measure], ([Month] / 100) * 100, [AgencyId], [Type], [Status], [Value], SUM([Count])
                FROM [RequestReportCounts]
                WHERE [Measure] IN (1, 2, 3, 4) AND [Month] % 100 <> 0
                GROUP BY [Measure], ([Month] / 100) * 100, [AgencyId], [Type], [Status], [Value]
                HAVING SUM([Count]) <> 0;
                """);
            CreateTrigger(migrationBuilder, years: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM [RequestReportCounts] WHERE [Measure] IN (1, 2, 3, 4) AND [Month] % 100 = 0;");
            CreateTrigger(migrationBuilder, years: false);
        }

        // EXEC: CREATE TRIGGER must begin its batch, and the idempotent script wraps each migration's statements in IF … BEGIN.
        private static void CreateTrigger(MigrationBuilder migrationBuilder, bool years) =>
            migrationBuilder.Sql($"""
                EXEC(N'CREATE OR ALTER TRIGGER [TR_Requests_ReportCounts] ON [Requests] AFTER INSERT, UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    MERGE [RequestReportCounts] WITH (HOLDLOCK) AS t
                    USING (
                        SELECT [Measure], [Month], [AgencyId], [Type], [Status], [Value], SUM([Delta]) AS [Delta]
                        FROM ({Deltas(years, ("inserted AS i", "i", 1), ("deleted AS o", "o", -1))}) AS c
                        GROUP BY [Measure], [Month], [AgencyId], [Type], [Status], [Value]
                        HAVING SUM([Delta]) <> 0) AS s
                    ON t.[Measure] = s.[Measure] AND t.[Month] = s.[Month] AND t.[AgencyId] = s.[AgencyId] AND t.[Type] = s.[Type]
                        AND t.[Status] = s.[Status] AND t.[Value] = s.[Value]
                    WHEN MATCHED THEN UPDATE SET [Count] = t.[Count] + s.[Delta]
                    WHEN NOT MATCHED THEN INSERT ([Measure], [Month], [AgencyId], [Type], [Status], [Value], [Count])
                        VALUES (s.[Measure], s.[Month], s.[AgencyId], s.[Type], s.[Status], s.[Value], s.[Delta]);
                END');
                """);

        private static string Month(string row, string column) =>
            $"YEAR(DATEADD(hour, 7, {row}.[{column}])) * 100 + MONTH(DATEADD(hour, 7, {row}.[{column}]))";

        private static string Year(string row, string column) =>
            $"YEAR(DATEADD(hour, 7, {row}.[{column}])) * 100";

        private static string Bit(string condition, int weight) =>
            string.Create(CultureInfo.InvariantCulture, $"CASE WHEN {condition} THEN {weight} ELSE 0 END");

        /// <summary>
        /// The measures of the request row alias <paramref name="row"/>: each its key (Measure, Month, AgencyId, Type, Status,
        /// Value) and the condition under which it counts; with <paramref name="years"/>, the four event measures once more
        /// under their year's key.
        /// </summary>
        private static (string Measure, string Month, string Status, string Value, string Where)[] Measures(string row, bool years)
        {
            (string Measure, string Column, string Status, string Value, string Where)[] events =
            [
                ("1", "FirstReceivedAtUtc", "0", "0", "1 = 1"),
                ("2", "ClosedAtUtc", $"{row}.[Status]", Bit($"{row}.[ResolvedAtUtc] IS NULL", 1), $"{row}.[ClosedAtUtc] IS NOT NULL"),
                ("3", "ResolvedAtUtc", "0", $"COALESCE({row}.[Resolution], 0)", $"{row}.[ResolvedAtUtc] IS NOT NULL"),
                ("4", "CaAnsweredAtUtc", "0", $"COALESCE({row}.[CaWorkingDays], -1)",
                    $"{row}.[CaAnsweredAtUtc] IS NOT NULL AND {row}.[CaWaitStartedAtUtc] IS NOT NULL"),
            ];
            var keys = events.Select(e => (e.Measure, Month(row, e.Column), e.Status, e.Value, e.Where));
            if (years)
            {
                keys = keys.Concat(events.Select(e => (e.Measure, Year(row, e.Column), e.Status, e.Value, e.Where)));
            }

            return
            [
                .. keys,
                ("5", $"CASE WHEN {row}.[Status] = 7 THEN COALESCE({Month(row, "CaAnsweredAtUtc")}, 0) ELSE 0 END", $"{row}.[Status]",
                    $"{Bit($"{row}.[ResolvedAtUtc] IS NULL", 1)} + {Bit($"{row}.[DueDate] IS NOT NULL", 2)} + {Bit($"{row}.[CaWaitStartedAtUtc] IS NOT NULL", 4)}",
                    $"{row}.[ClosedAtUtc] IS NULL"),
            ];
        }

        /// <summary>One SELECT per measure and source, each the key and its delta, for rows first received only.</summary>
        private static string Deltas(bool years, params (string From, string Row, int Delta)[] sources) =>
            string.Join(" UNION ALL ", sources.SelectMany(r => Measures(r.Row, years).Select(m => string.Create(CultureInfo.InvariantCulture,
                $"SELECT {m.Measure} AS [Measure], {m.Month} AS [Month], {r.Row}.[AgencyId] AS [AgencyId], {r.Row}.[Type] AS [Type], {m.Status} AS [Status], {m.Value} AS [Value], {r.Delta} AS [Delta] FROM {r.From} WHERE {r.Row}.[FirstReceivedAtUtc] IS NOT NULL AND {m.Where}"))));
    }
}
