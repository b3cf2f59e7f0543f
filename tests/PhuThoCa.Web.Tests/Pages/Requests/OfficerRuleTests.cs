using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Requests.Review;
using static PhuThoCa.Web.Tests.Pages.Requests.OfficerWorld;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>The rules of ND 68/2024 and QĐ-PT as an officer meets them on the editor: shown before typing, refused with Vietnamese messages.</summary>
public class OfficerRuleTests(PortalFactory portal)
{
    private const string ThirtyDaysRule = "Chứng thư số phải còn thời hạn sử dụng ít nhất 30 ngày mới được gia hạn; hiện chỉ còn 29 ngày (Nghị định 68/2024/NĐ-CP, Điều 12).";
    private const string OnceRule = "Chứng thư số chỉ được gia hạn 01 lần và chứng thư này đã được gia hạn (Nghị định 68/2024/NĐ-CP, Điều 12).";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Renew_CertificateWith29DaysLeft_IsShownIneligibleAndRefused()
    {
        var world = await CreateAsync(portal, Ct);
        var cert = await world.AddCertificateAsync(world.PersonA, daysLeft: 29, ct: Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Renew, Ct);

        var editor = await client.GetStringAsync(new Uri(Editor(id), UriKind.Relative), Ct);
        var response = await PostAsync(client, id, "AddRenewLine", new Dictionary<string, string> { ["certificateId"] = Id(cert.Id) }, Ct);

        Assert.Contains(ThirtyDaysRule, TestHtml.Text(editor), StringComparison.Ordinal);
        Assert.Matches($"aria-label=\"Thêm chứng thư {cert.Serial}\"[^>]*disabled|disabled[^>]*aria-label=\"Thêm chứng thư {cert.Serial}\"", editor);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Chứng thư số {cert.Serial}: {ThirtyDaysRule}", TestHtml.Text(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        Assert.Empty((await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct)).Lines);
    }

