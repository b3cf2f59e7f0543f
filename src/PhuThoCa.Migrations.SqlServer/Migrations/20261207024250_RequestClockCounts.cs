using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.SqlServer.Migrations
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
                    AgencyId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Clock = table.Column<int>(type: "int", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestClockCounts", x => new { x.Status, x.Clock, x.AgencyId });
                });

            // The counts of the existing register, then one trigger that keeps them in the statement that changes requests
            // (PhuThoCa.Infrastructure.Persistence.RequestClockCount, ADR 0034). A request's clock: its running step when it
            // has one with a due date; 0 for a sent request waiting for receipt (status 2, no due date, a sending time);
            // none otherwise (not counted). The rows inserted count +1, the rows deleted -1 (an update is both), summed per
            // agency, status and clock; an update that leaves them as they were nets to zero and touches nothing.
            // MERGE WITH (HOLDLOCK): two saves creating the same count row at once do not both insert.
            migrationBuilder.Sql("""
                INSERT INTO [RequestClockCounts] ([AgencyId], [Status], [Clock], [Count])
                SELECT [AgencyId], [Status], [Clock], COUNT(*)
                FROM (SELECT [AgencyId], [Status], CASE WHEN [DueStep] IS NOT NULL AND [DueDate] IS NOT NULL THEN [DueStep] WHEN [Status] = 2 AND [DueDate] IS NULL AND [SubmittedAtUtc] IS NOT NULL THEN 0 END AS [Clock] FROM [Requests]) AS r
                WHERE [Clock] IS NOT NULL GROUP BY [AgencyId], [Status], [Clock];
                """);
            // EXEC: CREATE TRIGGER must begin its batch, and the idempotent script wraps each migration's statements in IF … BEGIN.
            migrationBuilder.Sql("""
                EXEC(N'CREATE TRIGGER [TR_Requests_ClockCounts] ON [Requests] AFTER INSERT, UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    MERGE [RequestClockCounts] WITH (HOLDLOCK) AS t
                    USING (
                        SELECT [AgencyId], [Status], [Clock], SUM([Delta]) AS [Delta]
                        FROM (SELECT [AgencyId], [Status], CASE WHEN [DueStep] IS NOT NULL AND [DueDate] IS NOT NULL THEN [DueStep] WHEN [Status] = 2 AND [DueDate] IS NULL AND [SubmittedAtUtc] IS NOT NULL THEN 0 END AS [Clock], 1 AS [Delta] FROM inserted
                              UNION ALL
                              SELECT [AgencyId], [Status], CASE WHEN [DueStep] IS NOT NULL AND [DueDate] IS NOT NULL THEN [DueStep] WHEN [Status] = 2 AND [DueDate] IS NULL AND [SubmittedAtUtc] IS NOT NULL THEN 0 END AS [Clock], -1 AS [Delta] FROM deleted) AS c
                        WHERE [Clock] IS NOT NULL
                        GROUP BY [AgencyId], [Status], [Clock]
                        HAVING SUM([Delta]) <> 0) AS s
                    ON t.[Status] = s.[Status] AND t.[Clock] = s.[Clock] AND t.[AgencyId] = s.[AgencyId]
                    WHEN MATCHED THEN UPDATE SET [Count] = t.[Count] + s.[Delta]
                    WHEN NOT MATCHED THEN INSERT ([AgencyId], [Status], [Clock], [Count]) VALUES (s.[AgencyId], s.[Status], s.[Clock], s.[Delta]);
                END');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_Requests_ClockCounts];");
            migrationBuilder.DropTable(
                name: "RequestClockCounts");
        }
    }
}
