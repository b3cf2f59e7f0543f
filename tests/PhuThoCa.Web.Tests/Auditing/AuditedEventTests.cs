using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Auditing;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Pages.Requests;

namespace PhuThoCa.Web.Tests.Auditing;

/// <summary>One test per audited event class: the entry is found with its actor and its from → to values.</summary>
public class AuditedEventTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RegisterChange_IsAuditedWithTheOfficerAndTheFieldFromTo()
    {
        await using var arrange = portal.CreateDbContext();
        var subscriber = await arrange.Subscribers.FirstAsync(s => s.Agency!.Name == "UBND phường Việt Trì" && s.Kind == SubscriberKind.Person
            && s.Phone != "0987654321", Ct);
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);

        var response = await PortalFactory.PostFormAsync(client, $"/Subscribers/Edit/{subscriber.Id}", new Dictionary<string, string>
        {
            ["Input.AgencyId"] = subscriber.AgencyId.ToString(CultureInfo.InvariantCulture),
            ["Input.Kind"] = "Person",
            ["Input.Name"] = subscriber.Name,
            ["Input.Position"] = subscriber.Position ?? "Chuyên viên",
            ["Input.NationalId"] = "",
            ["Input.Email"] = subscriber.Email,
            ["Input.Phone"] = "0987654321",
        }, ct: Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await LastAsync("Subscriber", Key(subscriber.Id), AuditActions.Update);
        Assert.Equal("Bùi Thị Hương", entry.UserName);
        Assert.NotNull(entry.UserId);
        Assert.Contains(new AuditFieldChange("Phone", subscriber.Phone, "0987654321"), AuditEntryText.Changes(entry.Changes));
        // The empty CCCD field kept the stored number.
        await using var read = portal.CreateDbContext();
        Assert.Equal(subscriber.NationalId, (await read.Subscribers.SingleAsync(s => s.Id == subscriber.Id, Ct)).NationalId);
    }

    [Fact]
    public async Task RequestAction_IsAuditedWithTheStaffMemberTheStatusFromToAndTheReason()
    {
        var arranged = await WorkflowArrange.SubmittedAsync(portal, RequestType.ChangeInfo);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        await WorkflowArrange.ActAsync(staff, arranged.RequestId, "Receive", ct: Ct);

        await WorkflowArrange.ActAsync(staff, arranged.RequestId, "Return",
            new Dictionary<string, string> { ["Return.Reason"] = "Thiếu bản sao căn cước của người được cấp" }, Ct);

        var entry = await LastAsync("Request", Key(arranged.RequestId), AuditActions.Update);
        Assert.Equal("Lê Thị Thu Hà", entry.UserName);
        var status = Assert.Single(AuditEntryText.Changes(entry.Changes), c => c.Field == "Status");
        Assert.Equal((nameof(RequestStatus.Received), nameof(RequestStatus.ReturnedForSupplement)), (status.From, status.To));
        Assert.Equal("Thiếu bản sao căn cước của người được cấp", entry.Reason);
    }

    [Fact]
    public async Task LetterAndContactOfARequest_AreAuditedFieldByField_WithTheCccdMasked()
    {
        int id;
        await using (var db = portal.CreateDbContext())
        {
            var agencyId = await db.Agencies.Where(a => a.Name == "UBND phường Việt Trì").Select(a => a.Id).SingleAsync(Ct);
            var draft = new Request(RequestType.Renew, agencyId, new Actor("", "Hệ thống", PortalFactory.DefaultNow.UtcDateTime));
            db.Requests.Add(draft);
            await db.SaveChangesAsync(Ct);
            id = draft.Id;
            draft.UpdateLetter(new RequestLetter("77/UBND-VP", new DateOnly(2026, 11, 25), "Nguyễn Văn Ký", "Chủ tịch"));
            draft.UpdateContact(new RequestContact("Trần Thị Nhận", "025190001234", new DateOnly(2021, 5, 1), "Cục Cảnh sát QLHC về TTXH",
                "Văn thư", "0912000111", "nhan.tt@phutho.gov.vn", null, null));
            await db.SaveChangesAsync(Ct);
        }

        var changes = AuditEntryText.Changes((await LastAsync("Request", Key(id), AuditActions.Update)).Changes);
        Assert.Contains(new AuditFieldChange("LetterNumber", null, "77/UBND-VP"), changes);
        Assert.Contains(new AuditFieldChange("SignerName", null, "Nguyễn Văn Ký"), changes);
        Assert.Contains(new AuditFieldChange("ContactFullName", null, "Trần Thị Nhận"), changes);
        var cccd = Assert.Single(changes, c => c.Field == "ContactNationalId");
        Assert.Equal(NationalId.Mask("025190001234"), cccd.To);
        Assert.DoesNotContain("025190001234", string.Join('|', changes.Select(c => c.To)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LetterIssue_IsAuditedAsTheInsertOfTheStoredLetter()
    {
        var id = await new PhuThoCa.Web.Tests.Documents.RequestLetterScenarios(portal).DraftIssueAsync();
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);

        await PortalFactory.IssueLetterAsync(client, id, Ct);
        var pdf = await client.GetAsync(new Uri($"/Letters/Pdf/{id}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        await using var db = portal.CreateDbContext();
        var letterKeys = await db.GeneratedLetters.Where(l => l.RequestId == id).Select(l => l.Id).ToListAsync(Ct);
        var key = Key(Assert.Single(letterKeys));
        var entry = await LastAsync("GeneratedLetter", key, AuditActions.Insert);
        Assert.Equal("Bùi Thị Hương", entry.UserName);
        var changes = AuditEntryText.Changes(entry.Changes);
        Assert.Contains(changes, c => c.Field == "RequestId" && c.From == null && c.To == Key(id));
    }

    [Fact]
    public async Task SignInFailure_IsAuditedWithTheAccountTheReasonAndTheClientIp()
    {
        var userName = await portal.CreateUserAsync(Roles.DepartmentStaff);
        var client = portal.CreateAnonymousClient();

        await PortalFactory.PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = "sai-mat-khau",
        }, ct: Ct);
        await PortalFactory.PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = "khong.ton.tai." + userName,
            ["Input.Password"] = "sai-mat-khau",
        }, ct: Ct);

        await using var db = portal.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.UserName == userName, Ct);
        var wrongPassword = await LastAsync("User", user.Id, AuditActions.SignInFailure);
        Assert.Equal(user.Id, wrongPassword.UserId);
        Assert.Equal("Sai mật khẩu.", wrongPassword.Reason);
        Assert.Equal("127.0.0.1", wrongPassword.ClientIp);
        var unknown = await db.AuditEntries.SingleAsync(e => e.UserName == "khong.ton.tai." + userName, Ct);
        Assert.Equal((AuditActions.SignInFailure, (string?)null), (unknown.Action, unknown.UserId));
        // The failed attempt also counted against the account: that row change is audited too, by the system.
        var counted = await LastAsync("User", user.Id, AuditActions.Update);
        Assert.Contains(new AuditFieldChange("AccessFailedCount", "0", "1"), AuditEntryText.Changes(counted.Changes));
    }

    [Fact]
    public async Task SignInSignOutAndLockout_AreAudited()
    {
        var userName = await portal.CreateUserAsync(Roles.DepartmentStaff);
        var client = await portal.CreateClientAsync(userName, Ct);
        await PortalFactory.PostFormAsync(client, "/Account/Logout", new Dictionary<string, string>(), formPageUrl: "/", ct: Ct);
        // Identity locks the account at the tenth wrong password (Program.cs); an eleventh attempt is refused unheard.
        for (var i = 0; i < 11; i++)
        {
            await PortalFactory.PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
            {
                ["Input.UserName"] = userName,
                ["Input.Password"] = "sai" + i,
            }, ct: Ct);
        }

        await using var db = portal.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.UserName == userName, Ct);
        var actions = await db.AuditEntries.Where(e => e.EntityType == "User" && e.EntityKey == user.Id).OrderBy(e => e.Id)
            .Select(e => e.Action).ToListAsync(Ct);
        Assert.Contains(AuditActions.SignIn, actions);
        Assert.Contains(AuditActions.SignOut, actions);
        Assert.Equal(10, actions.Count(a => a == AuditActions.SignInFailure));
        Assert.Single(actions, a => a == AuditActions.Lockout);
        var refusedWhileLocked = await db.AuditEntries.Where(e => e.EntityKey == user.Id && e.Action == AuditActions.SignInFailure)
            .OrderBy(e => e.Id).Select(e => e.Reason).LastAsync(Ct);
        Assert.Equal("Tài khoản đang bị khóa.", refusedWhileLocked);
    }

    [Fact]
    public async Task FullNationalIdView_IsMaskedByDefault_ShownOnlyOnRequest_AndAudited()
    {
        await using var arrange = portal.CreateDbContext();
        var subscriber = await arrange.Subscribers.FirstAsync(s => s.Agency!.Name == "Sở Y tế tỉnh Phú Thọ" && s.NationalId != null, Ct);
        var staff = await portal.CreateClientAsync("chuyenvien2.skhcn", Ct);
        var admin = await portal.CreateClientAsync("quantri", Ct);
        var url = $"/Subscribers/Details/{subscriber.Id}";

        var masked = await staff.GetStringAsync(new Uri(url, UriKind.Relative), Ct);
        var revealed = await PortalFactory.PostFormAsync(staff, url + "?handler=RevealNationalId", new Dictionary<string, string>(), url, Ct);
        var adminPage = await admin.GetStringAsync(new Uri(url, UriKind.Relative), Ct);
        var adminReveal = await PortalFactory.PostFormAsync(admin, url + "?handler=RevealNationalId", new Dictionary<string, string>(), url, Ct);

        Assert.DoesNotContain(subscriber.NationalId!, masked, StringComparison.Ordinal);
        Assert.Contains(NationalId.Mask(subscriber.NationalId), masked, StringComparison.Ordinal);
        Assert.Contains("Hiện số CCCD", masked, StringComparison.Ordinal);
        Assert.Contains(subscriber.NationalId!, await revealed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("Hiện số CCCD", adminPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, adminReveal.StatusCode);
        Assert.Contains("/Account/AccessDenied", adminReveal.Headers.Location?.ToString(), StringComparison.Ordinal);
        var entry = await LastAsync("Subscriber", Key(subscriber.Id), AuditActions.NationalIdView);
        Assert.Equal("Phạm Văn Tùng", entry.UserName);
        Assert.DoesNotContain(subscriber.NationalId!, entry.Changes, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("Subscriber", Key(subscriber.Id), AuditActions.NationalIdView));
    }

    [Fact]
    public async Task RoleChangeAndPasswordReset_AreAuditedWithTheAdministrator_AndNoSecretIsStored()
    {
        var userName = await portal.CreateUserAsync(Roles.DepartmentStaff);
        await using var arrange = portal.CreateDbContext();
        var user = await arrange.Users.SingleAsync(u => u.UserName == userName, Ct);
        var admin = await portal.CreateClientAsync("quantri", Ct);

        var response = await PortalFactory.PostFormAsync(admin, $"/Admin/Users/Edit/{user.Id}", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.FullName"] = user.FullName,
            ["Input.Role"] = Roles.DepartmentLeader,
            ["Input.Password"] = "MatKhauMoi2026",
            ["Input.IsActive"] = "true",
        }, ct: Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var revoke = await LastAsync("User", user.Id, AuditActions.RoleRevoke);
        var grant = await LastAsync("User", user.Id, AuditActions.RoleGrant);
        var password = await LastAsync("User", user.Id, AuditActions.PasswordChange);
        Assert.All(new[] { revoke, grant, password }, e => Assert.Equal("Nguyễn Quốc Hưng", e.UserName));
        Assert.Contains(new AuditFieldChange("Role", "Chuyên viên Sở KH&CN", null), AuditEntryText.Changes(revoke.Changes));
        Assert.Contains(new AuditFieldChange("Role", null, "Lãnh đạo Sở KH&CN"), AuditEntryText.Changes(grant.Changes));
        Assert.Contains(new AuditFieldChange("PasswordHash", AuditInterceptor.Redacted, AuditInterceptor.Redacted), AuditEntryText.Changes(password.Changes));
        await using var db = portal.CreateDbContext();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id, Ct);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Changes.Contains(stored.PasswordHash!) || e.Changes.Contains(stored.SecurityStamp!), Ct));
    }

    [Fact]
    public async Task SubscriberSearch_FindsACccdByTheWholeNumberOnly()
    {
        await using var arrange = portal.CreateDbContext();
        var subscriber = await arrange.Subscribers.FirstAsync(s => s.NationalId != null, Ct);
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var whole = TestHtml.Text(await client.GetStringAsync(new Uri("/Subscribers?q=" + subscriber.NationalId, UriKind.Relative), Ct));
        var part = TestHtml.Text(await client.GetStringAsync(new Uri("/Subscribers?q=" + subscriber.NationalId![..8], UriKind.Relative), Ct));
        var global = TestHtml.Text(await client.GetStringAsync(new Uri("/Search?q=" + subscriber.NationalId, UriKind.Relative), Ct));

        Assert.Contains(subscriber.Name, whole, StringComparison.Ordinal);
        Assert.DoesNotContain(subscriber.Name, part, StringComparison.Ordinal);
        Assert.Contains(subscriber.Name, global, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestDetails_ShowTheWholeHistory_DeadlineRecalculationsIncluded()
    {
        var arranged = await WorkflowArrange.SubmittedAsync(portal, RequestType.Issue);
        await using (var db = portal.CreateDbContext())
        {
            db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Request, arranged.RequestId, WorkflowArrange.NowUtc(portal), "Quản trị hệ thống",
                "Tính lại hạn xử lý", "30/11/2026", "01/12/2026", "Lịch làm việc thay đổi: nghỉ bù 30/11/2026"));
            await db.SaveChangesAsync(Ct);
        }

        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var page = await WorkflowArrange.LoadAsync(staff, arranged.RequestId, Ct);

        Assert.Contains("Tính lại hạn xử lý: 30/11/2026 → 01/12/2026", page.Text, StringComparison.Ordinal);
        Assert.Contains("Lịch làm việc thay đổi: nghỉ bù 30/11/2026", page.Text, StringComparison.Ordinal);
        Assert.Contains("Gửi yêu cầu", page.Text, StringComparison.Ordinal);
        Assert.Contains("Lập yêu cầu (nháp)", page.Text, StringComparison.Ordinal);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<AuditEntry> LastAsync(string entityType, string key, string action)
    {
        await using var db = portal.CreateDbContext();
        var entry = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == entityType && e.EntityKey == key && e.Action == action)
            .OrderByDescending(e => e.Id).FirstOrDefaultAsync(Ct);
        return entry ?? throw new Xunit.Sdk.XunitException($"no {action} entry for {entityType} #{key}");
    }

    private async Task<int> CountAsync(string entityType, string key, string action)
    {
        await using var db = portal.CreateDbContext();
        return await db.AuditEntries.CountAsync(e => e.EntityType == entityType && e.EntityKey == key && e.Action == action, Ct);
    }
}
