using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Documents;

/// <summary>
/// Issue 11 item 2: viewing or downloading a letter never writes (every letter route, every role, database fingerprint
/// unchanged), and the QR link's host comes from Letters:PublicBaseUrl, never from a forged Host header.
/// </summary>
public class LetterGetNeverWritesTests(PortalFactory portal)
{
    private static readonly string[] Users = ["canbo.viettri", "canbo.syte", "chuyenvien.skhcn", "lanhdao.skhcn", "quantri", "kiemtra"];

    private readonly RequestLetterScenarios _scenarios = new(portal);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetOfEveryLetterRoute_AsEveryRole_LeavesTheDatabaseUnchanged()
    {
        // A portal of its own: the shared one is written by the tests running beside this one.
        await using var own = new PortalFactory();
        await own.InitializeAsync();
        var scenarios = new RequestLetterScenarios(own);
        var draft = await scenarios.IssueToPersonsAsync();
        var issued = await scenarios.RevokeAsync();
        var rejected = await scenarios.RejectedRenewalAsync();
        var handover = await scenarios.HandoverAsync();
        int version;
        await using (var db = own.CreateDbContext())
        {
            version = await db.GeneratedLetters.Where(l => l.RequestId == issued).Select(l => l.Id).SingleAsync(Ct);
        }

        string[] routes =
        [
            $"/Letters/Pdf/{draft}", $"/Letters/Pdf/{draft}?preview=true", $"/Letters/Pdf/{issued}",
            $"/Letters/Pdf/{issued}?version={version}", $"/Letters/Docx/{draft}", $"/Letters/Docx/{issued}",
            $"/Letters/Preview/{draft}", $"/Letters/Preview/{issued}", $"/Letters/Preview/{rejected}",
            $"/Letters/Rejection/{rejected}", $"/Letters/Pdf/{rejected}", "/Letters/Batch", $"/Letters/Handover/{handover}",
        ];
        // Sign everybody in first: a sign-in is audited, a download must not be.
        var clients = new List<HttpClient>();
        foreach (var user in Users)
        {
            clients.Add(await own.CreateClientAsync(user, Ct));
        }

        var before = await FingerprintAsync(own);
        var answers = new Dictionary<HttpStatusCode, int>();
        foreach (var client in clients)
        {
            foreach (var route in routes)
            {
                var response = await client.GetAsync(new Uri(route, UriKind.Relative), Ct);
                Assert.True((int)response.StatusCode < 500, $"{route} answered {(int)response.StatusCode}");
                answers[response.StatusCode] = answers.GetValueOrDefault(response.StatusCode) + 1;
            }
        }

        Assert.Equal(before, await FingerprintAsync(own));
        // The routes were really served (not all refused): the agency's officer and Sở got the documents.
        Assert.True(answers.GetValueOrDefault(HttpStatusCode.OK) >= routes.Length * 2, string.Join(", ", answers));
    }

    [Fact]
    public async Task ForgedHostHeader_NeverReachesAStoredDocument()
    {
        var id = await _scenarios.DraftIssueAsync();
        var officer = await portal.CreateClientAsync("canbo.viettri", Ct);
        officer.DefaultRequestHeaders.Host = "evil.example";

        var draft = await officer.GetByteArrayAsync(new Uri($"/Letters/Pdf/{id}", UriKind.Relative), Ct);
        await PortalFactory.IssueLetterAsync(officer, id, Ct);
        var stored = await officer.GetByteArrayAsync(new Uri($"/Letters/Pdf/{id}", UriKind.Relative), Ct);

        foreach (var pdf in new[] { draft, stored })
        {
            // The QR code is under "Nơi nhận", on the letter's last page.
            using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
            var code = Assert.Single(Poppler.QrCodesOnPage(pdf, document.NumberOfPages));
            Assert.StartsWith(PortalFactory.PublicBaseUrl + "/Status/", code, StringComparison.Ordinal);
            Assert.DoesNotContain("evil.example", code, StringComparison.Ordinal);
        }
    }

    /// <summary>Every table's row count and largest rowid, plus a SHA-256 over every row of the letter table.</summary>
    private static async Task<string> FingerprintAsync(PortalFactory own)
    {
        await using var db = own.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        var tables = new List<(string Name, bool WithoutRowId)>();
        await using (var list = connection.CreateCommand())
        {
            // A WITHOUT ROWID table (the FTS5 index's own _config and _idx tables, docs/adr/0027) is fingerprinted by its count.
            list.CommandText = "SELECT name, coalesce(sql, '') LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                tables.Add((reader.GetString(0), reader.GetBoolean(1)));
            }
        }

        var text = new StringBuilder();
        foreach (var (table, withoutRowId) in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = withoutRowId ? $"SELECT COUNT(*), NULL FROM \"{table}\"" : $"SELECT COUNT(*), MAX(rowid) FROM \"{table}\"";
            await using var reader = await count.ExecuteReaderAsync(Ct);
            await reader.ReadAsync(Ct);
            text.Append(CultureInfo.InvariantCulture, $"{table}:{reader.GetValue(0)}:{reader.GetValue(1)};");
        }

        var letters = new StringBuilder();
        await using (var rows = connection.CreateCommand())
        {
            rows.CommandText = "SELECT * FROM \"GeneratedLetters\" ORDER BY \"Id\"";
            await using var reader = await rows.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    letters.Append(CultureInfo.InvariantCulture, $"{reader.GetValue(i)}|");
                }

                letters.Append('\n');
            }
        }

        Assert.Contains("GeneratedLetters:", text.ToString(), StringComparison.Ordinal);
        return text.Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(letters.ToString())))).ToString();
    }
}
