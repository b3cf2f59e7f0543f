using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Data.Sqlite;

// Two tools for tests/benchmarks/pages.sh (issue 15, docs/performance.md):
//   PageBench serve <database> <port> <sql folder>
//     The reference: a minimal ASP.NET Core app whose page GET /ref/<name> runs the statements of <sql folder>/<name>.sql
//     over the same SQLite file with raw ADO.NET (pooled connection, no ORM, no authentication, no layout) and writes every
//     row it read as an HTML table. The portal's page and its reference therefore both pay HTTP and HTML; what differs is
//     the portal's ORM, authorization, layout and any work the reference does not do.
//   PageBench load <base url> <cookie header> <connections> <seconds> <path>...
//     A closed-loop load: <connections> concurrent clients, each requesting the paths in turn (starting at a different
//     one) for <seconds>; prints requests/s, p50, p95, max (ms) and errors (non-2xx, time-outs) on one line.
//   PageBench time <app url> <cookie header> <reference url> <runs> <clients> <think ms>
//     Times one page against its reference over kept-alive connections, as a browser requests them. One client: <runs>
//     requests to each, interleaved (app, reference, app, ...), <think ms> of idle time after each, so neither server
//     stays hot between requests. More clients: <runs> requests to the app from <clients> concurrent connections, then
//     the same to the reference. PAGEBENCH_WARMUP sets the untimed requests to each first (default 3). Prints "app p50, app p95, reference p50, reference p95" in ms and the number of failed
//     requests (time-outs, lost connections; not timed); exit 1 on a non-200. PAGEBENCH_REFERENCE_COOKIE, if set, is sent to
//     the reference: an A/B run of two portal builds signed in separately.
return args.FirstOrDefault() switch
{
    "serve" when args.Length == 4 => Serve(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3]),
    "load" when args.Length >= 6 => await LoadAsync(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture),
        int.Parse(args[4], CultureInfo.InvariantCulture), args[5..]),
    "time" when args.Length == 7 => await TimeAsync(args[1], args[2], args[3], int.Parse(args[4], CultureInfo.InvariantCulture),
        int.Parse(args[5], CultureInfo.InvariantCulture), int.Parse(args[6], CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: PageBench serve <db> <port> <sql folder> | load <base url> <cookie header> <connections> <seconds> <path>..."
        + " | time <app url> <cookie header> <reference url> <runs> <clients> <think ms>");
    return 2;
}

static int Serve(string database, int port, string sqlFolder)
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
    var app = builder.Build();
    var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
    // The file read through a memory map as the portal reads it (Database:SqliteMemoryMapMegabytes, same variable; ADR 0036).
    var memoryMap = int.TryParse(Environment.GetEnvironmentVariable("Database__SqliteMemoryMapMegabytes"), out var mb) ? mb : 256;
    var mapPragma = "PRAGMA mmap_size = " + (memoryMap * 1024L * 1024L).ToString(CultureInfo.InvariantCulture);
    // SQLite in the portal's mode (multi-thread, no memory statistics; ADR 0038), set as the portal sets it, before the first
    // connection: the reference pays no lock the portal does not.
    SQLitePCL.Batteries_V2.Init();
    SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD);
    SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0);
    var statements = new Dictionary<string, string[]>(StringComparer.Ordinal);
    foreach (var file in Directory.GetFiles(sqlFolder, "*.sql"))
    {
        // Statements end with ";" (none of the references has one inside a literal); lines starting with "--" are comments.
        var text = string.Join('\n', File.ReadAllLines(file).Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        statements[Path.GetFileNameWithoutExtension(file)] = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length > 0)
            .ToArray();
    }

    app.MapGet("/ref/{name}", async (string name, HttpContext http) =>
    {
        if (!statements.TryGetValue(name, out var sql))
        {
            return Results.NotFound();
        }

        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(http.RequestAborted);
        await using (var map = connection.CreateCommand())
        {
            map.CommandText = mapPragma;
            await map.ExecuteNonQueryAsync(http.RequestAborted);
        }

        foreach (var text in sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = text;
            await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
            html.Append("<table>");
            while (await reader.ReadAsync(http.RequestAborted))
            {
                html.Append("<tr>");
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    html.Append("<td>").Append(HtmlEncoder.Default.Encode(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "")).Append("</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</table>");
        }

        return Results.Content(html.Append("</body></html>").ToString(), "text/html; charset=utf-8");
    });
    app.Run();
    return 0;
}

