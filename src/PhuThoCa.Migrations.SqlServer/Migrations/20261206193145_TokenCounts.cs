using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.SqlServer.Migrations
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
                    AgencyId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TokenCounts", x => new { x.AgencyId, x.Status });
                });

            // The counts of the existing register, then one trigger that keeps them in the statement that changes tokens
            // (PhuThoCa.Infrastructure.Persistence.TokenCount): the rows inserted count +1, the rows deleted -1 (an update is
            // both), summed per agency and status; an update that leaves them as they were nets to zero and touches nothing.
            // MERGE WITH (HOLDLOCK): two saves creating the same count row at once do not both insert.
            migrationBuilder.Sql("""
                INSERT INTO [TokenCounts] ([AgencyId], [Status], [Count])
                SELECT [AgencyId], [Status], COUNT(*) FROM [Tokens] GROUP BY [AgencyId], [Status];
                """);
            // EXEC: CREATE TRIGGER must begin its batch, and the idempotent script wraps each migration's statements in IF … BEGIN.
            migrationBuilder.Sql("""
                EXEC(N'CREATE TRIGGER [TR_Tokens_Counts] ON [Tokens] AFTER INSERT, UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    MERGE [TokenCounts] WITH (HOLDLOCK) AS t
                    USING (
                        SELECT [AgencyId], [Status], SUM([Delta]) AS [Delta]
                        FROM (SELECT [AgencyId], [Status], 1 AS [Delta] FROM inserted
                              UNION ALL
                              SELECT [AgencyId], [Status], -1 AS [Delta] FROM deleted) AS c
                        GROUP BY [AgencyId], [Status]
                        HAVING SUM([Delta]) <> 0) AS s
                    ON t.[AgencyId] = s.[AgencyId] AND t.[Status] = s.[Status]
                    WHEN MATCHED THEN UPDATE SET [Count] = t.[Count] + s.[Delta]
                    WHEN NOT MATCHED THEN INSERT ([AgencyId], [Status], [Count]) VALUES (s.[AgencyId], s.[Status], s.[Delta]);
                END');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_Tokens_Counts];");
            migrationBuilder.DropTable(
                name: "TokenCounts");
        }
    }
}
