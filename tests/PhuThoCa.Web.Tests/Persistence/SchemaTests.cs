using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Persistence;

public partial class SchemaTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>No PIN, PUK or private key is ever stored (features G4.6): no column may be named for one.</summary>
    [Fact]
    public async Task Database_HasNoColumnForAPinPukOrPrivateKey()
    {
        _ = portal.Services;
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath}");
        await connection.OpenAsync(Ct);
        var columns = new List<string>();
        await using (var tables = connection.CreateCommand())
        {
            tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            var names = new List<string>();
            await using (var reader = await tables.ExecuteReaderAsync(Ct))
            {
                while (await reader.ReadAsync(Ct))
                {
                    names.Add(reader.GetString(0));
                }
            }

            foreach (var table in names)
            {
                await using var info = connection.CreateCommand();
                info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
                await using var reader = await info.ExecuteReaderAsync(Ct);
                while (await reader.ReadAsync(Ct))
                {
                    columns.Add($"{table}.{reader.GetString(0)}");
                }
            }
        }

        Assert.True(columns.Count > 50, "the schema was read");
        Assert.Contains("Tokens.SerialNumber", columns);
        Assert.DoesNotContain(columns, c => SecretColumn().IsMatch(c.Split('.')[1]));
    }

    [Theory]
    [InlineData("Pin", true)]
    [InlineData("PukCode", true)]
    [InlineData("PrivateKey", true)]
    [InlineData("AdminKey", true)]
    [InlineData("Position", false)]
    [InlineData("SerialNumber", false)]
    public void SecretColumnPattern_RecognisesSecretNames(string name, bool isSecret) =>
        Assert.Equal(isSecret, SecretColumn().IsMatch(name));

    [Fact]
    public void SqlServerMigrationScript_ParsesWithZeroErrors()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=PhuThoCa;User Id=sa;Password=none;TrustServerCertificate=True");
        using var db = AppDbContext.Create(options.Options, UnrestrictedScope.Instance);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = (TSqlScript)parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        Assert.True(fragment.Batches.Sum(b => b.Statements.Count) > 20);
        // The statements run through EXEC (triggers, which must begin their batch; EF's own idempotent wrappers) are strings
        // to the parser above: each is parsed on its own too.
        var executed = System.Text.RegularExpressions.Regex.Matches(script, @"EXEC\(N'((?:[^']|'')*)'\)").Select(m => m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal)).ToList();
        Assert.Contains(executed, e => e.Contains("CREATE TRIGGER [TR_Requests_Counts]", StringComparison.Ordinal));
        foreach (var statement in executed)
        {
            using var inner = new StringReader(statement);
            parser.Parse(inner, out var innerErrors);
            Assert.True(innerErrors.Count == 0, $"{string.Join("; ", innerErrors.Select(e => $"line {e.Line}: {e.Message}"))} in\n{statement}");
        }

        Assert.Contains("CREATE TABLE [Certificates]", script, StringComparison.Ordinal);
        Assert.Contains("nvarchar", script, StringComparison.Ordinal);
    }

    [Fact]
    public void SqliteAndSqlServerMigrations_DescribeTheSameTables()
    {
        var sqlite = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(sqlite, DatabaseProvider.Sqlite, "Data Source=:memory:");
        var sqlServer = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(sqlServer, DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=x;TrustServerCertificate=True");
        using var a = AppDbContext.Create(sqlite.Options, UnrestrictedScope.Instance);
        using var b = AppDbContext.Create(sqlServer.Options, UnrestrictedScope.Instance);

        var sqliteTables = a.GetService<IMigrationsAssembly>().ModelSnapshot!.Model.GetEntityTypes().Select(e => e.GetTableName()).Order().ToList();
        var sqlServerTables = b.GetService<IMigrationsAssembly>().ModelSnapshot!.Model.GetEntityTypes().Select(e => e.GetTableName()).Order().ToList();

        Assert.Equal(sqliteTables, sqlServerTables);
        Assert.False(a.Database.HasPendingModelChanges(), "the SQLite migrations are behind the model: run dotnet ef migrations add");
        Assert.False(b.Database.HasPendingModelChanges(), "the SQL Server migrations are behind the model: run dotnet ef migrations add");
    }

    [GeneratedRegex("(?i)(^|[^a-z])?(pin|puk)(code|number|hash)?$|^(pin|puk)|privatekey|private_key|adminkey|keymaterial|secretkey")]
    private static partial Regex SecretColumn();
}
