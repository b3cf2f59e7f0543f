using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// Applies the migrations at start-up. On SQLite it also deals with EF Core's migration lock: a row in
/// <c>__EFMigrationsLock</c> that EF inserts before migrating and deletes afterwards. A process killed during a migration
/// (or a file copied with <c>cp</c> while its write-ahead log held the release) leaves the row behind, and EF then waits for
/// it without end and without a log line (found in issue 15's benchmark, deploy/README item 8). Here a lock found at start
/// is reported at once and every minute, with what to do; one older than <see cref="DefaultStaleAfter"/> (setting
/// <c>Database:SqliteMigrationLockStaleAfter</c>) is taken for the remains of a dead process and deleted, with a warning.
/// SQL Server's lock is an application lock that ends with its connection; it needs none of this.
/// </summary>
public static class MigrationStart
{
    /// <summary>
    /// A lock this old is stale: the largest migration measured (100k requests, 2–4 min) holds it far less. Another node
    /// that is really migrating past it would at worst fail its own start on the migration already applied.
    /// </summary>
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromMinutes(10);

    private const string LockTable = "__EFMigrationsLock";

    /// <summary>
    /// Migrates <paramref name="db"/>. <paramref name="clock"/> must be the real clock (EF stamps its lock row with
    /// <see cref="DateTimeOffset.UtcNow"/>), not a business clock that tests may set to another day.
    /// </summary>
    public static async Task MigrateAsync(AppDbContext db, TimeSpan staleAfter, TimeProvider clock, ILogger logger, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        var connectionString = db.Database.IsSqlite() ? db.Database.GetConnectionString() : null;
        var held = connectionString is null ? null : await ReadLockAsync(connectionString, ct);
        if (held is null)
        {
            await db.Database.MigrateAsync(ct);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watch = WatchAsync(connectionString!, held, staleAfter, clock, logger, stop.Token);
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await stop.CancelAsync();
            await watch;
        }
    }

    /// <summary>The lock row's timestamp as EF wrote it; null when there is no row, no lock table yet, or no file yet.</summary>
    public static async Task<string?> ReadLockAsync(string connectionString, CancellationToken ct = default)
    {
        // Read-only, and never on a file that does not exist: opening it would create it, and EF then takes the database
        // for created and skips what it does when it creates one (on SQLite: the write-ahead log, which SqliteJournal
        // sets at start in any case).
        var readOnly = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly };
        if (!File.Exists(readOnly.DataSource))
        {
            return null;
        }

        await using var connection = new SqliteConnection(readOnly.ToString());
        await connection.OpenAsync(ct);
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        exists.Parameters.AddWithValue("$name", LockTable);
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 0)
        {
            return null;
        }

        await using var read = connection.CreateCommand();
        read.CommandText = $"SELECT \"Timestamp\" FROM \"{LockTable}\" WHERE \"Id\" = 1";
        return await read.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>
    /// Until the migration ends: reports the lock every minute, and deletes it once it is older than
    /// <paramref name="staleAfter"/>, only if it is still the same row (same timestamp).
    /// </summary>
    private static async Task WatchAsync(string connectionString, string held, TimeSpan staleAfter, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        var firstSeen = clock.GetUtcNow();
        try
        {
            while (true)
            {
                var takenAt = DateTimeOffset.TryParse(held, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    && parsed <= firstSeen ? parsed : firstSeen;
                var age = clock.GetUtcNow() - takenAt;
                if (age >= staleAfter)
                {
                    if (await DeleteLockAsync(connectionString, held, ct))
                    {
                        logger.LogWarning(
                            "Deleted a stale SQLite migration lock taken at {TakenAt} ({Minutes:0} min ago, more than "
                            + "Database:SqliteMigrationLockStaleAfter = {StaleAfter}); a process that was killed while migrating "
                            + "leaves one behind. Migrating now.", held, age.TotalMinutes, staleAfter);
                    }

                    return;
                }

                logger.LogWarning(
                    "Waiting for the SQLite migration lock taken at {TakenAt}: another portal process is migrating this "
                    + "database, or one was killed while migrating. It will be taken as stale and deleted at {StaleAt:u} "
                    + "(Database:SqliteMigrationLockStaleAfter = {StaleAfter}); with every other portal process stopped, it "
                    + "can be deleted at once: sqlite3 <database> \"DELETE FROM {LockTable};\"",
                    held, takenAt + staleAfter, staleAfter, LockTable);
                var wait = staleAfter - age;
                await Task.Delay(wait < TimeSpan.FromMinutes(1) ? wait : TimeSpan.FromMinutes(1), clock, ct);
                var now = await ReadLockAsync(connectionString, ct);
                if (now != held)
                {
                    // Released (or released and taken again by a live process, possibly this one): nothing stale to watch.
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The migration ended (or the start was cancelled).
        }
    }

    private static async Task<bool> DeleteLockAsync(string connectionString, string held, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var delete = connection.CreateCommand();
        delete.CommandText = $"DELETE FROM \"{LockTable}\" WHERE \"Id\" = 1 AND \"Timestamp\" = $held";
        delete.Parameters.AddWithValue("$held", held);
        return await delete.ExecuteNonQueryAsync(ct) == 1;
    }
}
