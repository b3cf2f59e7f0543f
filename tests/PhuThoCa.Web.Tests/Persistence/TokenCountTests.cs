using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Pages.Requests;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>
/// The token counters (issue 15, migration TokenCounts): the triggers keep TokenCounts equal to a count of the register by
/// agency and status after the demo's inserts, a token registered and declared lost through the portal's pages, and a
/// script's update and delete; the tokens list's totals read them, agency-scoped.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public sealed class TokenCountTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCounts_EqualACountOfTheRegister_AfterEveryKindOfChange()
    {
        await AssertCountsMatchAsync();
        await using var db = portal.CreateDbContext();
        var agency = await db.Agencies.SingleAsync(a => a.Name == "UBND phường Việt Trì", Ct);
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        var serial = "DEM" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var created = await PortalFactory.PostFormAsync(client, "/Tokens/Create", new Dictionary<string, string>
        {
            ["Input.AgencyId"] = agency.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.SerialNumber"] = serial,
            ["Input.Model"] = "ePass2003",
        }, ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var token = await db.Tokens.AsNoTracking().SingleAsync(t => t.SerialNumber == serial, Ct);
        await AssertCountsMatchAsync();

        // The details page's status change: the row moves between two counters.
        var changed = await PortalFactory.PostFormAsync(client, $"/Tokens/Details/{token.Id}?handler=ChangeStatus", new Dictionary<string, string>
        {
            ["Input.Status"] = "Lost",
            ["Input.Reason"] = "Cán bộ báo mất khi đi công tác",
        }, formPageUrl: $"/Tokens/Details/{token.Id}", ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(TokenStatus.Lost, (await db.Tokens.AsNoTracking().SingleAsync(t => t.Id == token.Id, Ct)).Status);
        await AssertCountsMatchAsync();

        // Not something the portal does: a script's update and delete are counted by the same triggers.
        var other = await db.Agencies.Where(a => a.Id != token.AgencyId).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Tokens SET AgencyId = {other}, Notes = 'chuyển' WHERE Id = {token.Id}", Ct);
        await AssertCountsMatchAsync();
        await db.Database.ExecuteSqlAsync($"DELETE FROM TokenHandovers WHERE TokenId = {token.Id}", Ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM Tokens WHERE Id = {token.Id}", Ct);
        await AssertCountsMatchAsync();
    }

    [Fact]
    public async Task TheList_ShowsTheCountersTotals_WithinTheAgencyScope()
    {
        await using var db = portal.CreateDbContext();
        var agency = await db.Agencies.SingleAsync(a => a.Name == "UBND phường Việt Trì", Ct);
        var officer = await portal.CreateClientAsync("canbo.viettri", Ct);

        var list = TestHtml.Text(await officer.GetStringAsync(new Uri("/Tokens", UriKind.Relative), Ct));
        var own = await db.Tokens.AsNoTracking().Where(t => t.AgencyId == agency.Id).ToListAsync(Ct);
        var status = own.GroupBy(t => t.Status).OrderByDescending(g => g.Count()).First().Key;
        var filtered = TestHtml.Text(await officer.GetStringAsync(new Uri($"/Tokens?status={status}", UriKind.Relative), Ct));

        Assert.NotEmpty(own);
        Assert.Contains($"trên tổng số {own.Count}", list, StringComparison.Ordinal);
        Assert.Contains($"trên tổng số {own.Count(t => t.Status == status)}", filtered, StringComparison.Ordinal);
        Assert.True(own.Count < await db.Tokens.CountAsync(Ct), "the officer's totals are the own agency's, not the province's");
    }

    /// <summary>Compares the counters with the register counted here, both read in one transaction (one snapshot).</summary>
    private async Task AssertCountsMatchAsync()
    {
        await using var db = portal.CreateDbContext();
        await using var snapshot = await db.Database.BeginTransactionAsync(Ct);
        var counted = (await db.Tokens.AsNoTracking().Select(t => new { t.AgencyId, t.Status }).ToListAsync(Ct))
            .CountBy(t => (t.AgencyId, t.Status)).Select(g => (g.Key.AgencyId, g.Key.Status, g.Value)).Order().ToList();
        var kept = (await db.TokenCounts.Where(c => c.Count != 0).ToListAsync(Ct)).Select(c => (c.AgencyId, c.Status, c.Count)).Order().ToList();
        Assert.NotEmpty(counted);
        Assert.Equal(counted, kept);
    }
}
