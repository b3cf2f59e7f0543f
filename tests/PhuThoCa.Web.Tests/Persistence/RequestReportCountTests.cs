using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Calendar;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Infrastructure.Reports;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Requests.CaPortal;
using PhuThoCa.Web.Requests.Filing;
using PhuThoCa.Web.Tests.Pages.Requests;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>
/// The counts of the report's requests section (ADR 0037): the triggers keep them equal to a count of the register after
/// the workflow's moves and a script's changes, and the report of a calendar period that reaches today or of whole months
/// that ended, counted from them, equals the report counted from the requests' rows, province-wide, for one agency and in an agency-scoped context,
/// including the Cục's answers recorded without their working days.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public sealed class RequestReportCountTests(PortalFactory portal)
{
    private const string Staff = "chuyenvien.skhcn";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCounters_EqualACountOfTheRegister_AfterEveryKindOfChange()
    {
        var now = NowUtc(portal);
        var rejected = await ReceivedAsync(portal, RequestType.Issue, now.AddDays(-6));
        await PerformAsync<RecordCaRejection, CaRejectionInput>(portal, rejected.RequestId, new CaRejectionInput { Reason = "Hồ sơ thiếu thông tin" },
            Staff, now.AddDays(-2));
        var filed = await FiledWithTheCaAsync(portal, RequestType.Renew, now.AddDays(-3));
        var withdrawn = await ReceivedAsync(portal, RequestType.ChangeInfo, now.AddDays(-4));
        await PerformAsync<CancelRequest, CancelInput>(portal, withdrawn.RequestId, new CancelInput { Reason = "Cơ quan rút hồ sơ để lập lại" },
            "canbo.syte", now.AddDays(-1));
        var pending = await ReceivedAsync(portal, RequestType.RecoverToken, now.AddHours(-5));

        await using var db = portal.CreateDbContext();
        var kept = await AssertCountersMatchAsync(db);
        Assert.Contains(kept, c => c.Measure == RequestReportCount.CaAnswered && c.Type == RequestType.Issue && c.Value >= 0);
        Assert.Contains(kept, c => c.Measure == RequestReportCount.Closed && c.Status == (int)RequestStatus.Cancelled && c.Value == 1);
        Assert.Contains(kept, c => c.Measure == RequestReportCount.Open && c.Type == RequestType.Renew
            && c.Status == (int)RequestStatus.AwaitingCaResult && (c.Value & RequestReportCount.OpenCaStarted) != 0);
        var answer = await db.Requests.Where(r => r.Id == rejected.RequestId).Select(r => new { r.CaWorkingDays, r.ClosedAtUtc }).SingleAsync(Ct);
        var deadlines = await DeadlinesAsync(portal, db);
        Assert.Equal(deadlines.WorkingDaysBetween(VietnamTime.ToDate(now.AddDays(-6)), VietnamTime.ToDate(now.AddDays(-2))), answer.CaWorkingDays);

        // Not something the portal does: a script's UPDATE and DELETE are counted by the same triggers. 17:30 UTC on the
        // last day of a month is already the next month in Vietnam.
        var other = await db.Agencies.Where(a => a.Id != pending.AgencyId).Select(a => a.Id).FirstAsync(Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET AgencyId = {other} WHERE Id = {pending.RequestId}", Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET CaWorkingDays = NULL, ClosedAtUtc = '2026-10-31 17:30:00' WHERE Id = {rejected.RequestId}", Ct);
        await AssertCountersMatchAsync(db);
        await DeleteByScriptAsync(db, pending.RequestId, Ct);
        await AssertCountersMatchAsync(db);

        // Put back as the domain wrote it: the collection's other tests read the register.
        await db.Database.ExecuteSqlAsync(
            $"UPDATE Requests SET CaWorkingDays = {answer.CaWorkingDays}, ClosedAtUtc = {answer.ClosedAtUtc} WHERE Id = {rejected.RequestId}", Ct);
        await AssertCountersMatchAsync(db);
        Assert.NotEqual(0, filed.RequestId);
    }

    [Fact]
    public async Task TheReportFromTheCounters_EqualsTheReportCountedFromTheRequests()
    {
        // Every measure in the periods: received, resolved, answered by the Cục (one answer without its working days, as
        // answers recorded before the counters have), waiting on the Cục, withdrawn, pending in time and overdue.
        var now = NowUtc(portal);
        var today = VietnamTime.ToDate(now);
        var answered = await ReceivedAsync(portal, RequestType.Issue, now.AddDays(-40));
        await PerformAsync<RecordCaRejection, CaRejectionInput>(portal, answered.RequestId, new CaRejectionInput { Reason = "Hồ sơ thiếu thông tin" },
            Staff, now.AddDays(-33));
        var unknownDays = await ReceivedAsync(portal, RequestType.Issue, now.AddDays(-8));
        await PerformAsync<RecordCaRejection, CaRejectionInput>(portal, unknownDays.RequestId, new CaRejectionInput { Reason = "Sai thông tin" },
            Staff, now.AddDays(-1));
        await FiledWithTheCaAsync(portal, RequestType.Renew, now.AddDays(-12));
        var withdrawn = await ReceivedAsync(portal, RequestType.ChangeInfo, now.AddDays(-5));
        await PerformAsync<CancelRequest, CancelInput>(portal, withdrawn.RequestId, new CancelInput { Reason = "Cơ quan rút hồ sơ để lập lại" },
            "canbo.syte", now.AddDays(-4));
        await ReceivedAsync(portal, RequestType.Renew, now.AddDays(-15));
        await ReceivedAsync(portal, RequestType.RecoverToken, now.AddHours(-2));
        // Open at the end of October, which ended: a renewal then overdue and still open, a recovery received on its last
        // working day (in time then), a renewal filed with the Cục and still waiting, a change withdrawn in November.
        await ReceivedAsync(portal, RequestType.Renew, now.AddDays(-35));
        // Carried over into October and the quarter before it: received in August, never resolved.
        await ReceivedAsync(portal, RequestType.Renew, now.AddDays(-100));
        await ReceivedAsync(portal, RequestType.RecoverToken, now.AddDays(-27));
        await FiledWithTheCaAsync(portal, RequestType.Renew, now.AddDays(-38));
        var withdrawnLater = await ReceivedAsync(portal, RequestType.ChangeInfo, now.AddDays(-37));
        await PerformAsync<CancelRequest, CancelInput>(portal, withdrawnLater.RequestId, new CancelInput { Reason = "Cơ quan rút hồ sơ để lập lại" },
            "canbo.syte", now.AddDays(-20));

        await using var db = portal.CreateDbContext();
        var days = await db.Requests.Where(r => r.Id == unknownDays.RequestId).Select(r => r.CaWorkingDays).SingleAsync(Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET CaWorkingDays = NULL WHERE Id = {unknownDays.RequestId}", Ct);
        try
        {
            ReportPeriod[] periods =
            [
                ReportPeriod.Calendar(ReportPeriodKind.Year, today.Year, 1),
                ReportPeriod.Calendar(ReportPeriodKind.HalfYear, today.Year, today.Month <= 6 ? 1 : 2),
                ReportPeriod.Calendar(ReportPeriodKind.Quarter, today.Year, ((today.Month - 1) / 3) + 1),
                ReportPeriod.Calendar(ReportPeriodKind.Month, today.Year, today.Month),
                ReportPeriod.Range(new DateOnly(today.Year, today.Month, 1).AddMonths(-2), today.AddDays(20)),
                // Last year whole (its year's cells) and this year's months.
                ReportPeriod.Range(new DateOnly(today.Year - 1, 1, 1), today),
                // Last year's last months (their months' cells) and this year.
                ReportPeriod.Range(new DateOnly(today.Year - 1, 11, 1), today),
            ];
            // Periods that ended: their requests open at the end are taken back from those open now.
            ReportPeriod[] ended =
            [
                ReportPeriod.Calendar(ReportPeriodKind.Month, today.Year, today.Month - 1),
                ReportPeriod.Calendar(ReportPeriodKind.Quarter, today.Year, ((today.Month - 1) / 3)),
                ReportPeriod.Calendar(ReportPeriodKind.Year, today.Year - 1, 1),
                ReportPeriod.Range(new DateOnly(today.Year, today.Month, 1).AddMonths(-3), new DateOnly(today.Year, today.Month, 1).AddDays(-1)),
                // Ends mid-month: counted from the rows both ways.
                ReportPeriod.Range(new DateOnly(today.Year, today.Month, 1).AddMonths(-1), today.AddDays(-10)),
            ];
            var seen = new RequestFigures();
            var seenEnded = new RequestFigures();
            foreach (var period in periods.Concat(ended))
            {
                foreach (var agencyId in new int?[] { null, answered.AgencyId })
                {
                    var (counted, read) = await BothAsync(db, period, agencyId, today);
                    Assert.Equal(read, counted);
                }

                var (report, _) = await RunAsync(db, period, null, today);
                (ended.Contains(period) ? seenEnded : seen).Add(report.Total.Requests);
            }

            Assert.True(seen is { Received: > 0, CarriedOver: > 0, Early: > 0, Pending: > 0, PendingOverdue: > 0, Cancelled: > 0, CaFinished: > 0, CaWaitingAtEnd: > 0 },
                "the periods hold every measure the counters keep");
            Assert.True(seenEnded is { Received: > 0, CarriedOver: > 0, Completed: > 0, RejectedByCa: > 0, OpenAtEnd: > 0, Pending: > 0, PendingOverdue: > 0, CaFinished: > 0, CaWaitingAtEnd: > 0 },
                "the ended periods hold requests open, pending, overdue and waiting on the Cục at their end: " + JsonSerializer.Serialize(seenEnded));

            // An agency-scoped context reads its own agency's counters only, and counts as its rows do.
            await using var scoped = portal.CreateDbContext(new AgencyScope(answered.AgencyId));
            Assert.All(await scoped.RequestReportCounts.ToListAsync(Ct), c => Assert.Equal(answered.AgencyId, c.AgencyId));
            var (scopedCounted, scopedRead) = await BothAsync(scoped, periods[0], null, today);
            Assert.Equal(scopedRead, scopedCounted);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Requests SET CaWorkingDays = {days} WHERE Id = {unknownDays.RequestId}", Ct);
        }
    }

    [Theory]
    [InlineData("2026-01-01", "2026-12-31", new[] { 202600 })]
    [InlineData("2026-01-01", "2026-11-30", new[] { 202601, 202602, 202603, 202604, 202605, 202606, 202607, 202608, 202609, 202610, 202611 })]
    [InlineData("2026-10-01", "2026-12-31", new[] { 202610, 202611, 202612 })]
    [InlineData("2024-11-01", "2026-02-15", new[] { 202411, 202412, 202500, 202601, 202602 })]
    [InlineData("2025-01-01", "2026-12-07", new[] { 202500, 202600 })]
    [InlineData("2026-12-01", "2026-12-07", new[] { 202612 })]
    public void ThePeriodsKeys_AreItsWholeYearsAndItsOtherMonths(string from, string to, int[] keys) =>
        Assert.Equal(keys, RequestReportCount.PeriodKeys(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture)));

    /// <summary>The requests section counted both ways, each as JSON: per type, then per agency.</summary>
    private async Task<(string Counted, string Read)> BothAsync(AppDbContext db, ReportPeriod period, int? agencyId, DateOnly today)
    {
        var (counted, _) = await RunAsync(db, period, agencyId, today);
        var (read, _) = await RunAsync(db, period, agencyId, today, useCounters: false);
        return (Requests(counted), Requests(read));
    }

    private async Task<(ProvinceReport Report, ProvinceReportQuery Query)> RunAsync(AppDbContext db, ReportPeriod period, int? agencyId, DateOnly today,
        bool useCounters = true)
    {
        var query = new ProvinceReportQuery(db, portal.Services.GetRequiredService<CalendarProvider>(),
            portal.Services.GetRequiredService<RequestDeadlineSettings>())
        { UseCounters = useCounters };
        return (await query.RunAsync(period, agencyId, today, Ct), query);
    }

    private static string Requests(ProvinceReport report) =>
        JsonSerializer.Serialize(new
        {
            ByType = report.RequestsByType.Select(t => new { t.Type, t.Figures }),
            ByAgency = report.Agencies.Select(a => new { a.AgencyId, a.Requests }),
            Total = report.Total.Requests,
        });

    /// <summary>The register counted here, measure by measure, independently of the triggers.</summary>
    private static async Task<List<RequestReportCount>> AssertCountersMatchAsync(AppDbContext db)
    {
        static int Month(DateTime utc) => RequestMonthCount.MonthKey(VietnamTime.ToDate(utc));

        var rows = await db.Requests.AsNoTracking().IgnoreQueryFilters().Where(r => r.FirstReceivedAtUtc != null)
            .Select(r => new
            {
                r.FirstReceivedAtUtc,
                r.AgencyId,
                r.Type,
                r.Status,
                r.ClosedAtUtc,
                r.ResolvedAtUtc,
                r.Resolution,
                r.DueDate,
                r.CaWaitStartedAtUtc,
                r.CaAnsweredAtUtc,
                r.CaWorkingDays,
            })
            .ToListAsync(Ct);
        var keys = new List<(int Measure, int Month, int AgencyId, RequestType Type, int Status, int Value)>();
        foreach (var r in rows)
        {
            keys.Add((RequestReportCount.Received, Month(r.FirstReceivedAtUtc!.Value), r.AgencyId, r.Type, 0, 0));
            if (r.ClosedAtUtc is { } closed)
            {
                keys.Add((RequestReportCount.Closed, Month(closed), r.AgencyId, r.Type, (int)r.Status, r.ResolvedAtUtc == null ? 1 : 0));
            }
            else
            {
                var bits = (r.ResolvedAtUtc == null ? RequestReportCount.OpenUnresolved : 0) + (r.DueDate != null ? RequestReportCount.OpenHasDueDate : 0)
                    + (r.CaWaitStartedAtUtc != null ? RequestReportCount.OpenCaStarted : 0);
                keys.Add((RequestReportCount.Open, r is { Status: RequestStatus.AwaitingCaResult, CaAnsweredAtUtc: { } a } ? Month(a) : 0, r.AgencyId, r.Type, (int)r.Status, bits));
            }

            if (r.ResolvedAtUtc is { } resolved)
            {
                keys.Add((RequestReportCount.Resolved, Month(resolved), r.AgencyId, r.Type, 0, (int?)r.Resolution ?? 0));
            }

            if (r is { CaAnsweredAtUtc: { } answered, CaWaitStartedAtUtc: not null })
            {
                keys.Add((RequestReportCount.CaAnswered, Month(answered), r.AgencyId, r.Type, 0, r.CaWorkingDays ?? RequestReportCount.UnknownDays));
            }
        }

        // The four event measures are kept under their year's key as well (yyyy00).
        keys.AddRange(keys.Where(k => k.Measure != RequestReportCount.Open).ToList()
            .Select(k => k with { Month = RequestReportCount.YearKey(k.Month / 100) }));
        var expected = keys.CountBy(k => k).Select(g => (g.Key.Measure, g.Key.Month, g.Key.AgencyId, g.Key.Type, g.Key.Status, g.Key.Value, g.Value))
            .Order().ToList();
        var kept = await db.RequestReportCounts.IgnoreQueryFilters().Where(c => c.Count != 0).ToListAsync(Ct);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, kept.Select(c => (c.Measure, c.Month, c.AgencyId, c.Type, c.Status, c.Value, c.Count)).Order().ToList());
        return kept;
    }
}
