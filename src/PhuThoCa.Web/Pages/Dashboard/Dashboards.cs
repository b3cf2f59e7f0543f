using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
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
public sealed class Dashboards(AppDbContext db, RequestServices services)
{
    /// <summary>Statuses in which the agency waits for Sở or the Cục (its request is "in progress").</summary>
    private static readonly RequestStatus[] InProgress =
    [
        RequestStatus.Submitted, RequestStatus.Received, RequestStatus.Accepted, RequestStatus.AwaitingCaResult,
        RequestStatus.ResultReceived, RequestStatus.AwaitingTokenReturn,
    ];

    private static readonly DeadlineStep[] CaSteps = [DeadlineStep.CaIssue, DeadlineStep.CaRevoke, DeadlineStep.CaRenewOrChange];

    /// <summary><see cref="CaSteps"/> as the maintained clock counts key them (<see cref="RequestClockCount.Clock"/>).</summary>
    private static readonly int[] CaClocks = [.. CaSteps.Select(RequestClockCount.Of)];

    /// <summary>Waiting for the Cục with one of its steps running.</summary>
    private static readonly Expression<Func<Request, bool>> CaStepRuns = r => r.Status == RequestStatus.AwaitingCaResult
        && r.DueStep != null && CaSteps.Contains(r.DueStep.Value);

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
        // Counted as the inbox counts them: maintained totals less the requests not yet past their limit (ADR 0034), not by
        // reading every overdue or sent request; all six in one statement.
        var lateIfSentBefore = ReceiptWait.LateIfSentBefore(deadlines, today);
        var dueToday = db.Requests.Where(InboxModel.IsDueTodayForScienceDepartment(today));
        var submitted = db.RequestCounts.Where(c => c.Status == RequestStatus.Submitted);
        var failedMail = db.OutboxMessages.Where(m => m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Uncertain);
        var figures = await db.ScalarsAsync(
        [
            InboxModel.OverdueForScienceDepartmentCount(db, today),
            () => dueToday.Count(),
            () => submitted.Sum(c => c.Count),
            InboxModel.LateToReceiveCount(db, lateIfSentBefore),
            CaBeyondExpectationCount(db, today),
            () => failedMail.Count(),
        ], ct);
        return new ScienceDepartmentWork
        {
            Overdue = figures[0],
            DueToday = figures[1],
            WaitingForReceipt = figures[2],
            LateToReceive = figures[3],
            CaBeyondExpectation = figures[4],
            FailedMail = figures[5],
        };
    }

    /// <summary>Waiting for the Cục past its expected time: status AwaitingCaResult, a Cục step due before today.</summary>
    public static Expression<Func<Request, bool>> IsCaBeyondExpectation(DateOnly today) => Request.And(CaStepRuns, r => r.DueDate < today);

    /// <summary>
    /// The number of requests <see cref="IsCaBeyondExpectation"/> selects, without reading them: the maintained clock
    /// counts of the Cục's steps less the ones due today or later (ADR 0034), as the inbox counts its overdue.
    /// </summary>
    public static Expression<Func<int>> CaBeyondExpectationCount(AppDbContext db, DateOnly today)
    {
        var clocks = db.RequestClockCounts.Where(c => c.Status == RequestStatus.AwaitingCaResult && CaClocks.Contains(c.Clock));
        var notYetDue = db.Requests.Where(Request.And(CaStepRuns, r => r.DueDate >= today));
        return () => clocks.Sum(c => c.Count) - notYetDue.Count();
    }

    /// <summary>
    /// The trend charts of Sở's landing page over the 12 months up to <paramref name="today"/>'s month, read from the
    /// counters the database keeps per Vietnam month (<see cref="RequestMonthCount"/>, <see cref="CertificateExpiryCount"/>):
    /// at most a few hundred rows whatever the register's size, and current at every view on every node (issue 15; they
    /// were counted from a year of the register, 0.5 s at 100k requests, and kept a few minutes per node).
    /// Sở's resolutions are each request's first one, judged when it was made (ADR 0029), as the statistics page counts them.
    /// </summary>
    public async Task<Trends> TrendsAsync(DateOnly today, CancellationToken ct)
    {
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var months = Enumerable.Range(0, 12).Select(firstMonth.AddMonths).ToList();
        var (fromKey, toKey) = (RequestMonthCount.MonthKey(months[0]), RequestMonthCount.MonthKey(months[^1]));
        var counts = await db.RequestMonthCounts.Where(c => c.Month >= fromKey && c.Month <= toKey && c.Count != 0).ToListAsync(ct);

        var nowMonth = new DateOnly(today.Year, today.Month, 1);
        var (expiryFromKey, expiryToKey) = (RequestMonthCount.MonthKey(nowMonth), RequestMonthCount.MonthKey(nowMonth.AddMonths(11)));
        var expiries = await db.CertificateExpiryCounts.Where(c => c.Month >= expiryFromKey && c.Month <= expiryToKey)
            .ToDictionaryAsync(c => c.Month, c => c.Count, ct);

        // Each series reads its month's rows only (12 series × 12 months over every row of the year was ~0.3 ms a view).
        var byMonth = counts.ToLookup(c => c.Month);
        IReadOnlyList<int> PerMonth(Func<RequestMonthCount, bool> counted) =>
            [.. months.Select(m => byMonth[RequestMonthCount.MonthKey(m)].Where(counted).Sum(c => c.Count))];

        return new Trends
        {
            Months = [.. months.Select(MonthLabel)],
            Types = [.. RequestTypes.All],
            ReceivedByType = RequestTypes.All.ToDictionary(t => t, t => PerMonth(c => c.Measure == RequestMonthMeasure.Received && c.Type == t)),
            CompletedByType = RequestTypes.All.ToDictionary(t => t, t => PerMonth(c => c.Measure == RequestMonthMeasure.Completed && c.Type == t)),
            Resolved = PerMonth(c => RequestMonthCount.TimingOf(c.Measure) is not null),
            ResolvedOnTime = PerMonth(c => RequestMonthCount.TimingOf(c.Measure) is { } timing && ScienceDepartmentResolution.IsOnTime(timing)),
            ExpiryMonths = [.. Enumerable.Range(0, 12).Select(i => MonthLabel(nowMonth.AddMonths(i)))],
            Expiring = [.. Enumerable.Range(0, 12).Select(i => expiries.GetValueOrDefault(RequestMonthCount.MonthKey(nowMonth.AddMonths(i))))],
        };
    }

    /// <summary>
    /// Valid certificates province-wide (status Valid, not after <paramref name="nowUtc"/>): the maintained counts of the
    /// months after this one, and a range read of this month's rest (IX_Certificates_Status_NotAfterUtc), instead of
    /// counting every valid certificate.
    /// </summary>
    public Expression<Func<int>> ValidCertificatesProvinceWideCount(DateOnly today, DateTime nowUtc)
    {
        var nextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var nextMonthKey = RequestMonthCount.MonthKey(nextMonth);
        var nextMonthUtc = VietnamTime.StartUtc(nextMonth);
        var later = db.CertificateExpiryCounts.Where(c => c.Month >= nextMonthKey);
        var thisMonth = db.Certificates.Where(c => c.Status == CertificateStatus.Valid && c.NotAfterUtc > nowUtc && c.NotAfterUtc < nextMonthUtc);
        return () => later.Sum(c => c.Count) + thisMonth.Count();
    }

    public static string MonthLabel(DateOnly month) => month.ToString("MM/yyyy", CultureInfo.InvariantCulture);
}

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