static async Task<int> LoadAsync(string baseUrl, string cookie, int connections, int seconds, string[] paths)
{
    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false, AllowAutoRedirect = false };
    using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    var until = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
    var times = new List<double>[connections];
    var errors = 0;
    var statuses = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
    var started = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
    {
        times[worker] = [];
        for (var i = worker; Stopwatch.GetTimestamp() < until; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, paths[i % paths.Length]);
            if (cookie.Length > 0)
            {
                request.Headers.Add("Cookie", cookie);
            }

            var t0 = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                    statuses.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                    continue;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref errors);
                statuses.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                continue;
            }

            times[worker].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }
    }));
    var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var all = times.SelectMany(t => t).Order().ToArray();
    double Pct(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)((all.Length - 1) * p / 100))];
    var max = all.Length == 0 ? 0 : all[^1];
    var detail = statuses.IsEmpty ? "" : " (" + string.Join(", ", statuses.Select(s => s.Key + ": " + s.Value.ToString(CultureInfo.InvariantCulture))) + ")";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{all.Length / elapsed:F1} req/s  p50 {Pct(50):F0}  p95 {Pct(95):F0}  max {max:F0} ms  ok {all.Length}  errors {errors}") + detail);
    return 0;
}

static async Task<int> TimeAsync(string appUrl, string cookie, string referenceUrl, int runs, int clients, int thinkMs)
{
    using var appClient = Client(clients);
    using var referenceClient = Client(clients);
    // For A/B runs of two portal builds (the "reference" then being a second portal), its sign-in cookie.
    var referenceCookie = Environment.GetEnvironmentVariable("PAGEBENCH_REFERENCE_COOKIE") ?? "";
    var failures = 0;
    async Task<double> GetAsync(HttpClient client, string url, string cookieHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookieHeader.Length > 0)
        {
            request.Headers.Add("Cookie", cookieHeader);
        }

        var t0 = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            await response.Content.ReadAsByteArrayAsync();
            var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            return response.StatusCode == HttpStatusCode.OK ? ms : throw new InvalidOperationException($"HTTP {(int)response.StatusCode} for {url}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // Counted, not fatal: under 16 clients a slow page may time out or lose its connection; the line says how many.
            Interlocked.Increment(ref failures);
            Console.Error.WriteLine($"{url}: {e.GetType().Name}: {e.Message} {e.InnerException?.Message}");
            return double.NaN;
        }
    }

    try
    {
        // Warm-up: the first requests open the connections and compile the queries; PAGEBENCH_WARMUP (3 unless set) requests
        // to each server, at most 5 s each, let the JIT's tiering optimise the page's code first, as on a portal that has
        // served for a while (a method is recompiled optimised after 30 calls, in the background).
        var warmup = int.TryParse(Environment.GetEnvironmentVariable("PAGEBENCH_WARMUP"), CultureInfo.InvariantCulture, out var w) ? w : 3;
        foreach (var (client, url, cookieHeader) in new[] { (appClient, appUrl, cookie), (referenceClient, referenceUrl, referenceCookie) })
        {
            var warmStart = Stopwatch.GetTimestamp();
            for (var i = 0; i < Math.Max(warmup, 1) && (i < 3 || Stopwatch.GetElapsedTime(warmStart).TotalSeconds < 5); i++)
            {
                await GetAsync(client, url, cookieHeader);
            }
        }

        if (warmup > 3)
        {
            await Task.Delay(1000); // the background compilations of the last calls
        }

        var app = new List<double>();
        var reference = new List<double>();
        if (clients <= 1)
        {
            for (var i = 0; i < runs; i++)
            {
                app.Add(await GetAsync(appClient, appUrl, cookie));
                await Task.Delay(thinkMs);
                reference.Add(await GetAsync(referenceClient, referenceUrl, referenceCookie));
                await Task.Delay(thinkMs);
            }
        }
        else
        {
            async Task<List<double>> ConcurrentAsync(HttpClient client, string url, string cookieHeader)
            {
                var next = 0;
                var times = new System.Collections.Concurrent.ConcurrentBag<double>();
                await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
                {
                    while (Interlocked.Increment(ref next) <= runs)
                    {
                        times.Add(await GetAsync(client, url, cookieHeader));
                    }
                }));
                return [.. times];
            }

            app = await ConcurrentAsync(appClient, appUrl, cookie);
            reference = await ConcurrentAsync(referenceClient, referenceUrl, referenceCookie);
        }

        static double Pct(List<double> values, double p)
        {
            var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)((sorted.Length - 1) * p / 100))];
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Pct(app, 50):F1} {Pct(app, 95):F1} {Pct(reference, 50):F1} {Pct(reference, 95):F1} {failures}"));
        return 0;
    }
    catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
}

static HttpClient Client(int connections) =>
    new(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(1, connections), UseCookies = false, AllowAutoRedirect = false })
    {
        Timeout = TimeSpan.FromSeconds(120),
    };
