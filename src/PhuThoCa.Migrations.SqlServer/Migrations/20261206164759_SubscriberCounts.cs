using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.SqlServer.Migrations
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
                    AgencyId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubscriberCounts", x => new { x.AgencyId, x.Kind, x.IsActive });
                });

            // The counts of the existing register, then one trigger that keeps them in the statement that changes subscribers
            // (PhuThoCa.Infrastructure.Persistence.SubscriberCount): the rows inserted count +1, the rows deleted -1 (an
            // update is both), summed per agency, kind and use; an update that leaves them as they were nets to zero and
            // touches nothing. MERGE WITH (HOLDLOCK): two saves creating the same count row at once do not both insert.
            migrationBuilder.Sql("""
                INSERT INTO [SubscriberCounts] ([AgencyId], [Kind], [IsActive], [Count])
                SELECT [AgencyId], [Kind], [IsActive], COUNT(*) FROM [Subscribers] GROUP BY [AgencyId], [Kind], [IsActive];
                """);
            // EXEC: CREATE TRIGGER must begin its batch, and the idempotent script wraps each migration's statements in IF … BEGIN.
            migrationBuilder.Sql("""
                EXEC(N'CREATE TRIGGER [TR_Subscribers_Counts] ON [Subscribers] AFTER INSERT, UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    MERGE [SubscriberCounts] WITH (HOLDLOCK) AS t
                    USING (
                        SELECT [AgencyId], [Kind], [IsActive], SUM([Delta]) AS [Delta]
                        FROM (SELECT [AgencyId], [Kind], [IsActive], 1 AS [Delta] FROM inserted
                              UNION ALL
                              SELECT [AgencyId], [Kind], [IsActive], -1 AS [Delta] FROM deleted) AS c
                        GROUP BY [AgencyId], [Kind], [IsActive]
                        HAVING SUM([Delta]) <> 0) AS s
                    ON t.[AgencyId] = s.[AgencyId] AND t.[Kind] = s.[Kind] AND t.[IsActive] = s.[IsActive]
                    WHEN MATCHED THEN UPDATE SET [Count] = t.[Count] + s.[Delta]
                    WHEN NOT MATCHED THEN INSERT ([AgencyId], [Kind], [IsActive], [Count]) VALUES (s.[AgencyId], s.[Kind], s.[IsActive], s.[Delta]);
                END');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_Subscribers_Counts];");
            migrationBuilder.DropTable(
                name: "SubscriberCounts");
        }
    }
}
