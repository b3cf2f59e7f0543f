using Microsoft.EntityFrameworkCore.Migrations;
using PhuThoCa.Infrastructure.Persistence;

#nullable disable

namespace PhuThoCa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QuartzJobStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The job store of the background jobs, from the Quartz package's own script (docs/adr/0022).
            foreach (var statement in QuartzSchema.CreateStatements(DatabaseProvider.Sqlite))
            {
                migrationBuilder.Sql(statement);
            }

            // A reminder written twice by two nodes before this index existed keeps its first copy.
            migrationBuilder.Sql("DELETE FROM Notifications WHERE [Key] IS NOT NULL AND Id NOT IN (SELECT MIN(Id) FROM Notifications WHERE [Key] IS NOT NULL GROUP BY UserId, [Key])");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_UserId_Key",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_Key",
                table: "Notifications",
                columns: new[] { "UserId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in QuartzSchema.TablesChildrenFirst(DatabaseProvider.Sqlite))
            {
                migrationBuilder.DropTable(table);
            }

            migrationBuilder.DropIndex(
                name: "IX_Notifications_UserId_Key",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_Key",
                table: "Notifications",
                columns: new[] { "UserId", "Key" });
        }
    }
}
