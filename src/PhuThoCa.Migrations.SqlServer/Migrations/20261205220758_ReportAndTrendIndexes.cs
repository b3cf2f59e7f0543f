using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReportAndTrendIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Requests_Status_ClosedAtUtc",
                table: "Requests",
                columns: new[] { "Status", "ClosedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestHistory_RequestId_Action_AtUtc",
                table: "RequestHistory",
                columns: new[] { "RequestId", "Action", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_Status_ClosedAtUtc",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_RequestHistory_RequestId_Action_AtUtc",
                table: "RequestHistory");
        }
    }
}
