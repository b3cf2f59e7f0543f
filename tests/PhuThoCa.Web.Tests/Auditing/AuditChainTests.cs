using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Infrastructure.Auditing;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Auditing;

/// <summary>
/// The hash chain as an inspector would test it: a copy of the portal's real SQLite file is tampered with (an entry edited,
/// deleted, reordered, cut from the end) and the built <c>PhuThoCa.Web.dll audit verify</c> is run as a process on it.
/// </summary>
public class AuditChainTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task VerifyCommand_OnTheUntouchedDemoDatabase_PrintsOkWithTheEntryCount_AndExitsZero()
    {
        var copy = await CopyDatabaseAsync();
        var count = await ScalarAsync(copy, "SELECT COUNT(*) FROM AuditEntries");

        var (exit, output) = await RunVerifyAsync(copy);

        Assert.True(count > 100, $"the demo seeding should be audited, found {count} entries");
        Assert.Equal(0, exit);
        Assert.Equal($"OK {count} entries", output.Trim());
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("edit-reason")]
    [InlineData("delete")]
    [InlineData("reorder")]
    [InlineData("rehash")]
    public async Task VerifyCommand_AfterTamperingWithOneEntry_ExitsOneAndNamesThatEntry(string tampering)
    {
        var copy = await CopyDatabaseAsync();
        var count = await ScalarAsync(copy, "SELECT COUNT(*) FROM AuditEntries");
        var target = count / 2;
        var expected = target;
        switch (tampering)
        {
            case "edit":
                await ExecuteAsync(copy, $"UPDATE AuditEntries SET UserName = 'Người khác' WHERE Id = {target}");
                break;
            case "edit-reason":
                await ExecuteAsync(copy, $"UPDATE AuditEntries SET Reason = 'Lý do đã sửa', Changes = '[]' WHERE Id = {target}");
                break;
            case "delete":
                await ExecuteAsync(copy, $"DELETE FROM AuditEntries WHERE Id = {target}");
                break;
            case "reorder":
                await ExecuteAsync(copy, $"UPDATE AuditEntries SET Id = -1 WHERE Id = {target}; "
                    + $"UPDATE AuditEntries SET Id = {target} WHERE Id = {target + 1}; UPDATE AuditEntries SET Id = {target + 1} WHERE Id = -1");
                break;
            case "rehash":
                // An editor who also recomputes the entry's own hash still breaks the link from the next entry.
                var entry = await ReadEntryAsync(copy, target);
                entry.UserName = "Người khác";
                var hash = AuditCanonicalForm.ComputeHash(entry.PreviousHash, entry);
                await ExecuteAsync(copy, $"UPDATE AuditEntries SET UserName = 'Người khác', Hash = '{hash}' WHERE Id = {target}");
                expected = target + 1;
                break;
        }

        var (exit, output) = await RunVerifyAsync(copy);

        Assert.Equal(1, exit);
        Assert.StartsWith($"BROKEN {expected}:", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyCommand_AfterTheLastEntriesAreCut_NamesTheFirstMissingOne()
    {
        var copy = await CopyDatabaseAsync();
        var count = await ScalarAsync(copy, "SELECT COUNT(*) FROM AuditEntries");
        await ExecuteAsync(copy, $"DELETE FROM AuditEntries WHERE Id >= {count - 1}");

        var (exit, output) = await RunVerifyAsync(copy);

        Assert.Equal(1, exit);
        Assert.StartsWith($"BROKEN {count - 1}:", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentWriters_KeepTheChainLinear()
    {
        var copy = await CopyDatabaseAsync();
        var before = await ScalarAsync(copy, "SELECT COUNT(*) FROM AuditEntries");

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            await using var db = Context(copy);
            for (var j = 0; j < 5; j++)
            {
                await db.AppendAsync(new AuditEvent(AuditActions.SignOut, "User", $"concurrent-{i}-{j}"), Ct);
            }
        }, Ct)));

        await using var check = Context(copy);
        var result = await AuditVerifier.VerifyAsync(check, Ct);
        Assert.True(result.IsIntact, $"broken at {result.FirstBrokenId}: {result.Problem}");
        Assert.Equal(before + 80, result.Count);
    }

    [Fact]
    public async Task AuditPage_VerifiesTheChain_ForAdminsAndAuditorsOnly()
    {
        var admin = await portal.CreateClientAsync("quantri", Ct);
        var auditor = await portal.CreateClientAsync("kiemtra", Ct);
        var officer = await portal.CreateClientAsync("canbo.viettri", Ct);

        var page = await auditor.GetAsync(new Uri("/Audit", UriKind.Relative), Ct);
        var verified = TestHtml.Text(await admin.GetStringAsync(new Uri("/Audit?handler=Verify", UriKind.Relative), Ct));
        var denied = await officer.GetAsync(new Uri("/Audit", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Nhật ký hệ thống", TestHtml.Text(await page.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        var result = await AuditVerifier.VerifyAsync(db, Ct);
        var broken = result.FirstBrokenId is { } id
            ? await db.AuditEntries.AsNoTracking().Where(e => e.Id >= id - 1 && e.Id <= id + 1).ToListAsync(Ct)
            : [];
        Assert.True(result.IsIntact, $"broken at {result.FirstBrokenId}: {result.Problem}\n"
            + string.Join("\n", broken.Select(e => $"{e.Id} {e.AtUtc:O} {e.UserName} {e.Action} {e.EntityType}#{e.EntityKey} {e.Changes} {e.Reason} {e.PreviousHash} {e.Hash}")));
        Assert.True(verified.Contains("Toàn vẹn: đã kiểm tra", StringComparison.Ordinal), verified);
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    [Fact]
    public async Task AuditPage_OnATamperedDatabase_NamesTheFirstBrokenEntry()
    {
        await using var tampered = new PortalFactory();
        await tampered.InitializeAsync();
        var admin = await tampered.CreateClientAsync("quantri", Ct);
        var count = await ScalarAsync(tampered.DatabasePath, "SELECT COUNT(*) FROM AuditEntries");
        await ExecuteAsync(tampered.DatabasePath, $"UPDATE AuditEntries SET EntityKey = '999' WHERE Id = {count / 3}");

        var html = TestHtml.Text(await admin.GetStringAsync(new Uri("/Audit?handler=Verify", UriKind.Relative), Ct));

        Assert.Contains($"mục hỏng đầu tiên là số {count / 3}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_FiltersByEntityAndAction_AndPages()
    {
        var admin = await portal.CreateClientAsync("quantri", Ct);

        var html = TestHtml.Text(await admin.GetStringAsync(new Uri("/Audit?entity=Subscriber&action=Insert&p=2", UriKind.Relative), Ct));
        var badDate = await admin.GetAsync(new Uri("/Audit?from=31/02/2026", UriKind.Relative), Ct);

        Assert.Contains("Hiển thị 51–", html, StringComparison.Ordinal);
        Assert.Contains("Thuê bao #", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cơ quan #", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, badDate.StatusCode);
        Assert.Contains("Ngày bắt đầu phải có dạng dd/MM/yyyy.", TestHtml.Text(await badDate.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    private async Task<string> CopyDatabaseAsync()
    {
        _ = portal.Services;
        var copy = Path.Combine(portal.DataFolder, $"audit-copy-{Guid.NewGuid():N}.db");
        await ExecuteAsync(portal.DatabasePath, $"VACUUM INTO '{copy}'");
        return copy;
    }

    private static AppDbContext Context(string path)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={path}");
        return AppDbContext.Create(options.Options, UnrestrictedScope.Instance);
    }

    private static async Task<AuditEntry> ReadEntryAsync(string path, long id)
    {
        await using var db = Context(path);
        return await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == id, Ct);
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<long> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs the built portal as the operator would: <c>dotnet PhuThoCa.Web.dll audit verify</c>.</summary>
    private static async Task<(int Exit, string Output)> RunVerifyAsync(string databasePath)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "PhuThoCa.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "audit", "verify", "--Database:Provider=Sqlite", $"--ConnectionStrings:Default=Data Source={databasePath}" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        var text = await output;
        Assert.True(string.IsNullOrWhiteSpace(await error), "stderr: " + await error);
        Assert.DoesNotContain("Now listening", text, StringComparison.Ordinal);
        return (process.ExitCode, text);
    }
}
