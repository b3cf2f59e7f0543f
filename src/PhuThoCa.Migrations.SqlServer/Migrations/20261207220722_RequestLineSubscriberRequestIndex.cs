using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RequestLineSubscriberRequestIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RequestLine_SubscriberId",
                table: "RequestLine");

            migrationBuilder.CreateIndex(
                name: "IX_RequestLine_SubscriberId_RequestId",
                table: "RequestLine",
                columns: new[] { "SubscriberId", "RequestId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RequestLine_SubscriberId_RequestId",
                table: "RequestLine");

            migrationBuilder.CreateIndex(
                name: "IX_RequestLine_SubscriberId",
                table: "RequestLine",
                column: "SubscriberId");
        }
    }
}
