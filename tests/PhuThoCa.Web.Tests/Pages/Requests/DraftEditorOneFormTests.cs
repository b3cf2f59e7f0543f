using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Tests.Support;
using static PhuThoCa.Web.Tests.Pages.Requests.OfficerWorld;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>
/// The draft editor as one form (issue 13 item 3, ADR 0025): every button saves the letter and Mục 1 typed beside it, a bad
/// field keeps everything typed, an empty Mục 1 is pre-filled from the agency's last request, the letter date defaults to
/// today, and "Thêm thuê bao" returns to the draft with the new person added.
/// </summary>
public class DraftEditorOneFormTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Typed(string number, string contactName, string letterDate = "25/11/2026") => new()
    {
        ["Letter.Number"] = number,
        ["Letter.Date"] = letterDate,
        ["Letter.SignerName"] = "Lê Văn Ký",
        ["Letter.SignerPosition"] = "CHỦ TỊCH",
        ["Contact.FullName"] = contactName,
        ["Contact.NationalId"] = "025090001234",
        ["Contact.NationalIdIssuedOn"] = "10/05/2022",
        ["Contact.NationalIdIssuedBy"] = "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
        ["Contact.Position"] = "Văn thư",
        ["Contact.Phone"] = "0912345678",
        ["Contact.Email"] = "daumoi@phutho.gov.vn",
        ["Contact.Address"] = "Xã Kiểm Thử, tỉnh Phú Thọ",
    };

    [Theory]
    [InlineData("Letter")]
    [InlineData("Contact")]
    [InlineData("Draft")]
    [InlineData("AddIssueLine")]
    [InlineData("RemoveLine")]
    [InlineData("Submit")]
    public async Task EveryButton_SavesTheLetterAndMuc1TypedBesideIt(string handler)
    {
        var world = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Issue, Ct);
        if (handler is "RemoveLine" or "Submit")
        {
            var first = await PostAsync(client, id, "AddIssueLine", new Dictionary<string, string> { ["IssueLine.SubscriberId"] = Id(world.PersonB) }, Ct);
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        int? lineId = null;
        if (handler == "RemoveLine")
        {
            await using var arrange = portal.CreateDbContext();
            lineId = (await arrange.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct)).Lines.Single().Id;
        }

        var number = WorkflowArrange.NextLetterNumber("UBND-VP");
        var fields = Typed(number, "Phạm Thị Mọi Nút");
        switch (handler)
        {
            case "AddIssueLine":
                fields["IssueLine.SubscriberId"] = Id(world.PersonA);
                break;
            case "RemoveLine":
                fields["lineId"] = Id(lineId!.Value);
                break;
            case "Submit":
                fields["Submission.Confirm"] = "true";
                fields["Submission.SentVia"] = "NationalDocumentAxis";
                fields["Submission.SentOn"] = "26/11/2026";
                break;
        }

        var response = await PostAsync(client, id, handler, fields, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = portal.CreateDbContext();
        var saved = await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(number, saved.Letter.Number);
        Assert.Equal(new DateOnly(2026, 11, 25), saved.Letter.Date);
        Assert.Equal("Phạm Thị Mọi Nút", saved.Contact.FullName);
        Assert.Equal("daumoi@phutho.gov.vn", saved.Contact.Email);
        switch (handler)
        {
            case "AddIssueLine":
                Assert.Equal(world.PersonA, Assert.Single(saved.Lines).SubscriberId);
                break;
            case "RemoveLine":
                Assert.Empty(saved.Lines);
                break;
            case "Submit":
                Assert.Equal(RequestStatus.Submitted, saved.Status);
                break;
            default:
                Assert.Empty(saved.Lines);
                Assert.Equal(RequestStatus.Draft, saved.Status);
                break;
        }
    }

    [Theory]
    [InlineData(RequestType.Renew)]
    [InlineData(RequestType.RecoverToken)]
    public async Task ThemOnACertificateOrToken_SavesTheLetterAndMuc1TypedBesideIt(RequestType type)
    {
        var world = await CreateAsync(portal, Ct);
        var locked = type == RequestType.RecoverToken ? TokenStatus.Locked : TokenStatus.HandedOver;
        var cert = await world.AddCertificateAsync(world.PersonA, daysLeft: 200, tokenStatus: locked, ct: Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, type, Ct);
        var number = WorkflowArrange.NextLetterNumber("UBND-VP");
        var fields = Typed(number, "Lý Thị Thêm Dòng");
        fields["Contact.Workplace"] = "UBND xã Kiểm Thử";
        var handler = type == RequestType.Renew ? "AddRenewLine" : "AddRecoverLine";
        fields[type == RequestType.Renew ? "certificateId" : "tokenId"] = Id(type == RequestType.Renew ? cert.Id : cert.TokenId);

        var response = await PostAsync(client, id, handler, fields, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = portal.CreateDbContext();
        var saved = await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(number, saved.Letter.Number);
        Assert.Equal("Lý Thị Thêm Dòng", saved.Contact.FullName);
        Assert.Single(saved.Lines);
    }

    [Fact]
    public async Task AddLine_WithABadLetterDate_KeepsEverythingTypedAndSavesMuc1AndTheLine()
    {
        var world = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Issue, Ct);
        var number = WorkflowArrange.NextLetterNumber("UBND-VP");
        var fields = Typed(number, "Hoàng Văn Giữ Nguyên", letterDate: "31/02/2026");
        fields["IssueLine.SubscriberId"] = Id(world.PersonA);

        var response = await PostAsync(client, id, "AddIssueLine", fields, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = TestHtml.Text(html);
        Assert.Contains("Ngày văn bản phải có dạng dd/MM/yyyy.", text, StringComparison.Ordinal);
        Assert.Contains("Chưa lưu văn bản đề nghị", text, StringComparison.Ordinal);
        Assert.Contains("Đã lưu kèm Mục 1", text, StringComparison.Ordinal);
        Assert.Equal("31/02/2026", TestHtml.InputValue(html, "Letter.Date"));
        Assert.Equal(number, TestHtml.InputValue(html, "Letter.Number"));
        Assert.Equal("Hoàng Văn Giữ Nguyên", TestHtml.InputValue(html, "Contact.FullName"));
        Assert.Equal("0912345678", TestHtml.InputValue(html, "Contact.Phone"));
        await using var db = portal.CreateDbContext();
        var saved = await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct);
        Assert.Null(saved.Letter.Number);
        Assert.Equal("Hoàng Văn Giữ Nguyên", saved.Contact.FullName);
        Assert.Equal(world.PersonA, Assert.Single(saved.Lines).SubscriberId);
    }

    [Fact]
    public async Task SaveDraft_WithABadMuc1Field_SavesTheLetterAndShowsTheMessageNextToTheField()
    {
        var world = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Issue, Ct);
        var number = WorkflowArrange.NextLetterNumber("UBND-VP");
        var fields = Typed(number, "Đinh Văn Sai Số");
        fields["Contact.Phone"] = "09ab";

        var response = await PostAsync(client, id, "Draft", fields, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-valmsg-for=\"Contact.Phone\"[^>]*>Số điện thoại chỉ gồm 9–15 chữ số.", WebUtility.HtmlDecode(html));
        Assert.Contains("Đã lưu văn bản đề nghị. Chưa lưu Mục 1", TestHtml.Text(html), StringComparison.Ordinal);
        Assert.Equal("Đinh Văn Sai Số", TestHtml.InputValue(html, "Contact.FullName"));
        await using var db = portal.CreateDbContext();
        var saved = await db.Requests.SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(number, saved.Letter.Number);
        Assert.Null(saved.Contact.FullName);
    }

    [Fact]
    public async Task SaveDraft_LeavesEmptyFieldsForLater_ButItsOwnButtonWantsTheSectionComplete()
    {
        var world = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Issue, Ct);
        var partial = new Dictionary<string, string> { ["Letter.Number"] = "7/UBND-VP", ["Letter.Date"] = "", ["Contact.FullName"] = "Mai Văn Dở Dang" };

        var draft = await PostAsync(client, id, "Draft", partial, Ct);
        var own = await PostAsync(client, id, "Letter", partial, Ct);

        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Vui lòng nhập ngày văn bản.", TestHtml.Text(await own.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        var saved = await db.Requests.SingleAsync(r => r.Id == id, Ct);
        Assert.Equal("7/UBND-VP", saved.Letter.Number);
        Assert.Null(saved.Letter.Date);
        Assert.Equal("Mai Văn Dở Dang", saved.Contact.FullName);
    }

    [Fact]
    public async Task EmptyMuc1_IsPrefilledFromTheAgencysLastRequestOfTheSameLayout_NotSavedUntilTheUserSaves()
    {
        var world = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var earlier = await NewDraftAsync(client, RequestType.Issue, Ct);
        await FillLetterAndContactAsync(client, earlier, Ct);
        var id = await NewDraftAsync(client, RequestType.Renew, Ct);
        var revoke = await NewDraftAsync(client, RequestType.Revoke, Ct);

        var html = await client.GetStringAsync(new Uri(Editor(id), UriKind.Relative), Ct);
        var revokeHtml = await client.GetStringAsync(new Uri(Editor(revoke), UriKind.Relative), Ct);

        Assert.Equal("Phạm Văn Đầu Mối", TestHtml.InputValue(html, "Contact.FullName"));
        Assert.Equal("daumoi@phutho.gov.vn", TestHtml.InputValue(html, "Contact.Email"));
        Assert.Contains($"Điền sẵn từ yêu cầu nháp số {Id(earlier)} ngày 26/11/2026", TestHtml.Text(html), StringComparison.Ordinal);
        // Mẫu 05's Mục 1 is another person ("đầu mối phối hợp thu hồi", "Địa chỉ thu hồi"): not pre-filled from Mẫu 01.
        Assert.DoesNotContain("Điền sẵn từ yêu cầu", TestHtml.Text(revokeHtml), StringComparison.Ordinal);
        Assert.Null(TestHtml.InputValue(revokeHtml, "Contact.FullName"));
        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(RequestContact.Empty, (await db.Requests.SingleAsync(r => r.Id == id, Ct)).Contact);
        }

        var fields = new Dictionary<string, string>
        {
            ["Contact.FullName"] = TestHtml.InputValue(html, "Contact.FullName")!,
            ["Contact.Phone"] = TestHtml.InputValue(html, "Contact.Phone")!,
            ["Contact.Email"] = "nguoimoi@phutho.gov.vn",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, id, "Draft", fields, Ct)).StatusCode);
        await using var after = portal.CreateDbContext();
        var saved = (await after.Requests.SingleAsync(r => r.Id == id, Ct)).Contact;
        Assert.Equal("Phạm Văn Đầu Mối", saved.FullName);
        Assert.Equal("nguoimoi@phutho.gov.vn", saved.Email);
    }

    [Fact]
    public async Task NewDraft_ShowsTheLetterDateAsToday_SavedWithTheFirstSave()
    {
        var world = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Issue, Ct);

        var html = await client.GetStringAsync(new Uri(Editor(id), UriKind.Relative), Ct);

        Assert.Equal("26/11/2026", TestHtml.InputValue(html, "Letter.Date"));
        await using (var db = portal.CreateDbContext())
        {
            Assert.Null((await db.Requests.SingleAsync(r => r.Id == id, Ct)).Letter.Date);
        }

        var save = await PostAsync(client, id, "Draft", new Dictionary<string, string>
        {
            ["Letter.Number"] = "",
            ["Letter.Date"] = TestHtml.InputValue(html, "Letter.Date")!,
        }, Ct);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        await using var after = portal.CreateDbContext();
        Assert.Equal(Today, (await after.Requests.SingleAsync(r => r.Id == id, Ct)).Letter.Date);
    }

    [Fact]
    public async Task Editor_IsOneFormWithHandlerButtons_PreviewAndASearchablePickerWithMaskedCccd()
    {
        var world = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Issue, Ct);
        await using var db = portal.CreateDbContext();
        var person = await db.Subscribers.AsNoTracking().SingleAsync(s => s.Id == world.PersonA, Ct);

        var html = await client.GetStringAsync(new Uri(Editor(id), UriKind.Relative), Ct);
        await PostAsync(client, id, "AddIssueLine", new Dictionary<string, string> { ["IssueLine.SubscriberId"] = Id(world.PersonB) }, Ct);
        var withLine = await client.GetStringAsync(new Uri(Editor(id), UriKind.Relative), Ct);
        var preview = await PostAsync(client, id, "Draft", new Dictionary<string, string> { ["next"] = "preview" }, Ct);

        Assert.Contains("id=\"editor-form\"", html, StringComparison.Ordinal);
        Assert.Contains("data-unsaved-warning=\"true\"", html, StringComparison.Ordinal);
        foreach (var handler in new[] { "Letter", "Contact", "AddIssueLine", "Draft" })
        {
            Assert.Contains($"formaction=\"/Requests/Edit/{Id(id)}?handler={handler}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("/js/draft-editor.", html, StringComparison.Ordinal);
        Assert.Contains($"{person.Name} – CCCD {person.MaskedNationalId} – {person.Email}", TestHtml.Text(html), StringComparison.Ordinal);
        Assert.DoesNotContain(person.NationalId!, html, StringComparison.Ordinal);
        Assert.Contains("data-picker-filter=\"IssueLine_SubscriberId\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Subscribers/Create?returnToDraft={Id(id)}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"preview-letter\"", html, StringComparison.Ordinal);
        Assert.Contains("Lưu và xem trước công văn Mẫu 01", TestHtml.Text(withLine), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, preview.StatusCode);
        Assert.Equal($"/Letters/Preview/{Id(id)}", preview.Headers.Location!.OriginalString);
        var page = await client.GetAsync(preview.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task CreateSubscriber_FromTheDraft_AddsTheLineAndReturnsToTheDraft()
    {
        var world = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Issue, Ct);
        var name = "Vũ Thị Mới " + Guid.NewGuid().ToString("N")[..6];

        var form = await client.GetStringAsync(new Uri($"/Subscribers/Create?returnToDraft={Id(id)}", UriKind.Relative), Ct);
        var response = await CreateSubscriberAsync(client, id, name);

        Assert.Contains("data-testid=\"return-to-draft\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Requests/Edit/{Id(id)}#lines", response.Headers.Location!.OriginalString);
        await using var db = portal.CreateDbContext();
        var line = Assert.Single((await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct)).Lines);
        Assert.Equal(name, line.SubscriberName);
        Assert.Equal(world.AgencyId, (await db.Subscribers.SingleAsync(s => s.Id == line.SubscriberId, Ct)).AgencyId);
    }

    [Fact]
    public async Task CreateSubscriber_ReturnToAForeignOrNonIssueOrSentRequest_IsIgnored()
    {
        var world = await CreateAsync(portal, Ct);
        var other = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var otherClient = await portal.CreateClientAsync(other.Officer, Ct);
        var foreign = await NewDraftAsync(otherClient, RequestType.Issue, Ct);
        var renew = await NewDraftAsync(client, RequestType.Renew, Ct);
        var sent = await world.AddReceivedIssueRequestAsync(new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Unspecified), Ct);

        foreach (var target in new[] { foreign, renew, sent.Id })
        {
            var name = "Đỗ Văn Lạc " + Guid.NewGuid().ToString("N")[..6];
            var form = await client.GetStringAsync(new Uri($"/Subscribers/Create?returnToDraft={Id(target)}", UriKind.Relative), Ct);
            var response = await CreateSubscriberAsync(client, target, name);

            Assert.DoesNotContain("data-testid=\"return-to-draft\"", form, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Subscribers/Details/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            await using var db = portal.CreateDbContext();
            var request = await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == target, Ct);
            Assert.DoesNotContain(request.Lines, l => l.SubscriberName == name);
            Assert.True(await db.Subscribers.AnyAsync(s => s.Name == name && s.AgencyId == world.AgencyId, Ct));
        }
    }

    private static Task<HttpResponseMessage> CreateSubscriberAsync(HttpClient client, int draftId, string name)
    {
        var url = $"/Subscribers/Create?returnToDraft={Id(draftId)}";
        return PortalFactory.PostFormAsync(client, url, new Dictionary<string, string>
        {
            ["ReturnToDraft"] = Id(draftId),
            ["Input.Kind"] = "Person",
            ["Input.Name"] = name,
            ["Input.Position"] = "Chuyên viên",
            ["Input.NationalId"] = "0251" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.NationalIdIssuedOn"] = "15/03/2022",
            ["Input.DateOfBirth"] = "02/09/1990",
            ["Input.Email"] = "moi." + Guid.NewGuid().ToString("N")[..8] + "@phutho.gov.vn",
            ["Input.Phone"] = "0912345678",
        }, ct: Ct);
    }
}
