using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PhuThoCa.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Chooses the provider from <c>Database:Provider</c> (Sqlite | SqlServer) with its own migrations assembly.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "PhuThoCa.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "PhuThoCa.Migrations.SqlServer";

    // One interceptor per size: EF builds its internal service provider per set of options, and a new instance each time
    // would be a new set (the test hosts configure many contexts).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, SqliteMemoryMap> MemoryMaps = new();

    public static DatabaseProvider GetProvider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider must be 'Sqlite' or 'SqlServer', not '{value}'.");
    }

    /// <summary>The folder for the SQLite file, uploaded files and letters (<c>Data:Folder</c>, default App_Data under the content root).</summary>
    public static string GetDataFolder(IConfiguration configuration, string contentRoot)
    {
        var folder = configuration["Data:Folder"];
        var path = string.IsNullOrWhiteSpace(folder) ? Path.Combine(contentRoot, "App_Data") : Path.GetFullPath(folder, contentRoot);
        Directory.CreateDirectory(path);
        return path;
    }

    public static string GetConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (GetProvider(configuration) == DatabaseProvider.SqlServer)
        {
            throw new InvalidOperationException("ConnectionStrings:Default is required when Database:Provider is SqlServer.");
        }

        return $"Data Source={Path.Combine(GetDataFolder(configuration, contentRoot), "phuthoca.db")}";
    }

    public static IServiceCollection AddPhuThoCaDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = GetProvider(configuration);
        var connectionString = GetConnectionString(configuration, contentRoot);
        if (provider == DatabaseProvider.Sqlite)
        {
            // Before the host is built, so before anything (job store, migrations) opens a connection.
            SqliteThreading.Apply();
        }

        // Pooled contexts (docs/adr/0032-pooled-db-context.md): the options are built once, and a context with its
        // internal services and change tracker is reused instead of built for every request (issue 15, the fixed
        // per-page cost). Each request's scoped context is a pooled one leased to that request's user: its agency scope
        // for the query filters and its actor for the audit trail. On SQLite it holds one open connection for the request
        // (ADR 0033). Disposing the scope closes it and returns the context to the pool.
        var memoryMap = GetSqliteMemoryMapMegabytes(configuration);
        services.AddPooledDbContextFactory<AppDbContext>(options => Configure(options, provider, connectionString, memoryMap));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext()
            .Lease(sp.GetRequiredService<IAgencyScope>(), sp.GetService<Auditing.IAuditContext>()).HoldConnection());
        return services;
    }

    /// <summary>
    /// <c>Database:SqliteMemoryMapMegabytes</c>: how much of the SQLite file each connection reads through a memory map
    /// (<see cref="SqliteMemoryMap"/>; default 256, 0 turns it off).
    /// </summary>
    public static int GetSqliteMemoryMapMegabytes(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration["Database:SqliteMemoryMapMegabytes"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return SqliteMemoryMap.DefaultMegabytes;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var megabytes)
            ? megabytes
            : throw new InvalidOperationException($"Database:SqliteMemoryMapMegabytes must be a whole number of megabytes (0 turns the map off), not '{value}'.");
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString,
        int sqliteMemoryMapMegabytes = SqliteMemoryMap.DefaultMegabytes)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The audit interceptor comes last: it captures what the others (notifications, mail outbox) added to the save.
        // Row versions are renewed first, so the save compares and writes them whatever the others add.
        options.AddInterceptors(RegisterVersionInterceptor.Instance, Notifications.RequestNotificationInterceptor.Instance, Mail.MailOutboxInterceptor.Instance,
            Auditing.AuditInterceptor.Instance, ChangeVersions.Instance);
        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(connectionString, sql =>
                {
                    sql.MigrationsAssembly(SqlServerMigrationsAssembly);
                    sql.EnableRetryOnFailure(3);
                });
                break;
            case DatabaseProvider.Sqlite:
            default:
                // Tools that build their options here (the benchmark generator) get the portal's mode too.
                SqliteThreading.Apply();
                // A list in a query (ids.Contains(x.Id)) is one JSON parameter read with json_each, not one parameter per
                // item: EF caches the SQL of the first and has to check the values and write the SQL again for the second
                // on every execution (issue 15, the fixed per-page cost; ADR 0033).
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                // Set on every open, 0 included: a pooled connection keeps what an earlier open set.
                options.AddInterceptors(MemoryMaps.GetOrAdd(sqliteMemoryMapMegabytes, mb => new SqliteMemoryMap(mb)));
                break;
        }

        // The capped counts (PagedList.CountUpToAsync: "more than 1,000 notifications", the unread badge) limit an
        // unordered count on purpose; EF's warning for a Take without OrderBy wrote a log line on every such count. Every
        // page of rows goes through PagedList with an explicit order.
        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }
}
