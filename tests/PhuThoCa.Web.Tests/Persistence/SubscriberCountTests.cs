using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Tests.Pages.Requests;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>
/// The subscriber counters (issue 15, migration SubscriberCounts): the triggers keep SubscriberCounts equal to a count of the
/// register by agency, kind and use after the demo's inserts, a subscriber created and edited through the portal's pages,
/// and a script's updates and delete; the dashboard's tile and the subscribers list's totals read them, agency-scoped.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public sealed class SubscriberCountTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCounts_EqualACountOfTheRegister_AfterEveryKindOfChange()
    {
        await AssertCountsMatchAsync();
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        var name = "Nguyễn Thị Đếm " + Guid.NewGuid().ToString("N")[..6];
        var created = await PortalFactory.PostFormAsync(client, "/Subscribers/Create", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Person",
            ["Input.Name"] = name,
            ["Input.Position"] = "Chuyên viên",
            ["Input.NationalId"] = "025190" + Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture),
            ["Input.NationalIdIssuedOn"] = "15/03/2022",
            ["Input.DateOfBirth"] = "02/09/1990",
            ["Input.Email"] = "dem" + Guid.NewGuid().ToString("N")[..6] + "@viettri.phutho.gov.vn",
            ["Input.Phone"] = "0912345678",
        }, ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await using var db = portal.CreateDbContext();
        var subscriber = await db.Subscribers.AsNoTracking().SingleAsync(s => s.Name == name, Ct);
        await AssertCountsMatchAsync();

        // The edit page changes the kind: the row moves between two counters.
        var edited = await PortalFactory.PostFormAsync(client, $"/Subscribers/Edit/{subscriber.Id}", new Dictionary<string, string>
        {
            ["Input.AgencyId"] = subscriber.AgencyId.ToString(CultureInfo.InvariantCulture),
            ["Input.Kind"] = "DeviceServiceSoftware",
            ["Input.Name"] = "Máy chủ đếm " + name[^6..],
            ["Input.Email"] = subscriber.Email,
            ["Input.DeviceVersion"] = "HSM v2",
        }, ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(SubscriberKind.DeviceServiceSoftware, (await db.Subscribers.AsNoTracking().SingleAsync(s => s.Id == subscriber.Id, Ct)).Kind);
        await AssertCountsMatchAsync();

        // Not something the portal does: a script's updates and delete are counted by the same triggers.
        var other = await db.Agencies.Where(a => a.Id != subscriber.AgencyId).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Subscribers SET IsActive = 0 WHERE Id = {subscriber.Id}", Ct);
        await AssertCountsMatchAsync();
        await db.Database.ExecuteSqlAsync($"UPDATE Subscribers SET AgencyId = {other}, Phone = '0900000000' WHERE Id = {subscriber.Id}", Ct);
        await AssertCountsMatchAsync();
        await db.Database.ExecuteSqlAsync($"DELETE FROM Subscribers WHERE Id = {subscriber.Id}", Ct);
        await AssertCountsMatchAsync();
    }

    [Fact]
    public async Task TheDashboardAndTheList_ShowTheCountersTotals_WithinTheAgencyScope()
    {
        await using var db = portal.CreateDbContext();
        var agency = await db.Agencies.SingleAsync(a => a.Name == "UBND phường Việt Trì", Ct);
        var officer = await portal.CreateClientAsync("canbo.viettri", Ct);

        var dashboard = await officer.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var list = TestHtml.Text(await officer.GetStringAsync(new Uri("/Subscribers", UriKind.Relative), Ct));
        var people = TestHtml.Text(await officer.GetStringAsync(new Uri("/Subscribers?kind=Person", UriKind.Relative), Ct));

        var own = await db.Subscribers.AsNoTracking().Where(s => s.AgencyId == agency.Id).ToListAsync(Ct);
        Assert.Contains($"data-testid=\"active-subscribers\">{Format.Number(own.Count(s => s.IsActive))}<", dashboard, StringComparison.Ordinal);
        Assert.Contains($"trên tổng số {own.Count}", list, StringComparison.Ordinal);
        Assert.Contains($"trên tổng số {own.Count(s => s.Kind == SubscriberKind.Person)}", people, StringComparison.Ordinal);
        Assert.True(own.Count < await db.Subscribers.CountAsync(Ct), "the officer's totals are the own agency's, not the province's");
    }

    /// <summary>Compares the counters with the register counted here, both read in one transaction (one snapshot).</summary>
    private async Task AssertCountsMatchAsync()
    {
        await using var db = portal.CreateDbContext();
        await using var snapshot = await db.Database.BeginTransactionAsync(Ct);
        var counted = (await db.Subscribers.AsNoTracking().Select(s => new { s.AgencyId, s.Kind, s.IsActive }).ToListAsync(Ct))
            .CountBy(s => (s.AgencyId, s.Kind, s.IsActive)).Select(g => (g.Key.AgencyId, g.Key.Kind, g.Key.IsActive, g.Value)).Order().ToList();
        var kept = (await db.SubscriberCounts.Where(c => c.Count != 0).ToListAsync(Ct))
            .Select(c => (c.AgencyId, c.Kind, c.IsActive, c.Count)).Order().ToList();
        Assert.NotEmpty(counted);
        Assert.Equal(counted, kept);
    }
}
