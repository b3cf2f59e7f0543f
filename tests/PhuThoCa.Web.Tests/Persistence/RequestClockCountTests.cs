using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Pages.Dashboard;
using PhuThoCa.Web.Pages.Requests;
using PhuThoCa.Web.Tests.Pages.Requests;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>
/// The maintained clock counts (ADR 0034): the triggers keep RequestClockCounts equal to a count of the register's running
/// clocks after every kind of change, and Sở's work-queue counts computed from them (overdue, late to receive, the Cục
/// beyond its expected time) equal a count of the rows each condition selects, on days before, at and after the due dates.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public sealed class RequestClockCountTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheClockCounts_EqualACountOfTheRegister_AfterEveryKindOfChange()
    {
        var now = NowUtc(portal);
        var waiting = await SubmittedAsync(portal, RequestType.Renew, submittedAtUtc: now.AddDays(-9));
        var overdue = await ReceivedAsync(RequestType.RecoverToken, daysAgo: 8);
        var filed = await FiledWithTheCaAsync(RequestType.ChangeInfo, daysAgo: 3);
        var issue = await SubmittedAsync(portal, RequestType.Issue);
        await ReceiveAsync(portal, issue.RequestId, now.AddMinutes(-10));

        await using var db = portal.CreateDbContext();
        var before = await AssertCountsMatchAsync(db);
        Assert.Contains(before, c => c.Status == RequestStatus.Submitted && c.Clock == RequestClockCount.WaitingForReceipt);
        Assert.Contains(before, c => c.Status == RequestStatus.Received && c.Clock == RequestClockCount.Of(DeadlineStep.RecoverToken));
        Assert.Contains(before, c => c.Status == RequestStatus.AwaitingCaResult && c.Clock == RequestClockCount.Of(DeadlineStep.CaRenewOrChange));

        // Not something the portal does: a script's UPDATE and DELETE are counted by the same triggers. A moved due date
        // (as the calendar moves it) leaves the counts as they were; a cleared one stops the clock.
        var other = await db.Agencies.Where(a => a.Id != waiting.AgencyId).Select(a => a.Id).FirstAsync(Ct);
        var filedDue = await db.Requests.Where(r => r.Id == filed.RequestId).Select(r => new { r.DueDate, r.DueStep }).SingleAsync(Ct);
        var sentAt = await db.Requests.Where(r => r.Id == waiting.RequestId).Select(r => r.SubmittedAtUtc).SingleAsync(Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET AgencyId = {other} WHERE Id = {waiting.RequestId}", Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET DueDate = date(DueDate, '+1 day') WHERE Id = {overdue.RequestId}", Ct);
        await AssertCountsMatchAsync(db);
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET DueDate = NULL WHERE Id = {filed.RequestId}", Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET SubmittedAtUtc = NULL WHERE Id = {waiting.RequestId}", Ct);
        await DeleteByScriptAsync(db, overdue.RequestId, Ct);
        await AssertCountsMatchAsync(db);

        // Put back as the domain wrote them: the collection's other tests read the register these requests stay in.
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET AgencyId = {waiting.AgencyId}, SubmittedAtUtc = {sentAt} WHERE Id = {waiting.RequestId}", Ct);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE Requests SET DueDate = {filedDue.DueDate}, DueStep = {(int?)filedDue.DueStep} WHERE Id = {filed.RequestId}", Ct);
        await AssertCountsMatchAsync(db);
    }

    [Fact]
    public async Task TheWorkQueueCounts_EqualACountOfTheRowsTheyStandFor_BeforeAtAndAfterTheDueDates()
    {
        var now = NowUtc(portal);
        await SubmittedAsync(portal, RequestType.Renew, submittedAtUtc: now.AddDays(-6));
        await ReceivedAsync(RequestType.RecoverToken, daysAgo: 7);
        await FiledWithTheCaAsync(RequestType.Renew, daysAgo: 2);

        await using var db = portal.CreateDbContext();
        var deadlines = await DeadlinesAsync(portal, db);
        var today = VietnamTime.ToDate(now);
        var seen = new HashSet<(int Overdue, int Late, int Ca)>();
        foreach (var day in new[] { -30, -8, -3, -1, 0, 1, 5, 30 }.Select(today.AddDays))
        {
            var overdue = await db.ScalarAsync(InboxModel.OverdueForScienceDepartmentCount(db, day), Ct);
            var cutoff = ReceiptWait.LateIfSentBefore(deadlines, day);
            var late = await db.ScalarAsync(InboxModel.LateToReceiveCount(db, cutoff), Ct);
            var ca = await db.ScalarAsync(Dashboards.CaBeyondExpectationCount(db, day), Ct);

            Assert.Equal(await db.Requests.CountAsync(InboxModel.IsOverdueForScienceDepartment(day), Ct), overdue);
            Assert.Equal(await db.Requests.CountAsync(InboxModel.IsLateToReceive(cutoff), Ct), late);
            Assert.Equal(await db.Requests.CountAsync(Dashboards.IsCaBeyondExpectation(day), Ct), ca);
            seen.Add((overdue, late, ca));
        }

        foreach (var cutoff in new[] { DateTime.MinValue, DateTime.MaxValue })
        {
            Assert.Equal(await db.Requests.CountAsync(InboxModel.IsLateToReceive(cutoff), Ct), await db.ScalarAsync(InboxModel.LateToReceiveCount(db, cutoff), Ct));
        }

        // The days cross the arranged requests' limits, so the counts differ between them: the subtraction is exercised,
        // not a total that is always zero.
        Assert.True(seen.Select(s => s.Overdue).Distinct().Count() > 1, "the overdue count changes across the days");
        Assert.True(seen.Select(s => s.Late).Distinct().Count() > 1, "the late count changes across the days");
        Assert.True(seen.Select(s => s.Ca).Distinct().Count() > 1, "the Cục's count changes across the days");
    }

    [Fact]
    public async Task AnAgencyScopedContext_CountsItsOwnClocksOnly()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Renew, submittedAtUtc: NowUtc(portal).AddDays(-5));
        await using var scoped = portal.CreateDbContext(new AgencyScope(arranged.AgencyId));
        var counts = await scoped.RequestClockCounts.ToListAsync(Ct);
        Assert.NotEmpty(counts);
        Assert.All(counts, c => Assert.Equal(arranged.AgencyId, c.AgencyId));
    }

    /// <summary>Sent <paramref name="daysAgo"/> days ago and received an hour later: Sở's step runs.</summary>
    private Task<Arranged> ReceivedAsync(RequestType type, int daysAgo) =>
        WorkflowArrange.ReceivedAsync(portal, type, NowUtc(portal).AddDays(-daysAgo).AddHours(1));

    /// <summary>As <see cref="ReceivedAsync"/>, then accepted and filed with the Cục within the hours after: the Cục's step runs.</summary>
    private Task<Arranged> FiledWithTheCaAsync(RequestType type, int daysAgo) =>
        WorkflowArrange.FiledWithTheCaAsync(portal, type, NowUtc(portal).AddDays(-daysAgo).AddHours(1));

    /// <summary>The register's running clocks counted here, independently of the triggers, compared with the kept counts.</summary>
    private static async Task<List<RequestClockCount>> AssertCountsMatchAsync(AppDbContext db)
    {
        var rows = await db.Requests.AsNoTracking().IgnoreQueryFilters()
            .Select(r => new { r.AgencyId, r.Status, r.DueStep, r.DueDate, r.SubmittedAtUtc }).ToListAsync(Ct);
        var counted = rows
            .Select(r => (r.AgencyId, r.Status, Clock: r.DueStep is { } step && r.DueDate != null ? (int)step
                : r.Status == RequestStatus.Submitted && r.DueDate == null && r.SubmittedAtUtc != null ? 0 : (int?)null))
            .Where(r => r.Clock != null)
            .GroupBy(r => (r.AgencyId, r.Status, Clock: r.Clock!.Value))
            .Select(g => (g.Key.AgencyId, g.Key.Status, g.Key.Clock, Count: g.Count()))
            .Order().ToList();
        var kept = await db.RequestClockCounts.Where(c => c.Count != 0).ToListAsync(Ct);
        Assert.NotEmpty(counted);
        Assert.Equal(counted, kept.Select(c => (c.AgencyId, c.Status, c.Clock, c.Count)).Order().ToList());
        return kept;
    }
}
