using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// Reads the SQLite file through a memory map (<c>PRAGMA mmap_size</c>) on every connection the portal opens
/// (docs/adr/0036-sqlite-memory-map.md). SQLite's own page cache is 2 MB a connection; a page outside it is a system call
/// that copies 4 KB from the OS's file cache. A query that visits rows scattered over a large file (the yearly report at
/// 100,000 requests reads 16,000 certificates and their subscribers by key) spent most of its time in those calls: with
/// the map, the same pages are read in place. The mapped pages are the OS's file cache, shared, not the process's own
/// memory, though the kernel counts those touched in the process's resident size.
/// </summary>
public sealed class SqliteMemoryMap : DbConnectionInterceptor
{
    /// <summary>The default: 256 MB of the file mapped (SQLite maps at most this much, from the start of the file).</summary>
    public const int DefaultMegabytes = 256;

    private readonly string _pragma;

    public SqliteMemoryMap(int megabytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(megabytes);
        _pragma = "PRAGMA mmap_size = " + (megabytes * 1024L * 1024L).ToString(CultureInfo.InvariantCulture);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }
}
