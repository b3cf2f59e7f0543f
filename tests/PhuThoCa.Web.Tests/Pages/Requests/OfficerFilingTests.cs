using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Tests.Support;
using static PhuThoCa.Web.Tests.Pages.Requests.OfficerWorld;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>An agency officer files each of the five workflows over HTTP, from the type picker to "Đã gửi".</summary>
public class OfficerFilingTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Renew_OneEligibleCertificate_IsSubmittedToSo()
    {
        var world = await CreateAsync(portal, Ct);
        var cert = await world.AddCertificateAsync(world.PersonA, daysLeft: 200, ct: Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Renew, Ct);

        var editor = TestHtml.Text(await client.GetStringAsync(new Uri(Editor(id), UriKind.Relative), Ct));
        Assert.Contains("Mẫu số 04", editor, StringComparison.Ordinal);
        Assert.Contains("Đủ điều kiện", editor, StringComparison.Ordinal);
        var number = await FillLetterAndContactAsync(client, id, Ct);
        var add = await PostAsync(client, id, "AddRenewLine", new Dictionary<string, string> { ["certificateId"] = Id(cert.Id) }, Ct);
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        var submit = await SubmitAsync(client, id, Ct);

        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        Assert.Equal("/Requests", submit.Headers.Location!.OriginalString);
        await using var db = portal.CreateDbContext();
        var saved = await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(RequestStatus.Submitted, saved.Status);
        Assert.Equal(world.AgencyId, saved.AgencyId);
        Assert.Equal(cert.Serial, Assert.Single(saved.Lines).CertificateSerial);
        Assert.Equal(number, saved.Letter.Number);
        Assert.Equal("daumoi@phutho.gov.vn", saved.Contact.Email);
        Assert.Equal("Xã Kiểm Thử, tỉnh Phú Thọ", saved.Contact.Address);
        Assert.Null(saved.Contact.Workplace);
    }

    [Fact]
    public async Task ChangeInfo_NewOfficialEmail_IsSubmitted()
    {
        var world = await CreateAsync(portal, Ct);
        var cert = await world.AddCertificateAsync(world.PersonB, daysLeft: 400, ct: Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.ChangeInfo, Ct);
        await FillLetterAndContactAsync(client, id, Ct);

        var form = TestHtml.Text(await client.GetStringAsync(new Uri($"{Editor(id)}?cert={Id(cert.Id)}", UriKind.Relative), Ct));
        Assert.Contains("Thay đổi địa chỉ thư điện tử công vụ", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Cơ quan, tổ chức đổi tên", form, StringComparison.Ordinal);
        var add = await PostAsync(client, id, "AddChangeLine", new Dictionary<string, string>
        {
            ["ChangeLine.CertificateId"] = Id(cert.Id),
            ["ChangeLine.Case"] = nameof(ChangeInfoCase.PersonChangedOfficialEmail),
            ["ChangeLine.OldValue"] = "binh.cu@phutho.gov.vn",
            ["ChangeLine.NewValue"] = "binh.moi@phutho.gov.vn",
        }, Ct);
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        var submit = await SubmitAsync(client, id, Ct);

        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        await using var db = portal.CreateDbContext();
        var saved = await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(RequestStatus.Submitted, saved.Status);
        var line = Assert.Single(saved.Lines);
        Assert.Equal(ChangeInfoCase.PersonChangedOfficialEmail, line.ChangeCase);
        Assert.Equal("binh.moi@phutho.gov.vn", line.NewValue);
    }

    [Fact]
    public async Task Revoke_WithReasonAndItsToken_IsSubmittedToTheCuc()
    {
        var world = await CreateAsync(portal, Ct);
        var cert = await world.AddCertificateAsync(world.PersonA, daysLeft: 500, ct: Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Revoke, Ct);
        await FillLetterAndContactAsync(client, id, Ct);

        var editor = await client.GetStringAsync(new Uri(Editor(id), UriKind.Relative), Ct);
        Assert.Contains($"href=\"/Requests/Edit/{Id(id)}?cert={Id(cert.Id)}#line-form\"", editor, StringComparison.Ordinal);
        var form = TestHtml.Text(await client.GetStringAsync(new Uri($"{Editor(id)}?cert={Id(cert.Id)}", UriKind.Relative), Ct));
        Assert.Contains("Nghỉ hưu", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Cơ quan, tổ chức giải thể, chia tách, sáp nhập", form, StringComparison.Ordinal);
        Assert.Contains("Thông tin đầu mối phối hợp thu hồi thiết bị lưu khóa bí mật", form, StringComparison.Ordinal);
        Assert.Contains("Địa chỉ thu hồi", form, StringComparison.Ordinal);
        var withoutDate = await PostAsync(client, id, "AddRevokeLine", new Dictionary<string, string>
        {
            ["RevokeLine.CertificateId"] = Id(cert.Id),
            ["RevokeLine.Reason"] = nameof(RevocationReason.KeyCompromised),
        }, Ct);
        Assert.Contains("phải ghi rõ ngày khóa bí mật bắt đầu không còn an toàn", TestHtml.Text(await withoutDate.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var add = await PostAsync(client, id, "AddRevokeLine", new Dictionary<string, string>
        {
            ["RevokeLine.CertificateId"] = Id(cert.Id),
            ["RevokeLine.Reason"] = nameof(RevocationReason.Retired),
            ["RevokeLine.Detail"] = "Nghỉ hưu từ ngày 01/12/2026",
        }, Ct);
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        var submit = await SubmitAsync(client, id, Ct);

        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        await using var db = portal.CreateDbContext();
        var saved = await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(RequestStatus.Submitted, saved.Status);
        var line = Assert.Single(saved.Lines);
        Assert.Equal(RevocationReason.Retired, line.RevocationReason);
        Assert.Equal(cert.TokenId, line.TokenId);
        Assert.Equal("Nghỉ hưu từ ngày 01/12/2026", line.RevocationDetail);
    }

    [Fact]
    public async Task RecoverToken_LockedToken_IsSubmitted()
    {
        var world = await CreateAsync(portal, Ct);
        var cert = await world.AddCertificateAsync(world.PersonB, daysLeft: 300, tokenStatus: TokenStatus.Locked, ct: Ct);
        var inUse = await world.AddCertificateAsync(world.PersonA, daysLeft: 300, ct: Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.RecoverToken, Ct);
        await FillLetterAndContactAsync(client, id, Ct);

        var editor = await client.GetStringAsync(new Uri(Editor(id), UriKind.Relative), Ct);
        Assert.Contains($"data-token-id=\"{Id(cert.TokenId)}\"", editor, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-token-id=\"{Id(inUse.TokenId)}\"", editor, StringComparison.Ordinal);
        Assert.Contains("Cơ quan, tổ chức công tác", TestHtml.Text(editor), StringComparison.Ordinal);
        var notLocked = await PostAsync(client, id, "AddRecoverLine", new Dictionary<string, string> { ["tokenId"] = Id(inUse.TokenId) }, Ct);
        Assert.Contains("chỉ đề nghị khôi phục thiết bị bị khóa", TestHtml.Text(await notLocked.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var add = await PostAsync(client, id, "AddRecoverLine", new Dictionary<string, string> { ["tokenId"] = Id(cert.TokenId) }, Ct);
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        var submit = await SubmitAsync(client, id, Ct);

        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        await using var db = portal.CreateDbContext();
        var saved = await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(RequestStatus.Submitted, saved.Status);
        var line = Assert.Single(saved.Lines);
        Assert.Equal(cert.TokenId, line.TokenId);
        Assert.Equal(world.PersonB, line.SubscriberId);
        Assert.Equal("UBND xã Kiểm Thử", saved.Contact.Workplace);
        Assert.Null(saved.Contact.Email);
    }

    [Fact]
    public async Task Issue_TwoPersons_IsSubmittedAsMau01()
    {
        var world = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Issue, Ct);
        await FillLetterAndContactAsync(client, id, Ct);

        var first = await PostAsync(client, id, "AddIssueLine", new Dictionary<string, string> { ["IssueLine.SubscriberId"] = Id(world.PersonA) }, Ct);
        var second = await PostAsync(client, id, "AddIssueLine", new Dictionary<string, string>
        {
            ["IssueLine.SubscriberId"] = Id(world.PersonB),
            ["IssueLine.PreviousSerial"] = "54:03:ab:cd",
        }, Ct);
        var organization = await PostAsync(client, id, "AddIssueLine", new Dictionary<string, string> { ["IssueLine.SubscriberId"] = Id(world.Organization) }, Ct);
        var editor = TestHtml.Text(await client.GetStringAsync(new Uri(Editor(id), UriKind.Relative), Ct));
        var submit = await SubmitAsync(client, id, Ct);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("Mỗi văn bản đề nghị cấp mới chỉ dùng một mẫu", TestHtml.Text(await organization.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Contains("Mẫu số 01", editor, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        await using var db = portal.CreateDbContext();
        var saved = await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(RequestStatus.Submitted, saved.Status);
        Assert.Equal([world.PersonA, world.PersonB], saved.Lines.Select(l => l.SubscriberId).Order().ToArray());
        Assert.Equal("5403ABCD", saved.Lines.Single(l => l.SubscriberId == world.PersonB).PreviousCertificateSerial);
    }

    [Fact]
    public async Task Issue_IsSentOnlyWithHowAndWhenTheLetterWentToTheCuc_ShownNextToTheFields()
    {
        var world = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Issue, Ct);
        await FillLetterAndContactAsync(client, id, Ct);
        await PostAsync(client, id, "AddIssueLine", new Dictionary<string, string> { ["IssueLine.SubscriberId"] = Id(world.PersonA) }, Ct);
        var editor = TestHtml.Text(await client.GetStringAsync(new Uri(Editor(id), UriKind.Relative), Ct));

        var none = await PostAsync(client, id, "Submit", new Dictionary<string, string> { ["Submission.Confirm"] = "true" }, Ct);
        var early = await PostAsync(client, id, "Submit", new Dictionary<string, string>
        {
            ["Submission.Confirm"] = "true",
            ["Submission.SentVia"] = nameof(CaDispatchChannel.Post),
            ["Submission.SentOn"] = "20/11/2026",
        }, Ct);
        var earlyHtml = await early.Content.ReadAsStringAsync(Ct);
        var sent = await PostAsync(client, id, "Submit", new Dictionary<string, string>
        {
            ["Submission.Confirm"] = "true",
            ["Submission.SentVia"] = nameof(CaDispatchChannel.CaPublicServicePortal),
            ["Submission.SentOn"] = "25/11/2026",
        }, Ct);

        Assert.Contains("Ghi nhận đã gửi Cục và gửi bản theo dõi tới Sở KH&CN", editor, StringComparison.Ordinal);
        Assert.Contains("Hình thức gửi văn bản tới Cục", editor, StringComparison.Ordinal);
        Assert.Matches("Submission.SentVia[^>]*>[^<]*vui lòng ghi hình thức gửi và ngày gửi", await none.Content.ReadAsStringAsync(Ct));
        Assert.Matches("Submission.SentOn[^>]*>Ngày gửi văn bản tới Cục phải từ ngày văn bản \\(25/11/2026\\) đến hôm nay.", earlyHtml);
        Assert.Equal("20/11/2026", TestHtml.InputValue(earlyHtml, "Submission.SentOn"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await using var db = portal.CreateDbContext();
        var saved = await db.Requests.Include(r => r.History).SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(RequestStatus.Submitted, saved.Status);
        Assert.Equal(CaDispatchChannel.CaPublicServicePortal, saved.SentToCaVia);
        Assert.Equal(new DateOnly(2026, 11, 25), saved.SentToCaOn);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var details = TestHtml.Text(await staff.GetStringAsync(new Uri($"/Requests/Details/{id}", UriKind.Relative), Ct));
        Assert.Contains("Gửi Cục CTS&BMTT Hệ thống dichvucong.ca.gov.vn, ngày 25/11/2026", details, StringComparison.Ordinal);
        Assert.Contains("Đã gửi văn bản tới Cục CTS&BMTT qua Hệ thống dichvucong.ca.gov.vn ngày 25/11/2026", saved.History.Single().Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_SimPki_IsSavedForAPerson_AndAWrongValueOrAnOrganizationGetsAMessage()
    {
        var world = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Issue, Ct);

        var wrong = await PostAsync(client, id, "AddIssueLine", new Dictionary<string, string>
        {
            ["IssueLine.SubscriberId"] = Id(world.PersonA),
            ["IssueLine.PreviousSerial"] = "54:03:ab:cd",
            ["IssueLine.SimPki"] = "VNPT",
        }, Ct);
        var wrongHtml = await wrong.Content.ReadAsStringAsync(Ct);
        var saved = await PostAsync(client, id, "AddIssueLine", new Dictionary<string, string>
        {
            ["IssueLine.SubscriberId"] = Id(world.PersonA),
            ["IssueLine.SimPki"] = "Vinaphone/cs",
        }, Ct);
        var editor = TestHtml.Text(await client.GetStringAsync(new Uri(Editor(id), UriKind.Relative), Ct));

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Chọn nhà mạng SIM PKI trong danh sách", TestHtml.Text(wrongHtml), StringComparison.Ordinal);
        Assert.Contains("value=\"54:03:ab:cd\"", wrongHtml, StringComparison.Ordinal); // what was typed stays
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("SIM PKI: Vinaphone – chuyển số đang dùng sang SIM PKI (Vinaphone/cs)", editor, StringComparison.Ordinal);
        await using (var db = portal.CreateDbContext())
        {
            var line = Assert.Single((await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct)).Lines);
            Assert.Equal("Vinaphone/cs", line.SimPki);
        }

        var orgDraft = await NewDraftAsync(client, RequestType.Issue, Ct);
        var organization = await PostAsync(client, orgDraft, "AddIssueLine", new Dictionary<string, string>
        {
            ["IssueLine.SubscriberId"] = Id(world.Organization),
            ["IssueLine.SimPki"] = "Viettel",
        }, Ct);

        Assert.Contains("Chỉ thuê bao cá nhân (Mẫu số 01) mới đăng ký SIM PKI", TestHtml.Text(await organization.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        await using var check = portal.CreateDbContext();
        Assert.Empty((await check.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == orgDraft, Ct)).Lines);
    }

    [Fact]
    public async Task Submit_WithoutConfirmationOrLetter_IsRefusedWithVietnameseMessages()
    {
        var world = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Issue, Ct);
        await PostAsync(client, id, "AddIssueLine", new Dictionary<string, string> { ["IssueLine.SubscriberId"] = Id(world.PersonA) }, Ct);

        var unconfirmed = await PostAsync(client, id, "Submit", new Dictionary<string, string>(), Ct);
        var noLetter = await SubmitAsync(client, id, Ct);

        Assert.Contains("Vui lòng đánh dấu xác nhận trước khi gửi", TestHtml.Text(await unconfirmed.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, noLetter.StatusCode);
        Assert.Contains("Văn bản đề nghị còn thiếu: số văn bản, ngày văn bản, họ tên người ký, chức vụ người ký.",
            TestHtml.Text(await noLetter.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        Assert.Equal(RequestStatus.Draft, (await db.Requests.SingleAsync(r => r.Id == id, Ct)).Status);
    }

    [Fact]
    public async Task Submit_UnderALetterNumberTheAgencyAlreadySentThisYear_IsRefusedNamingTheOtherRequest()
    {
        var world = await CreateAsync(portal, Ct);
        var first = await world.AddCertificateAsync(world.PersonA, daysLeft: 200, ct: Ct);
        var second = await world.AddCertificateAsync(world.PersonB, daysLeft: 200, ct: Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var sentId = await RenewalDraftAsync(client, first.Id, Ct);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, sentId, Ct)).StatusCode);
        await using var db = portal.CreateDbContext();
        var sent = await db.Requests.SingleAsync(r => r.Id == sentId, Ct);
        var id = await RenewalDraftAsync(client, second.Id, Ct);
        // The văn thư types the same number with a leading zero: still the same number of the same year.
        await PostAsync(client, id, "Letter", new Dictionary<string, string>
        {
            ["Letter.Number"] = "0" + sent.Letter.Number,
            ["Letter.Date"] = "25/11/2026",
            ["Letter.SignerName"] = "Lê Văn Ký",
            ["Letter.SignerPosition"] = "CHỦ TỊCH",
        }, Ct);

        var refused = await SubmitAsync(client, id, Ct);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"Số văn bản 0{sent.Letter.Number} đã được dùng cho văn bản ngày 25/11/2026 của yêu cầu #{sentId}",
            TestHtml.Text(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        await using var check = portal.CreateDbContext();
        Assert.Equal(RequestStatus.Draft, (await check.Requests.SingleAsync(r => r.Id == id, Ct)).Status);
        Assert.Empty(await check.GeneratedLetters.Where(l => l.RequestId == id && l.SentOn != null).ToListAsync(Ct));
    }

    [Fact]
    public async Task Letter_InvalidValues_AreShownNextToTheFieldsAndKept()
    {
        var world = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Renew, Ct);

        var response = await PostAsync(client, id, "Letter", new Dictionary<string, string>
        {
            ["Letter.Number"] = "125",
            ["Letter.Date"] = "01/01/2027",
            ["Letter.SignerName"] = "Lê Văn Ký",
        }, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var text = TestHtml.Text(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Số, ký hiệu văn bản có dạng “số/ký hiệu”", text, StringComparison.Ordinal);
        Assert.Contains("Ngày văn bản không được sau ngày hôm nay.", text, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập chức vụ người ký", text, StringComparison.Ordinal);
        Assert.Equal("01/01/2027", TestHtml.InputValue(html, "Letter.Date"));
        Assert.Equal("Lê Văn Ký", TestHtml.InputValue(html, "Letter.SignerName"));
    }
}
