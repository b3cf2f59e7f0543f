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

    /// <summary>
    /// Count the requests of a calendar period that reaches today from the maintained counts (the default); false counts
    /// them from the requests' rows, as a period that ended is counted (the tests compare the two).
    /// </summary>
    public bool UseCounters { get; set; } = true;

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
        await CertificatesAsync(period, agencyId, period.To < today, Of, ct);
        await TokensAsync(period, agencyId, Of, ct);
        var byType = await RequestsAsync(period, agencyId, today, Of, ct);
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

    private async Task CertificatesAsync(ReportPeriod period, int? agencyId, bool periodEnded, Func<int, AgencyFigures?> of, CancellationToken ct)
    {
        var (from, end) = (period.StartUtc, period.EndUtc);
        var certificates = Certificates(agencyId);
        var fromCounters = UseCounters && IsWholeMonths(period);
        if (fromCounters)
        {
            await CertificatesFromCountersAsync(period, agencyId, periodEnded, of, ct);
        }

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

        if (!fromCounters)
        {
            await CountAsync(c => c.NotBeforeUtc >= from && c.NotBeforeUtc < end && c.PredecessorId == null && c.RenewalCount == 0,
                (f, n) => f.Issued = n);
            await CountAsync(c => c.NotBeforeUtc >= from && c.NotBeforeUtc < end && (c.PredecessorId != null || c.RenewalCount > 0),
                (f, n) => f.Renewed = n);
            await CountAsync(c => c.RevokedAtUtc >= from && c.RevokedAtUtc < end, (f, n) => f.Revoked = n);
            // A renewed certificate is replaced before its end (the renewal needs 30 days left), so it never "expires".
            await CountAsync(c => c.NotAfterUtc >= from && c.NotAfterUtc < end && c.Status != CertificateStatus.Superseded
                && (c.RevokedAtUtc == null || c.RevokedAtUtc >= c.NotAfterUtc), (f, n) => f.Expired = n);
        }

        if (!fromCounters || periodEnded)
        {
            await CountAsync(c => c.NotBeforeUtc < end && c.NotAfterUtc >= end && (c.RevokedAtUtc == null || c.RevokedAtUtc >= end)
                && !db.Certificates.Any(s => s.PredecessorId == c.Id && s.NotBeforeUtc < end), (f, n) => f.ValidAtEnd = n);
        }

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

    /// <summary>A period of whole Vietnam months: the certificate counts' months are its months exactly.</summary>
    private static bool IsWholeMonths(ReportPeriod period) => period.From.Day == 1 && period.To.AddDays(1).Day == 1;

    /// <summary>
    /// The certificate figures of a period of whole months from the maintained counts (<see cref="CertificateReportCount"/>,
    /// ADR 0037): issued, renewed, revoked and expired by the months of their dates, for any such period; valid at the end
    /// of a period that reaches today, as the certificates standing now that expire after it, neither revoked nor
    /// superseded, less those that start after it. This relies on what the domain records: a revocation time is never
    /// after the day it is recorded, and a renewal's successor starts when it is recorded, so a certificate with a successor
    /// is superseded. A period that ended is counted from the register's rows.
    /// </summary>
    private async Task CertificatesFromCountersAsync(ReportPeriod period, int? agencyId, bool periodEnded, Func<int, AgencyFigures?> of,
        CancellationToken ct)
    {
        var (fromMonth, toMonth) = (RequestMonthCount.MonthKey(period.From), RequestMonthCount.MonthKey(period.To));
        var counts = db.CertificateReportCounts.Where(c => c.Count != 0 && (agencyId == null || c.AgencyId == agencyId));
        var cells = await counts.Where(c => PeriodCertificateMeasures.Contains(c.Measure) && c.Month >= fromMonth && c.Month <= toMonth)
            .GroupBy(c => new { c.Measure, c.AgencyId, c.Value })
            .Select(g => new { g.Key.Measure, g.Key.AgencyId, g.Key.Value, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);
        foreach (var c in cells)
        {
            if (of(c.AgencyId) is not { } f)
            {
                continue;
            }

            switch (c.Measure)
            {
                case CertificateReportCount.Started when c.Value == 0: f.Issued += c.Count; break;
                case CertificateReportCount.Started: f.Renewed += c.Count; break;
                case CertificateReportCount.Revoked: f.Revoked += c.Count; break;
                case CertificateReportCount.Expired: f.Expired += c.Count; break;
            }
        }

        if (periodEnded)
        {
            return;
        }

        var end = period.EndUtc;
        var endMonth = RequestMonthCount.MonthKey(period.To.AddDays(1));
        var standing = await counts
            .Where(c => c.Measure == CertificateReportCount.Standing && c.Month >= endMonth && c.Status != (int)CertificateStatus.Superseded)
            .GroupBy(c => new { c.AgencyId, c.Value })
            .Select(g => new { g.Key.AgencyId, g.Key.Value, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);
        // Certificates starting after the period (normally none): a range of their start; what else makes them counted above is
        // tested here, since with it in SQL SQLite read every certificate without a revocation time instead.
        var startingLater = (await Certificates(agencyId).Where(c => c.NotBeforeUtc >= end)
                .Select(c => new { c.Subscriber!.AgencyId, c.NotAfterUtc, c.RevokedAtUtc, c.Status }).ToListAsync(ct))
            .Where(c => c.NotAfterUtc >= end && c.RevokedAtUtc == null && c.Status != CertificateStatus.Superseded)
            .CountBy(c => c.AgencyId).Select(c => new { AgencyId = c.Key, Count = c.Value });
        foreach (var c in standing.Where(c => !CertificateReportCount.HasRevocationTime(c.Value)))
        {
            of(c.AgencyId)?.ValidAtEnd += c.Count;
        }

        foreach (var c in startingLater)
        {
            of(c.AgencyId)?.ValidAtEnd -= c.Count;
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
    /// <param name="today">Today (Vietnam date). Open requests are judged at the period's last day if it ended, else today; the
    /// requests open at the end of a period that ended are read from their history.</param>
    /// <param name="of">The figures of an agency.</param>
    /// <param name="ct">Cancellation.</param>
    private async Task<List<(RequestType, RequestFigures)>> RequestsAsync(ReportPeriod period, int? agencyId, DateOnly today,
        Func<int, AgencyFigures?> of, CancellationToken ct)
    {
        var deadlines = new CalendarDeadlines(await calendars.GetAsync(db, ct), settings);
        var byType = RequestTypes.All.ToDictionary(t => t, _ => new RequestFigures());
        var periodEnded = period.To < today;
        var asOf = periodEnded ? period.To : today;
        // From the counts: a period from a month's first day that reaches today, or a period of whole months that ended.
        if (UseCounters && period.From.Day == 1 && (!periodEnded || IsWholeMonths(period)))
        {
            await RequestsFromCountersAsync(period, agencyId, today, deadlines, byType, of, ct);
        }
        else
        {
            await RequestsFromRowsAsync(period, agencyId, asOf, periodEnded, deadlines, byType, of, ct);
        }

        return [.. byType.Select(kv => (kv.Key, kv.Value))];
    }

    /// <summary>
    /// Counts each request active in the period from its milestones (ADR 0029): one lean row per request, and for a period
    /// that ended, the state at its end of those still open then.
    /// </summary>
    private async Task RequestsFromRowsAsync(ReportPeriod period, int? agencyId, DateOnly asOf, bool periodEnded,
        CalendarDeadlines deadlines, Dictionary<RequestType, RequestFigures> byType, Func<int, AgencyFigures?> of, CancellationToken ct)
    {
        var (from, end) = (period.StartUtc, period.EndUtc);
        var active = db.Requests.AsNoTracking()
            .Where(r => agencyId == null || r.AgencyId == agencyId)
            .Where(r => r.FirstReceivedAtUtc < end)
            .Where(r => r.ClosedAtUtc == null || r.ClosedAtUtc >= from);
        var facts = await FactsAsync(active, periodEnded ? end : null, ct);

        foreach (var fact in facts)
        {
            var figures = new RequestFigures();
            Count(fact, figures, period, asOf, deadlines);
            byType[fact.Type].Add(figures);
            of(fact.AgencyId)?.Requests.Add(figures);
        }
    }

    /// <summary>
    /// A calendar period that reaches today, or a period of whole months that ended, from the maintained counts
    /// (<see cref="RequestReportCount"/>, ADR 0037): the months of the period and the open requests as they stand, summed
    /// per agency and type in SQL, instead of one row per request active in the period (59,462 at 100,000 requests). What
    /// the rows give request by request follows from the counts: the requests open at the end are those open now (for a
    /// period that ended, less those received after it, plus those closed after it); those carried over are the ones closed
    /// in the period or open at its end, less those received in it. Whether a pending request is overdue is the domain's
    /// judgement (<see cref="ScienceDepartmentStep.Unresolved"/>): for a period reaching today, made for the open requests
    /// due today or later (read from the due-date index) and for the rest, due before today; for a period that ended, on
    /// the status and due date at its end of the requests whose step was then still running (<see cref="StepsOpenAtEndAsync"/>).
    /// </summary>
    private async Task RequestsFromCountersAsync(ReportPeriod period, int? agencyId, DateOnly today, CalendarDeadlines deadlines,
        Dictionary<RequestType, RequestFigures> byType, Func<int, AgencyFigures?> of, CancellationToken ct)
    {
        var periodEnded = period.To < today;
        var (fromMonth, toMonth) = (RequestMonthCount.MonthKey(period.From), RequestMonthCount.MonthKey(period.To));
        // The period's whole years by their year's cells, its other months by theirs; written into the statement, so that
        // SQLite seeks each measure's keys in the primary key.
        var keys = RequestReportCount.PeriodKeys(period.From, period.To);
        var counts = db.RequestReportCounts.Where(c => c.Count != 0 && (agencyId == null || c.AgencyId == agencyId));
        var inPeriod = await counts
            .Where(c => PeriodMeasures.Contains(c.Measure) && EF.Constant(keys).Contains(c.Month))
            .GroupBy(c => new { c.Measure, c.AgencyId, c.Type, c.Status, c.Value })
            .Select(g => new Cell(g.Key.Measure, g.Key.AgencyId, g.Key.Type, (RequestStatus)g.Key.Status, g.Key.Value, true, g.Sum(c => c.Count)))
            .ToListAsync(ct);
        var open = await counts.Where(c => c.Measure == RequestReportCount.Open)
            .GroupBy(c => new { c.AgencyId, c.Type, c.Status, c.Value, InPeriod = c.Month >= fromMonth && c.Month <= toMonth })
            .Select(g => new Cell(RequestReportCount.Open, g.Key.AgencyId, g.Key.Type, (RequestStatus)g.Key.Status, g.Key.Value, g.Key.InPeriod,
                g.Sum(c => c.Count)))
            .ToListAsync(ct);
        // After a period that ended: the receipts and closings of its following months, to take the requests open now back
        // to those open at its end.
        var after = periodEnded
            ? await counts.Where(c => AfterMeasures.Contains(c.Measure) && EF.Constant(RequestReportCount.PeriodKeys(period.To.AddDays(1), today)).Contains(c.Month))
                .GroupBy(c => new { c.Measure, c.AgencyId, c.Type })
                .Select(g => new { g.Key.Measure, g.Key.AgencyId, g.Key.Type, Count = g.Sum(c => c.Count) })
                .ToListAsync(ct)
            : [];
        // The open requests whose Sở step is unresolved and due today or later: the last working days' receipts. The agency
        // is picked here: in SQL, SQLite would read all of the agency's requests through IX_Requests_AgencyId_Status instead.
        var dueLater = periodEnded ? [] : (await db.Requests.AsNoTracking()
                .Where(r => r.DueDate >= today && r.ClosedAtUtc == null && r.ResolvedAtUtc == null && r.FirstReceivedAtUtc != null)
                .GroupBy(r => new { r.AgencyId, r.Type, r.Status })
                .Select(g => new { g.Key.AgencyId, g.Key.Type, g.Key.Status, Count = g.Count() })
                .ToListAsync(ct))
            .Where(r => agencyId == null || r.AgencyId == agencyId)
            .ToDictionary(r => (r.AgencyId, r.Type, r.Status), r => r.Count);
        var unknownDays = inPeriod.Any(c => c.Measure == RequestReportCount.CaAnswered && c.Value == RequestReportCount.UnknownDays)
            ? await CaAnswersWithoutDaysAsync(period, agencyId, deadlines, ct)
            : [];

        var figures = new Dictionary<(int AgencyId, RequestType Type), RequestFigures>();
        RequestFigures Of(int agency, RequestType type) =>
            figures.TryGetValue((agency, type), out var f) ? f : figures[(agency, type)] = new RequestFigures();

        void CaFinished(RequestFigures f, RequestType type, int days, int n)
        {
            if (CaExpectedWorkingDays(type) is { } expected)
            {
                f.AddCaFinished(days, expected, n);
            }
        }

        foreach (var c in inPeriod)
        {
            var f = Of(c.AgencyId, c.Type);
            switch (c.Measure)
            {
                case RequestReportCount.Received:
                    f.Received += c.Count;
                    break;
                case RequestReportCount.Closed:
                    f.AddClosed(c.Status, c.Count);
                    // Carried over, below: closed in the period, or open at its end, less received in the period.
                    f.CarriedOver += c.Count;
                    if (c.Value == 1 && ScienceDepartmentStep.Applies(c.Type))
                    {
                        f.AddOutcome(ScienceDepartmentStep.Unresolved(c.Type, c.Status, null, today), c.Count);
                    }

                    break;
                case RequestReportCount.Resolved when ScienceDepartmentStep.Applies(c.Type) && c.Value != 0:
                    f.AddOutcome(ScienceDepartmentStep.Resolved((ResolutionTiming)c.Value), c.Count);
                    break;
                case RequestReportCount.CaAnswered when c.Value != RequestReportCount.UnknownDays:
                    CaFinished(f, c.Type, c.Value, c.Count);
                    break;
            }
        }

        foreach (var (agency, type, days) in unknownDays)
        {
            CaFinished(Of(agency, type), type, days, 1);
        }

        foreach (var c in after)
        {
            var f = Of(c.AgencyId, c.Type);
            var n = c.Measure == RequestReportCount.Received ? -c.Count : c.Count;
            f.OpenAtEnd += n;
            f.CarriedOver += n;
        }

        if (periodEnded)
        {
            foreach (var (agency, type, outcome, waitingOnCa) in await StepsOpenAtEndAsync(period, agencyId, ct))
            {
                var f = Of(agency, type);
                f.AddOutcome(outcome);
                f.CaWaitingAtEnd += waitingOnCa ? 1 : 0;
            }
        }

        // Of the unresolved open requests with a due date, those due today or later are counted once per key (taken from
        // dueLater as they are), the rest are due before today. After a period that ended, the open cells give the number
        // open now only: the steps running at its end were judged above.
        foreach (var c in open)
        {
            var f = Of(c.AgencyId, c.Type);
            f.OpenAtEnd += c.Count;
            f.CarriedOver += c.Count;
            if (periodEnded)
            {
                continue;
            }

            if ((c.Value & RequestReportCount.OpenUnresolved) != 0 && ScienceDepartmentStep.Applies(c.Type))
            {
                var n = c.Count;
                if ((c.Value & RequestReportCount.OpenHasDueDate) == 0)
                {
                    f.AddOutcome(ScienceDepartmentStep.Unresolved(c.Type, c.Status, null, today), n);
                }
                else
                {
                    var key = (c.AgencyId, c.Type, c.Status);
                    var later = Math.Min(n, dueLater.GetValueOrDefault(key));
                    dueLater[key] = dueLater.GetValueOrDefault(key) - later;
                    f.AddOutcome(ScienceDepartmentStep.Unresolved(c.Type, c.Status, today, today), later);
                    f.AddOutcome(ScienceDepartmentStep.Unresolved(c.Type, c.Status, today.AddDays(-1), today), n - later);
                }
            }

            // Waiting for the Cục at the end: its period started and it has not answered in the period.
            if (c.Status == RequestStatus.AwaitingCaResult && (c.Value & RequestReportCount.OpenCaStarted) != 0 && !c.InPeriod
                && CaExpectedWorkingDays(c.Type) is not null)
            {
                f.CaWaitingAtEnd += c.Count;
            }
        }

        foreach (var ((agency, type), f) in figures)
        {
            f.CarriedOver -= f.Received;
            byType[type].Add(f);
            of(agency)?.Requests.Add(f);
        }
    }

    /// <summary>The Cục's answers in the period recorded without their working days (ADR 0037), counted from their two dates.</summary>
    private async Task<List<(int AgencyId, RequestType Type, int Days)>> CaAnswersWithoutDaysAsync(ReportPeriod period, int? agencyId,
        CalendarDeadlines deadlines, CancellationToken ct)
    {
        var (from, end) = (period.StartUtc, period.EndUtc);
        var rows = await db.Requests.AsNoTracking()
            .Where(r => r.CaAnsweredAtUtc >= from && r.CaAnsweredAtUtc < end && r.CaWorkingDays == null && r.CaWaitStartedAtUtc != null
                && r.FirstReceivedAtUtc != null && (agencyId == null || r.AgencyId == agencyId))
            .Select(r => new { r.AgencyId, r.Type, Start = r.CaWaitStartedAtUtc!.Value, End = r.CaAnsweredAtUtc!.Value })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.AgencyId, r.Type, Request.CaWorkingDaysBetween(deadlines, r.Start, r.End)))];
    }

    /// <summary>
    /// The requests open at the end of a period that ended whose Sở step was then unresolved, or whose Cục period had
    /// started: each judged by the rules <see cref="Count"/> uses (<see cref="StepOutcomeOf"/>,
    /// <see cref="WaitingOnCaAtEnd"/>) on its status and due date at the end, read from its history. Sở's step: its outcome
    /// (pending in time or overdue, or withdrawn); the Cục: whether it was still waiting.
    /// Sở resolves within days and the Cục within weeks, so these are the last weeks' requests, not the register.
    /// </summary>
    private async Task<List<(int AgencyId, RequestType Type, StepOutcome? Outcome, bool WaitingOnCa)>> StepsOpenAtEndAsync(ReportPeriod period,
        int? agencyId, CancellationToken ct)
    {
        var (from, end) = (period.StartUtc, period.EndUtc);
        var withStep = RequestTypes.All.Where(ScienceDepartmentStep.Applies).ToList();
        var running = db.Requests.AsNoTracking()
            .Where(r => (agencyId == null || r.AgencyId == agencyId) && r.FirstReceivedAtUtc < end && (r.ClosedAtUtc == null || r.ClosedAtUtc >= end))
            .Where(r => (withStep.Contains(r.Type) && (r.ResolvedAtUtc == null || r.ResolvedAtUtc >= end))
                || (r.CaWaitStartedAtUtc < end && !(r.CaAnsweredAtUtc >= from && r.CaAnsweredAtUtc < end)));
        var facts = await FactsAsync(running, end, ct);
        var result = new List<(int, RequestType, StepOutcome?, bool)>();
        foreach (var fact in facts)
        {
            // A step resolved before the end is in the counts of its month.
            var outcome = ScienceDepartmentStep.Applies(fact.Type) && !(fact.ResolvedAtUtc < end) ? StepOutcomeOf(fact, from, end, period.To) : null;
            result.Add((fact.AgencyId, fact.Type, outcome, WaitingOnCaAtEnd(fact, from, end)));
        }

        return result;
    }

    /// <summary>The Cục's expected period for <paramref name="type"/> in working days (configured), or null when its leg has no step.</summary>
    private int? CaExpectedWorkingDays(RequestType type) =>
        LegalDeadlines.StepFor(type, RequestStatus.AwaitingCaResult) is { } step ? settings.WorkingDays(step) : null;

    /// <summary>The measures counted by month of their event; an IN list, so that SQLite seeks each one's range of months.</summary>
    private static readonly int[] PeriodMeasures =
        [RequestReportCount.Received, RequestReportCount.Closed, RequestReportCount.Resolved, RequestReportCount.CaAnswered];

    /// <summary>The measures that take the requests open now back to those open at the end of a period that ended.</summary>
    private static readonly int[] AfterMeasures = [RequestReportCount.Received, RequestReportCount.Closed];

    /// <summary>The certificate measures counted by the month of their date (an IN list: one range of months each).</summary>
    private static readonly int[] PeriodCertificateMeasures =
        [CertificateReportCount.Started, CertificateReportCount.Revoked, CertificateReportCount.Expired];

    private sealed record Cell(int Measure, int AgencyId, RequestType Type, RequestStatus Status, int Value, bool InPeriod, int Count);

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
            figures.AddClosed(fact.Status);
        }
        else
        {
            figures.OpenAtEnd++;
        }

        if (ScienceDepartmentStep.Applies(fact.Type))
        {
            figures.AddOutcome(StepOutcomeOf(fact, from, end, asOf));
        }

        if (fact.CaStartUtc is { } caStart && InPeriod(fact.CaEndUtc) && CaExpectedWorkingDays(fact.Type) is { } expected)
        {
            figures.AddCaFinished(Request.CaWorkingDaysBetween(deadlines, caStart, fact.CaEndUtc!.Value), expected);
        }
        else if (WaitingOnCaAtEnd(fact, from, end))
        {
            figures.CaWaitingAtEnd++;
        }
    }

    /// <summary>
    /// Sở's step of a request of a type that has one, in the period from <paramref name="from"/> to <paramref name="end"/>:
    /// resolved in it (the timing it recorded), resolved before it (none), or unresolved at its end, judged by the domain on
    /// the status and due date then (<see cref="ScienceDepartmentStep"/>).
    /// </summary>
    private static StepOutcome? StepOutcomeOf(RequestFact fact, DateTime from, DateTime end, DateOnly asOf) =>
        fact.ResolvedAtUtc >= from && fact.ResolvedAtUtc < end && fact.Resolution is { } timing ? ScienceDepartmentStep.Resolved(timing)
        : fact.ResolvedAtUtc < from ? null
        : ScienceDepartmentStep.Unresolved(fact.Type, fact.StatusAtEnd, fact.DueAtEnd, asOf);

    /// <summary>
    /// Waiting on the Cục at the end of the period: its period started before the end and did not end in the period, the
    /// request stood in <see cref="RequestStatus.AwaitingCaResult"/> then, and the Cục's leg has an expected period.
    /// </summary>
    private bool WaitingOnCaAtEnd(RequestFact fact, DateTime from, DateTime end) =>
        fact.CaStartUtc < end && !(fact.CaEndUtc >= from && fact.CaEndUtc < end) && fact.StatusAtEnd == RequestStatus.AwaitingCaResult
        && CaExpectedWorkingDays(fact.Type) is not null;

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
        var counts = UseCounters
            ? await PlanCountsFromCountersAsync(planYear, agencyId, ct)
            : await expiring.GroupBy(c => new { c.Subscriber!.AgencyId, c.RenewalCount })
                .Select(g => new PlanCount(g.Key.AgencyId, g.Key.RenewalCount, g.Count())).ToListAsync(ct);
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

    /// <summary>The valid certificates expiring in the plan year per agency and renewal count, from the standing counts (ADR 0037).</summary>
    private async Task<List<PlanCount>> PlanCountsFromCountersAsync(int planYear, int? agencyId, CancellationToken ct)
    {
        var (fromMonth, toMonth) = ((planYear * 100) + 1, (planYear * 100) + 12);
        var rows = await db.CertificateReportCounts
            .Where(c => c.Count != 0 && (agencyId == null || c.AgencyId == agencyId) && c.Measure == CertificateReportCount.Standing
                && c.Month >= fromMonth && c.Month <= toMonth && c.Status == (int)CertificateStatus.Valid)
            .GroupBy(c => new { c.AgencyId, c.Value })
            .Select(g => new { g.Key.AgencyId, g.Key.Value, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => (r.AgencyId, RenewalCount: CertificateReportCount.RenewalCountOf(r.Value)))
            .Select(g => new PlanCount(g.Key.AgencyId, g.Key.RenewalCount, g.Sum(r => r.Count)))];
    }

    private sealed record PlanCount(int AgencyId, int RenewalCount, int Count);

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
    /// The requests' milestones, one lean row each from one covering index; with <paramref name="endOfPeriodThatEnded"/>,
    /// those still open then carry their state at that instant (<see cref="StateAtEndAsync"/>), else their current one.
    /// </summary>
    private static async Task<List<RequestFact>> FactsAsync(IQueryable<Request> requests, DateTime? endOfPeriodThatEnded, CancellationToken ct)
    {
        var facts = await requests
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
        if (endOfPeriodThatEnded is { } end)
        {
            await StateAtEndAsync(requests, end, facts, ct);
        }

        return facts;
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
