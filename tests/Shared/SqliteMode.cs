using System.Runtime.CompilerServices;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Tests.Support;

/// <summary>
/// The tests run SQLite in the portal's mode (multi-thread, ADR 0038) whatever opens the first connection: a test's own
/// <c>SqliteConnection</c> may come before the first portal, which applies the mode in the portal itself.
/// </summary>
internal static class SqliteMode
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "The mode must be set before SQLite initialises.")]
    internal static void Apply() => SqliteThreading.Apply();
}
