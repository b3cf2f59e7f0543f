using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Files;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Documents;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Infrastructure;

/// <summary>deploy/backup.sh under write load, deploy/restore.sh into a new folder, and the portal started on it.</summary>
public class BackupRestoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BackupUnderWriteLoad_RestoresEveryCommittedRequestAttachmentLetter_AndQrLinksWork()
    {
        var backup = Path.Combine(Path.GetTempPath(), "phuthoca-tests", "backup-" + Guid.NewGuid().ToString("N"));
        var restored = Path.Combine(Path.GetTempPath(), "phuthoca-tests", "restored-" + Guid.NewGuid().ToString("N"));
        string statusToken;
        int letterRequest;
        List<int> committedBefore;
        await using (var portal = new PortalFactory())
        {
            await portal.InitializeAsync();
            letterRequest = await new RequestLetterScenarios(portal).RevokeAsync();
            var officer = await portal.CreateClientAsync("canbo.viettri", Ct);
            Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(new Uri($"/Letters/Pdf/{letterRequest}", UriKind.Relative), Ct)).StatusCode);
            await AttachAsync(portal, letterRequest);
            statusToken = portal.Services.GetRequiredService<StatusLinks>().TokenFor(letterRequest);

            // Writers keep committing requests (with an attachment each) while the backup runs.
            var committed = new ConcurrentBag<int>();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var id = (await SubmittedAsync(portal, RequestType.Revoke)).RequestId;
                    await AttachAsync(portal, id);
                    committed.Add(id);
                }
            })).ToList();
            while (committed.Count < 5)
            {
                await Task.Delay(50, Ct);
            }

            committedBefore = [.. committed];
            var result = await RunAsync("backup.sh", portal.DataFolder, backup);
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Assert.True(result.ExitCode == 0, result.Output);
            Assert.True(committed.Count > committedBefore.Count, "no write happened during the backup");
        }

        var restore = await RunAsync("restore.sh", backup, restored);
        Assert.True(restore.ExitCode == 0, restore.Output);
        Assert.Matches("audit trail: OK [0-9]+ entries", restore.Output);
        File.Move(Path.Combine(restored, "phuthoca.db"), Path.Combine(restored, "portal.db"));

        await using var again = new PortalFactory { DataFolder = restored };
        await again.InitializeAsync();
        await using (var db = again.CreateDbContext())
        {
            var ids = await db.Requests.Select(r => r.Id).ToListAsync(Ct);
            Assert.All(committedBefore.Append(letterRequest), id => Assert.Contains(id, ids));
            var attachments = await db.RequestAttachments.ToListAsync(Ct);
            Assert.All(committedBefore.Append(letterRequest), id => Assert.Contains(attachments, a => a.RequestId == id));
            var files = again.Services.GetRequiredService<FileStore>();
            foreach (var a in attachments)
            {
                Assert.NotNull(await files.ReadVerifiedAsync(a.StorageKey, a.Sha256, Ct));
            }

            var letters = await db.GeneratedLetters.ToListAsync(Ct);
            Assert.Contains(letters, l => l.RequestId == letterRequest);
            foreach (var l in letters)
            {
                Assert.NotNull(await files.ReadVerifiedAsync(l.StorageKey, l.Sha256, Ct));
            }
        }

        var status = await again.CreateAnonymousClient().GetAsync(new Uri($"/Status/{statusToken}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Fact]
    public async Task Restore_RefusesABackupThatDoesNotMatchItsManifest()
    {
        var backup = Path.Combine(Path.GetTempPath(), "phuthoca-tests", "backup-" + Guid.NewGuid().ToString("N"));
        await using (var portal = new PortalFactory())
        {
            await portal.InitializeAsync();
            var result = await RunAsync("backup.sh", portal.DataFolder, backup);
            Assert.True(result.ExitCode == 0, result.Output);
        }

        var key = Directory.GetFiles(Path.Combine(backup, "keys"), "*", SearchOption.AllDirectories).First();
        await File.AppendAllTextAsync(key, "x", Ct);

        var restore = await RunAsync("restore.sh", backup, backup + "-restored");

        Assert.NotEqual(0, restore.ExitCode);
        Assert.Contains("does not match its manifest", restore.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(backup + "-restored"));
    }

    [Fact]
    public async Task Restore_RefusesABackupWhoseAuditTrailWasEdited()
    {
        var backup = Path.Combine(Path.GetTempPath(), "phuthoca-tests", "backup-" + Guid.NewGuid().ToString("N"));
        await using (var portal = new PortalFactory())
        {
            await portal.InitializeAsync();
            var result = await RunAsync("backup.sh", portal.DataFolder, backup);
            Assert.True(result.ExitCode == 0, result.Output);
        }

        // An entry edited in the backup's database, and the manifest made to match again: only the hash chain notices.
        var database = Path.Combine(backup, "phuthoca.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE AuditEntries SET UserName = 'Người khác' WHERE Id = 2";
            Assert.Equal(1, await edit.ExecuteNonQueryAsync(Ct));
        }

        var manifest = Path.Combine(backup, "MANIFEST.sha256");
        var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(database, Ct)));
        var lines = (await File.ReadAllLinesAsync(manifest, Ct))
            .Select(l => l.EndsWith("phuthoca.db", StringComparison.Ordinal) ? hash + l[64..] : l);
        await File.WriteAllLinesAsync(manifest, lines, Ct);

        var restore = await RunAsync("restore.sh", backup, backup + "-restored");

        Assert.NotEqual(0, restore.ExitCode);
        Assert.Contains("audit trail check failed", restore.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(backup + "-restored"));
    }

    private static async Task AttachAsync(PortalFactory portal, int requestId)
    {
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% ho so " + requestId + "\n%%EOF\n");
        var files = portal.Services.GetRequiredService<FileStore>();
        using var stream = new MemoryStream(pdf);
        var (stored, error) = await files.SaveAsync(stream, "ho-so.pdf", pdf.Length, Ct);
        Assert.True(stored is not null, error);
        await using var db = portal.CreateDbContext();
        db.RequestAttachments.Add(new RequestAttachment(requestId, AttachmentPurpose.SignedLetter, stored.FileName, stored.Key,
            FileStore.ContentType(stored.Kind), stored.Length, Convert.ToHexStringLower(SHA256.HashData(pdf)),
            new Actor("backup-test", "Kiểm thử sao lưu", DateTime.UtcNow)));
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string script, string from, string to)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PhuThoCa.sln")))
        {
            dir = dir.Parent;
        }

        var start = new ProcessStartInfo("bash", [Path.Combine(dir!.FullName, "deploy", script), from, to])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PHUTHOCA_DB"] = Path.Combine(from, "portal.db");
        // The portal built beside the tests: restore.sh runs its "audit verify" on the backup before restoring.
        start.Environment["PHUTHOCA_APP"] = AppContext.BaseDirectory;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output + await error);
    }
}
