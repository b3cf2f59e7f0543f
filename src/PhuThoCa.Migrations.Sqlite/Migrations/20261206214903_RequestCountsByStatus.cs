using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RequestCountsByStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_RequestCounts_Status_Type_Count",
                table: "RequestCounts",
                columns: new[] { "Status", "Type", "Count" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RequestCounts_Status_Type_Count",
                table: "RequestCounts");
        }
    }
}
