using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Infrastructure.Reports;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Requests;

/// <summary>
/// Thống kê giải quyết đúng hạn (features G3.5; QĐ-PT Điều 8.4): the requests Sở received in a period, by type or agency,
/// counted as provincial administrative-reform reports do: received; resolved before the due date, on the due date, after
/// it; still pending and pending overdue at the end of the period; withdrawn. Only Mẫu 04 and 06 requests have a period
/// on Sở (Mẫu 01–03, 05 go to the Cục, Sở only tracks them). Exported to Excel with the filter in the header rows.
/// </summary>
[Authorize(Policy = Policies.ProvinceOversight)]
public class StatisticsModel(AppDbContext db, CurrentUser me) : PageModel
{
    public const string Title = "Thống kê giải quyết yêu cầu theo thời hạn";

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public RequestType? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "agency")]
    public int? AgencyId { get; set; }

    /// <summary>"type" (default) or "agency".</summary>
    [BindProperty(SupportsGet = true, Name = "by")]
    public string? By { get; set; }

    public List<StatisticsRow> Rows { get; private set; } = [];

    public StatisticsRow Total { get; private set; } = new("Tổng cộng");

    public List<SelectListItem> Agencies { get; private set; } = [];

    public DateOnly FromDate { get; private set; }

    public DateOnly ToDate { get; private set; }

    /// <summary>Pending counts are taken at the end of the period, or today if the period has not ended.</summary>
    public DateOnly AsOf { get; private set; }

    public bool ByAgency => By == "agency";

    public static IReadOnlyList<RequestType> Types { get; } = [.. RequestTypes.All.Where(RequestTypes.IsProcessedByScienceDepartment)];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ReadFilter())
        {
            await LoadAgenciesAsync(ct);
            return Page();
        }

        await ComputeAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        if (!ReadFilter())
        {
            await LoadAgenciesAsync(ct);
            return Page();
        }

        await ComputeAsync(ct);
        var agencyName = AgencyId is { } id ? Agencies.FirstOrDefault(a => a.Value == id.ToString(CultureInfo.InvariantCulture))?.Text : null;
        var sheet = new List<Dictionary<string, object?>>
        {
            Cells(Title.ToUpper(new CultureInfo("vi-VN"))),
            Cells($"Từ ngày {Format.Date(FromDate)} đến ngày {Format.Date(ToDate)}"),
            Cells("Loại yêu cầu: " + (Type is { } t ? RequestTypes.Label(t) : "Tất cả (Mẫu 04, 06)")),
            Cells("Cơ quan: " + (agencyName ?? "Tất cả")),
            Cells("Nhóm theo: " + (ByAgency ? "Cơ quan" : "Loại yêu cầu")),
            Cells($"Số đang giải quyết tính đến ngày {Format.Date(AsOf)}. Lập lúc {Format.DateTime(me.UtcNow)}, người lập: {me.DisplayName}"),
            Cells(),
            Cells(ByAgency ? "Cơ quan" : "Loại yêu cầu", "Tiếp nhận", "Giải quyết trước hạn", "Giải quyết đúng hạn", "Giải quyết quá hạn",
                "Đang giải quyết", "Đang giải quyết quá hạn", "Rút, hủy", "Tỷ lệ đúng hạn (%)"),
        };
        foreach (var row in Rows.Append(Total))
        {
            sheet.Add(Cells(row.Name, row.Received, row.Early, row.OnDueDay, row.Late, row.Pending, row.PendingOverdue, row.Withdrawn,
                row.OnTimeRate));
        }

        var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheet, printHeader: false, sheetName: "Thống kê", cancellationToken: ct);
        stream.Position = 0;
        var name = string.Create(CultureInfo.InvariantCulture, $"thong-ke-dung-han-{FromDate:yyyyMMdd}-{ToDate:yyyyMMdd}.xlsx");
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    /// <summary>Query string of the Excel link, keeping the filter.</summary>
    public Dictionary<string, string> RouteValues() => new()
    {
        ["from"] = Format.Date(FromDate),
        ["to"] = Format.Date(ToDate),
        ["type"] = Type?.ToString() ?? "",
        ["agency"] = AgencyId?.ToString(CultureInfo.InvariantCulture) ?? "",
        ["by"] = By ?? "",
    };

    private bool ReadFilter()
    {
        var today = me.Today;
        if (!Format.TryParseDate(From, out var from))
        {
            ModelState.AddModelError("from", "Ngày không hợp lệ, nhập theo dạng dd/MM/yyyy.");
        }

        if (!Format.TryParseDate(To, out var to))
        {
            ModelState.AddModelError("to", "Ngày không hợp lệ, nhập theo dạng dd/MM/yyyy.");
        }

        FromDate = from ?? new DateOnly(today.Year, 1, 1);
        ToDate = to ?? today;
        if (ModelState.IsValid && ToDate < FromDate)
        {
            ModelState.AddModelError("to", "Ngày kết thúc phải từ ngày bắt đầu trở về sau.");
        }

        From = ModelState.IsValid ? Format.Date(FromDate) : From;
        To = ModelState.IsValid ? Format.Date(ToDate) : To;
        By = By == "agency" ? "agency" : "type";
        if (Type is { } type && !Types.Contains(type))
        {
            Type = null;
        }

        AsOf = ToDate < today ? ToDate : today;
        return ModelState.IsValid;
    }

    private async Task LoadAgenciesAsync(CancellationToken ct) =>
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortKey)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct);

    private async Task ComputeAsync(CancellationToken ct)
    {
        await LoadAgenciesAsync(ct);
        var types = Type is { } only ? [only] : Types.ToList();
        var outcomes = AsOf >= me.Today
            ? await CountFromCountersAsync(db, FromDate, ToDate, AsOf, types, AgencyId, ByAgency, ct)
            : await CountFromRequestsAsync(db, FromDate, ToDate, AsOf, currentStateHolds: false, types, AgencyId, ct);
        var names = Agencies.ToDictionary(a => int.Parse(a.Value, CultureInfo.InvariantCulture), a => a.Text);
        Rows = [.. outcomes
            .GroupBy(x => ByAgency ? names.GetValueOrDefault(x.AgencyId, "") : RequestTypes.Label(x.Type))
            .OrderBy(g => g.Key, StringComparer.Create(new CultureInfo("vi-VN"), false))
            .Select(g => Sum(g.Key, g.Select(x => (x.Outcome, x.Count))))];
        Total = Sum("Tổng cộng", outcomes.Select(x => (x.Outcome, x.Count)));
    }

    /// <summary>
    /// The outcomes of the requests first received from <paramref name="from"/> to <paramref name="to"/>, as they stand
    /// now (a period that reaches today, <paramref name="asOf"/>), from the counters kept per month of first receipt
    /// (<see cref="ReceiptOutcomeCount"/>, ADR 0035), in one statement:
    /// <list type="bullet">
    /// <item>the counters of every month the period touches, province-wide, or per agency when the table is by agency or for one agency;</item>
    /// <item>less the requests of those months received outside the period (the days of its first month before
    /// <paramref name="from"/> and of its last month after <paramref name="to"/>), read from IX_Requests_Milestones;</item>
    /// <item>and, of the unresolved requests with a due date, those due today or later, read from the due-date index: the
    /// rest are past their due date, which is all <see cref="ScienceDepartmentStep.Unresolved"/> asks of a due date.</item>
    /// </list>
    /// What it reads is bounded by the months and agencies, not by the requests received in the period. The result equals
    /// <see cref="CountFromRequestsAsync"/>'s for the same period (<c>ReceiptOutcomeCountTests</c>).
    /// </summary>
    public static async Task<List<StatisticsOutcome>> CountFromCountersAsync(AppDbContext db, DateOnly from, DateOnly to, DateOnly asOf,
        IReadOnlyList<RequestType> types, int? agencyId, bool byAgency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var perAgency = byAgency || agencyId is not null;
        var firstMonth = new DateOnly(from.Year, from.Month, 1);
        var afterLastMonth = new DateOnly(to.Year, to.Month, 1).AddMonths(1);
        var (fromKey, toKey) = (RequestMonthCount.MonthKey(firstMonth), RequestMonthCount.MonthKey(afterLastMonth.AddMonths(-1)));
        var (fromUtc, toUtc) = (VietnamTime.StartUtc(from), VietnamTime.StartUtc(to.AddDays(1)));
        var (monthsFromUtc, monthsToUtc) = (VietnamTime.StartUtc(firstMonth), VietnamTime.StartUtc(afterLastMonth));
        var typeList = types.ToList();

        var counted = perAgency
            ? db.AgencyReceiptOutcomeCounts
                .Where(c => c.Month >= fromKey && c.Month <= toKey && typeList.Contains(c.Type) && (agencyId == null || c.AgencyId == agencyId))
                .GroupBy(c => new { c.AgencyId, c.Type, c.Resolution, c.Status, c.HasDueDate })
                .Select(g => new CountedCell { Part = CountedCell.Counted, AgencyId = g.Key.AgencyId, Type = g.Key.Type, Resolution = g.Key.Resolution, Status = g.Key.Status, HasDueDate = g.Key.HasDueDate, Count = g.Sum(c => c.Count) })
            : db.ReceiptOutcomeCounts
                .Where(c => c.Month >= fromKey && c.Month <= toKey && typeList.Contains(c.Type))
                .GroupBy(c => new { c.Type, c.Resolution, c.Status, c.HasDueDate })
                .Select(g => new CountedCell { Part = CountedCell.Counted, AgencyId = 0, Type = g.Key.Type, Resolution = g.Key.Resolution, Status = g.Key.Status, HasDueDate = g.Key.HasDueDate, Count = g.Sum(c => c.Count) });
        // One agency's rows are picked below, not here: on AgencyId, SQLite read every request of the agency through
        // IX_Requests_AgencyId_Status instead of the few the ranges hold.
        var requests = db.Requests.AsNoTracking().Where(r => typeList.Contains(r.Type));
        var outside = requests
            .Where(r => (r.FirstReceivedAtUtc >= monthsFromUtc && r.FirstReceivedAtUtc < fromUtc) || (r.FirstReceivedAtUtc >= toUtc && r.FirstReceivedAtUtc < monthsToUtc))
            .GroupBy(r => new
            {
                r.AgencyId,
                r.Type,
                Resolution = r.ResolvedAtUtc != null ? (int?)r.Resolution ?? ReceiptOutcomeCount.None : ReceiptOutcomeCount.None,
                Status = r.ResolvedAtUtc == null ? (int)r.Status : ReceiptOutcomeCount.None,
                HasDueDate = r.ResolvedAtUtc == null && r.DueDate != null,
            })
            .Select(g => new CountedCell { Part = CountedCell.Counted, AgencyId = g.Key.AgencyId, Type = g.Key.Type, Resolution = g.Key.Resolution, Status = g.Key.Status, HasDueDate = g.Key.HasDueDate, Count = -g.Count() });
        // The period is compared through COALESCE, which no index serves, so that the due-date index finds these rows (the
        // requests due today or later: the last working days' receipts). On the receipt time, SQLite read the whole
        // period's range of IX_Requests_Milestones.
        var notYetDue = requests
            .Where(r => r.DueDate >= asOf && r.ResolvedAtUtc == null
                && (r.FirstReceivedAtUtc ?? DateTime.MaxValue) >= fromUtc && (r.FirstReceivedAtUtc ?? DateTime.MaxValue) < toUtc)
            .GroupBy(r => new { r.AgencyId, r.Type, r.Status })
            .Select(g => new CountedCell { Part = CountedCell.NotYetDue, AgencyId = g.Key.AgencyId, Type = g.Key.Type, Resolution = ReceiptOutcomeCount.None, Status = (int)g.Key.Status, HasDueDate = true, Count = g.Count() });
        var parts = await counted.Concat(outside).Concat(notYetDue).ToListAsync(ct);

        var cells = new Dictionary<(int AgencyId, RequestType Type, int Resolution, int Status, bool HasDueDate), int>();
        var notYet = new Dictionary<(int AgencyId, RequestType Type, int Status), int>();
        foreach (var part in parts.Where(p => agencyId == null || p.AgencyId == agencyId))
        {
            var agency = perAgency ? part.AgencyId : 0;
            if (part.Part == CountedCell.NotYetDue)
            {
                notYet[(agency, part.Type, part.Status)] = notYet.GetValueOrDefault((agency, part.Type, part.Status)) + part.Count;
            }
            else
            {
                var key = (agency, part.Type, part.Resolution, part.Status, part.HasDueDate);
                cells[key] = cells.GetValueOrDefault(key) + part.Count;
            }
        }

        var outcomes = new List<StatisticsOutcome>();
        foreach (var ((agency, type, resolution, statusValue, hasDueDate), count) in cells.Where(c => c.Value != 0))
        {
            if (resolution != ReceiptOutcomeCount.None)
            {
                outcomes.Add(new(agency, type, count, ScienceDepartmentStep.Resolved((ResolutionTiming)resolution)));
                continue;
            }

            RequestStatus? status = statusValue == ReceiptOutcomeCount.None ? null : (RequestStatus)statusValue;
            if (!hasDueDate)
            {
                outcomes.Add(new(agency, type, count, ScienceDepartmentStep.Unresolved(type, status, null, asOf)));
                continue;
            }

            var dueLater = notYet.GetValueOrDefault((agency, type, statusValue));
            outcomes.Add(new(agency, type, dueLater, ScienceDepartmentStep.Unresolved(type, status, asOf, asOf)));
            outcomes.Add(new(agency, type, count - dueLater, ScienceDepartmentStep.Unresolved(type, status, asOf.AddDays(-1), asOf)));
        }

        return [.. outcomes.Where(o => o.Count != 0)];
    }

    /// <summary>
    /// The outcomes of the requests first received from <paramref name="from"/> to <paramref name="to"/>, counted in SQL
    /// over one index (IX_Requests_Milestones, ADR 0029): grouped by agency and type with the resolution the domain judged
    /// when it was made (<see cref="Request.Resolution"/>), or, for a request not resolved by <paramref name="asOf"/>, with
    /// its status and due date. Those stand as they did at the end of <paramref name="asOf"/> when
    /// <paramref name="currentStateHolds"/> (it is today) or the request had closed by then; only the requests still open
    /// at the end of a past period are judged from their history rows.
    /// </summary>
    public static async Task<List<StatisticsOutcome>> CountFromRequestsAsync(AppDbContext db, DateOnly from, DateOnly to, DateOnly asOf,
        bool currentStateHolds, IReadOnlyList<RequestType> types, int? agencyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var fromUtc = VietnamTime.StartUtc(from);
        var toUtc = VietnamTime.StartUtc(to.AddDays(1));
        var asOfEndUtc = VietnamTime.StartUtc(asOf.AddDays(1));
        var typeList = types.ToList();
        var query = db.Requests.AsNoTracking()
            .Where(r => r.FirstReceivedAtUtc >= fromUtc && r.FirstReceivedAtUtc < toUtc && typeList.Contains(r.Type));
        if (agencyId is { } id)
        {
            query = query.Where(r => r.AgencyId == id);
        }

        var settled = query.Where(r => currentStateHolds || r.ResolvedAtUtc < asOfEndUtc || r.ClosedAtUtc < asOfEndUtc);
        var groups = await settled
            .GroupBy(r => new
            {
                r.AgencyId,
                r.Type,
                Resolution = r.ResolvedAtUtc < asOfEndUtc ? r.Resolution : null,
                Status = r.ResolvedAtUtc < asOfEndUtc ? null : (RequestStatus?)r.Status,
                DueDate = r.ResolvedAtUtc < asOfEndUtc ? null : r.DueDate,
            })
            .Select(g => new { g.Key.AgencyId, g.Key.Type, g.Key.Resolution, g.Key.Status, g.Key.DueDate, Count = g.Count() })
            .ToListAsync(ct);
        var outcomes = groups.Select(g => new StatisticsOutcome(g.AgencyId, g.Type, g.Count, g.Resolution is { } timing
                ? ScienceDepartmentStep.Resolved(timing)
                : ScienceDepartmentStep.Unresolved(g.Type, g.Status, g.DueDate, asOf)))
            .ToList();
        if (!currentStateHolds)
        {
            outcomes.AddRange(await OpenAtTheEndAsync(query, asOf, asOfEndUtc, ct));
        }

        return outcomes;
    }

    /// <summary>
    /// The requests of <paramref name="received"/> neither resolved nor closed by the end of a past <paramref name="asOf"/>,
    /// judged by where they stood then (<see cref="RequestStateAt"/>).
    /// </summary>
    private static async Task<List<StatisticsOutcome>> OpenAtTheEndAsync(IQueryable<Request> received, DateOnly asOf, DateTime asOfEndUtc, CancellationToken ct)
    {
        var open = received.Where(r => !(r.ResolvedAtUtc < asOfEndUtc) && !(r.ClosedAtUtc < asOfEndUtc));
        var requests = await open.Select(r => new { r.Id, r.AgencyId, r.Type }).ToListAsync(ct);
        var states = await RequestStateAt.ReadAsync(open, asOfEndUtc, ct);
        return [.. requests.Select(r =>
        {
            var state = states.GetValueOrDefault(r.Id);
            return new StatisticsOutcome(r.AgencyId, r.Type, 1, ScienceDepartmentStep.Unresolved(r.Type, state?.Status, state?.DueDate, asOf));
        })];
    }

    /// <summary>A row of <see cref="CountFromCountersAsync"/>'s one statement.</summary>
    private sealed class CountedCell
    {
        public const int Counted = 0;

        public const int NotYetDue = 1;

        public int Part { get; init; }

        public int AgencyId { get; init; }

        public RequestType Type { get; init; }

        public int Resolution { get; init; }

        public int Status { get; init; }

        public bool HasDueDate { get; init; }

        public int Count { get; init; }
    }

    private static StatisticsRow Sum(string name, IEnumerable<(StepOutcome Outcome, int Count)> outcomes)
    {
        var list = outcomes.ToList();
        int CountOf(Func<StepOutcome, bool> which) => list.Where(o => which(o.Outcome)).Sum(o => o.Count);
        return new StatisticsRow(name)
        {
            Received = list.Sum(o => o.Count),
            Early = CountOf(o => o == StepOutcome.Early),
            OnDueDay = CountOf(o => o == StepOutcome.OnDueDay),
            Late = CountOf(o => o == StepOutcome.Late),
            Pending = CountOf(o => o is StepOutcome.Pending or StepOutcome.PendingOverdue),
            PendingOverdue = CountOf(o => o == StepOutcome.PendingOverdue),
            Withdrawn = CountOf(o => o == StepOutcome.Withdrawn),
        };
    }

    private static Dictionary<string, object?> Cells(params object?[] values)
    {
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < 9; i++)
        {
            row[((char)('A' + i)).ToString()] = i < values.Length ? values[i] : null;
        }

        return row;
    }

}

