using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Tests.Support;
using UglyToad.PdfPig;

namespace PhuThoCa.Web.Tests.Documents;

/// <summary>The letter pages over HTTP: storage and reprints, versions, DOCX, batch, the public status page and scoping.</summary>
public class RequestLetterPagesTests(PortalFactory portal)
{
    private const string Officer = "canbo.viettri";
    private const string OtherOfficer = "canbo.syte";
    private const string Staff = "chuyenvien.skhcn";

    private readonly RequestLetterScenarios _scenarios = new(portal);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pdf_GetNeverStores_TheIssuedVersionReprintsByteIdentical()
    {
        var id = await _scenarios.DraftIssueAsync();
        var client = await portal.CreateClientAsync(Officer, Ct);

        var draft = await GetBytesAsync(client, $"/Letters/Pdf/{id}");
        await using (var before = portal.CreateDbContext())
        {
            Assert.Empty(await before.GeneratedLetters.Where(l => l.RequestId == id).ToListAsync(Ct));
        }

        string number;
        await using (var read = portal.CreateDbContext())
        {
            number = (await read.Requests.SingleAsync(r => r.Id == id, Ct)).Letter.Number!;
        }

        Assert.Contains(number, Poppler.PdfToText(draft, PdfTextMode.Raw), StringComparison.Ordinal);
        await PortalFactory.IssueLetterAsync(client, id, Ct);
        var first = await GetBytesAsync(client, $"/Letters/Pdf/{id}");
        await using var db = portal.CreateDbContext();
        // Change what the letter prints behind the portal's back: a fresh rendering would differ, the reprint must not.
        await db.Requests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Contact.Phone, "0999000111"), Ct);
        var second = await GetBytesAsync(client, $"/Letters/Pdf/{id}");
        var fresh = await GetBytesAsync(client, $"/Letters/Pdf/{id}?preview=true");

        Assert.Equal(first, second);
        Assert.NotEqual(first, fresh);
        Assert.Contains("0999000111", Poppler.PdfToText(fresh, PdfTextMode.Raw), StringComparison.Ordinal);
        var stored = Assert.Single(await db.GeneratedLetters.Where(l => l.RequestId == id).ToListAsync(Ct));
        Assert.Equal("Mau01", stored.Kind);
        Assert.Equal(number, stored.Number);
        Assert.Equal(RequestLetterService.Sha256(first), stored.Sha256);
        Assert.Equal(first.Length, stored.Length);
        using var pdf = PdfDocument.Open(first);
        Assert.Equal(stored.GeneratedAtUtc, pdf.Information.GetCreatedDateTimeOffset()!.Value.UtcDateTime, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Generate_CreatesANewVersion_AndOlderVersionsStayDownloadable()
    {
        var id = await _scenarios.DraftIssueAsync();
        var client = await portal.CreateClientAsync(Officer, Ct);
        await PortalFactory.IssueLetterAsync(client, id, Ct);
        var v1 = await GetBytesAsync(client, $"/Letters/Pdf/{id}");

        var response = await PortalFactory.PostFormAsync(client, $"/Letters/Preview/{id}?handler=Generate", new Dictionary<string, string>
        {
            ["Edits.Recipients"] = "Cục Chứng thực số và Bảo mật thông tin – Ban Cơ yếu Chính phủ",
            ["Edits.CopyTo"] = "Như trên\nSở Khoa học và Công nghệ tỉnh Phú Thọ (để biết, theo dõi, tổng hợp)\nCông an phường Việt Trì (để phối hợp)",
            ["Edits.Archive"] = "VT, VP",
        }, $"/Letters/Preview/{id}", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var v2 = await GetBytesAsync(client, $"/Letters/Pdf/{id}");
        Assert.NotEqual(v1, v2);
        Assert.Contains("- Công an phường Việt Trì (để phối hợp);", Poppler.Squash(Poppler.PdfToText(v2, PdfTextMode.Raw)), StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        var versions = await db.GeneratedLetters.Where(l => l.RequestId == id).OrderBy(l => l.Id).ToListAsync(Ct);
        Assert.Equal(2, versions.Count);
        Assert.Equal(v1, await GetBytesAsync(client, $"/Letters/Pdf/{id}?version={versions[0].Id}"));
        var preview = await client.GetStringAsync(new Uri($"/Letters/Preview/{id}", UriKind.Relative), Ct);
        Assert.Contains(versions[1].Sha256[..12], preview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveLetter_OnADraft_UpdatesTheLetterFieldsThatTheNextVersionPrints()
    {
        var id = await _scenarios.DraftIssueAsync();
        var client = await portal.CreateClientAsync(Officer, Ct);

        var response = await PortalFactory.PostFormAsync(client, $"/Letters/Preview/{id}?handler=SaveLetter", new Dictionary<string, string>
        {
            ["Letter.Number"] = "7/UBND-VP",
            ["Letter.Date"] = "2026-11-24",
            ["Letter.SignerName"] = "Trần Thị Mai",
            ["Letter.SignerPosition"] = "Chủ tịch",
        }, $"/Letters/Preview/{id}", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = portal.CreateDbContext();
        var request = await db.Requests.SingleAsync(r => r.Id == id, Ct);
        Assert.Equal("7/UBND-VP", request.Letter.Number);
        Assert.Equal(new DateOnly(2026, 11, 24), request.Letter.Date);
        var pdf = await GetBytesAsync(client, $"/Letters/Pdf/{id}");
        RequestLetterTests.AssertInOrder(pdf, ["Số: 07/UBND-VP", "Việt Trì, ngày 24 tháng 11 năm 2026", "CHỦ TỊCH", "Trần Thị Mai"]);
    }

    [Fact]
    public async Task SaveLetter_OnASubmittedRequest_IsRefusedAndChangesNothing()
    {
        var id = await _scenarios.RenewAsync();
        var client = await portal.CreateClientAsync(Officer, Ct);

        var response = await PortalFactory.PostFormAsync(client, $"/Letters/Preview/{id}?handler=SaveLetter", new Dictionary<string, string>
        {
            ["Letter.Number"] = "999/UBND-VP",
            ["Letter.SignerName"] = "Người Khác",
        }, $"/Letters/Preview/{id}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("đã cố định", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        var request = await db.Requests.SingleAsync(r => r.Id == id, Ct);
        Assert.NotEqual("999/UBND-VP", request.Letter.Number);
        Assert.EndsWith("/UBND-VP", request.Letter.Number, StringComparison.Ordinal);
        Assert.Equal("Nguyễn Văn Hải", request.Letter.SignerName);
    }

    [Fact]
    public async Task Pdf_CarriesAQrImage_AndTheStatusPageShowsOnlyTheFourFields()
    {
        var id = await _scenarios.RenewAsync(receive: true);
        var client = await portal.CreateClientAsync(Officer, Ct);
        var pdf = await GetBytesAsync(client, $"/Letters/Pdf/{id}");
        using (var document = PdfDocument.Open(pdf))
        {
            Assert.Single(document.GetPages().SelectMany(p => p.GetImages()));
        }

        string token;
        using (var scope = portal.Services.CreateScope())
        {
            token = scope.ServiceProvider.GetRequiredService<StatusLinks>().TokenFor(id);
        }

        var anonymous = portal.CreateAnonymousClient();
        var response = await anonymous.GetAsync(new Uri($"/Status/{token}", UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = portal.CreateDbContext();
        var request = await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct);
        var fields = System.Text.RegularExpressions.Regex.Matches(html, "<dd[^>]*>([^<]*)</dd>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).ToList();
        Assert.Equal(
            [request.ReceiptNumber!, "Gia hạn chứng thư chữ ký số", "Sở đã tiếp nhận", request.DueDate!.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)],
            fields);
        string[] secrets =
        [
            "UBND phường Việt Trì", "Bùi Thị Hương", "025190001234", request.Letter.Number!, "Nguyễn Văn Hải",
            request.Lines[0].SubscriberName, request.Lines[0].CertificateSerial!, "viettri.phutho.gov.vn",
        ];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        }

        var forged = await anonymous.GetAsync(new Uri($"/Status/{token[..^2]}AA", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Theory]
    [InlineData("/Letters/Preview/{0}")]
    [InlineData("/Letters/Pdf/{0}")]
    [InlineData("/Letters/Pdf/{0}?preview=true")]
    [InlineData("/Letters/Docx/{0}")]
    public async Task OfficerOfAnotherAgency_Gets404_AndTheOwnOfficer200(string template)
    {
        var id = await _scenarios.IssueToPersonsAsync();
        var url = new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, id), UriKind.Relative);

        var foreign = await (await portal.CreateClientAsync(OtherOfficer, Ct)).GetAsync(url, Ct);
        var own = await (await portal.CreateClientAsync(Officer, Ct)).GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task OfficerOfAnotherAgency_Gets404_OnTheRejectionNoticeAndTheHandoverRecord()
    {
        var rejected = await _scenarios.RejectedRenewalAsync();
        var handover = await _scenarios.HandoverAsync();
        var foreign = await portal.CreateClientAsync(OtherOfficer, Ct);

        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(new Uri($"/Letters/Rejection/{rejected}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(new Uri($"/Letters/Handover/{handover}", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Docx_OpensWithOpenXml_IsValidA4_AndHoldsTheAgencyAndTheTable()
    {
        var id = await _scenarios.RecoverAsync();
        var client = await portal.CreateClientAsync(Officer, Ct);
        var response = await client.GetAsync(new Uri($"/Letters/Docx/{id}", UriKind.Relative), Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        using var stream = new MemoryStream(bytes);
        using var docx = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(docx, Ct).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        var body = docx.MainDocumentPart!.Document!.Body!;
        var text = body.InnerText;
        Assert.Contains("UBND PHƯỜNG VIỆT TRÌ", text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Sở Khoa học và Công nghệ tỉnh Phú Thọ", text, StringComparison.Ordinal);
        var table = body.Elements<Table>().Single(t => t.InnerText.Contains("Thông tin của thuê bao", StringComparison.Ordinal));
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(4, rows.Count); // two header rows (merged group) and two tokens
        Assert.All(rows.Take(2), r => Assert.NotNull(r.TableRowProperties?.GetFirstChild<TableHeader>()));
        await using var db = portal.CreateDbContext();
        var lines = await db.Requests.Where(r => r.Id == id).SelectMany(r => r.Lines).OrderBy(l => l.Id).ToListAsync(Ct);
        Assert.Contains(lines[0].TokenSerial!, rows[2].InnerText, StringComparison.Ordinal);
        Assert.Contains(lines[1].SubscriberName, rows[3].InnerText, StringComparison.Ordinal);
        var section = body.Elements<SectionProperties>().Single();
        Assert.Equal(11906U, section.GetFirstChild<PageSize>()!.Width!.Value);
        Assert.Equal(1701U, section.GetFirstChild<PageMargin>()!.Left!.Value);
        Assert.Single(docx.MainDocumentPart.ImageParts);
        Assert.All(body.Descendants<RunFonts>(), f => Assert.Equal("Times New Roman", f.Ascii?.Value));
    }

    [Fact]
    public async Task Batch_ThreeRequests_GiveOnePdfWithTheThreeLettersEachWithItsQrAndPageNumbers()
    {
        int[] ids = [await _scenarios.IssueToPersonsAsync(40), await _scenarios.RevokeAsync(), await _scenarios.RecoverAsync()];
        var client = await portal.CreateClientAsync(Staff, Ct);

        var list = await client.GetStringAsync(new Uri("/Letters/Batch", UriKind.Relative), Ct);
        Assert.All(ids, id => Assert.Contains($"value=\"{id}\"", list, StringComparison.Ordinal));
        var fields = ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var response = await PostAsync(client, "/Letters/Batch", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        var text = Poppler.Squash(Poppler.PdfToText(pdf, PdfTextMode.Raw));
        Assert.Equal(3, text.Split("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").Length - 1);
        RequestLetterTests.AssertInOrder(pdf,
        [
            "V/v đề nghị cấp chứng thư chữ ký số chuyên dùng công vụ cho cá nhân",
            "V/v đề nghị thu hồi chứng thư chữ ký số chuyên dùng công vụ",
            "V/v đề nghị khôi phục thiết bị lưu khóa bí mật",
        ]);
        using var document = PdfDocument.Open(pdf);
        // Each letter's QR code is under its "Nơi nhận", on its last page; the next letter starts on the following page.
        var withQr = document.GetPages().Where(p => p.GetImages().Any()).Select(p => p.Number).ToList();
        Assert.Equal(3, withQr.Count);
        Assert.Equal(document.NumberOfPages, withQr[^1]);
        Assert.True(withQr[0] > 1, "the 40-person letter runs over several pages before its QR code");
        // The pages of the 2nd and 3rd letters start unnumbered again (page 1 of their own letter).
        foreach (var first in new[] { 1, withQr[0] + 1, withQr[1] + 1 })
        {
            Assert.DoesNotContain(document.GetPage(first).GetWords(), w => document.GetPage(first).Height - w.BoundingBox.Top < 56);
        }

        Assert.Contains(document.GetPage(2).GetWords(), w => w.Text == "2" && document.GetPage(2).Height - w.BoundingBox.Top < 56);
    }

    [Fact]
    public async Task Batch_IsForSoStaffOnly()
    {
        var client = await portal.CreateClientAsync(Officer, Ct);

        var response = await client.GetAsync(new Uri("/Letters/Batch", UriKind.Relative), Ct);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Rejection_IsStoredOnlyByThePost_AndAHandoverRecordPrintsTheSameBytesTwice()
    {
        var rejected = await _scenarios.RejectedRenewalAsync();
        var handover = await _scenarios.HandoverAsync();
        var client = await portal.CreateClientAsync(Staff, Ct);

        await GetBytesAsync(client, $"/Letters/Rejection/{rejected}");
        await using (var before = portal.CreateDbContext())
        {
            Assert.Empty(await before.GeneratedLetters.Where(l => l.RequestId == rejected && l.Kind == LetterKinds.Rejection).ToListAsync(Ct));
        }

        await PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange.ActAsync(client, rejected, "Notice", new Dictionary<string, string>
        {
            ["Notice.SignerPosition"] = "GIÁM ĐỐC",
            ["Notice.SignerName"] = "Nguyễn Văn Bình",
            ["Notice.IssuedOn"] = "26/11/2026",
            ["Notice.SentOn"] = "26/11/2026",
        }, Ct);
        var notice = await GetBytesAsync(client, $"/Letters/Rejection/{rejected}");
        Assert.Equal(notice, await GetBytesAsync(client, $"/Letters/Rejection/{rejected}"));
        await using (var db = portal.CreateDbContext())
        {
            Assert.Single(await db.GeneratedLetters.Where(l => l.RequestId == rejected && l.Kind == LetterKinds.Rejection).ToListAsync(Ct));
        }

        Assert.Contains("thông báo không chấp nhận đề nghị", Poppler.Squash(Poppler.PdfToText(notice, PdfTextMode.Raw)), StringComparison.Ordinal);
        Assert.Equal(await GetBytesAsync(client, $"/Letters/Handover/{handover}"), await GetBytesAsync(client, $"/Letters/Handover/{handover}"));
        var notRejected = await _scenarios.RenewAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/Letters/Rejection/{notRejected}", UriKind.Relative), Ct)).StatusCode);
    }

    private static async Task<byte[]> GetBytesAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    /// <summary>POST with repeated keys (ids=1&amp;ids=2), taking the antiforgery token from the page first.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, List<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(new Uri(url, UriKind.Relative), Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        fields.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content, Ct);
    }
}
