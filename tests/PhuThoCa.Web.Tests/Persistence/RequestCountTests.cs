using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Pages.Requests;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>
/// The maintained request counts (issue 15): the triggers keep RequestCounts equal to a count of the register after every
/// kind of change (created, moved through the workflow, deleted, moved to another agency by a script), and the requests
/// list's totals read from them equal a count of the rows each filter selects.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public sealed partial class RequestCountTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCounts_EqualACountOfTheRegister_AfterEveryKindOfChange()
    {
        var received = await SubmittedAsync(portal, RequestType.Renew);
        await ReceiveAsync(portal, received.RequestId, NowUtc(portal).AddMinutes(-30));
        var removed = await SubmittedAsync(portal, RequestType.Issue);
        var moved = await SubmittedAsync(portal, RequestType.Revoke);
        await using (var db = portal.CreateDbContext())
        {
            await AssertCountsMatchAsync(db);
            var other = await db.Agencies.Where(a => a.Id != moved.AgencyId).Select(a => a.Id).FirstAsync(Ct);
            // Not something the portal does: a script's UPDATE and DELETE are counted by the same triggers.
            await db.Database.ExecuteSqlAsync($"UPDATE Requests SET AgencyId = {other} WHERE Id = {moved.RequestId}", Ct);
            await DeleteByScriptAsync(db, removed.RequestId, Ct);
            await AssertCountsMatchAsync(db);
            // Put back: the collection's other tests read the register this request stays in.
            await db.Database.ExecuteSqlAsync($"UPDATE Requests SET AgencyId = {moved.AgencyId} WHERE Id = {moved.RequestId}", Ct);
            await AssertCountsMatchAsync(db);
        }
    }

    [Theory]
    [InlineData("/Requests")]
    [InlineData("/Requests?status=Submitted")]
    [InlineData("/Requests?status=Completed")]
    [InlineData("/Requests?state=open")]
    [InlineData("/Requests?state=closed")]
    [InlineData("/Requests?type=Renew&state=open")]
    [InlineData("/Requests?type=Issue&status=Draft")]
    [InlineData("/Requests?sort=newest")]
    public async Task TheListsTotals_EqualACountOfTheirRows(string url)
    {
        var submitted = await SubmittedAsync(portal, RequestType.Renew);
        await ReceiveAsync(portal, submitted.RequestId, NowUtc(portal).AddMinutes(-30));
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        await using var db = portal.CreateDbContext();
        var agency = await db.Agencies.Where(a => a.Id == submitted.AgencyId).Select(a => a.Id).SingleAsync(Ct);

        foreach (var withAgency in new[] { url, url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "agency=" + agency.ToString(CultureInfo.InvariantCulture) })
        {
            var html = await staff.GetStringAsync(new Uri(withAgency, UriKind.Relative), Ct);
            var query = QueryOf(db.Requests.AsNoTracking(), withAgency);
            Assert.Equal(await query.CountAsync(Ct), Total(html));
        }
    }

    /// <summary>
    /// With a text the list counts the matching rows themselves, in one pass that gives the total and the due figures: the
    /// folded name of the subscriber on an overdue request's line (a name, not a receipt, dossier, letter or serial key),
    /// written here as a test on the lines' subscribers.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData("Received")]
    public async Task TheListsTotalAndDueCounts_WithAText_EqualACountOfTheMatchingRows(string? status)
    {
        var overdueOne = await ReceivedAsync(portal, RequestType.RecoverToken, NowUtc(portal).AddDays(-9));
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        await using var db = portal.CreateDbContext();
        var today = VietnamTime.ToDate(NowUtc(portal));
        var subscriberId = await db.Set<RequestLine>().Where(l => EF.Property<int>(l, "RequestId") == overdueOne.RequestId).OrderBy(l => l.Id)
            .Select(l => l.SubscriberId).FirstAsync(Ct);
        var key = await db.Subscribers.Where(s => s.Id == subscriberId).Select(s => s.SearchKey).SingleAsync(Ct);
        var text = string.Join(' ', key.Split(' ').Take(2));
        var matching = db.Requests.AsNoTracking()
            .Where(r => r.Lines.Any(l => db.Subscribers.Any(s => s.Id == l.SubscriberId && s.SearchKey.Contains(text))));
        if (status is not null)
        {
            var s = Enum.Parse<RequestStatus>(status);
            matching = matching.Where(r => r.Status == s);
        }

        var html = await staff.GetStringAsync(new Uri($"/Requests?q={Uri.EscapeDataString(text)}" + (status is null ? "" : "&status=" + status), UriKind.Relative), Ct);

        var overdue = await matching.CountAsync(r => r.DueDate < today, Ct);
        Assert.True(overdue > 0, $"request {overdueOne.RequestId} for \"{text}\" is overdue");
        Assert.Equal(await matching.CountAsync(Ct), Total(html));
        Assert.Equal(overdue, OverdueCount().Match(html) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
    }

    [Fact]
    public async Task AnOfficersTotal_CountsTheirAgencysRequestsOnly()
    {
        await SubmittedAsync(portal, RequestType.Renew);
        var officer = await portal.CreateClientAsync("canbo.syte", Ct);
        await using var db = portal.CreateDbContext();
        var agencyId = await db.Users.Where(u => u.UserName == "canbo.syte").Select(u => u.AgencyId).SingleAsync(Ct);

        var html = await officer.GetStringAsync(new Uri("/Requests", UriKind.Relative), Ct);

        Assert.Equal(await db.Requests.CountAsync(r => r.AgencyId == agencyId, Ct), Total(html));
        Assert.True(await db.Requests.CountAsync(r => r.AgencyId != agencyId, Ct) > 0, "other agencies have requests too");
    }

    private static async Task AssertCountsMatchAsync(AppDbContext db)
    {
        var counted = (await db.Requests.AsNoTracking().GroupBy(r => new { r.AgencyId, r.Type, r.Status })
                .Select(g => new { g.Key.AgencyId, g.Key.Type, g.Key.Status, Count = g.Count() }).ToListAsync(Ct))
            .Select(c => (c.AgencyId, c.Type, c.Status, c.Count)).Order().ToList();
        var kept = (await db.RequestCounts.Where(c => c.Count != 0).ToListAsync(Ct))
            .Select(c => (c.AgencyId, c.Type, c.Status, c.Count)).Order().ToList();
        Assert.NotEmpty(counted);
        Assert.Equal(counted, kept);
    }

    /// <summary>The list's filters, written here independently of the page, on the requests themselves.</summary>
    private static IQueryable<Request> QueryOf(IQueryable<Request> requests, string url)
    {
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + url).Query);
        if (values.TryGetValue("type", out var type))
        {
            var t = Enum.Parse<RequestType>(type!);
            requests = requests.Where(r => r.Type == t);
        }

        if (values.TryGetValue("status", out var status))
        {
            var s = Enum.Parse<RequestStatus>(status!);
            requests = requests.Where(r => r.Status == s);
        }

        if (values.TryGetValue("state", out var state))
        {
            var closed = new[] { RequestStatus.Rejected, RequestStatus.RejectedByCa, RequestStatus.Completed, RequestStatus.Cancelled };
            requests = state == "open" ? requests.Where(r => !closed.Contains(r.Status)) : requests.Where(r => closed.Contains(r.Status));
        }

        if (values.TryGetValue("agency", out var agency))
        {
            var a = int.Parse(agency!, CultureInfo.InvariantCulture);
            requests = requests.Where(r => r.AgencyId == a);
        }

        return requests;
    }

    private static int Total(string html)
    {
        var match = PagerTotal().Match(html);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"trên tổng số (\d+)")]
    private static partial Regex PagerTotal();

    [GeneratedRegex(@"data-testid=""overdue-count"">Quá hạn: (\d+)")]
    private static partial Regex OverdueCount();
}
