using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TokenCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TokenCounts",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TokenCounts", x => new { x.AgencyId, x.Status });
                });

            // The counts of the existing register, then triggers that keep them in the statement that changes a token
            // (PhuThoCa.Infrastructure.Persistence.TokenCount). An update that leaves agency and status as they were (most
            // updates) does not touch the counts.
            migrationBuilder.Sql("""
                INSERT INTO "TokenCounts" ("AgencyId", "Status", "Count")
                SELECT "AgencyId", "Status", COUNT(*) FROM "Tokens" GROUP BY "AgencyId", "Status";
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Tokens_Counts_Insert" AFTER INSERT ON "Tokens"
                BEGIN
                    INSERT INTO "TokenCounts" ("AgencyId", "Status", "Count") VALUES (NEW."AgencyId", NEW."Status", 1)
                    ON CONFLICT ("AgencyId", "Status") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Tokens_Counts_Delete" AFTER DELETE ON "Tokens"
                BEGIN
                    UPDATE "TokenCounts" SET "Count" = "Count" - 1 WHERE "AgencyId" = OLD."AgencyId" AND "Status" = OLD."Status";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Tokens_Counts_Update" AFTER UPDATE OF "AgencyId", "Status" ON "Tokens"
                WHEN OLD."AgencyId" IS NOT NEW."AgencyId" OR OLD."Status" IS NOT NEW."Status"
                BEGIN
                    UPDATE "TokenCounts" SET "Count" = "Count" - 1 WHERE "AgencyId" = OLD."AgencyId" AND "Status" = OLD."Status";
                    INSERT INTO "TokenCounts" ("AgencyId", "Status", "Count") VALUES (NEW."AgencyId", NEW."Status", 1)
                    ON CONFLICT ("AgencyId", "Status") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Tokens_Counts_Insert\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Tokens_Counts_Delete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Tokens_Counts_Update\";");
            migrationBuilder.DropTable(
                name: "TokenCounts");
        }
    }
}
