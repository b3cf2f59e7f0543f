using SQLitePCL;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// Puts SQLite in its multi-thread mode, before the first connection opens (docs/adr/0038-sqlite-multi-thread-mode.md).
/// The library is built "serialized": every call on a connection (each column of each row read, each step) takes and
/// releases that connection's mutex, and every allocation the global memory-statistics mutex. ADO.NET already uses a
/// connection from one thread at a time (a context, and the connection it holds for a request, are never shared), so
/// those locks guard nothing here; on the yearly report they were 5 % of the CPU. The locks SQLite needs between
/// connections (the page cache, the write-ahead log's shared memory) stay.
/// </summary>
public static class SqliteThreading
{
    private static readonly Lazy<int> Result = new(() =>
    {
        Batteries_V2.Init();
        // SQLITE_MISUSE when SQLite was already initialised (another host in the same process opened a connection first):
        // it then stays as it was, which is correct, only slower.
        var mode = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
        raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
        return mode;
    });

    /// <summary>Applies the mode once per process; returns SQLite's answer (0 when applied).</summary>
    public static int Apply() => Result.Value;
}
