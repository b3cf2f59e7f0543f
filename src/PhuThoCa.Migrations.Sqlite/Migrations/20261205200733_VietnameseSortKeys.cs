using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VietnameseSortKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SortKey",
                table: "Subscribers",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SortKey",
                table: "Agencies",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Subscribers_AgencyId_SortKey",
                table: "Subscribers",
                columns: new[] { "AgencyId", "SortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Subscribers_SortKey",
                table: "Subscribers",
                column: "SortKey");

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_SortKey",
                table: "Agencies",
                column: "SortKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Subscribers_AgencyId_SortKey",
                table: "Subscribers");

            migrationBuilder.DropIndex(
                name: "IX_Subscribers_SortKey",
                table: "Subscribers");

            migrationBuilder.DropIndex(
                name: "IX_Agencies_SortKey",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "SortKey",
                table: "Subscribers");

            migrationBuilder.DropColumn(
                name: "SortKey",
                table: "Agencies");
        }
    }
}
