using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Calendar;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Infrastructure.Reports;

/// <summary>
/// The figures of the Điều 8.4 report, computed in SQL: every register count is a GROUP BY over a few columns, and the
/// requests are read as one lean row each (dates picked from the history by subqueries), never as entities with their
/// history. Scope is the context's (an officer sees only their agency, ADR 0009); <c>agencyId</c> narrows further.
/// </summary>
public sealed class ProvinceReportQuery(AppDbContext db, CalendarProvider calendars, RequestDeadlineSettings settings)
{
    private static readonly StringComparer VietnameseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);

    public Task<ProvinceReport> RunAsync(ReportPeriod period, int? agencyId, DateOnly today, CancellationToken ct = default) =>
        RunAsync(period, agencyId, today, includeForecasts: true, planLines: null, ct);

    /// <param name="period">The period.</param>
    /// <param name="agencyId">One agency, or null for every agency the context sees.</param>
    /// <param name="today">Today (Vietnam date): open requests are judged at the end of the period or today.</param>
    /// <param name="includeForecasts">Add the agencies' own forecasts (Điều 9.6 reports) to the plan; the agency's own
    /// report, which is the forecast being written, leaves them out.</param>
    /// <param name="planLines">Read only the first lines of the demand plan (a page's preview); null reads them all. The
    /// plan's counts are the whole plan's either way.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<ProvinceReport> RunAsync(ReportPeriod period, int? agencyId, DateOnly today, bool includeForecasts,
        int? planLines, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyId == null || a.Id == agencyId)
            .Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        var figures = agencies.OrderBy(a => a.Name, VietnameseOrder).ToDictionary(a => a.Id, a => new AgencyFigures(a.Id, a.Name));
        AgencyFigures? Of(int id) => figures.GetValueOrDefault(id);

        var asOf = period.To < today ? period.To : today;
        await SubscribersAsync(agencyId, Of, ct);
        await CertificatesAsync(period, agencyId, Of, ct);
        await TokensAsync(period, agencyId, Of, ct);
        var byType = await RequestsAsync(period, agencyId, asOf, period.To < today, Of, ct);
        var reasons = await RevokedByReasonAsync(period, agencyId, ct);
        var (plan, planCount) = await DemandPlanAsync(period.PlanYear, agencyId, planLines, Of, ct);
        if (includeForecasts)
        {
            await ForecastsAsync(period, agencyId, Of, ct);
        }

        var total = new AgencyFigures(0, "Tổng cộng");
        foreach (var agency in figures.Values)
        {
            total.Add(agency);
        }

        var revokedWithoutReason = total.Revoked - reasons.Sum(r => r.Count);
        if (revokedWithoutReason > 0)
        {
            reasons.Add(("Không rõ lý do (thu hồi ghi trực tiếp trên sổ chứng thư)", revokedWithoutReason));
        }

        return new ProvinceReport(period, asOf, [.. figures.Values], total, byType, reasons, plan, planCount);
    }

    private IQueryable<Certificate> Certificates(int? agencyId) =>
        db.Certificates.AsNoTracking().Where(c => agencyId == null || c.Subscriber!.AgencyId == agencyId);

    private async Task SubscribersAsync(int? agencyId, Func<int, AgencyFigures?> of, CancellationToken ct)
    {
        // The maintained counts (ADR 0031: at most agencies × kinds × 2 rows) instead of a count of the register, which read
        // 50,000 subscribers at 100,000 requests (issue 15).
        var rows = await db.SubscriberCounts.AsNoTracking().Where(c => c.IsActive && c.Count != 0 && (agencyId == null || c.AgencyId == agencyId))
            .Select(c => new { c.AgencyId, c.Kind, c.Count }).ToListAsync(ct);
        foreach (var row in rows)
        {
            if (of(row.AgencyId) is not { } f)
            {
                continue;
            }

            switch (row.Kind)
            {
                case SubscriberKind.Person: f.Persons = row.Count; break;
                case SubscriberKind.Organization: f.Organizations = row.Count; break;
                case SubscriberKind.DeviceServiceSoftware: f.Devices = row.Count; break;
            }
        }
    }

    private async Task CertificatesAsync(ReportPeriod period, int? agencyId, Func<int, AgencyFigures?> of, CancellationToken ct)
    {
        var (from, end) = (period.StartUtc, period.EndUtc);
        var certificates = Certificates(agencyId);

        async Task CountAsync(Expression<Func<Certificate, bool>> where, Action<AgencyFigures, int> set)
        {
            var rows = await certificates.Where(where).GroupBy(c => c.Subscriber!.AgencyId)
                .Select(g => new { AgencyId = g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var row in rows)
            {
                if (of(row.AgencyId) is { } f)
                {
                    set(f, row.Count);
                }
            }
        }

        await CountAsync(c => c.NotBeforeUtc >= from && c.NotBeforeUtc < end && c.PredecessorId == null && c.RenewalCount == 0,
            (f, n) => f.Issued = n);
        await CountAsync(c => c.NotBeforeUtc >= from && c.NotBeforeUtc < end && (c.PredecessorId != null || c.RenewalCount > 0),
            (f, n) => f.Renewed = n);
        await CountAsync(c => c.RevokedAtUtc >= from && c.RevokedAtUtc < end, (f, n) => f.Revoked = n);
        // A renewed certificate is replaced before its end (the renewal needs 30 days left), so it never "expires".
        await CountAsync(c => c.NotAfterUtc >= from && c.NotAfterUtc < end && c.Status != CertificateStatus.Superseded
            && (c.RevokedAtUtc == null || c.RevokedAtUtc >= c.NotAfterUtc), (f, n) => f.Expired = n);
        await CountAsync(c => c.NotBeforeUtc < end && c.NotAfterUtc >= end && (c.RevokedAtUtc == null || c.RevokedAtUtc >= end)
            && !db.Certificates.Any(s => s.PredecessorId == c.Id && s.NotBeforeUtc < end), (f, n) => f.ValidAtEnd = n);

        // One row per line, counted here: with a GROUP BY, SQLite reads every request in agency order instead of the range.
        var changed = await db.Requests.AsNoTracking()
            .Where(r => r.Type == RequestType.ChangeInfo && (agencyId == null || r.AgencyId == agencyId)
                && r.CaResultRecordedAtUtc >= from && r.CaResultRecordedAtUtc < end)
            .SelectMany(r => r.Lines, (r, l) => r.AgencyId)
            .ToListAsync(ct);
        foreach (var row in changed.CountBy(a => a))
        {
            of(row.Key)?.Changed = row.Value;
        }
    }

    private async Task TokensAsync(ReportPeriod period, int? agencyId, Func<int, AgencyFigures?> of, CancellationToken ct)
    {
        var (from, end) = (period.StartUtc, period.EndUtc);
        var tokens = db.Tokens.AsNoTracking().Where(t => agencyId == null || t.AgencyId == agencyId);
        var handovers = await db.TokenHandovers.AsNoTracking().Where(h => h.Date >= period.From && h.Date <= period.To)
            .Join(tokens, h => h.TokenId, t => t.Id, (h, t) => t.AgencyId)
            .GroupBy(a => a).Select(g => new { AgencyId = g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var row in handovers)
        {
            of(row.AgencyId)?.TokensHandedOver = row.Count;
        }

        // Status changes are history rows of the token (UsbToken.ChangeStatus writes the target status's label).
        var counted = new Dictionary<string, Action<AgencyFigures, int>>
        {
            [TokenTransitions.Label(TokenStatus.Locked)] = (f, n) => f.TokensLocked = n,
            [TokenTransitions.Label(TokenStatus.Recovered)] = (f, n) => f.TokensRecovered = n,
            [TokenTransitions.Label(TokenStatus.Lost)] = (f, n) => f.TokensLost = n,
            [TokenTransitions.Label(TokenStatus.ReturnedToCa)] = (f, n) => f.TokensReturnedToCa = n,
        };
        var labels = counted.Keys.ToList();
        var changes = await db.TimelineEvents.AsNoTracking()
            .Where(e => e.Subject == TimelineSubject.Token && e.AtUtc >= from && e.AtUtc < end && labels.Contains(e.ToState!))
            .Join(tokens, e => e.SubjectId, t => t.Id, (e, t) => new { t.AgencyId, e.ToState })
            .GroupBy(x => new { x.AgencyId, x.ToState })
            .Select(g => new { g.Key.AgencyId, g.Key.ToState, Count = g.Count() }).ToListAsync(ct);
        foreach (var row in changes)
        {
            if (of(row.AgencyId) is { } f)
            {
                counted[row.ToState!](f, row.Count);
            }
        }
    }

    /// <param name="period">The period.</param>
    /// <param name="agencyId">One agency, or null for every agency the context sees.</param>
    /// <param name="asOf">The day open requests are judged on.</param>
    /// <param name="periodEnded">The period ended before today: the requests open at its end are read from their history.</param>
    /// <param name="of">The figures of an agency.</param>
    /// <param name="ct">Cancellation.</param>
    private async Task<List<(RequestType, RequestFigures)>> RequestsAsync(ReportPeriod period, int? agencyId, DateOnly asOf, bool periodEnded,
        Func<int, AgencyFigures?> of, CancellationToken ct)
    {
        var (from, end) = (period.StartUtc, period.EndUtc);
        var active = db.Requests.AsNoTracking()
            .Where(r => agencyId == null || r.AgencyId == agencyId)
            .Where(r => r.FirstReceivedAtUtc < end)
            .Where(r => r.ClosedAtUtc == null || r.ClosedAtUtc >= from);
        var facts = await active
            .Select(r => new RequestFact
            {
                Id = r.Id,
                Type = r.Type,
                AgencyId = r.AgencyId,
                Status = r.Status,
                ClosedAtUtc = r.ClosedAtUtc,
                FirstReceiptUtc = r.FirstReceivedAtUtc,
                ResolvedAtUtc = r.ResolvedAtUtc,
                Resolution = r.Resolution,
                StatusAtEnd = r.Status,
                DueAtEnd = r.DueDate,
                CaStartUtc = r.CaWaitStartedAtUtc,
                CaEndUtc = r.CaAnsweredAtUtc,
            })
            .ToListAsync(ct);
        if (periodEnded)
        {
            await StateAtEndAsync(active, end, facts, ct);
        }

        var deadlines = new CalendarDeadlines(await calendars.GetAsync(db, ct), settings);
        var byType = RequestTypes.All.ToDictionary(t => t, _ => new RequestFigures());
        foreach (var fact in facts)
        {
            var figures = new RequestFigures();
            Count(fact, figures, period, asOf, deadlines);
            byType[fact.Type].Add(figures);
            of(fact.AgencyId)?.Requests.Add(figures);
        }

        return [.. byType.Select(kv => (kv.Key, kv.Value))];
    }

    /// <summary>Adds one request to <paramref name="figures"/>; the outcome rules are the domain's (<see cref="ScienceDepartmentStep"/>).</summary>
    private void Count(RequestFact fact, RequestFigures figures, ReportPeriod period, DateOnly asOf, CalendarDeadlines deadlines)
    {
        var (from, end) = (period.StartUtc, period.EndUtc);
        bool InPeriod(DateTime? utc) => utc >= from && utc < end;

        if (fact.FirstReceiptUtc < from)
        {
            figures.CarriedOver++;
        }
        else
        {
            figures.Received++;
        }

        if (InPeriod(fact.ClosedAtUtc))
        {
            switch (fact.Status)
            {
                case RequestStatus.Completed: figures.Completed++; break;
                case RequestStatus.Rejected: figures.RejectedByScienceDepartment++; break;
                case RequestStatus.RejectedByCa: figures.RejectedByCa++; break;
                case RequestStatus.Cancelled: figures.Cancelled++; break;
            }
        }
        else
        {
            figures.OpenAtEnd++;
        }

        if (ScienceDepartmentStep.Applies(fact.Type))
        {
            var outcome = InPeriod(fact.ResolvedAtUtc) && fact.Resolution is { } timing
                ? ScienceDepartmentStep.Resolved(timing)
                : fact.ResolvedAtUtc < from ? (StepOutcome?)null
                : ScienceDepartmentStep.Unresolved(fact.Type, fact.StatusAtEnd, fact.DueAtEnd, asOf);
            switch (outcome)
            {
                case StepOutcome.Early: figures.Early++; break;
                case StepOutcome.OnDueDay: figures.OnDueDay++; break;
                case StepOutcome.Late: figures.Late++; break;
                case StepOutcome.Pending: figures.Pending++; break;
                case StepOutcome.PendingOverdue: figures.Pending++; figures.PendingOverdue++; break;
            }
        }

        if (fact.CaStartUtc is not { } caStart || LegalDeadlines.StepFor(fact.Type, RequestStatus.AwaitingCaResult) is not { } caStep)
        {
            return;
        }

        if (InPeriod(fact.CaEndUtc))
        {
            var days = deadlines.WorkingDaysBetween(VietnamTime.ToDate(caStart), VietnamTime.ToDate(fact.CaEndUtc!.Value));
            figures.CaFinished++;
            figures.CaWorkingDaysSum += days;
            figures.CaWorkingDaysMax = Math.Max(figures.CaWorkingDaysMax, days);
            if (days > settings.WorkingDays(caStep))
            {
                figures.CaBeyondExpected++;
            }
        }
        else if (caStart < end && fact.StatusAtEnd == RequestStatus.AwaitingCaResult)
        {
            figures.CaWaitingAtEnd++;
        }
    }

    private async Task<List<(string Reason, int Count)>> RevokedByReasonAsync(ReportPeriod period, int? agencyId, CancellationToken ct)
    {
        var (start, end) = (period.StartUtc, period.EndUtc);
        // Few rows at any size, in three seeks: the certificates revoked in the period (a range of their RevokedAtUtc
        // index), their request lines (by CertificateId), and which of those requests are revocations the Cục confirmed
        // (by key). One join let SQLite start from every revocation request instead.
        var revoked = await Certificates(agencyId).Where(c => c.RevokedAtUtc >= start && c.RevokedAtUtc < end)
            .Select(c => (int?)c.Id).ToListAsync(ct);
        var lines = await db.Set<RequestLine>().AsNoTracking().Where(l => revoked.Contains(l.CertificateId))
            .Select(l => new { RequestId = EF.Property<int>(l, "RequestId"), l.RevocationReason }).ToListAsync(ct);
        var requestIds = lines.Select(l => l.RequestId).Distinct().ToList();
        var confirmed = (await db.Requests.AsNoTracking()
                .Where(r => requestIds.Contains(r.Id) && r.Type == RequestType.Revoke
                    && (r.Status == RequestStatus.AwaitingTokenReturn || r.Status == RequestStatus.Completed))
                .Select(r => r.Id).ToListAsync(ct))
            .ToHashSet();
        var rows = lines.Where(l => confirmed.Contains(l.RequestId)).GroupBy(l => l.RevocationReason)
            .Select(g => new { Reason = g.Key, Count = g.Count() }).ToList();
        return [.. rows.Where(r => r.Reason != null).OrderBy(r => r.Reason).Select(r => (RevocationReasons.Label(r.Reason!.Value), r.Count))];
    }

    /// <summary>
    /// The certificates valid now that expire in the plan year: counted per agency and renewal count in SQL (the rule of
    /// what a renewal count allows is the domain's), and listed in expiry order, the first <paramref name="limit"/> only
    /// when given.
    /// </summary>
    private async Task<(List<DemandPlanLine> Lines, int Count)> DemandPlanAsync(int planYear, int? agencyId, int? limit,
        Func<int, AgencyFigures?> of, CancellationToken ct)
    {
        var start = VietnamTime.StartUtc(new DateOnly(planYear, 1, 1));
        var end = VietnamTime.StartUtc(new DateOnly(planYear + 1, 1, 1));
        var expiring = Certificates(agencyId)
            .Where(c => c.Status == CertificateStatus.Valid && c.NotAfterUtc >= start && c.NotAfterUtc < end);
        var counts = await expiring.GroupBy(c => new { c.Subscriber!.AgencyId, c.RenewalCount })
            .Select(g => new { g.Key.AgencyId, g.Key.RenewalCount, Count = g.Count() }).ToListAsync(ct);
        var total = 0;
        foreach (var row in counts)
        {
            if (of(row.AgencyId) is not { } f)
            {
                continue;
            }

            total += row.Count;
            if (RenewalPolicy.CanBeRenewedAgain(row.RenewalCount))
            {
                f.PlanRenewals += row.Count;
            }
            else
            {
                f.PlanNewIssues += row.Count;
            }
        }

        var ordered = expiring.OrderBy(c => c.NotAfterUtc).ThenBy(c => c.Id);
        var rows = await (limit is { } n ? ordered.Take(n) : ordered)
            .Select(c => new
            {
                c.Subscriber!.AgencyId,
                Subscriber = c.Subscriber.Name,
                c.SerialNumber,
                c.NotAfterUtc,
                c.RenewalCount,
            }).ToListAsync(ct);
        var lines = new List<DemandPlanLine>();
        foreach (var row in rows)
        {
            if (of(row.AgencyId) is { } f)
            {
                lines.Add(new DemandPlanLine(f.AgencyName, row.Subscriber, row.SerialNumber, VietnamTime.ToDate(row.NotAfterUtc),
                    RenewalPolicy.CanBeRenewedAgain(row.RenewalCount)));
            }
        }

        return (lines, total);
    }

    /// <summary>
    /// Each agency's own forecast: from its report sent (or received) in the latest round whose period ends within
    /// <paramref name="period"/> (latest by the round's last day, then the newest round), so a forecast counts once and a
    /// draft never counts (docs/reports.md).
    /// </summary>
    private async Task ForecastsAsync(ReportPeriod period, int? agencyId, Func<int, AgencyFigures?> of, CancellationToken ct)
    {
        var rows = await db.AgencyReports.AsNoTracking()
            .Where(r => r.Status != AgencyReportStatus.Draft && (agencyId == null || r.AgencyId == agencyId))
            .Join(db.ReportingRounds.Where(g => g.To >= period.From && g.To <= period.To), r => r.RoundId, g => g.Id,
                (r, g) => new { r.AgencyId, g.To, RoundId = g.Id, r.ForecastNewSubscribers, r.ForecastNewTokens, r.ForecastRenewals })
            .ToListAsync(ct);
        foreach (var latest in rows.GroupBy(r => r.AgencyId).Select(g => g.OrderByDescending(r => r.To).ThenByDescending(r => r.RoundId).First()))
        {
            if (of(latest.AgencyId) is { } f)
            {
                f.ForecastNewSubscribers = latest.ForecastNewSubscribers;
                f.ForecastNewTokens = latest.ForecastNewTokens;
                f.ForecastRenewals = latest.ForecastRenewals;
            }
        }
    }

    /// <summary>
    /// A period that ended before today: the requests still open at its end (closed ones stand as they closed) get the
    /// status and due date of their last history row before it.
    /// </summary>
    private static async Task StateAtEndAsync(IQueryable<Request> active, DateTime end, List<RequestFact> facts, CancellationToken ct)
    {
        var atEnd = await RequestStateAt.ReadAsync(active.Where(r => r.ClosedAtUtc == null || r.ClosedAtUtc >= end), end, ct);
        foreach (var fact in facts)
        {
            if (atEnd.TryGetValue(fact.Id, out var state))
            {
                fact.StatusAtEnd = state.Status;
                fact.DueAtEnd = state.DueDate;
            }
        }
    }

    /// <summary>One request as the report reads it: its milestones (ADR 0029) from one covering index.</summary>
    private sealed class RequestFact
    {
        public int Id { get; init; }

        public RequestType Type { get; init; }

        public int AgencyId { get; init; }

        public RequestStatus Status { get; init; }

        public DateTime? ClosedAtUtc { get; init; }

        public DateTime? FirstReceiptUtc { get; init; }

        public DateTime? ResolvedAtUtc { get; init; }

        public ResolutionTiming? Resolution { get; init; }

        public RequestStatus? StatusAtEnd { get; set; }

        public DateOnly? DueAtEnd { get; set; }

        public DateTime? CaStartUtc { get; init; }

        public DateTime? CaEndUtc { get; init; }
    }
}
