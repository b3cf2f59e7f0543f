using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Mail;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Requests;

namespace PhuThoCa.Web.Pages.Dashboard;

/// <summary>
/// The figures of the landing pages (issue 12 item 4): an agency officer's own work first, Sở's work queue and trends.
/// Every query runs through the DbContext's agency filter, so an officer only ever counts the own agency. Projections
/// only (ids, dates, types): no entity with its history is loaded.
/// </summary>
public sealed class Dashboards(AppDbContext db, RequestServices services, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>Statuses in which the agency waits for Sở or the Cục (its request is "in progress").</summary>
    private static readonly RequestStatus[] InProgress =
    [
        RequestStatus.Submitted, RequestStatus.Received, RequestStatus.Accepted, RequestStatus.AwaitingCaResult,
        RequestStatus.ResultReceived, RequestStatus.AwaitingTokenReturn,
    ];

    private static readonly DeadlineStep[] CaSteps = [DeadlineStep.CaIssue, DeadlineStep.CaRevoke, DeadlineStep.CaRenewOrChange];

    public async Task<AgencyWork> AgencyWorkAsync(DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var deadlines = await services.DeadlinesAsync(ct);
        var open = await db.Requests.AsNoTracking()
            .Where(r => r.Status == RequestStatus.ReturnedForSupplement || r.Status == RequestStatus.Draft || InProgress.Contains(r.Status))
            .Select(r => new
            {
                r.Id,
                r.ReceiptNumber,
                r.Type,
                r.Status,
                r.DueDate,
                r.DueStep,
                r.CreatedAtUtc,
                r.SubmittedAtUtc,
                FirstSubscriber = r.Lines.OrderBy(l => l.Id).Select(l => l.SubscriberName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = open.Select(r => new RequestItem(r.Id, r.ReceiptNumber, r.Type, r.Status, r.FirstSubscriber,
            DeadlineView.For(r.DueDate, r.DueStep, today, deadlines))).ToList();

        var valid = db.Certificates.AsNoTracking().Where(c => c.Status == CertificateStatus.Valid && c.NotAfterUtc > nowUtc);
        var in90 = nowUtc.AddDays(90);
        var expiring = await valid.Where(c => c.NotAfterUtc <= in90)
            .OrderBy(c => c.NotAfterUtc)
            .Select(c => new ExpiringCertificate(c.Id, c.SerialNumber, c.Subscriber!.Name, c.NotAfterUtc))
            .ToListAsync(ct);
        var locked = await db.Tokens.AsNoTracking().Where(t => t.Status == TokenStatus.Locked)
            .OrderBy(t => t.SerialNumber)
            .Select(t => new LockedToken(t.Id, t.SerialNumber, t.CustodianName))
            .ToListAsync(ct);

        // Reports due to Sở (QĐ-PT Điều 9.6): rounds whose report this agency has not sent (the filter keeps its own reports).
        var sentRounds = db.AgencyReports.AsNoTracking().Where(r => r.Status != AgencyReportStatus.Draft).Select(r => r.RoundId);
        var reportsDue = await db.ReportingRounds.AsNoTracking().Where(r => !sentRounds.Contains(r.Id))
            .OrderBy(r => r.Deadline).ThenBy(r => r.Id).ToListAsync(ct);

        return new AgencyWork
        {
            ReportsDue = reportsDue,
            Returned = [.. items.Where(i => i.Status == RequestStatus.ReturnedForSupplement).OrderBy(i => i.Id)],
            Drafts = [.. items.Where(i => i.Status == RequestStatus.Draft).OrderByDescending(i => i.Id)],
            InProgress = [.. items.Where(i => InProgress.Contains(i.Status))
                .OrderBy(i => i.Deadline?.DueDate ?? DateOnly.MaxValue).ThenBy(i => i.Id)],
            Expiring = expiring,
            LockedTokens = locked,
            Today = today,
        };
    }

    public async Task<ScienceDepartmentWork> ScienceDepartmentWorkAsync(DateOnly today, CancellationToken ct)
    {
        var deadlines = await services.DeadlinesAsync(ct);
        // Counted by the database as the inbox counts them (late: sent before the day's cutoff), not by reading every sent request.
        var lateIfSentBefore = ReceiptWait.LateIfSentBefore(deadlines, today);
        return new ScienceDepartmentWork
        {
            Overdue = await InboxModel.OverdueForScienceDepartment(db, today).CountAsync(ct),
            DueToday = await db.Requests.CountAsync(InboxModel.IsDueTodayForScienceDepartment(today), ct),
            WaitingForReceipt = await db.Requests.CountAsync(r => r.Status == RequestStatus.Submitted, ct),
            LateToReceive = await db.Requests.CountAsync(InboxModel.IsLateToReceive(lateIfSentBefore), ct),
            CaBeyondExpectation = await db.Requests.CountAsync(r => r.Status == RequestStatus.AwaitingCaResult && r.DueDate < today
                && r.DueStep != null && CaSteps.Contains(r.DueStep.Value), ct),
            FailedMail = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Uncertain, ct),
        };
    }

    /// <summary>The trend charts of Sở's landing page over the 12 months up to <paramref name="today"/>'s month.</summary>
    public async Task<Trends> TrendsAsync(DateOnly today, CancellationToken ct)
    {
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var months = Enumerable.Range(0, 12).Select(firstMonth.AddMonths).ToList();
        var fromUtc = VietnamTime.FromLocal(firstMonth.ToDateTime(TimeOnly.MinValue));

        // The request series read every receipt, completion and resolution of 12 months (about 0.5 s at 100k requests): they
        // are kept on this node until a request changes here, the day changes, or RequestTrendsCacheMinutes pass (another
        // node's change), and the page says when they were counted. The certificate series below is read on every view.
        var hours = VietnamTime.Offset.TotalHours;
        var (received, completed, resolved, countedAtUtc) = (await cache.GetOrCreateAsync(("request-trends", today, ChangeVersions.Requests), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(RequestTrendsCacheMinutes);
            entry.Size = 1;
            return await RequestSeriesAsync(fromUtc, hours, ct);
        }))!;

        var nowMonth = new DateOnly(today.Year, today.Month, 1);
        var expiryFromUtc = VietnamTime.FromLocal(nowMonth.ToDateTime(TimeOnly.MinValue));
        var expiryToUtc = VietnamTime.FromLocal(nowMonth.AddMonths(12).ToDateTime(TimeOnly.MinValue));
        var expiries = await db.Certificates.AsNoTracking()
            .Where(c => c.Status == CertificateStatus.Valid && c.NotAfterUtc >= expiryFromUtc && c.NotAfterUtc < expiryToUtc)
            .Select(c => c.NotAfterUtc.AddHours(hours))
            .GroupBy(local => new { local.Year, local.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);

        static DateOnly MonthOf(DateTime utc)
        {
            var day = VietnamTime.ToDate(utc);
            return new DateOnly(day.Year, day.Month, 1);
        }

        static IReadOnlyList<int> PerMonth(IEnumerable<MonthCount> counts, RequestType type, List<DateOnly> months) =>
            [.. months.Select(m => counts.Where(c => c.Type == type && c.Year == m.Year && c.Month == m.Month).Sum(c => c.Count))];

        var timings = resolved.Select(r => (Month: MonthOf(r.AtUtc),
            Timing: ScienceDepartmentResolution.Timing(VietnamTime.ToDate(r.AtUtc), r.Due))).ToList();
        return new Trends
        {
            CountedAtUtc = countedAtUtc,
            Months = [.. months.Select(MonthLabel)],
            Types = [.. RequestTypes.All],
            ReceivedByType = RequestTypes.All.ToDictionary(t => t, t => PerMonth(received, t, months)),
            CompletedByType = RequestTypes.All.ToDictionary(t => t, t => PerMonth(completed, t, months)),
            Resolved = [.. months.Select(m => timings.Count(x => x.Month == m))],
            ResolvedOnTime = [.. months.Select(m => timings.Count(x => x.Month == m && ScienceDepartmentResolution.IsOnTime(x.Timing)))],
            ExpiryMonths = [.. Enumerable.Range(0, 12).Select(i => MonthLabel(nowMonth.AddMonths(i)))],
            Expiring = [.. Enumerable.Range(0, 12).Select(i => nowMonth.AddMonths(i))
                .Select(m => expiries.Where(e => e.Year == m.Year && e.Month == m.Month).Sum(e => e.Count))],
        };
    }

    /// <summary>How long a node keeps the request series of the trend charts without a change of its own (see TrendsAsync).</summary>
    public const int RequestTrendsCacheMinutes = 5;

    private sealed record RequestSeries(List<MonthCount> Received, List<MonthCount> Completed, List<(DateTime AtUtc, DateOnly? Due)> Resolved,
        DateTime CountedAtUtc);

    private async Task<RequestSeries> RequestSeriesAsync(DateTime fromUtc, double hours, CancellationToken ct)
    {
        // Counted by the database per type and Vietnam month (UTC+7, no daylight saving): 12 x 5 figures come back, not one
        // row per request. The windows are read from the covering (ReceivedAtUtc, Type) and (Status, ClosedAtUtc, Type) indexes.
        var received = await db.Requests.AsNoTracking().Where(r => r.ReceivedAtUtc >= fromUtc)
            .Select(r => new { r.Type, Local = r.ReceivedAtUtc!.Value.AddHours(hours) })
            .GroupBy(r => new { r.Type, r.Local.Year, r.Local.Month })
            .Select(g => new MonthCount(g.Key.Type, g.Key.Year, g.Key.Month, g.Count())).ToListAsync(ct);
        var completed = await db.Requests.AsNoTracking().Where(r => r.Status == RequestStatus.Completed && r.ClosedAtUtc >= fromUtc)
            .Select(r => new { r.Type, Local = r.ClosedAtUtc!.Value.AddHours(hours) })
            .GroupBy(r => new { r.Type, r.Local.Year, r.Local.Month })
            .Select(g => new MonthCount(g.Key.Type, g.Key.Year, g.Key.Month, g.Count())).ToListAsync(ct);

        // Sở's resolutions in the window, each with the due date recorded by the history row just before it (read by the
        // database from the (RequestId) index, whose entries end with the row id): one lean row per resolution.
        var resolutions = ScienceDepartmentResolution.Actions.ToList();
        var history = db.Set<RequestStatusChange>().AsNoTracking();
        var resolved = await history.Where(h => resolutions.Contains(h.Action) && h.AtUtc >= fromUtc)
            .Select(h => new
            {
                h.AtUtc,
                Due = history.Where(p => EF.Property<int>(p, "RequestId") == EF.Property<int>(h, "RequestId") && p.Id < h.Id)
                    .OrderByDescending(p => p.Id).Select(p => p.DueDate).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new RequestSeries(received, completed, [.. resolved.Select(r => (r.AtUtc, r.Due))], clock.GetUtcNow().UtcDateTime);
    }

    public static string MonthLabel(DateOnly month) => month.ToString("MM/yyyy", CultureInfo.InvariantCulture);
}

/// <summary>How many requests of a type fall in one Vietnam month (a grouped count of the trend charts).</summary>
public sealed record MonthCount(RequestType Type, int Year, int Month, int Count);

public sealed record RequestItem(int Id, string? ReceiptNumber, RequestType Type, RequestStatus Status, string? FirstSubscriber, DeadlineView? Deadline);

public sealed record ExpiringCertificate(int Id, string SerialNumber, string SubscriberName, DateTime NotAfterUtc)
{
    public int DaysLeft(DateOnly today) => VietnamTime.ToDate(NotAfterUtc).DayNumber - today.DayNumber;
}

public sealed record LockedToken(int Id, string SerialNumber, string? CustodianName);

public sealed class AgencyWork
{
    public required IReadOnlyList<RequestItem> Returned { get; init; }

    public required IReadOnlyList<RequestItem> Drafts { get; init; }

    public required IReadOnlyList<RequestItem> InProgress { get; init; }

    public required IReadOnlyList<ExpiringCertificate> Expiring { get; init; }

    public required IReadOnlyList<LockedToken> LockedTokens { get; init; }

    public required DateOnly Today { get; init; }

    /// <summary>Kỳ báo cáo whose report to Sở the agency has not sent yet, by deadline.</summary>
    public IReadOnlyList<ReportingRound> ReportsDue { get; init; } = [];

    public int ExpiringWithin(int days) => Expiring.Count(c => c.DaysLeft(Today) <= days);
}

public sealed class ScienceDepartmentWork
{
    public int Overdue { get; init; }

    public int DueToday { get; init; }

    public int WaitingForReceipt { get; init; }

    public int LateToReceive { get; init; }

    public int CaBeyondExpectation { get; init; }

    public int FailedMail { get; init; }
}

public sealed class Trends
{
    /// <summary>When the request series were counted (a node keeps them a few minutes, see Dashboards.TrendsAsync).</summary>
    public required DateTime CountedAtUtc { get; init; }

    public required IReadOnlyList<string> Months { get; init; }

    public required IReadOnlyList<RequestType> Types { get; init; }

    public required IReadOnlyDictionary<RequestType, IReadOnlyList<int>> ReceivedByType { get; init; }

    public required IReadOnlyDictionary<RequestType, IReadOnlyList<int>> CompletedByType { get; init; }

    /// <summary>Sở's resolutions (Mẫu 04 filed, Mẫu 06 recovered, refusals) per month.</summary>
    public required IReadOnlyList<int> Resolved { get; init; }

    public required IReadOnlyList<int> ResolvedOnTime { get; init; }

    public required IReadOnlyList<string> ExpiryMonths { get; init; }

    public required IReadOnlyList<int> Expiring { get; init; }

    /// <summary>On-time rate in percent per month, null where nothing was resolved.</summary>
    public IReadOnlyList<double?> OnTimeRate => [.. Resolved.Select((n, i) => n == 0 ? (double?)null : Math.Round(100.0 * ResolvedOnTime[i] / n, 1))];
}