/// <summary>How many requests of an agency (0 when counted province-wide) and type came to an outcome.</summary>
public sealed record StatisticsOutcome(int AgencyId, RequestType Type, int Count, StepOutcome Outcome);

/// <summary>One line of the statistics table.</summary>
public sealed record StatisticsRow(string Name)
{
    public int Received { get; init; }

    /// <summary>Giải quyết trước hạn: resolved before the due date.</summary>
    public int Early { get; init; }

    /// <summary>Giải quyết đúng hạn: resolved on the due date itself.</summary>
    public int OnDueDay { get; init; }

    /// <summary>Giải quyết quá hạn.</summary>
    public int Late { get; init; }

    /// <summary>Đang giải quyết (in time or not) at the end of the period, returned-for-supplement included.</summary>
    public int Pending { get; init; }

    public int PendingOverdue { get; init; }

    /// <summary>Rút, hủy: cancelled by the agency before Sở resolved it.</summary>
    public int Withdrawn { get; init; }

    public int Resolved => Early + OnDueDay + Late;

    /// <summary>Tỷ lệ đúng hạn: (before + on the due date) / resolved, in percent with one decimal; null when nothing was resolved.</summary>
    public double? OnTimeRate => ScienceDepartmentStep.OnTimeRate(Early, OnDueDay, Late);
}
