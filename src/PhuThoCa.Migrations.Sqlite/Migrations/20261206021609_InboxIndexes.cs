using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Requests_Status_DueDate_SubmittedAtUtc_DueStep",
                table: "Requests",
                columns: new[] { "Status", "DueDate", "SubmittedAtUtc", "DueStep" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_Status_DueDate_SubmittedAtUtc_DueStep",
                table: "Requests");
        }
    }
}
