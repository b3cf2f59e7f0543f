using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DashboardAndInboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_ReceivedAtUtc",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Status_ClosedAtUtc",
                table: "Requests");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_ReceivedAtUtc_Type",
                table: "Requests",
                columns: new[] { "ReceivedAtUtc", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Status_ClosedAtUtc_Type",
                table: "Requests",
                columns: new[] { "Status", "ClosedAtUtc", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Status_DueDate_SubmittedAtUtc_DueStep",
                table: "Requests",
                columns: new[] { "Status", "DueDate", "SubmittedAtUtc", "DueStep" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_ReceivedAtUtc_Type",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Status_ClosedAtUtc_Type",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Status_DueDate_SubmittedAtUtc_DueStep",
                table: "Requests");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_ReceivedAtUtc",
                table: "Requests",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Status_ClosedAtUtc",
                table: "Requests",
                columns: new[] { "Status", "ClosedAtUtc" });
        }
    }
}
