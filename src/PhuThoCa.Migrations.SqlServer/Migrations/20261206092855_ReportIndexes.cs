using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Subscribers_AgencyId",
                table: "Subscribers");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_NotAfterUtc",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_PredecessorId",
                table: "Certificates");

            migrationBuilder.CreateIndex(
                name: "IX_Tokens_Status_AgencyId",
                table: "Tokens",
                columns: new[] { "Status", "AgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Subscribers_AgencyId_IsActive_Kind",
                table: "Subscribers",
                columns: new[] { "AgencyId", "IsActive", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_CaResultRecordedAtUtc_Type_AgencyId",
                table: "Requests",
                columns: new[] { "CaResultRecordedAtUtc", "Type", "AgencyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_NotAfterUtc_NotBeforeUtc_RevokedAtUtc_Status_SubscriberId",
                table: "Certificates",
                columns: new[] { "NotAfterUtc", "NotBeforeUtc", "RevokedAtUtc", "Status", "SubscriberId" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_NotBeforeUtc_PredecessorId_RenewalCount_SubscriberId",
                table: "Certificates",
                columns: new[] { "NotBeforeUtc", "PredecessorId", "RenewalCount", "SubscriberId" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_PredecessorId_NotBeforeUtc_RenewalCount_SubscriberId",
                table: "Certificates",
                columns: new[] { "PredecessorId", "NotBeforeUtc", "RenewalCount", "SubscriberId" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_RevokedAtUtc_SubscriberId",
                table: "Certificates",
                columns: new[] { "RevokedAtUtc", "SubscriberId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tokens_Status_AgencyId",
                table: "Tokens");

            migrationBuilder.DropIndex(
                name: "IX_Subscribers_AgencyId_IsActive_Kind",
                table: "Subscribers");

            migrationBuilder.DropIndex(
                name: "IX_Requests_CaResultRecordedAtUtc_Type_AgencyId",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_NotAfterUtc_NotBeforeUtc_RevokedAtUtc_Status_SubscriberId",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_NotBeforeUtc_PredecessorId_RenewalCount_SubscriberId",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_PredecessorId_NotBeforeUtc_RenewalCount_SubscriberId",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_RevokedAtUtc_SubscriberId",
                table: "Certificates");

            migrationBuilder.CreateIndex(
                name: "IX_Subscribers_AgencyId",
                table: "Subscribers",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_NotAfterUtc",
                table: "Certificates",
                column: "NotAfterUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_PredecessorId",
                table: "Certificates",
                column: "PredecessorId");
        }
    }
}
