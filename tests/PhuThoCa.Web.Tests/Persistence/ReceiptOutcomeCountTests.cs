using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Pages.Requests;
using PhuThoCa.Web.Tests.Pages.Requests;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>
/// The counters of first receipts by month and outcome (ADR 0035): the triggers keep both tables equal to a count of the
/// register after every kind of change, and the on-time statistics counted from them equal the statistics counted from
/// the requests themselves, for periods that start mid-month, end today or later, by type, by agency and for one agency.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public sealed class ReceiptOutcomeCountTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IReadOnlyList<RequestType> SoTypes => StatisticsModel.Types;

    [Fact]
    public async Task TheCounters_EqualACountOfTheRegister_AfterEveryKindOfChange()
    {
        var now = NowUtc(portal);
        var pending = await ReceivedAsync(portal, RequestType.Renew, now.AddDays(-2));
        var overdue = await ReceivedAsync(portal, RequestType.RecoverToken, now.AddDays(-9));
        var filed = await FiledWithTheCaAsync(portal, RequestType.ChangeInfo, now.AddDays(-6));
        var issue = await SubmittedAsync(portal, RequestType.Issue, submittedAtUtc: now.AddDays(-1));
        await ReceiveAsync(portal, issue.RequestId, now.AddHours(-20));

        await using var db = portal.CreateDbContext();
        var before = await AssertCountersMatchAsync(db);
        Assert.Contains(before, c => c.Type == RequestType.ChangeInfo && c.Resolution != ReceiptOutcomeCount.None);
        Assert.Contains(before, c => c.Type == RequestType.RecoverToken && c.Status == (int)RequestStatus.Received && c.HasDueDate);

        // Not something the portal does: a script's UPDATE and DELETE are counted by the same triggers. 17:30 UTC on the
        // last day of a month is already the next month in Vietnam; a cleared resolution makes a request unresolved again.
        var other = await db.Agencies.Where(a => a.Id != pending.AgencyId).Select(a => a.Id).FirstAsync(Ct);
        var received = await db.Requests.Where(r => r.Id == overdue.RequestId).Select(r => r.FirstReceivedAtUtc).SingleAsync(Ct);
        var resolved = await db.Requests.Where(r => r.Id == filed.RequestId).Select(r => new { r.ResolvedAtUtc, r.Resolution }).SingleAsync(Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET AgencyId = {other} WHERE Id = {pending.RequestId}", Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET FirstReceivedAtUtc = '2026-10-31 17:30:00' WHERE Id = {overdue.RequestId}", Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET ResolvedAtUtc = NULL, Resolution = NULL WHERE Id = {filed.RequestId}", Ct);
        await AssertCountersMatchAsync(db);
        // The step goes with its due date, as in the domain: the collection's other tests read the open steps' due dates.
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET DueDate = NULL, DueStep = NULL WHERE Id = {overdue.RequestId}", Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET Type = {(int)RequestType.Renew} WHERE Id = {issue.RequestId}", Ct);
        await DeleteByScriptAsync(db, pending.RequestId, Ct);
        await AssertCountersMatchAsync(db);

        // The milestones put back as the domain wrote them: the collection's RequestMilestoneTests derives them again
        // from the history and compares the whole register.
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET FirstReceivedAtUtc = {received} WHERE Id = {overdue.RequestId}", Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET Type = {(int)RequestType.Issue} WHERE Id = {issue.RequestId}", Ct);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE Requests SET ResolvedAtUtc = {resolved.ResolvedAtUtc}, Resolution = {(int?)resolved.Resolution} WHERE Id = {filed.RequestId}", Ct);
        await AssertCountersMatchAsync(db);
    }

    [Fact]
    public async Task TheStatisticsFromTheCounters_EqualThoseCountedFromTheRequests()
    {
        // Requests on both sides of the periods' mid-month starts and due dates: resolved, pending in time, overdue.
        var now = NowUtc(portal);
        var today = VietnamTime.ToDate(now);
        var arranged = await ReceivedAsync(portal, RequestType.Renew, now.AddDays(-20));
        await ReceivedAsync(portal, RequestType.RecoverToken, now.AddDays(-15));
        await ReceivedAsync(portal, RequestType.ChangeInfo, now.AddHours(-3));
        await FiledWithTheCaAsync(portal, RequestType.Renew, now.AddDays(-12));

        await using var db = portal.CreateDbContext();
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        (DateOnly From, DateOnly To)[] periods =
        [
            (new DateOnly(today.Year, 1, 1), today),
            (firstOfMonth, today),
            (today.AddDays(-17), today),
            (today.AddDays(-17), today.AddDays(40)),
            (today.AddMonths(-14), today.AddDays(3)),
            (today, today),
        ];
        var outcomesSeen = new HashSet<StepOutcome>();
        foreach (var (from, to) in periods)
        {
            foreach (var (types, agencyId, byAgency) in new (IReadOnlyList<RequestType>, int?, bool)[]
                     {
                         (SoTypes, null, false), (SoTypes, null, true), ([RequestType.Renew], null, false), (SoTypes, arranged.AgencyId, false),
                     })
            {
                var counted = await StatisticsModel.CountFromCountersAsync(db, from, to, today, types, agencyId, byAgency, Ct);
                var read = await StatisticsModel.CountFromRequestsAsync(db, from, to, today, currentStateHolds: true, types, agencyId, Ct);
                var perAgency = byAgency || agencyId != null;
                Assert.Equal(Totals(read, perAgency), Totals(counted, perAgency));
                outcomesSeen.UnionWith(counted.Select(o => o.Outcome));
            }
        }

        // The periods hold every outcome the current state can show, so each branch of the counting is exercised.
        Assert.Superset(new HashSet<StepOutcome> { StepOutcome.Early, StepOutcome.Pending, StepOutcome.PendingOverdue }, outcomesSeen);
        var mid = await StatisticsModel.CountFromCountersAsync(db, today.AddDays(-17), today, today, SoTypes, null, false, Ct);
        var month = await StatisticsModel.CountFromCountersAsync(db, firstOfMonth, today, today, SoTypes, null, false, Ct);
        Assert.True(mid.Sum(o => o.Count) < month.Sum(o => o.Count), "the days of the month before a mid-month start are taken away");
    }

    [Fact]
    public async Task AnAgencyScopedContext_SeesItsOwnAgencyCountersAndNoProvinceWideOnes()
    {
        var arranged = await ReceivedAsync(portal, RequestType.Renew, NowUtc(portal).AddDays(-1));
        await using var scoped = portal.CreateDbContext(new AgencyScope(arranged.AgencyId));

        var own = await scoped.AgencyReceiptOutcomeCounts.ToListAsync(Ct);
        Assert.NotEmpty(own);
        Assert.All(own, c => Assert.Equal(arranged.AgencyId, c.AgencyId));
        Assert.Empty(await scoped.ReceiptOutcomeCounts.ToListAsync(Ct));
    }

    private static List<(int AgencyId, RequestType Type, StepOutcome Outcome, int Count)> Totals(IEnumerable<StatisticsOutcome> outcomes, bool perAgency) =>
        [.. outcomes.GroupBy(o => (AgencyId: perAgency ? o.AgencyId : 0, o.Type, o.Outcome))
            .Select(g => (g.Key.AgencyId, g.Key.Type, g.Key.Outcome, Count: g.Sum(o => o.Count)))
            .Where(t => t.Count != 0).Order()];

    /// <summary>The register counted here by Vietnam month of first receipt, independently of the triggers, against both tables.</summary>
    private static async Task<List<AgencyReceiptOutcomeCount>> AssertCountersMatchAsync(AppDbContext db)
    {
        var rows = await db.Requests.AsNoTracking().IgnoreQueryFilters().Where(r => r.FirstReceivedAtUtc != null)
            .Select(r => new { r.FirstReceivedAtUtc, r.AgencyId, r.Type, r.ResolvedAtUtc, r.Resolution, r.Status, r.DueDate }).ToListAsync(Ct);
        var keys = rows.Select(r =>
        {
            var day = VietnamTime.ToDate(r.FirstReceivedAtUtc!.Value);
            var resolved = r.ResolvedAtUtc != null;
            return (Month: RequestMonthCount.MonthKey(day), r.AgencyId, r.Type, Resolution: resolved ? (int?)r.Resolution ?? 0 : 0,
                Status: resolved ? 0 : (int)r.Status, HasDueDate: !resolved && r.DueDate != null);
        }).ToList();
        var perAgency = keys.GroupBy(k => k).Select(g => (g.Key.Month, g.Key.AgencyId, g.Key.Type, g.Key.Resolution, g.Key.Status, g.Key.HasDueDate, g.Count()))
            .Order().ToList();
        var province = keys.GroupBy(k => (k.Month, k.Type, k.Resolution, k.Status, k.HasDueDate))
            .Select(g => (g.Key.Month, g.Key.Type, g.Key.Resolution, g.Key.Status, g.Key.HasDueDate, g.Count())).Order().ToList();

        var keptPerAgency = await db.AgencyReceiptOutcomeCounts.Where(c => c.Count != 0).ToListAsync(Ct);
        var keptProvince = await db.ReceiptOutcomeCounts.Where(c => c.Count != 0).ToListAsync(Ct);
        Assert.NotEmpty(perAgency);
        Assert.Equal(perAgency, keptPerAgency.Select(c => (c.Month, c.AgencyId, c.Type, c.Resolution, c.Status, c.HasDueDate, c.Count)).Order().ToList());
        Assert.Equal(province, keptProvince.Select(c => (c.Month, c.Type, c.Resolution, c.Status, c.HasDueDate, c.Count)).Order().ToList());
        return keptPerAgency;
    }
}
