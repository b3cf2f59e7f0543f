using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.SqlServer.Migrations
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
                    AgencyId = table.Column<int>(type: "int", nullable: false),
                    Type = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestCounts", x => new { x.AgencyId, x.Type, x.Status });

            // The counts of the existing register, then one trigger that keeps them in the statement that changes requests
            // (PhuThoCa.Infrastructure.Persistence.RequestCount): the rows inserted count +1, the rows deleted -1 (an
            // update is both), summed per agency, type and status; an update that leaves them as they were nets to zero
            // and touches nothing. MERGE WITH (HOLDLOCK): two saves creating the same count row at once do not both insert.
            migrationBuilder.Sql("""
                INSERT INTO [RequestCounts] ([AgencyId], [Type], [Status], [Count])
                SELECT [AgencyId], [Type], [Status], COUNT(*) FROM [Requests] GROUP BY [AgencyId], [Type], [Status];
                """);
            // EXEC: CREATE TRIGGER must begin its batch, and the idempotent script wraps each migration's statements in IF … BEGIN.
            migrationBuilder.Sql("""
                EXEC(N'CREATE TRIGGER [TR_Requests_Counts] ON [Requests] AFTER INSERT, UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    MERGE [RequestCounts] WITH (HOLDLOCK) AS t
                    USING (
                        SELECT [AgencyId], [Type], [Status], SUM([Delta]) AS [Delta]
                        FROM (SELECT [AgencyId], [Type], [Status], 1 AS [Delta] FROM inserted
                              UNION ALL
                              SELECT [AgencyId], [Type], [Status], -1 AS [Delta] FROM deleted) AS c
                        GROUP BY [AgencyId], [Type], [Status]
                        HAVING SUM([Delta]) <> 0) AS s
                    ON t.[AgencyId] = s.[AgencyId] AND t.[Type] = s.[Type] AND t.[Status] = s.[Status]
                    WHEN MATCHED THEN UPDATE SET [Count] = t.[Count] + s.[Delta]
                    WHEN NOT MATCHED THEN INSERT ([AgencyId], [Type], [Status], [Count]) VALUES (s.[AgencyId], s.[Type], s.[Status], s.[Delta]);
                END');
                """);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [TR_Requests_Counts];");
            migrationBuilder.DropTable(
                name: "RequestCounts");
        }
    }
}
