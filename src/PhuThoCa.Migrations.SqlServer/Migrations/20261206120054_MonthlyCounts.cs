using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.SqlServer.Migrations
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
                    Month = table.Column<int>(type: "int", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateExpiryCounts", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "RequestMonthCounts",
                columns: table => new
                {
                    Measure = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    Type = table.Column<int>(type: "int", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestMonthCounts", x => new { x.Measure, x.Month, x.Type });
                });
            // As on SQLite: the counts of the existing register, then one trigger per table that adds the contributions of the
            // inserted rows and takes away those of the deleted ones (an update is both). Vietnam months: UTC+7.
            migrationBuilder.Sql("""
                INSERT INTO [RequestMonthCounts] ([Measure], [Month], [Type], [Count])
                SELECT [Measure], [Month], [Type], COUNT(*) FROM (
                    SELECT 1 AS [Measure], YEAR(DATEADD(hour, 7, [ReceivedAtUtc])) * 100 + MONTH(DATEADD(hour, 7, [ReceivedAtUtc])) AS [Month], [Type] FROM [Requests] WHERE [ReceivedAtUtc] IS NOT NULL
                    UNION ALL SELECT 2, YEAR(DATEADD(hour, 7, [ClosedAtUtc])) * 100 + MONTH(DATEADD(hour, 7, [ClosedAtUtc])), [Type] FROM [Requests] WHERE [Status] = 11 AND [ClosedAtUtc] IS NOT NULL
                    UNION ALL SELECT 10 + [Resolution], YEAR(DATEADD(hour, 7, [ResolvedAtUtc])) * 100 + MONTH(DATEADD(hour, 7, [ResolvedAtUtc])), [Type] FROM [Requests] WHERE [ResolvedAtUtc] IS NOT NULL AND [Resolution] IS NOT NULL
                ) AS c GROUP BY [Measure], [Month], [Type];
                INSERT INTO [CertificateExpiryCounts] ([Month], [Count])
                SELECT [Month], COUNT(*) FROM (SELECT YEAR(DATEADD(hour, 7, [NotAfterUtc])) * 100 + MONTH(DATEADD(hour, 7, [NotAfterUtc])) AS [Month] FROM [Certificates] WHERE [Status] = 1) AS c GROUP BY [Month];
                """);
            // EXEC: CREATE TRIGGER must begin its batch, and the idempotent script wraps each migration's statements in IF … BEGIN.
            migrationBuilder.Sql("""
                EXEC(N'CREATE TRIGGER [TR_Requests_MonthCounts] ON [Requests] AFTER INSERT, UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    MERGE [RequestMonthCounts] WITH (HOLDLOCK) AS t
                    USING (
                        SELECT [Measure], [Month], [Type], SUM([Delta]) AS [Delta]
                        FROM (SELECT 1 AS [Measure], YEAR(DATEADD(hour, 7, i.[ReceivedAtUtc])) * 100 + MONTH(DATEADD(hour, 7, i.[ReceivedAtUtc])) AS [Month], i.[Type], 1 AS [Delta] FROM inserted AS i WHERE i.[ReceivedAtUtc] IS NOT NULL
                                    UNION ALL SELECT 2, YEAR(DATEADD(hour, 7, i.[ClosedAtUtc])) * 100 + MONTH(DATEADD(hour, 7, i.[ClosedAtUtc])), i.[Type], 1 FROM inserted AS i WHERE i.[Status] = 11 AND i.[ClosedAtUtc] IS NOT NULL
                                    UNION ALL SELECT 10 + i.[Resolution], YEAR(DATEADD(hour, 7, i.[ResolvedAtUtc])) * 100 + MONTH(DATEADD(hour, 7, i.[ResolvedAtUtc])), i.[Type], 1 FROM inserted AS i WHERE i.[ResolvedAtUtc] IS NOT NULL AND i.[Resolution] IS NOT NULL
                                    UNION ALL SELECT 1 AS [Measure], YEAR(DATEADD(hour, 7, d.[ReceivedAtUtc])) * 100 + MONTH(DATEADD(hour, 7, d.[ReceivedAtUtc])) AS [Month], d.[Type], -1 AS [Delta] FROM deleted AS d WHERE d.[ReceivedAtUtc] IS NOT NULL
                                    UNION ALL SELECT 2, YEAR(DATEADD(hour, 7, d.[ClosedAtUtc])) * 100 + MONTH(DATEADD(hour, 7, d.[ClosedAtUtc])), d.[Type], -1 FROM deleted AS d WHERE d.[Status] = 11 AND d.[ClosedAtUtc] IS NOT NULL
                                    UNION ALL SELECT 10 + d.[Resolution], YEAR(DATEADD(hour, 7, d.[ResolvedAtUtc])) * 100 + MONTH(DATEADD(hour, 7, d.[ResolvedAtUtc])), d.[Type], -1 FROM deleted AS d WHERE d.[ResolvedAtUtc] IS NOT NULL AND d.[Resolution] IS NOT NULL) AS c
                        GROUP BY [Measure], [Month], [Type]
                        HAVING SUM([Delta]) <> 0) AS s
                    ON t.[Measure] = s.[Measure] AND t.[Month] = s.[Month] AND t.[Type] = s.[Type]
                    WHEN MATCHED THEN UPDATE SET [Count] = t.[Count] + s.[Delta]
                    WHEN NOT MATCHED THEN INSERT ([Measure], [Month], [Type], [Count]) VALUES (s.[Measure], s.[Month], s.[Type], s.[Delta]);
                END');
                """);
            migrationBuilder.Sql("""
                EXEC(N'CREATE TRIGGER [TR_Certificates_ExpiryCounts] ON [Certificates] AFTER INSERT, UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    MERGE [CertificateExpiryCounts] WITH (HOLDLOCK) AS t
                    USING (
                        SELECT [Month], SUM([Delta]) AS [Delta]
                        FROM (SELECT YEAR(DATEADD(hour, 7, i.[NotAfterUtc])) * 100 + MONTH(DATEADD(hour, 7, i.[NotAfterUtc])) AS [Month], 1 AS [Delta] FROM inserted AS i WHERE i.[Status] = 1
                                    UNION ALL SELECT YEAR(DATEADD(hour, 7, d.[NotAfterUtc])) * 100 + MONTH(DATEADD(hour, 7, d.[NotAfterUtc])), -1 FROM deleted AS d WHERE d.[Status] = 1) AS c
                        GROUP BY [Month]
                        HAVING SUM([Delta]) <> 0) AS s
                    ON t.[Month] = s.[Month]
                    WHEN MATCHED THEN UPDATE SET [Count] = t.[Count] + s.[Delta]
                    WHEN NOT MATCHED THEN INSERT ([Month], [Count]) VALUES (s.[Month], s.[Delta]);
                END');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_Requests_MonthCounts];");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_Certificates_ExpiryCounts];");
            migrationBuilder.DropTable(
                name: "CertificateExpiryCounts");

            migrationBuilder.DropTable(
                name: "RequestMonthCounts");
        }
    }
}