    [Fact]
    public async Task Renew_CertificateAlreadyRenewedOnce_IsRefused()
    {
        var world = await CreateAsync(portal, Ct);
        var cert = await world.AddCertificateAsync(world.PersonA, daysLeft: 600, renewalCount: 1, ct: Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Renew, Ct);

        var editor = TestHtml.Text(await client.GetStringAsync(new Uri(Editor(id), UriKind.Relative), Ct));
        var response = await PostAsync(client, id, "AddRenewLine", new Dictionary<string, string> { ["certificateId"] = Id(cert.Id) }, Ct);

        Assert.Contains(OnceRule, editor, StringComparison.Ordinal);
        Assert.Contains($"Chứng thư số {cert.Serial}: {OnceRule}", TestHtml.Text(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_CertificateThatFellUnder30DaysAfterBeingAdded_IsRefusedByTheDomainOnThePage()
    {
        var world = await CreateAsync(portal, Ct);
        var cert = await world.AddCertificateAsync(world.PersonA, daysLeft: 45, ct: Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await RenewalDraftAsync(client, cert.Id, Ct);
        await using (var db = portal.CreateDbContext())
        {
            var tracked = await db.Certificates.SingleAsync(c => c.Id == cert.Id, Ct);
            var notAfter = VietnamTime.FromLocal(Today.AddDays(29).ToDateTime(new TimeOnly(16, 59, 59)));
            tracked.Update(new CertificateDetails(tracked.SerialNumber, tracked.SubjectDn, tracked.Issuer, tracked.NotBeforeUtc, notAfter, tracked.Storage));
            await db.SaveChangesAsync(Ct);
        }

        var response = await SubmitAsync(client, id, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Chứng thư số {cert.Serial}: {ThirtyDaysRule}", TestHtml.Text(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        await using var after = portal.CreateDbContext();
        Assert.Equal(RequestStatus.Draft, (await after.Requests.SingleAsync(r => r.Id == id, Ct)).Status);
    }

    [Fact]
    public async Task Renew_CertificateWithAnOpenRenewal_IsRefusedWithALinkToIt()
    {
        var world = await CreateAsync(portal, Ct);
        var cert = await world.AddCertificateAsync(world.PersonA, daysLeft: 300, ct: Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var first = await NewDraftAsync(client, RequestType.Renew, Ct);
        await FillLetterAndContactAsync(client, first, Ct);
        await PostAsync(client, first, "AddRenewLine", new Dictionary<string, string> { ["certificateId"] = Id(cert.Id) }, Ct);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, first, Ct)).StatusCode);
        var second = await NewDraftAsync(client, RequestType.Renew, Ct);

        var editor = await client.GetStringAsync(new Uri(Editor(second), UriKind.Relative), Ct);
        var response = await PostAsync(client, second, "AddRenewLine", new Dictionary<string, string> { ["certificateId"] = Id(cert.Id) }, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Contains($"href=\"/Requests/Details/{Id(first)}\"", editor, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Chứng thư số {cert.Serial} đã có yêu cầu gia hạn đang xử lý: yêu cầu số {Id(first)} (Đã gửi)",
            TestHtml.Text(html), StringComparison.Ordinal);
        Assert.Matches($"data-testid=\"duplicate\"[\\s\\S]*<a href=\"/Requests/Details/{Id(first)}\"", html);
        await using var db = portal.CreateDbContext();
        Assert.Empty((await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == second, Ct)).Lines);
    }

    [Fact]
    public async Task ChangeInfo_IsNotBlockedByAnOpenRenewalOfTheSameCertificate()
    {
        var world = await CreateAsync(portal, Ct);
        var cert = await world.AddCertificateAsync(world.PersonA, daysLeft: 300, ct: Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var renewal = await NewDraftAsync(client, RequestType.Renew, Ct);
        await PostAsync(client, renewal, "AddRenewLine", new Dictionary<string, string> { ["certificateId"] = Id(cert.Id) }, Ct);
        var change = await NewDraftAsync(client, RequestType.ChangeInfo, Ct);

        var response = await PostAsync(client, change, "AddChangeLine", new Dictionary<string, string>
        {
            ["ChangeLine.CertificateId"] = Id(cert.Id),
            ["ChangeLine.Case"] = nameof(ChangeInfoCase.PersonChangedAgency),
            ["ChangeLine.OldValue"] = "UBND xã Cũ",
            ["ChangeLine.NewValue"] = world.AgencyName,
        }, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task RemoveLine_TakesTheCertificateOffTheDraft_AndFreesItForAnotherRequest()
    {
        var world = await CreateAsync(portal, Ct);
        var cert = await world.AddCertificateAsync(world.PersonA, daysLeft: 300, ct: Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Renew, Ct);
        await PostAsync(client, id, "AddRenewLine", new Dictionary<string, string> { ["certificateId"] = Id(cert.Id) }, Ct);
        int lineId;
        await using (var db = portal.CreateDbContext())
        {
            lineId = (await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct)).Lines.Single().Id;
        }

        var removed = await PostAsync(client, id, "RemoveLine", new Dictionary<string, string> { ["lineId"] = Id(lineId) }, Ct);
        var other = await NewDraftAsync(client, RequestType.Renew, Ct);
        var added = await PostAsync(client, other, "AddRenewLine", new Dictionary<string, string> { ["certificateId"] = Id(cert.Id) }, Ct);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await using var after = portal.CreateDbContext();
        Assert.Empty((await after.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct)).Lines);
    }

    [Fact]
    public async Task Cancel_WithoutReason_IsRefused_ThenWithReason_Cancels()
    {
        var world = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.RecoverToken, Ct);

        var refused = await PostAsync(client, id, "Cancel", new Dictionary<string, string> { ["Cancellation.Reason"] = "   " }, Ct);
        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(RequestStatus.Draft, (await db.Requests.SingleAsync(r => r.Id == id, Ct)).Status);
        }

        var cancelled = await PostAsync(client, id, "Cancel", new Dictionary<string, string> { ["Cancellation.Reason"] = "Lập nhầm loại yêu cầu" }, Ct);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Vui lòng nêu lý do hủy yêu cầu.", TestHtml.Text(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        await using var after = portal.CreateDbContext();
        var saved = await after.Requests.SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(RequestStatus.Cancelled, saved.Status);
        Assert.Equal("Lập nhầm loại yêu cầu", saved.CancellationReason);
    }

    [Fact]
    public async Task SubmittedRequest_IsShownReadOnly_AndCanBeWithdrawnWithAReason()
    {
        var world = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Issue, Ct);
        await FillLetterAndContactAsync(client, id, Ct);
        await PostAsync(client, id, "AddIssueLine", new Dictionary<string, string> { ["IssueLine.SubscriberId"] = Id(world.PersonA) }, Ct);
        await SubmitAsync(client, id, Ct);

        var list = await client.GetStringAsync(new Uri("/Requests", UriKind.Relative), Ct);
        var editor = await client.GetStringAsync(new Uri(Editor(id), UriKind.Relative), Ct);
        var lateEdit = await PostAsync(client, id, "AddIssueLine", new Dictionary<string, string> { ["IssueLine.SubscriberId"] = Id(world.PersonB) }, Ct);
        var cancelled = await PostAsync(client, id, "Cancel", new Dictionary<string, string> { ["Cancellation.Reason"] = "Thuê bao đã chuyển công tác" }, Ct);

        Assert.Contains($"href=\"/Requests/Edit/{Id(id)}#cancel\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Letter.Number\"", editor, StringComparison.Ordinal);
        Assert.Contains("Đã gửi lúc 26/11/2026 09:00.", TestHtml.Text(editor), StringComparison.Ordinal);
        Assert.Contains("Không thể sửa yêu cầu đang ở trạng thái “Đã gửi”", TestHtml.Text(await lateEdit.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        await using var db = portal.CreateDbContext();
        var saved = await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(RequestStatus.Cancelled, saved.Status);
        Assert.Single(saved.Lines);
    }

    [Fact]
    public async Task ReturnedForSupplement_ShowsTheReason_AndResubmits()
    {
        var world = await CreateAsync(portal, Ct);
        var cert = await world.AddCertificateAsync(world.PersonA, daysLeft: 300, ct: Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await RenewalDraftAsync(client, cert.Id, Ct);
        await SubmitAsync(client, id, Ct);
        // Sở's side, through the handlers the details page calls: receive, then return for supplement.
        var now = PortalFactory.DefaultNow.UtcDateTime;
        await WorkflowArrange.PerformAsync<ReceiveRequest, ReceiveInput>(portal, id, new ReceiveInput(), "chuyenvien.skhcn", now);
        await WorkflowArrange.PerformAsync<ReturnForSupplement, ReturnInput>(portal, id,
            new ReturnInput { Reason = "Bổ sung số định danh cá nhân của người tiếp nhận." }, "chuyenvien.skhcn", now);

        var editor = await client.GetStringAsync(new Uri(Editor(id), UriKind.Relative), Ct);
        var list = TestHtml.Text(await client.GetStringAsync(new Uri("/Requests", UriKind.Relative), Ct));
        var resubmit = await PostAsync(client, id, "Submit", new Dictionary<string, string>
        {
            ["Submission.Confirm"] = "true",
            ["Submission.Note"] = "Đã bổ sung số định danh.",
        }, Ct);

        Assert.Matches("data-testid=\"supplement-reason\"[\\s\\S]*Bổ sung số định danh cá nhân của người tiếp nhận\\.", editor);
        Assert.Contains("Gửi lại sau bổ sung", TestHtml.Text(editor), StringComparison.Ordinal);
        Assert.Contains("Chờ bổ sung hồ sơ", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, resubmit.StatusCode);
        await using var after = portal.CreateDbContext();
        var saved = await after.Requests.Include(r => r.History).SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(RequestStatus.Submitted, saved.Status);
        Assert.Contains(saved.History, h => h.Action == RequestAction.Resubmit && h.Note!.Contains("Đã bổ sung số định danh.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DetailsPageSubmit_WithoutTheConfirmationOfDieu9_IsRefusedByTheDomain_AndWithItSends()
    {
        var world = await CreateAsync(portal, Ct);
        var cert = await world.AddCertificateAsync(world.PersonA, daysLeft: 300, ct: Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await RenewalDraftAsync(client, cert.Id, Ct);
        var page = await WorkflowArrange.LoadAsync(client, id, Ct);

        var refused = await WorkflowArrange.PostAsync(client, id, "Submit", page, ct: Ct);
        var refusedText = TestHtml.Text(await refused.Content.ReadAsStringAsync(Ct));
        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(RequestStatus.Draft, (await db.Requests.SingleAsync(r => r.Id == id, Ct)).Status);
        }

        var sent = await WorkflowArrange.PostAsync(client, id, "Submit", await WorkflowArrange.LoadAsync(client, id, Ct),
            new Dictionary<string, string> { ["Submission.Confirm"] = "true" }, Ct);

        Assert.Contains("data-testid=\"form-submit\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("Tôi xác nhận thông tin đề nghị là chính xác", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Vui lòng đánh dấu xác nhận trước khi gửi", refusedText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await using var after = portal.CreateDbContext();
        Assert.Equal(RequestStatus.Submitted, (await after.Requests.SingleAsync(r => r.Id == id, Ct)).Status);
    }
}
