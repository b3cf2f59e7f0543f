using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.SqlServer.Migrations
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
                    Month = table.Column<int>(type: "int", nullable: false),
                    AgencyId = table.Column<int>(type: "int", nullable: false),
                    Type = table.Column<int>(type: "int", nullable: false),
                    Resolution = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    HasDueDate = table.Column<bool>(type: "bit", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyReceiptOutcomeCounts", x => new { x.Month, x.AgencyId, x.Type, x.Resolution, x.Status, x.HasDueDate });
                });

            migrationBuilder.CreateTable(
                name: "ReceiptOutcomeCounts",
                columns: table => new
                {
                    Month = table.Column<int>(type: "int", nullable: false),
                    Type = table.Column<int>(type: "int", nullable: false),
                    Resolution = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    HasDueDate = table.Column<bool>(type: "bit", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceiptOutcomeCounts", x => new { x.Month, x.Type, x.Resolution, x.Status, x.HasDueDate });
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyReceiptOutcomeCounts_AgencyId_Month",
                table: "AgencyReceiptOutcomeCounts",
                columns: new[] { "AgencyId", "Month" });

            // The counts of the existing register, then one trigger that keeps them in the statement that changes requests
            // (PhuThoCa.Infrastructure.Persistence.ReceiptOutcomeCount, ADR 0035). A request first received by Sở is counted
            // in the Vietnam month of that receipt, by type and where it stands: resolved with a timing (status 0, no due
            // date), or unresolved (resolution 0) in a status, with or without a due date. The rows inserted count +1, the rows
            // deleted -1 (an update is both), summed per key into a table variable, then merged province-wide and per agency;
            // keys that net to zero touch nothing. MERGE WITH (HOLDLOCK): two saves creating the same row at once do not both
            // insert.
            migrationBuilder.Sql($"""
                INSERT INTO [ReceiptOutcomeCounts] ([Month], [Type], [Resolution], [Status], [HasDueDate], [Count])
                SELECT [Month], [Type], [Resolution], [Status], [HasDueDate], COUNT(*)
                FROM (SELECT {Key("r")} FROM [Requests] AS r WHERE r.[FirstReceivedAtUtc] IS NOT NULL) AS k
                GROUP BY [Month], [Type], [Resolution], [Status], [HasDueDate];
                """);
            migrationBuilder.Sql($"""
                INSERT INTO [AgencyReceiptOutcomeCounts] ([Month], [AgencyId], [Type], [Resolution], [Status], [HasDueDate], [Count])
                SELECT [Month], [AgencyId], [Type], [Resolution], [Status], [HasDueDate], COUNT(*)
                FROM (SELECT {Key("r")} FROM [Requests] AS r WHERE r.[FirstReceivedAtUtc] IS NOT NULL) AS k
                GROUP BY [Month], [AgencyId], [Type], [Resolution], [Status], [HasDueDate];
                """);
            // EXEC: CREATE TRIGGER must begin its batch, and the idempotent script wraps each migration's statements in IF … BEGIN.
            migrationBuilder.Sql($"""
                EXEC(N'CREATE TRIGGER [TR_Requests_ReceiptOutcomeCounts] ON [Requests] AFTER INSERT, UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    DECLARE @d TABLE ([Month] int, [AgencyId] int, [Type] int, [Resolution] int, [Status] int, [HasDueDate] bit, [Delta] int);
                    INSERT INTO @d
                    SELECT [Month], [AgencyId], [Type], [Resolution], [Status], [HasDueDate], SUM([Delta])
                    FROM (SELECT {Key("i")}, 1 AS [Delta] FROM inserted AS i WHERE i.[FirstReceivedAtUtc] IS NOT NULL
                          UNION ALL
                          SELECT {Key("o")}, -1 AS [Delta] FROM deleted AS o WHERE o.[FirstReceivedAtUtc] IS NOT NULL) AS c
                    GROUP BY [Month], [AgencyId], [Type], [Resolution], [Status], [HasDueDate]
                    HAVING SUM([Delta]) <> 0;
                    IF @@ROWCOUNT = 0 RETURN;
                    MERGE [ReceiptOutcomeCounts] WITH (HOLDLOCK) AS t
                    USING (
                        SELECT [Month], [Type], [Resolution], [Status], [HasDueDate], SUM([Delta]) AS [Delta] FROM @d
                        GROUP BY [Month], [Type], [Resolution], [Status], [HasDueDate]
                        HAVING SUM([Delta]) <> 0) AS s
                    ON t.[Month] = s.[Month] AND t.[Type] = s.[Type] AND t.[Resolution] = s.[Resolution] AND t.[Status] = s.[Status] AND t.[HasDueDate] = s.[HasDueDate]
                    WHEN MATCHED THEN UPDATE SET [Count] = t.[Count] + s.[Delta]
                    WHEN NOT MATCHED THEN INSERT ([Month], [Type], [Resolution], [Status], [HasDueDate], [Count])
                        VALUES (s.[Month], s.[Type], s.[Resolution], s.[Status], s.[HasDueDate], s.[Delta]);
                    MERGE [AgencyReceiptOutcomeCounts] WITH (HOLDLOCK) AS t
                    USING @d AS s
                    ON t.[Month] = s.[Month] AND t.[AgencyId] = s.[AgencyId] AND t.[Type] = s.[Type] AND t.[Resolution] = s.[Resolution] AND t.[Status] = s.[Status] AND t.[HasDueDate] = s.[HasDueDate]
                    WHEN MATCHED THEN UPDATE SET [Count] = t.[Count] + s.[Delta]
                    WHEN NOT MATCHED THEN INSERT ([Month], [AgencyId], [Type], [Resolution], [Status], [HasDueDate], [Count])
                        VALUES (s.[Month], s.[AgencyId], s.[Type], s.[Resolution], s.[Status], s.[HasDueDate], s.[Delta]);
                END');
                """);
        }

        /// <summary>The counted key of the request row alias <paramref name="row"/>: month of first receipt (Vietnam), agency, type, resolution, status, due date or not.</summary>
        private static string Key(string row) =>
            $"YEAR(DATEADD(hour, 7, {row}.[FirstReceivedAtUtc])) * 100 + MONTH(DATEADD(hour, 7, {row}.[FirstReceivedAtUtc])) AS [Month], "
            + $"{row}.[AgencyId] AS [AgencyId], {row}.[Type] AS [Type], "
            + $"CASE WHEN {row}.[ResolvedAtUtc] IS NOT NULL THEN COALESCE({row}.[Resolution], 0) ELSE 0 END AS [Resolution], "
            + $"CASE WHEN {row}.[ResolvedAtUtc] IS NULL THEN {row}.[Status] ELSE 0 END AS [Status], "
            + $"CAST(CASE WHEN {row}.[ResolvedAtUtc] IS NULL AND {row}.[DueDate] IS NOT NULL THEN 1 ELSE 0 END AS bit) AS [HasDueDate]";

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_Requests_ReceiptOutcomeCounts];");
            migrationBuilder.DropTable(
                name: "AgencyReceiptOutcomeCounts");

            migrationBuilder.DropTable(
                name: "ReceiptOutcomeCounts");
        }
    }
}
