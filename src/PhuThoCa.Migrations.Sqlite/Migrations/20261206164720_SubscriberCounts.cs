using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SubscriberCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SubscriberCounts",
                columns: table => new
                {
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubscriberCounts", x => new { x.AgencyId, x.Kind, x.IsActive });
                });

            // The counts of the existing register, then triggers that keep them in the statement that changes a subscriber
            // (PhuThoCa.Infrastructure.Persistence.SubscriberCount). An update that leaves agency, kind and use as they
            // were (most updates) does not touch the counts.
            migrationBuilder.Sql("""
                INSERT INTO "SubscriberCounts" ("AgencyId", "Kind", "IsActive", "Count")
                SELECT "AgencyId", "Kind", "IsActive", COUNT(*) FROM "Subscribers" GROUP BY "AgencyId", "Kind", "IsActive";
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Subscribers_Counts_Insert" AFTER INSERT ON "Subscribers"
                BEGIN
                    INSERT INTO "SubscriberCounts" ("AgencyId", "Kind", "IsActive", "Count") VALUES (NEW."AgencyId", NEW."Kind", NEW."IsActive", 1)
                    ON CONFLICT ("AgencyId", "Kind", "IsActive") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Subscribers_Counts_Delete" AFTER DELETE ON "Subscribers"
                BEGIN
                    UPDATE "SubscriberCounts" SET "Count" = "Count" - 1
                    WHERE "AgencyId" = OLD."AgencyId" AND "Kind" = OLD."Kind" AND "IsActive" = OLD."IsActive";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Subscribers_Counts_Update" AFTER UPDATE OF "AgencyId", "Kind", "IsActive" ON "Subscribers"
                WHEN OLD."AgencyId" IS NOT NEW."AgencyId" OR OLD."Kind" IS NOT NEW."Kind" OR OLD."IsActive" IS NOT NEW."IsActive"
                BEGIN
                    UPDATE "SubscriberCounts" SET "Count" = "Count" - 1
                    WHERE "AgencyId" = OLD."AgencyId" AND "Kind" = OLD."Kind" AND "IsActive" = OLD."IsActive";
                    INSERT INTO "SubscriberCounts" ("AgencyId", "Kind", "IsActive", "Count") VALUES (NEW."AgencyId", NEW."Kind", NEW."IsActive", 1)
                    ON CONFLICT ("AgencyId", "Kind", "IsActive") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Subscribers_Counts_Insert\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Subscribers_Counts_Delete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Subscribers_Counts_Update\";");
            migrationBuilder.DropTable(
                name: "SubscriberCounts");
        }
    }
}
