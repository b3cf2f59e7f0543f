using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RequestMilestones : Migration
    {
        /// <summary>
        /// Fills the milestones of the requests already in the register from their history, as Request.RecordMilestones
        /// would have; the same statements as the SQLite migration's (see there), in T-SQL.
        /// </summary>
        public const string Backfill = """
            UPDATE r SET
                [FirstReceivedAtUtc] = (SELECT MIN(h.[AtUtc]) FROM [RequestHistory] AS h WHERE h.[RequestId] = r.[Id] AND h.[Action] = 2),
                [ResolvedAtUtc] = (SELECT MIN(h.[AtUtc]) FROM [RequestHistory] AS h WHERE h.[RequestId] = r.[Id] AND h.[Action] IN (6, 7, 12)),
                [CaWaitStartedAtUtc] = (SELECT MIN(h.[AtUtc]) FROM [RequestHistory] AS h WHERE h.[RequestId] = r.[Id] AND h.[To] = 7),
                [CaAnsweredAtUtc] = (SELECT MIN(h.[AtUtc]) FROM [RequestHistory] AS h WHERE h.[RequestId] = r.[Id] AND h.[Action] IN (8, 9))
            FROM [Requests] AS r;
            UPDATE r SET [Resolution] = CASE
                    WHEN d.[Due] IS NULL OR CAST(DATEADD(hour, 7, r.[ResolvedAtUtc]) AS date) < d.[Due] THEN 1
                    WHEN CAST(DATEADD(hour, 7, r.[ResolvedAtUtc]) AS date) = d.[Due] THEN 2
                    ELSE 3 END
            FROM [Requests] AS r
            OUTER APPLY (SELECT TOP (1) p.[DueDate] AS [Due] FROM [RequestHistory] AS p WHERE p.[RequestId] = r.[Id]
                AND p.[Id] < (SELECT MIN(f.[Id]) FROM [RequestHistory] AS f WHERE f.[RequestId] = r.[Id] AND f.[Action] IN (6, 7, 12))
                ORDER BY p.[Id] DESC) AS d
            WHERE r.[ResolvedAtUtc] IS NOT NULL;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CaAnsweredAtUtc",
                table: "Requests",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CaWaitStartedAtUtc",
                table: "Requests",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstReceivedAtUtc",
                table: "Requests",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Resolution",
                table: "Requests",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolvedAtUtc",
                table: "Requests",
                type: "datetime2",
                nullable: true);

            migrationBuilder.Sql(Backfill);

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Milestones",
                table: "Requests",
                columns: new[] { "FirstReceivedAtUtc", "Type", "AgencyId", "Status", "ClosedAtUtc", "ResolvedAtUtc", "Resolution", "DueDate", "CaWaitStartedAtUtc", "CaAnsweredAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_Milestones",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "CaAnsweredAtUtc",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "CaWaitStartedAtUtc",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "FirstReceivedAtUtc",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Resolution",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "ResolvedAtUtc",
                table: "Requests");
        }
    }
}
