using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Signatures;
using PhuThoCa.Infrastructure.Files;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Pages.Requests;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Signatures;

/// <summary>The portal with the signed-letter requirement on (its default) and the test PKI in its trust list.</summary>
/// <summary>
/// Issue 16 in the request workflow over HTTP: the Mẫu 04 letter the portal generated, signed by pdfsig, checked on upload,
/// shown on the details page, and gating "Tiếp nhận".
/// </summary>
public sealed class SignedLetterWorkflowTests(SignaturePortalFactory portal) : IClassFixture<SignaturePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_valid_signed_letter_is_shown_to_sor_and_lets_it_receive()
    {
        var (id, letter) = await SentWithStoredLetterAsync();
        await CheckAsync(id, Pdfsig.Sign(letter, "agency"));
        using var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var details = TestHtml.Text(await staff.GetStringAsync(new Uri($"/Requests/Details/{id}", UriKind.Relative), Ct));
        await ActAsync(staff, id, "Receive", ct: Ct);

        Assert.Contains("Chữ ký số hợp lệ — Sở Y tế tỉnh Phú Thọ, ký lúc", details, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Received, (await ReadAsync(portal, id)).Status);
        var report = TestHtml.Text(await staff.GetStringAsync(new Uri($"/Requests/SignedLetter/{id}", UriKind.Relative), Ct));
        Assert.Contains("Nội dung công văn đã ký trùng khớp với công văn do cổng tạo và đã lưu.", report, StringComparison.Ordinal);
        Assert.Contains("Khớp với cơ quan đề nghị", report, StringComparison.Ordinal);
        Assert.Contains("Test Root CA", report, StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        Assert.Contains(await db.TimelineEvents.Where(e => e.Subject == TimelineSubject.Request && e.SubjectId == id).Select(e => e.Action).ToListAsync(Ct),
            a => a == "Kiểm tra chữ ký số công văn");
    }

    [Fact]
    public async Task A_tampered_letter_is_refused_before_receipt_with_the_reason()
    {
        var (id, letter) = await SentWithStoredLetterAsync();
        var tampered = Pdfsig.Sign(letter, "agency");
        tampered[Array.IndexOf(tampered, (byte)'B', 200)] = (byte)'C';
        await CheckAsync(id, tampered);
        using var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var page = await LoadAsync(staff, id, Ct);
        var response = await PostAsync(staff, id, "Receive", page, ct: Ct);
        var text = TestHtml.Text(await response.Content.ReadAsStringAsync(Ct));

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Công văn đã ký số không hợp lệ", text, StringComparison.Ordinal);
        Assert.Contains("HASH_FAILURE", text, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Submitted, (await ReadAsync(portal, id)).Status);
    }

    [Fact]
    public async Task A_letter_signed_by_another_agency_warns_and_needs_sor_to_acknowledge_with_a_reason()
    {
        var (id, letter) = await SentWithStoredLetterAsync();
        await CheckAsync(id, Pdfsig.Sign(letter, "other"));
        using var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var details = TestHtml.Text(await staff.GetStringAsync(new Uri($"/Requests/Details/{id}", UriKind.Relative), Ct));
        var blocked = await PostAsync(staff, id, "Receive", await LoadAsync(staff, id, Ct), ct: Ct);
        var empty = await PortalFactory.PostFormAsync(staff, $"/Requests/SignedLetter/{id}?handler=Acknowledge",
            new Dictionary<string, string> { ["Reason"] = "  " }, formPageUrl: $"/Requests/SignedLetter/{id}", ct: Ct);
        var acknowledged = await PortalFactory.PostFormAsync(staff, $"/Requests/SignedLetter/{id}?handler=Acknowledge",
            new Dictionary<string, string> { ["Reason"] = "Sở Tài chính ký thay theo văn bản ủy quyền số 12/UQ-UBND" },
            formPageUrl: $"/Requests/SignedLetter/{id}", ct: Ct);
        await ActAsync(staff, id, "Receive", ct: Ct);

        Assert.Contains("Cảnh báo: người ký không thuộc cơ quan đề nghị", details, StringComparison.Ordinal);
        Assert.Contains("Người ký không thuộc cơ quan đề nghị: Sở cần xác nhận", TestHtml.Text(await blocked.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập lý do chấp nhận người ký.", TestHtml.Text(await empty.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        Assert.Equal(RequestStatus.Received, (await ReadAsync(portal, id)).Status);
    }

    [Fact]
    public async Task A_signed_letter_whose_text_differs_from_the_stored_version_is_shown_side_by_side()
    {
        var (id, _) = await SentWithStoredLetterAsync();
        // Another letter than the one the portal generated and stored for this request (number 15/SNNMT-VP instead of the arranged one).
        var edited = PhuThoCa.Documents.Nd30.OfficialLetterRenderer.Render(Documents.SampleLetters.OnePage(), Documents.SampleLetters.Options);
        var check = await CheckAsync(id, Pdfsig.Sign(edited, "agency"));
        using var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var report = TestHtml.Text(await staff.GetStringAsync(new Uri($"/Requests/SignedLetter/{id}", UriKind.Relative), Ct));
        var details = TestHtml.Text(await staff.GetStringAsync(new Uri($"/Requests/Details/{id}", UriKind.Relative), Ct));

        Assert.Equal(SignedLetterOutcome.Passed, check.Outcome);
        Assert.False(check.TextMatches);
        Assert.Contains("Nội dung công văn đã ký khác với công văn đã lưu", details, StringComparison.Ordinal);
        Assert.Contains((await ReadAsync(portal, id)).Letter.Number!, report, StringComparison.Ordinal);
        Assert.Contains("15/SNNMT-VP", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_officer_uploads_the_signed_letter_and_the_check_is_stored_with_the_request()
    {
        await portal.TrustTestPkiAsync();
        using var officer = await portal.CreateClientAsync("canbo.syte", Ct);
        var id = await OfficerWorld.NewDraftAsync(officer, RequestType.Renew, Ct);
        var signed = Pdfsig.Sign(PhuThoCa.Documents.Nd30.OfficialLetterRenderer.Render(Documents.SampleLetters.OnePage(), Documents.SampleLetters.Options), "agency");

        var response = await OfficerAttachmentTests.UploadAsync(officer, id, "cong-van-da-ky.pdf", signed, AttachmentPurpose.SignedLetter, null, Ct);
        var page = TestHtml.Text(await officer.GetStringAsync(response.Headers.Location, Ct));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Chữ ký số hợp lệ — Sở Y tế tỉnh Phú Thọ", page, StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        var check = await db.SignedLetterChecks.SingleAsync(c => c.RequestId == id, Ct);
        Assert.Equal(SignedLetterOutcome.Passed, check.Outcome);
        Assert.True(check.SignerMatches);
        Assert.Equal("cong-van-da-ky.pdf", check.FileName);
    }

    [Fact]
    public async Task Without_a_checked_signed_letter_a_renewal_cannot_be_received()
    {
        await portal.TrustTestPkiAsync();
        var arranged = await SubmittedAsync(portal, RequestType.Renew);
        using var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var response = await PostAsync(staff, arranged.RequestId, "Receive", await LoadAsync(staff, arranged.RequestId, Ct), ct: Ct);

        Assert.Contains("Chưa có công văn đã ký số được kiểm tra", TestHtml.Text(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Submitted, (await ReadAsync(portal, arranged.RequestId)).Status);
    }

    [Fact]
    public async Task A_letter_that_came_on_paper_is_received_when_Sor_records_how_it_came()
    {
        await portal.TrustTestPkiAsync();
        var arranged = await SubmittedAsync(portal, RequestType.Renew);
        using var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        await PostAsync(staff, arranged.RequestId, "Receive", await LoadAsync(staff, arranged.RequestId, Ct),
            new Dictionary<string, string> { ["Receipt.PaperLetter"] = "công văn số 25/SYT-VP ngày 01/12/2026 nhận qua bưu chính" }, Ct);

        var request = await ReadAsync(portal, arranged.RequestId);
        Assert.Equal(RequestStatus.Received, request.Status);
        var details = TestHtml.Text(await staff.GetStringAsync(new Uri($"/Requests/Details/{arranged.RequestId}", UriKind.Relative), Ct));
        Assert.Contains("Công văn bản giấy: công văn số 25/SYT-VP ngày 01/12/2026 nhận qua bưu chính", details, StringComparison.Ordinal);
    }

    /// <summary>A submitted Mẫu 04 of Sở Y tế and the version sent, which the submission stored, as the officer downloads it.</summary>
    private async Task<(int Id, byte[] Letter)> SentWithStoredLetterAsync()
    {
        await portal.TrustTestPkiAsync();
        var arranged = await SubmittedAsync(portal, RequestType.Renew);
        using var officer = await portal.CreateClientAsync("canbo.syte", Ct);
        var letter = await officer.GetByteArrayAsync(new Uri($"/Letters/Pdf/{arranged.RequestId}", UriKind.Relative), Ct);
        return (arranged.RequestId, letter);
    }

    /// <summary>What the upload did before the request was sent: the file stored as the signed letter, then checked.</summary>
    private async Task<SignedLetterCheck> CheckAsync(int requestId, byte[] pdf)
    {
        await using var db = portal.CreateDbContext();
        var files = new FileStore(Path.Combine(portal.DataFolder, "files"));
        using var content = new MemoryStream(pdf);
        var (stored, _) = await files.SaveAsync(content, "cong-van-da-ky.pdf", pdf.Length, Ct);
        var actor = await ActorAsync(db, "canbo.syte", NowUtc(portal).AddMinutes(-90));
        var attachment = new RequestAttachment(requestId, AttachmentPurpose.SignedLetter, stored!.FileName, stored.Key, "application/pdf",
            pdf.Length, Convert.ToHexStringLower(SHA256.HashData(pdf)), actor);
        db.RequestAttachments.Add(attachment);
        await db.SaveChangesAsync(Ct);
        var request = await db.Requests.SingleAsync(r => r.Id == requestId, Ct);
        var check = await SignedLetters(portal, db).CheckAsync(request, attachment, pdf, actor, Ct);
        await db.SaveChangesAsync(Ct);
        return check;
    }
}
