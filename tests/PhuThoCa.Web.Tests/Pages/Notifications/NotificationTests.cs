using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Requests.Review;
using PhuThoCa.Web.Tests.Pages.Requests;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Pages.Notifications;

/// <summary>
/// In-portal notifications of request status changes: written in the same save as the change, shown to the right people
/// only, opened and marked read through the real pages. Serial with the workflow tests, whose requests notify the same
/// demo users.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public class NotificationTests(PortalFactory portal)
{
    private static readonly string[] ScienceDepartment = ["chuyenvien.skhcn", "chuyenvien2.skhcn", "lanhdao.skhcn"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submit_NotifiesEverySoStaffAndLeader_AndNotTheAgencyOrTheSubmitter()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Renew);

        var notified = await NotifiedUserNamesAsync(arranged.RequestId);

        // Other test classes add staff users of their own, so: the demo Sở users, and nobody outside Sở's two roles.
        Assert.Subset(notified.ToHashSet(), ScienceDepartment.ToHashSet());
        await using var db = portal.CreateDbContext();
        string[] roles = [PhuThoCa.Infrastructure.Identity.Roles.DepartmentStaff, PhuThoCa.Infrastructure.Identity.Roles.DepartmentLeader];
        var departmentUsers = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => roles.Contains(x.Name!)).Join(db.Users, x => x.UserId, u => u.Id, (x, u) => u.UserName!).ToListAsync(Ct);
        Assert.All(notified, userName => Assert.Contains(userName, departmentUsers));
        Assert.DoesNotContain("canbo.syte", notified);
        Assert.Equal(notified.Count, notified.Distinct().Count());
        var one = await db.Notifications.FirstAsync(n => n.RequestId == arranged.RequestId, Ct);
        Assert.Equal("Gia hạn chứng thư chữ ký số: Gửi yêu cầu", one.Title);
        Assert.Contains("Sở Y tế tỉnh Phú Thọ", one.Detail, StringComparison.Ordinal);
        Assert.Contains("Trạng thái mới: Đã gửi", one.Detail, StringComparison.Ordinal);
        Assert.Null(one.ReadAtUtc);
    }

    [Fact]
    public async Task ReturnForSupplement_NotifiesTheAgencysOfficersWithTheReason_TheyOpenIt_AndOthersGet404()
    {
        var arranged = await SubmittedAsync(portal, RequestType.ChangeInfo);
        await ReceiveAsync(portal, arranged.RequestId, NowUtc(portal).AddMinutes(-30));
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var officer = await portal.CreateClientAsync("canbo.syte", Ct);
        var otherOfficer = await portal.CreateClientAsync("canbo.viettri", Ct);

        await ActAsync(staff, arranged.RequestId, "Return", new Dictionary<string, string>
        {
            ["Return.Reason"] = "Bổ sung văn bản xác nhận địa chỉ thư điện tử công vụ mới.",
        }, Ct);

        int id;
        await using (var db = portal.CreateDbContext())
        {
            var returned = await db.Notifications.Where(n => n.RequestId == arranged.RequestId && n.Title.EndsWith("Yêu cầu bổ sung"))
                .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { n.Id, u.UserName, u.AgencyId, n.Detail }).ToListAsync(Ct);
            // The agency's officers only (other tests may add officers of their own to the same agency).
            Assert.All(returned, r => Assert.Equal(arranged.AgencyId, r.AgencyId));
            Assert.DoesNotContain(returned, r => r.UserName == "chuyenvien.skhcn" || r.UserName == "canbo.viettri");
            var mine = Assert.Single(returned, r => r.UserName == "canbo.syte");
            Assert.Contains("Lý do: Bổ sung văn bản xác nhận địa chỉ thư điện tử công vụ mới.", mine.Detail, StringComparison.Ordinal);
            id = mine.Id;
        }

        var list = await officer.GetStringAsync(new Uri("/Notifications?unread=true", UriKind.Relative), Ct);
        Assert.Contains($"action=\"/Notifications?id={id}&amp;handler=Open\"", list, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"unread-badge\"", list, StringComparison.Ordinal);

        var foreign = await PortalFactory.PostFormAsync(otherOfficer, $"/Notifications?id={id}&handler=Open", new Dictionary<string, string>(), "/Notifications", Ct);
        var staffTry = await PortalFactory.PostFormAsync(staff, $"/Notifications?id={id}&handler=Open", new Dictionary<string, string>(), "/Notifications", Ct);
        // A GET never writes: following the old link form leaves the notification unread.
        using (var viaGet = await officer.GetAsync(new Uri($"/Notifications?id={id}&handler=Open", UriKind.Relative), Ct))
        {
            await using var unread = portal.CreateDbContext();
            Assert.Null((await unread.Notifications.SingleAsync(n => n.Id == id, Ct)).ReadAtUtc);
        }

        var open = await PortalFactory.PostFormAsync(officer, $"/Notifications?id={id}&handler=Open", new Dictionary<string, string>(), "/Notifications", Ct);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, staffTry.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal($"/Requests/Details/{arranged.RequestId}", open.Headers.Location?.OriginalString);
        await using var check = portal.CreateDbContext();
        Assert.NotNull((await check.Notifications.SingleAsync(n => n.Id == id, Ct)).ReadAtUtc);
    }

    [Fact]
    public async Task MarkAllRead_ClearsTheBadge_AndOnlyForThatUser()
    {
        await using var arrange = portal.CreateDbContext();
        var agencyId = await arrange.Agencies.Where(a => a.Name == Agency).Select(a => a.Id).SingleAsync(Ct);
        var fresh = await portal.CreateUserAsync(PhuThoCa.Infrastructure.Identity.Roles.AgencyOfficer, agencyId);
        var arranged = await SubmittedAsync(portal, RequestType.Renew);
        await ReceiveAsync(portal, arranged.RequestId, NowUtc(portal).AddMinutes(-30));
        var client = await portal.CreateClientAsync(fresh, Ct);

        var before = await client.GetStringAsync(new Uri("/Notifications", UriKind.Relative), Ct);
        var page = await client.GetAsync(new Uri("/Notifications", UriKind.Relative), Ct);
        var marked = await PortalFactory.PostFormAsync(client, "/Notifications?handler=MarkAllRead", new Dictionary<string, string>(),
            formPageUrl: "/Notifications", ct: Ct);
        var after = await client.GetStringAsync(new Uri("/Notifications", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Gia hạn chứng thư chữ ký số: Tiếp nhận", TestHtml.Text(before), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"unread-badge\"", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.DoesNotContain("data-testid=\"unread-badge\"", after, StringComparison.Ordinal);
        Assert.Contains("data-read=\"true\"", after, StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        var officerStillUnread = await db.Notifications.Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { n, u.UserName })
            .AnyAsync(x => x.UserName == "canbo.syte" && x.n.RequestId == arranged.RequestId && x.n.ReadAtUtc == null, Ct);
        Assert.True(officerStillUnread);
    }

    [Fact]
    public async Task ASaveThatFailsAndIsRepeated_NotifiesOnce()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Renew);
        await using var db = portal.CreateDbContext();
        var request = await db.Requests.Include(r => r.Lines).Include(r => r.History).SingleAsync(r => r.Id == arranged.RequestId, Ct);
        var now = NowUtc(portal);
        var staff = await ActorAsync(db, "chuyenvien.skhcn", now);
        // A row the database refuses (no such user) makes the handler's save fail after the notifications were added.
        var refused = new Domain.Notifications.Notification("no-such-user", null, "x", null, now);
        db.Notifications.Add(refused);

        await Assert.ThrowsAsync<DbUpdateException>(() => PerformAsync<ReceiveRequest, ReceiveInput>(portal, db, request, new ReceiveInput(), staff));
        db.Entry(refused).State = EntityState.Detached;
        await db.SaveChangesAsync(Ct);

        await using var check = portal.CreateDbContext();
        var received = await check.Notifications.Where(n => n.RequestId == arranged.RequestId && n.Title.EndsWith(": Tiếp nhận"))
            .Select(n => n.UserId).ToListAsync(Ct);
        Assert.NotEmpty(received);
        Assert.Equal(received.Count, received.Distinct().Count());
    }

    private async Task<List<string>> NotifiedUserNamesAsync(int requestId)
    {
        await using var db = portal.CreateDbContext();
        return await db.Notifications.Where(n => n.RequestId == requestId)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.UserName!)
            .ToListAsync(Ct);
    }
}
