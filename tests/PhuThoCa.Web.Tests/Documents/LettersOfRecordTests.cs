using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Requests.Filing;
using PhuThoCa.Web.Requests.Review;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Documents;

/// <summary>
/// Issue 11 item 3: the agency's letter is frozen at submission (stored with the status change; no other version after it;
/// a change only through return + resubmit, both kept, with a diff), and Sở's rejection notice is a numbered, signed,
/// dated document of record from a per-year register, issued by a permitted Sở user.
/// </summary>
public partial class LettersOfRecordTests(PortalFactory portal)
{
    private const string Officer = "canbo.viettri";
    private const string OtherOfficer = "canbo.syte";
    private const string Staff = "chuyenvien.skhcn";
    private const string Leader = "lanhdao.skhcn";

    private readonly RequestLetterScenarios _scenarios = new(portal);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submit_StoresTheSentVersionInTheSameSave_AndGetServesExactlyIt()
    {
        var id = await _scenarios.RevokeAsync();
        var client = await portal.CreateClientAsync(Officer, Ct);

        var served = await GetBytesAsync(client, $"/Letters/Pdf/{id}");

        await using var db = portal.CreateDbContext();
        var sent = Assert.Single(await db.GeneratedLetters.Where(l => l.RequestId == id).ToListAsync(Ct));
        var request = await db.Requests.SingleAsync(r => r.Id == id, Ct);
        Assert.Equal("Mau05", sent.Kind);
        Assert.Equal(1, sent.Version);
        Assert.Equal(request.Letter.Number, sent.Number);
        Assert.Equal("Nguyễn Văn Hải", sent.SignerName);
        Assert.Equal(new DateOnly(2026, 11, 20), sent.IssuedOn);
        Assert.Equal(new DateOnly(2026, 11, 26), sent.SentOn);
        Assert.Equal(request.SubmittedAtUtc, sent.GeneratedAtUtc);
        Assert.NotNull(sent.Content);
        Assert.Equal(sent.Sha256, RequestLetterService.Sha256(served));
        Assert.Contains(request.Letter.Number!, Poppler.PdfToText(served, PdfTextMode.Raw), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Officer)]
    [InlineData(Staff)]
    public async Task AfterSubmission_APostOfAnotherVersion_IsRefusedInVietnamese_AndNothingIsWritten(string user)
    {
        var id = await _scenarios.IssueToOrganizationsAsync();
        var client = await portal.CreateClientAsync(user, Ct);
        var before = await GetBytesAsync(client, $"/Letters/Pdf/{id}");

        // The attempt of the issue: Mẫu 02 re-addressed to the Bộ with the Sở's copy removed.
        var response = await PortalFactory.PostFormAsync(client, $"/Letters/Preview/{id}?handler=Generate", new Dictionary<string, string>
        {
            ["Edits.Recipients"] = "Bộ Khoa học và Công nghệ",
            ["Edits.CopyTo"] = "Như trên",
        }, $"/Letters/Preview/{id}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = TestHtml.Text(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Công văn đề nghị đã gửi", text, StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        var versions = await db.GeneratedLetters.Where(l => l.RequestId == id).ToListAsync(Ct);
        Assert.True(Assert.Single(versions).IsSent);
        Assert.Equal(before, await GetBytesAsync(client, $"/Letters/Pdf/{id}"));
        Assert.DoesNotContain("Bộ Khoa học và Công nghệ", Poppler.Squash(Poppler.PdfToText(before, PdfTextMode.Raw)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnAndResubmit_KeepsBothVersions_AndTheDetailsPageShowsTheChangedFields()
    {
        var id = await _scenarios.RenewAsync(receive: true);
        var second = NextLetterNumber("UBND-VP");
        string first;
        await using (var db = portal.CreateDbContext())
        {
            var request = await db.Requests.Include(r => r.Lines).Include(r => r.History).SingleAsync(r => r.Id == id, Ct);
            first = request.Letter.Number!;
            var staff = await ActorAsync(db, Staff, NowUtc(portal));
            await PerformAsync<ReturnForSupplement, ReturnInput>(portal, db, request,
                new ReturnInput { Reason = "Văn bản ghi sai số; đề nghị sửa và gửi lại." }, staff);
            request.UpdateLetter(new RequestLetter(second, new DateOnly(2026, 11, 25), "Nguyễn Văn Hải", "KT. Chủ tịch / Phó Chủ tịch"));
            await db.SaveChangesAsync(Ct);
            await PerformAsync<ResubmitRequest, SubmitInput>(portal, db, request, new SubmitInput { Confirm = true },
                await ActorAsync(db, Officer, NowUtc(portal)));
        }

        await using var check = portal.CreateDbContext();
        // The giấy tiếp nhận stored at receipt is another document (kind TiepNhan) beside the agency's letter.
        var versions = await check.GeneratedLetters.Where(l => l.RequestId == id && l.Kind == "Mau04").OrderBy(l => l.Id).ToListAsync(Ct);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.All(versions, v => Assert.True(v.IsSent));
        Assert.Equal([first, second], versions.Select(v => v.Number));
        var client = await portal.CreateClientAsync(Staff, Ct);
        Assert.Equal(versions[0].Sha256, RequestLetterService.Sha256(await GetBytesAsync(client, $"/Letters/Pdf/{id}?version={versions[0].Id}")));
        Assert.Equal(versions[1].Sha256, RequestLetterService.Sha256(await GetBytesAsync(client, $"/Letters/Pdf/{id}")));

        var html = await client.GetStringAsync(new Uri($"/Requests/Details/{id}", UriKind.Relative), Ct);
        var diff = TestHtml.Text(DiffTable().Match(html).Value);
        Assert.Contains($"Số, ký hiệu {first} {second}", diff, StringComparison.Ordinal);
        Assert.Contains("Ngày văn bản 20/11/2026 25/11/2026", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("Dòng", diff, StringComparison.Ordinal);
        Assert.Contains("bản 2 so với bản 1", TestHtml.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_NamesTheLinesAddedRemovedAndChanged_ByTheirColumns()
    {
        var before = SampleLetters.OnePage();
        var table = before.Body.OfType<PhuThoCa.Documents.Nd30.LetterTable>().First();
        var rows = table.Rows.Select(r => r.ToList()).ToList();
        var changedRow = rows[0].ToList();
        changedRow[^1] = "moi@snnmt.phutho.gov.vn";
        IReadOnlyList<IReadOnlyList<string>> newRows = [changedRow, ["2", "TK-NEW-0001", "Người Mới", "Sở Nông nghiệp", "nm@snnmt.phutho.gov.vn"]];
        var after = before with
        {
            Header = before.Header with { Number = "99" },
            Body = [.. before.Body.Select(b => b == table ? table with { Rows = newRows } : b)],
        };

        var changes = LetterDiff.Compare(before, after);

        Assert.Contains(changes, c => c.What == "Số, ký hiệu" && c.After!.StartsWith("99/", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Kind == LetterChangeKind.Changed && c.What.EndsWith(table.Columns[^1].Header, StringComparison.Ordinal)
            && c.After == "moi@snnmt.phutho.gov.vn");
        Assert.Contains(changes, c => c.Kind == LetterChangeKind.LineAdded && c.After!.Contains("TK-NEW-0001", StringComparison.Ordinal));
        Assert.Equal(rows.Count - 1, changes.Count(c => c.Kind == LetterChangeKind.LineRemoved));
    }

    [Fact]
    public async Task DocxOfAStoredVersion_IsMadeFromItsContent_AndItsTextEqualsThePdfText()
    {
        var id = await _scenarios.RecoverAsync();
        var client = await portal.CreateClientAsync(Officer, Ct);
        int version;
        await using (var db = portal.CreateDbContext())
        {
            version = await db.GeneratedLetters.Where(l => l.RequestId == id).Select(l => l.Id).SingleAsync(Ct);
            // The request changes behind the portal's back: the stored version's DOCX must not follow.
            await db.Requests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Contact.Phone, "0999000111"), Ct);
        }

        var pdf = await GetBytesAsync(client, $"/Letters/Pdf/{id}?version={version}");
        var docx = await GetBytesAsync(client, $"/Letters/Docx/{id}?version={version}");

        AssertSameText(pdf, docx);
        Assert.DoesNotContain("0999000111", DocxText(docx), StringComparison.Ordinal);
        Assert.Contains("0912345678", DocxText(docx), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficerOfAnotherAgency_Gets404_ForTheVersions()
    {
        var id = await _scenarios.RevokeAsync();
        int version;
        await using (var db = portal.CreateDbContext())
        {
            version = await db.GeneratedLetters.Where(l => l.RequestId == id).Select(l => l.Id).SingleAsync(Ct);
        }

        var foreign = await portal.CreateClientAsync(OtherOfficer, Ct);
        var own = await portal.CreateClientAsync(Officer, Ct);
        foreach (var url in new[] { $"/Letters/Pdf/{id}?version={version}", $"/Letters/Docx/{id}?version={version}", $"/Requests/Details/{id}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(new Uri(url, UriKind.Relative), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await own.GetAsync(new Uri(url, UriKind.Relative), Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task RejectionNotice_IsIssuedOnceWithNumberSignerAndDates_AndServedFromTheStoredBytes()
    {
        var id = await _scenarios.RejectedRenewalAsync();
        var staff = await portal.CreateClientAsync(Staff, Ct);
        var draft = Poppler.Squash(Poppler.PdfToText(await GetBytesAsync(staff, $"/Letters/Rejection/{id}"), PdfTextMode.Raw));
        Assert.Contains("Điều 5 khoản 4 điểm b của Quy chế quản lý, sử dụng chữ ký số chuyên dùng công vụ", draft, StringComparison.Ordinal);

        var bad = await PostAsync(staff, id, "Notice", await LoadAsync(staff, id, Ct), Notice("", "32/13/2026"), Ct);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badText = TestHtml.Text(await bad.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Vui lòng nhập họ tên người ký thông báo.", badText, StringComparison.Ordinal);
        Assert.Contains("Ngày không hợp lệ", badText, StringComparison.Ordinal);

        await ActAsync(staff, id, "Notice", Notice("Nguyễn Văn Bình", "26/11/2026"), Ct);

        await using var db = portal.CreateDbContext();
        var notice = Assert.Single(await db.GeneratedLetters.Where(l => l.RequestId == id && l.Kind == LetterKinds.Rejection).ToListAsync(Ct));
        Assert.Matches("^[0-9]+/TB-SKHCN$", notice.Number);
        Assert.Equal("Nguyễn Văn Bình", notice.SignerName);
        Assert.Equal("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", notice.SignerPosition);
        Assert.Equal(new DateOnly(2026, 11, 26), notice.IssuedOn);
        Assert.Equal(new DateOnly(2026, 11, 26), notice.SentOn);
        var pdf = await GetBytesAsync(staff, $"/Letters/Rejection/{id}");
        Assert.Equal(notice.Sha256, RequestLetterService.Sha256(pdf));
        var text = Poppler.Squash(Poppler.PdfToText(pdf, PdfTextMode.Raw));
        // ND 30 writes numbers under 10 with a leading zero ("Số: 02/TB-SKHCN").
        Assert.Matches($"Số: 0?{Regex.Escape(notice.Number!)}", text);
        Assert.Contains("Nguyễn Văn Bình", text, StringComparison.Ordinal);
        Assert.Contains("Điều 5 khoản 4 điểm b của Quy chế", text, StringComparison.Ordinal);
        Assert.Contains("/2025/QĐ-CTUBND ngày 20/10/2025", text, StringComparison.Ordinal);
        AssertSameText(pdf, await GetBytesAsync(staff, $"/Letters/Docx/{id}?version={notice.Id}"));

        var again = await PostAsync(staff, id, "Notice", await LoadAsync(staff, id, Ct), Notice("Người Khác", "26/11/2026"), Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Thông báo từ chối đã được ban hành (số " + notice.Number, TestHtml.Text(await again.Content.ReadAsStringAsync(Ct)),
            StringComparison.Ordinal);
        Assert.Single(await db.GeneratedLetters.Where(l => l.RequestId == id && l.Kind == LetterKinds.Rejection).ToListAsync(Ct));
        Assert.Equal(pdf, await GetBytesAsync(staff, $"/Letters/Rejection/{id}"));
        var foreign = await portal.CreateClientAsync(OtherOfficer, Ct);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(new Uri($"/Letters/Docx/{id}?version={notice.Id}", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task RejectionNotices_AreNumberedConsecutivelyInAYear_AndANewYearRestartsAt1()
    {
        // A portal of its own: its clock moves to the next year.
        await using var own = new PortalFactory();
        await own.InitializeAsync();
        var scenarios = new RequestLetterScenarios(own);
        var first = await scenarios.RejectedRenewalAsync();
        var second = await scenarios.RejectedRenewalAsync();
        var staff = await own.CreateClientAsync(Staff, Ct);
        await ActAsync(staff, first, "Notice", Notice("Nguyễn Văn Bình", "26/11/2026"), Ct);
        await ActAsync(staff, second, "Notice", Notice("Nguyễn Văn Bình", "26/11/2026"), Ct);

        own.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.FromHours(7)));
        var third = await scenarios.RejectedRenewalAsync();
        // Signed in again: the session of November has expired by January.
        staff = await own.CreateClientAsync(Staff, Ct);
        await ActAsync(staff, third, "Notice", Notice("Nguyễn Văn Bình", "05/01/2027"), Ct);

        await using var db = own.CreateDbContext();
        var numbers = await db.GeneratedLetters.Where(l => l.Kind == LetterKinds.Rejection).OrderBy(l => l.Id)
            .Select(l => l.Number!).ToListAsync(Ct);
        var sequence = numbers.Select(n => int.Parse(n.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, numbers.Count);
        Assert.Equal(sequence[0] + 1, sequence[1]);
        Assert.Equal("1/TB-SKHCN", numbers[2]);
    }

    [Fact]
    public async Task RejectRequiresLeader_RefusesStaffToRejectAndToIssue_AndTheLeaderDoesBoth()
    {
        var id = await _scenarios.RenewAsync(receive: true);
        using var strict = portal.WithWebHostBuilder(b => b.UseSetting(LeaderOnlyRequirement.Reject, "true"));
        var staff = await SignInAsync(strict, Staff);
        var leader = await SignInAsync(strict, Leader);

        var staffPage = await LoadAsync(staff, id, Ct);
        Assert.DoesNotContain("data-testid=\"form-reject\"", staffPage.Html, StringComparison.Ordinal);
        Assert.Contains("chỉ Lãnh đạo Sở được từ chối yêu cầu", staffPage.Text, StringComparison.Ordinal);
        var staffPost = await PostAsync(staff, id, "Reject", staffPage, new Dictionary<string, string> { ["Rejection.Reason"] = "Không đủ điều kiện." }, Ct);
        Assert.Contains("/Account/AccessDenied", staffPost.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Received, (await ReadAsync(portal, id)).Status);

        await ActAsync(leader, id, "Reject", new Dictionary<string, string> { ["Rejection.Reason"] = "Không đủ điều kiện gia hạn." }, Ct);
        Assert.Equal(RequestStatus.Rejected, (await ReadAsync(portal, id)).Status);
        var staffNotice = await PostAsync(staff, id, "Notice", await LoadAsync(staff, id, Ct), Notice("Nguyễn Văn Bình", "26/11/2026"), Ct);
        Assert.Contains("/Account/AccessDenied", staffNotice.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using (var db = portal.CreateDbContext())
        {
            Assert.False(await db.GeneratedLetters.AnyAsync(l => l.RequestId == id && l.Kind == LetterKinds.Rejection, Ct));
        }

        await ActAsync(leader, id, "Notice", Notice("Trần Minh Đức", "26/11/2026"), Ct);
        await using var check = portal.CreateDbContext();
        var notice = await check.GeneratedLetters.SingleAsync(l => l.RequestId == id && l.Kind == LetterKinds.Rejection, Ct);
        Assert.Equal("Trần Minh Đức", notice.SignerName);
        Assert.Equal("Trần Minh Đức", notice.GeneratedBy);
    }

    private static Dictionary<string, string> Notice(string signer, string date) => new()
    {
        ["Notice.SignerName"] = signer,
        ["Notice.SignerPosition"] = "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
        ["Notice.IssuedOn"] = date,
        ["Notice.SentOn"] = date,
    };

    /// <summary>
    /// The DOCX says what the PDF says: every word of the PDF's text is in the DOCX's text (a PDF line may break an e-mail
    /// address or a serial, hence words of the PDF inside the DOCX text), and both hold the same characters, white space
    /// and the PDF's page numbers aside (the DOCX numbers its pages with a field, which has no text).
    /// </summary>
    internal static void AssertSameText(byte[] pdf, byte[] docx)
    {
        var pdfWords = Poppler.Squash(Poppler.PdfToText(pdf, PdfTextMode.Raw)).Split(' ').ToList();
        var docxText = DocxText(docx);
        Assert.All(pdfWords, word => Assert.Contains(word, docxText, StringComparison.Ordinal));
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            for (var page = 2; page <= document.NumberOfPages; page++)
            {
                Assert.True(pdfWords.Remove(page.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"page number {page}");
            }
        }

        Assert.Equal(Characters(string.Concat(pdfWords)), Characters(docxText));
    }

    private static string Characters(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c)).Order()]);

    private static string DocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        return Poppler.Squash(string.Join(' ', body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text)));
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string userName)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PortalFactory.SignInAsync(client, factory.Services, userName, ct: Ct);
        return client;
    }

    private static async Task<byte[]> GetBytesAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    [GeneratedRegex("<table[^>]*data-testid=\"letter-diff\"[\\s\\S]*?</table>")]
    private static partial Regex DiffTable();
}
