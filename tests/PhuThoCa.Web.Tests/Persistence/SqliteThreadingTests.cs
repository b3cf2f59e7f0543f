using System.Net;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Pages.Requests;
using SQLitePCL;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>
/// SQLite runs in multi-thread mode, without its memory statistics (ADR 0038): no lock per call on a connection, which
/// ADO.NET uses from one thread at a time. The tests run in that mode as the portal does (the test assembly sets it
/// before anything opens a connection), so every test exercises it; this one asks SQLite, then serves pages from many
/// threads at once.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public sealed class SqliteThreadingTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SQLite_TookTheMultiThreadMode_AndServesConcurrentRequests()
    {
        // SQLite's answer to the mode when it was set: 0, so it was set before SQLite initialised (SQLITE_MISUSE after).
        Assert.Equal(raw.SQLITE_OK, SqliteThreading.Apply());

        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => portal.CreateClientAsync("chuyenvien.skhcn", Ct)));
        string[] paths = ["/Requests", "/Requests?status=Received", "/Certificates?expiry=90", "/Subscribers?q=nguyen", "/Requests/Statistics", "/"];
        var responses = await Task.WhenAll(Enumerable.Range(0, 48).Select(async i =>
        {
            using var response = await clients[i % clients.Length].GetAsync(new Uri(paths[i % paths.Length], UriKind.Relative), Ct);
            return (Path: paths[i % paths.Length], response.StatusCode, Body: await response.Content.ReadAsStringAsync(Ct));
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // The same page read at once by several threads over pooled connections reads the same rows.
        Assert.All(responses.GroupBy(r => r.Path), g => Assert.Single(g.Select(r => Normalised(r.Body)).Distinct()));

        // Without memory statistics SQLite counts no bytes (it counts them on every allocation, under a global lock).
        Assert.Equal(0, raw.sqlite3_memory_used());
    }

    /// <summary>The page without its per-response antiforgery tokens and nonces.</summary>
    private static string Normalised(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "(value|nonce|content)=\"[A-Za-z0-9_+/=-]{20,}\"", "$1=\"\"");
}
