using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Infrastructure;

/// <summary>
/// EF Core's SQLite migration lock left behind by a process killed while migrating (deploy/README item 8): the portal used
/// to wait for it without end and without a log line.
/// </summary>
public class MigrationLockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_OverALockLeftByADeadProcess_DeletesItAndServes()
    {
        // A migrated register (this first node stays up, idle: it holds no lock).
        await using var first = new PortalFactory();
        await first.InitializeAsync();

        // What a process killed during a migration leaves: EF's row, stamped an hour ago.
        var connectionString = $"Data Source={first.DatabasePath};Pooling=False";
        var stamp = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture);
        await ExecuteAsync(connectionString, $"INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '{stamp}')");
        Assert.Equal(stamp, await MigrationStart.ReadLockAsync(connectionString, Ct));

        await using var second = new PortalFactory { DataFolder = first.DataFolder };
        var start = Task.Run(async () => await second.InitializeAsync(), Ct);
        var finished = await Task.WhenAny(start, Task.Delay(TimeSpan.FromMinutes(2), Ct));

        Assert.Same(start, finished);
        await start;
        var health = await second.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Null(await MigrationStart.ReadLockAsync(connectionString, Ct));
    }

    /// <summary>
    /// Looking for a lock must not create the file: EF would then take the database for created and skip switching a new
    /// SQLite file to the write-ahead log, and simultaneous receipts failed with "database is locked" (RobustnessTests).
    /// </summary>
    [Fact]
    public async Task Start_OnANewFile_CreatesItWithTheWriteAheadLog()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();

        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync(Ct) as string);
    }

    [Fact]
    public async Task Migrate_WhileAnotherProcessHoldsTheLock_WaitsAndSaysSo_AndDeletesNothing()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        var connectionString = $"Data Source={portal.DatabasePath};Pooling=False";
        var stamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture);
        await ExecuteAsync(connectionString, $"INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '{stamp}')");
        var logger = new FakeLogger();

        await using var db = portal.CreateDbContext();
        var migrate = MigrationStart.MigrateAsync(db, TimeSpan.FromMinutes(10), TimeProvider.System, logger, Ct);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        var waitedWhileHeld = !migrate.IsCompleted;
        var rowWhileHeld = await MigrationStart.ReadLockAsync(connectionString, Ct);

        // The other process finishes its migration and releases the lock.
        await ExecuteAsync(connectionString, "DELETE FROM \"__EFMigrationsLock\"");
        var finished = await Task.WhenAny(migrate, Task.Delay(TimeSpan.FromMinutes(2), Ct));

        Assert.True(waitedWhileHeld);
        Assert.Equal(stamp, rowWhileHeld);
        Assert.Same(migrate, finished);
        await migrate;
        var warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("Waiting for the SQLite migration lock taken at " + stamp, warning.Message, StringComparison.Ordinal);
        Assert.Contains("DELETE FROM __EFMigrationsLock", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Message.StartsWith("Deleted a stale", StringComparison.Ordinal));
        Assert.Null(await MigrationStart.ReadLockAsync(connectionString, Ct));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
