using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Infrastructure.Auditing;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// <c>dotnet PhuThoCa.Web.dll audit verify</c>: verifies the audit chain of the configured database and prints
/// <c>OK &lt;n&gt; entries</c> (exit 0) or <c>BROKEN &lt;id&gt;: …</c> naming the first broken entry (exit 1). Exit 2 when the
/// database cannot be read. Opens the database only to read: no web server, no migration, no seeding.
/// </summary>
public static class AuditCommand
{
    public static bool Matches(string[] args) =>
        args.Length >= 2 && args[0] == "audit" && args[1] == "verify";

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, string contentRoot, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            var provider = DatabaseSetup.GetProvider(configuration);
            var connectionString = DatabaseSetup.GetConnectionString(configuration, contentRoot);
            if (provider == DatabaseProvider.Sqlite)
            {
                var sqlite = new SqliteConnectionStringBuilder(connectionString);
                if (!File.Exists(sqlite.DataSource))
                {
                    await output.WriteLineAsync($"ERROR database file not found: {sqlite.DataSource}");
                    return 2;
                }

                sqlite.Mode = SqliteOpenMode.ReadOnly;
                connectionString = sqlite.ToString();
            }

            var options = new DbContextOptionsBuilder<AppDbContext>();
            DatabaseSetup.Configure(options, provider, connectionString);
            await using var db = AppDbContext.Create(options.Options, UnrestrictedScope.Instance);
            var result = await AuditVerifier.VerifyAsync(db);
            if (result.IsIntact)
            {
                await output.WriteLineAsync($"OK {result.Count} entries");
                return 0;
            }

            await output.WriteLineAsync($"BROKEN {result.FirstBrokenId}: {result.Problem} ({result.Count} entries intact before it)");
            return 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            await output.WriteLineAsync("ERROR " + ex.Message);
            return 2;
        }
    }
}
