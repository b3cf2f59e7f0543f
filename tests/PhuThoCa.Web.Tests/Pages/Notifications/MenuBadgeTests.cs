using System.Text.RegularExpressions;
using PhuThoCa.Domain.Notifications;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Pages.Requests;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Pages.Notifications;

/// <summary>The menu badges (issue 15): capped unread count, and a per-node cached overdue count that follows changes at once.</summary>
[Collection(WorkflowSerialGroup.Name)]
public partial class MenuBadgeTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheUnreadBadge_Shows99Plus_ForALongBacklog_WithoutCountingItAll()
    {
        var userName = await portal.CreateUserAsync(Roles.Auditor);
        await using (var db = portal.CreateDbContext())
        {
            var userId = db.Users.Single(u => u.UserName == userName).Id;
            for (var i = 0; i < 150; i++)
            {
                db.Notifications.Add(new Notification(userId, null, $"Thông báo thử {i}", null, PortalFactory.DefaultNow.UtcDateTime.AddMinutes(-i)));
            }

            await db.SaveChangesAsync(Ct);
        }

        var client = await portal.CreateClientAsync(userName, Ct);
        var home = await client.GetStringAsync(new Uri("/Notifications", UriKind.Relative), Ct);

        Assert.Equal("99+", UnreadBadge().Match(home).Groups[1].Value);
        Assert.Contains("data-testid=\"unread-count\">150<", home, StringComparison.Ordinal); // the page itself counts them all
    }

    [Fact]
    public async Task TheUnreadBadge_IsCachedPerNode_ButFollowsANotificationAddedOrReadOnThisNodeAtOnce()
    {
        var userName = await portal.CreateUserAsync(Roles.Auditor);
        string userId;
        await using (var db = portal.CreateDbContext())
        {
            userId = db.Users.Single(u => u.UserName == userName).Id;
            for (var i = 0; i < 3; i++)
            {
                db.Notifications.Add(new Notification(userId, null, $"Thông báo đệm {i}", null, PortalFactory.DefaultNow.UtcDateTime.AddMinutes(-i)));
            }

            await db.SaveChangesAsync(Ct);
        }

        var client = await portal.CreateClientAsync(userName, Ct);
        var first = UnreadBadge().Match(await client.GetStringAsync(new Uri("/Notifications", UriKind.Relative), Ct)).Groups[1].Value;
        var again = UnreadBadge().Match(await client.GetStringAsync(new Uri("/Search", UriKind.Relative), Ct)).Groups[1].Value;
        await using (var db = portal.CreateDbContext())
        {
            db.Notifications.Add(new Notification(userId, null, "Thông báo mới", null, PortalFactory.DefaultNow.UtcDateTime));
            await db.SaveChangesAsync(Ct);
        }

        var added = UnreadBadge().Match(await client.GetStringAsync(new Uri("/Search", UriKind.Relative), Ct)).Groups[1].Value;
        int id;
        await using (var db = portal.CreateDbContext())
        {
            id = db.Notifications.Where(n => n.UserId == userId).OrderBy(n => n.Id).Select(n => n.Id).First();
        }

        var open = await PortalFactory.PostFormAsync(client, $"/Notifications?id={id}&handler=Open", new Dictionary<string, string>(), "/Notifications", Ct);
        Assert.True((int)open.StatusCode is 302 or 200, $"opening the notification answered {(int)open.StatusCode}");
        var read = UnreadBadge().Match(await client.GetStringAsync(new Uri("/Search", UriKind.Relative), Ct)).Groups[1].Value;

        Assert.Equal(["3", "3", "4", "3"], new[] { first, again, added, read });
    }

    [Fact]
    public async Task ALongBacklog_IsCountedUpToTheCap_AndTheNewest1000AreListed()
    {
        var userName = await portal.CreateUserAsync(Roles.Auditor);
        await using (var db = portal.CreateDbContext())
        {
            var userId = db.Users.Single(u => u.UserName == userName).Id;
            for (var i = 0; i < 1030; i++)
            {
                db.Notifications.Add(new Notification(userId, null, $"Thông báo số {i}", null, PortalFactory.DefaultNow.UtcDateTime.AddMinutes(-i)));
            }

            await db.SaveChangesAsync(Ct);
        }

        var client = await portal.CreateClientAsync(userName, Ct);
        var first = await client.GetStringAsync(new Uri("/Notifications", UriKind.Relative), Ct);
        var beyond = await client.GetStringAsync(new Uri("/Notifications?unread=true&p=999", UriKind.Relative), Ct);

        Assert.Contains("data-testid=\"unread-count\">hơn 1.000<", first, StringComparison.Ordinal);
        Assert.Contains("Hiển thị 1–25 trên hơn 1.000", first, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"notifications-capped\"", first, StringComparison.Ordinal);
        Assert.Contains("Thông báo số 0<", first, StringComparison.Ordinal); // the newest first
        // A page past the cap shows the last one: the 976th to the 1,000th newest, not an empty page nor an older one.
        Assert.Contains("Hiển thị 976–1.000 trên hơn 1.000", beyond, StringComparison.Ordinal);
        Assert.Contains("Thông báo số 999<", beyond, StringComparison.Ordinal);
        Assert.DoesNotContain("Thông báo số 1000<", beyond, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOverdueBadge_IsCachedPerNode_ButFollowsARequestChangedOnThisNodeAtOnce()
    {
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var before = Count(await staff.GetStringAsync(new Uri("/Requests/Inbox", UriKind.Relative), Ct));

        var overdue = await SubmittedAsync(portal, RequestType.Renew, submittedAtUtc: Domain.Common.VietnamTime.FromLocal(new DateTime(2026, 11, 16, 8, 0, 0)));
        await ReceiveAsync(portal, overdue.RequestId, Domain.Common.VietnamTime.FromLocal(new DateTime(2026, 11, 16, 9, 0, 0)));
        var html = await staff.GetStringAsync(new Uri("/Requests/Inbox", UriKind.Relative), Ct);

        Assert.True(Count(html) > before, "the badge did not count the request that became overdue");
        Assert.Equal(Regex.Match(html, "data-testid=\"count-overdue\">(\\d+)<").Groups[1].Value, Count(html).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static int Count(string html)
    {
        var badge = Regex.Match(html, "data-testid=\"overdue-badge\">(\\d+)<");
        return badge.Success ? int.Parse(badge.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex("data-testid=\"unread-badge\">([^<]+)<")]
    private static partial Regex UnreadBadge();
}
