using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RequestCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RequestCounts",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestCounts", x => new { x.AgencyId, x.Type, x.Status });
                });

            // The counts of the existing register, then triggers that keep them in the statement that changes a request
            // (PhuThoCa.Infrastructure.Persistence.RequestCount). An update that leaves agency, type and status as they
            // were (most updates) does not touch the counts.
            migrationBuilder.Sql("""
                INSERT INTO "RequestCounts" ("AgencyId", "Type", "Status", "Count")
                SELECT "AgencyId", "Type", "Status", COUNT(*) FROM "Requests" GROUP BY "AgencyId", "Type", "Status";
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Requests_Counts_Insert" AFTER INSERT ON "Requests"
                BEGIN
                    INSERT INTO "RequestCounts" ("AgencyId", "Type", "Status", "Count") VALUES (NEW."AgencyId", NEW."Type", NEW."Status", 1)
                    ON CONFLICT ("AgencyId", "Type", "Status") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Requests_Counts_Delete" AFTER DELETE ON "Requests"
                BEGIN
                    UPDATE "RequestCounts" SET "Count" = "Count" - 1
                    WHERE "AgencyId" = OLD."AgencyId" AND "Type" = OLD."Type" AND "Status" = OLD."Status";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Requests_Counts_Update" AFTER UPDATE OF "AgencyId", "Type", "Status" ON "Requests"
                WHEN OLD."AgencyId" IS NOT NEW."AgencyId" OR OLD."Type" IS NOT NEW."Type" OR OLD."Status" IS NOT NEW."Status"
                BEGIN
                    UPDATE "RequestCounts" SET "Count" = "Count" - 1
                    WHERE "AgencyId" = OLD."AgencyId" AND "Type" = OLD."Type" AND "Status" = OLD."Status";
                    INSERT INTO "RequestCounts" ("AgencyId", "Type", "Status", "Count") VALUES (NEW."AgencyId", NEW."Type", NEW."Status", 1)
                    ON CONFLICT ("AgencyId", "Type", "Status") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Requests_Counts_Insert\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Requests_Counts_Delete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Requests_Counts_Update\";");
            migrationBuilder.DropTable(
                name: "RequestCounts");
        }
    }
}
