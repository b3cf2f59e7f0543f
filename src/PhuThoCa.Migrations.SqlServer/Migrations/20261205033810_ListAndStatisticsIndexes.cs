using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ListAndStatisticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_Status_DueDate",
                table: "Requests");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_CreatedAtUtc",
                table: "Requests",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_DueDate_CreatedAtUtc",
                table: "Requests",
                columns: new[] { "DueDate", "CreatedAtUtc" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_ReceivedAtUtc",
                table: "Requests",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Status_DueDate_CreatedAtUtc",
                table: "Requests",
                columns: new[] { "Status", "DueDate", "CreatedAtUtc" },
                descending: new[] { false, false, true });

            migrationBuilder.CreateIndex(
                name: "IX_RequestHistory_Action_AtUtc_RequestId",
                table: "RequestHistory",
                columns: new[] { "Action", "AtUtc", "RequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Status_NotAfterUtc",
                table: "Certificates",
                columns: new[] { "Status", "NotAfterUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_CreatedAtUtc",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_DueDate_CreatedAtUtc",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_ReceivedAtUtc",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Status_DueDate_CreatedAtUtc",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_RequestHistory_Action_AtUtc_RequestId",
                table: "RequestHistory");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_Status_NotAfterUtc",
                table: "Certificates");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Status_DueDate",
                table: "Requests",
                columns: new[] { "Status", "DueDate" });
        }
    }
}
