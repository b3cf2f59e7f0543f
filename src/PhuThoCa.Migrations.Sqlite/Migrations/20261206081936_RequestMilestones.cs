using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RequestMilestones : Migration
    {
        /// <summary>
        /// Fills the milestones of the requests already in the register from their history, as Request.RecordMilestones
        /// would have (first receipt, first resolution judged against the due date the move before it recorded, first
        /// entry into AwaitingCaResult, the Cục's first answer). Action and status numbers: RequestAction, RequestStatus;
        /// resolution timing: ResolutionTiming (1 early, 2 on the due day, 3 late). RequestMilestoneTests proves this equals
        /// the domain's values on the demo register; the benchmark generator runs it after writing its rows.
        /// </summary>
        public const string Backfill = """
            UPDATE "Requests" SET
                "FirstReceivedAtUtc" = (SELECT MIN(h."AtUtc") FROM "RequestHistory" AS h WHERE h."RequestId" = "Requests"."Id" AND h."Action" = 2),
                "ResolvedAtUtc" = (SELECT MIN(h."AtUtc") FROM "RequestHistory" AS h WHERE h."RequestId" = "Requests"."Id" AND h."Action" IN (6, 7, 12)),
                "CaWaitStartedAtUtc" = (SELECT MIN(h."AtUtc") FROM "RequestHistory" AS h WHERE h."RequestId" = "Requests"."Id" AND h."To" = 7),
                "CaAnsweredAtUtc" = (SELECT MIN(h."AtUtc") FROM "RequestHistory" AS h WHERE h."RequestId" = "Requests"."Id" AND h."Action" IN (8, 9));
            CREATE TEMP TABLE "ResolutionDue" AS
                SELECT r."Id" AS "Id", date(r."ResolvedAtUtc", '+7 hours') AS "Day",
                    (SELECT p."DueDate" FROM "RequestHistory" AS p WHERE p."RequestId" = r."Id"
                        AND p."Id" < (SELECT MIN(f."Id") FROM "RequestHistory" AS f WHERE f."RequestId" = r."Id" AND f."Action" IN (6, 7, 12))
                        ORDER BY p."Id" DESC LIMIT 1) AS "Due"
                FROM "Requests" AS r WHERE r."ResolvedAtUtc" IS NOT NULL;
            UPDATE "Requests" SET "Resolution" = (
                SELECT CASE WHEN d."Due" IS NULL OR d."Day" < d."Due" THEN 1 WHEN d."Day" = d."Due" THEN 2 ELSE 3 END
                FROM "ResolutionDue" AS d WHERE d."Id" = "Requests"."Id")
            WHERE "ResolvedAtUtc" IS NOT NULL;
            DROP TABLE "ResolutionDue";
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CaAnsweredAtUtc",
                table: "Requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CaWaitStartedAtUtc",
                table: "Requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstReceivedAtUtc",
                table: "Requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Resolution",
                table: "Requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolvedAtUtc",
                table: "Requests",
                type: "TEXT",
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
