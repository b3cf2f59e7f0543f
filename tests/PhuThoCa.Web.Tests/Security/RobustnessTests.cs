using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Certificates;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Documents;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Security;

/// <summary>Crafted requests never give a 500 (issue 14, robustness).</summary>
public class RobustnessTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostWithoutHandlerOrWithNonsenseHandler_OnEveryPageForEveryRole_IsNeverA500()
    {
        // Sign-out is left out: it would end the crawling session (its POST is tested on its own).
        var pages = PageCrawl.PageUrls(portal).Where(p => !p.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase)).ToList();
        var failures = new List<string>();
        var unknownHandler = 0;
        var seen = new Dictionary<int, int>();
        foreach (var (role, client) in await PageCrawl.ClientsAsync(portal, Ct))
        {
            var token = await PageCrawl.AntiforgeryTokenAsync(client, Ct);
            foreach (var page in pages)
            {
                foreach (var url in new[] { page, page + "?handler=zzNonsense", page + "?handler=" + new string('x', 300) })
                {
                    using var content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = token ?? "",
                        ["Input.Foo"] = "<script>alert(1)</script>",
                    });
                    var response = await client.PostAsync(new Uri(url, UriKind.Relative), content, Ct);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{role} POST {url}: {(int)response.StatusCode}");
                    }

                    if (url.Contains("handler=zzNonsense", StringComparison.Ordinal))
                    {
                        seen[(int)response.StatusCode] = seen.GetValueOrDefault((int)response.StatusCode) + 1;
                        unknownHandler += response.StatusCode == HttpStatusCode.NotFound ? 1 : 0;
                    }
                }
            }
        }

        Assert.True(pages.Count > 40, $"only {pages.Count} pages found");
        Assert.Empty(failures);
        Assert.True(unknownHandler > pages.Count, $"an unknown handler was a 404 only {unknownHandler} times: " + string.Join(", ", seen.Select(s => $"{s.Key}×{s.Value}")));
    }

    [Fact]
    public async Task PostWithoutHandler_ToAPageWithOnlyNamedHandlers_Is400()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Revoke);
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var page = await LoadAsync(client, arranged.RequestId, Ct);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = page.Antiforgery! });

        var response = await client.PostAsync(new Uri($"/Requests/Details/{arranged.RequestId}", UriKind.Relative), content, Ct);
        var text = TestHtml.Text(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Yêu cầu không hợp lệ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryParametersOutOfRange_OnEveryPage_AreNeverA500()
    {
        string[] values = ["2932896", "-2147483648", "abc", "0001-01-01", "9999-12-31"];
        string[] names = ["expiry", "page", "agencyId", "year", "status", "type", "kind", "due", "from", "to", "q", "version", "month"];
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var failures = new List<string>();
        foreach (var page in PageCrawl.PageUrls(portal))
        {
            foreach (var name in names)
            {
                foreach (var value in values)
                {
                    var url = $"{page}?{name}={Uri.EscapeDataString(value)}";
                    var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"GET {url}: {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.Empty(failures);
        var expiry = await client.GetAsync(new Uri("/Certificates?expiry=2932896", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, expiry.StatusCode);
    }

    [Fact]
    public async Task OversizedUpload_Gets413WithTheVietnameseSizeMessage()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Revoke);
        var client = await portal.CreateClientAsync("canbo.syte", Ct);
        var token = await PageCrawl.AntiforgeryTokenAsync(client, Ct);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token!), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[12 * 1024 * 1024]), "Upload.File", "lon.pdf" },
        };

        var response = await client.PostAsync(new Uri($"/Requests/Attachments/{arranged.RequestId}?handler=Upload", UriKind.Relative), content, Ct);
        var text = TestHtml.Text(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Tệp tải lên quá lớn: mỗi tệp không được lớn hơn 10 MB.", text, StringComparison.Ordinal);
    }

    /// <summary>CN=…+OU=… in one RDN (legal X.509): the parser splits it; the form is filled.</summary>
    [Fact]
    public async Task CertificateWithAMultiValuedRdn_FillsTheForm()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSetOf())
            {
                Attribute(writer, "2.5.4.3", "Nguyễn Văn Bình");
                Attribute(writer, "2.5.4.11", "Phòng Hành chính");
            }

            using (writer.PushSetOf())
            {
                Attribute(writer, "2.5.4.10", "UBND tỉnh Phú Thọ");
            }
        }

        using var key = RSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName(writer.Encode()), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        var der = certificate.Export(X509ContentType.Cert);

        Assert.True(CertificateFileParser.TryParse(der, out var parsed, out var error), error);
        Assert.Equal("Nguyễn Văn Bình", parsed!.CommonName);
        Assert.Equal("Phòng Hành chính", parsed.OrganizationalUnit);
        Assert.Equal("UBND tỉnh Phú Thọ", parsed.Organization);

        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        var token = await PageCrawl.AntiforgeryTokenAsync(client, Ct);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token!), "__RequestVerificationToken" },
            { new ByteArrayContent(der), "CertificateFile", "nhieu-gia-tri.cer" },
        };
        var response = await client.PostAsync(new Uri("/Certificates/Create?handler=Upload", UriKind.Relative), content, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(certificate.SerialNumber, TestHtml.InputValue(html, "Input.SerialNumber"));
        Assert.Contains("Nguyễn Văn Bình", TestHtml.InputValue(html, "Input.SubjectDn"), StringComparison.Ordinal);
    }

    [Fact]
    public void GarbageCertificate_GetsTheVietnameseMessage()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(42);
        }

        Assert.False(CertificateFileParser.TryParse(writer.Encode(), out _, out var error));
        Assert.StartsWith("Không đọc được tệp chứng thư số", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TamperedStoredLetter_ShowsTheVietnameseIntegrityPage()
    {
        var id = await new RequestLetterScenarios(portal).RevokeAsync();
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        var first = await client.GetAsync(new Uri($"/Letters/Pdf/{id}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await using (var db = portal.CreateDbContext())
        {
            var stored = await db.GeneratedLetters.SingleAsync(l => l.RequestId == id, Ct);
            var path = Path.Combine(portal.DataFolder, "files", stored.StorageKey);
            var bytes = await File.ReadAllBytesAsync(path, Ct);
            bytes[^20] ^= 0x01;
            await File.WriteAllBytesAsync(path, bytes, Ct);
        }

        var response = await client.GetAsync(new Uri($"/Letters/Pdf/{id}", UriKind.Relative), Ct);
        var text = TestHtml.Text(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Tệp không qua kiểm tra toàn vẹn", text, StringComparison.Ordinal);
        Assert.Contains("không còn khớp với mã kiểm tra (SHA-256)", text, StringComparison.Ordinal);
    }

    /// <summary>30 staff receive 30 different requests at the same moment: 30 succeed with 30 consecutive numbers.</summary>
    [Fact]
    public async Task ThirtySimultaneousReceipts_AllSucceed_WithThirtyDistinctConsecutiveNumbers()
    {
        // Its own portal: a receipt by a test running beside it on the shared portal would take a number in between.
        await using var isolated = new PortalFactory();
        using var started = isolated.CreateClient(); // starts it: migrations and demo data
        var requests = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            requests.Add((await SubmittedAsync(isolated, RequestType.Revoke)).RequestId);
        }

        var clients = new List<HttpClient>();
        var pages = new List<PhuThoCa.Web.Tests.Pages.Requests.LoadedPage>();
        foreach (var id in requests)
        {
            var client = await isolated.CreateClientAsync(clients.Count % 2 == 0 ? "chuyenvien.skhcn" : "chuyenvien2.skhcn", Ct);
            clients.Add(client);
            pages.Add(await LoadAsync(client, id, Ct));
        }

        using var start = new SemaphoreSlim(0);
        var posts = requests.Select(async (id, i) =>
        {
            await start.WaitAsync(Ct);
            return await PostAsync(clients[i], id, "Receive", pages[i], ct: Ct);
        }).ToList();
        start.Release(requests.Count);
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var db = isolated.CreateDbContext();
        var numbers = await db.Requests.Where(r => requests.Contains(r.Id)).Select(r => r.ReceiptNumber!).ToListAsync(Ct);
        var sequences = numbers.Select(n => int.Parse(n[(n.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(30, sequences.Distinct().Count());
        Assert.Equal(sequences[0] + 29, sequences[^1]);
    }

    private static void Attribute(AsnWriter writer, string oid, string value)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, value);
        }
    }
}
