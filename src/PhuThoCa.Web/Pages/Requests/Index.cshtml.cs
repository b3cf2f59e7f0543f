using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Calendar;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Subscribers;

namespace PhuThoCa.Web.Pages.Requests;

/// <summary>
/// "Yêu cầu của cơ quan tôi": an officer sees the requests of the own agency (the query filter of
/// <see cref="AppDbContext"/> does the scoping), Sở users and auditors see every agency's. Server-side paging and filters;
/// the due status is computed on the working-day calendar.
/// </summary>
public class IndexModel(AppDbContext db, CurrentUser me, CalendarProvider calendars) : PageModel
{
    public const string OpenState = "open";
    public const string ClosedState = "closed";
    public const string SortNewest = "new";
    public const string SortDueLatest = "due_desc";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public RequestType? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public RequestStatus? Status { get; set; }

    /// <summary>"open", "closed" or empty for both.</summary>
    [BindProperty(SupportsGet = true, Name = "state")]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "due")]
    public DueStatus? Due { get; set; }

    [BindProperty(SupportsGet = true, Name = "agency")]
    public int? AgencyId { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Row> Rows { get; private set; } = null!;

    public List<SelectListItem> Agencies { get; private set; } = [];

    public int OverdueCount { get; private set; }

    public int DueTodayCount { get; private set; }

    public DateOnly Today => me.Today;

    public bool IsProvinceWide => me.IsProvinceWide;

    /// <summary>Only agency officers file requests; Sở users see and process them (see New/Index).</summary>
    public bool CanFile => me.IsOfficer;

    public string Heading => me.IsOfficer ? "Yêu cầu của cơ quan tôi" : "Yêu cầu chứng thực";

    public IDictionary<string, string?> RouteValues => new Dictionary<string, string?>
    {
        ["q"] = Query,
        ["type"] = Type?.ToString(),
        ["status"] = Status?.ToString(),
        ["state"] = State,
        ["due"] = Due?.ToString(),
        ["agency"] = AgencyId?.ToString(CultureInfo.InvariantCulture),
        ["sort"] = Sort,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (IsProvinceWide)
        {
            Agencies = await SubscriberFormOptions.AgenciesAsync(db, ct);
        }

        var today = me.Today;
        // What the subscribers' index says about the search text, read once for the counts and the page's statements
        // (SubscriberSearch.MatchesAsync): the ids of the few subscribers it names, shared by them all; for a common
        // fragment the counts still read every match, but the page tests the rows in its own order and stops when it is
        // full (an e-mail domain at 100,000 requests: three statements building the same set of every request, now one).
        var matches = string.IsNullOrWhiteSpace(Query) ? null : await SubscriberSearch.MatchesAsync(db, Query, ct);
        var query = Filtered(matches is { Many: true } ? null : matches);
        // The header's counts ignore the due filter itself, so they tell what the other choices would show; with the
        // filters' total they also give the pager's totals.
        var (counts, undated) = await CountAsync(query, today, ct);
        if (matches is { Many: true })
        {
            query = Filtered(matches);
        }

        OverdueCount = counts.Overdue;
        DueTodayCount = counts.DueToday;
        var dated = counts.Dated;
        if (Due is { } due)
        {
            query = ByDue(query, due, today);
            dated = counts.Of(due);
        }

        // The default sort (dated rows by due date, undated after them) runs as two index range reads over
        // IX_Requests_DueDate_CreatedAtUtc instead of one ORDER BY on "DueDate IS NULL", which no index serves.
        var page = Sort switch
        {
            SortNewest => await PagedList.FromCountAsync(
                Heads(query.OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)), dated + undated, PageNumber, cancellationToken: ct),
            SortDueLatest => await PagedList.FromCountAsync(
                Heads(query.OrderBy(r => r.DueDate == null).ThenByDescending(r => r.DueDate).ThenByDescending(r => r.CreatedAtUtc)),
                dated + undated, PageNumber, cancellationToken: ct),
            _ => await PagedList.FromCountsAsync(
                Heads(query.Where(r => r.DueDate != null).OrderBy(r => r.DueDate).ThenByDescending(r => r.CreatedAtUtc)), dated,
                Heads(query.Where(r => r.DueDate == null).OrderByDescending(r => r.CreatedAtUtc)), undated, PageNumber, cancellationToken: ct),
        };

        // Page first, then the lines of that page's requests only (one indexed read by RequestId).
        var ids = page.Items.Select(h => h.Id).ToList();
        var lines = await LinesAsync(l => ids.Contains(EF.Property<int>(l, "RequestId")), ct);

        var calendar = await calendars.GetAsync(db, ct);
        Rows = new PagedList<Row>([.. page.Items.Select(h =>
        {
            var own = lines.GetValueOrDefault(h.Id) ?? [];
            var data = new RowData(h.Id, h.ReceiptNumber, h.LetterNumber, h.Type, h.Status, h.AgencyName, h.CreatedAtUtc,
                h.SubmittedAtUtc, h.DueDate, h.DueStep, own.Count, [.. own.Take(2)]);
            return Row.From(data, calendar, today);
        })], page.Page, page.PageSize, page.Total);
        return Page();
    }

    /// <summary>The lines of the requests <paramref name="ofRequests"/> selects, in order, by request id.</summary>
    private async Task<Dictionary<int, List<LinePreview>>> LinesAsync(Expression<Func<RequestLine, bool>> ofRequests, CancellationToken ct) =>
        (await db.Set<RequestLine>().AsNoTracking()
                .Where(ofRequests)
                .Select(l => new
                {
                    RequestId = EF.Property<int>(l, "RequestId"),
                    l.Id,
                    Preview = new LinePreview(l.SubscriberName, l.SubscriberKind, l.CertificateSerial, l.TokenSerial),
                })
                .ToListAsync(ct))
            .GroupBy(l => l.RequestId)
            .ToDictionary(g => g.Key, g => g.OrderBy(l => l.Id).Select(l => l.Preview).ToList());

    /// <summary>
    /// The whole filtered list (same filters and order as the page, all pages, the agency scope of the query filter) as
    /// Excel, or as CSV with <c>format=csv</c>: every line's subscriber, dates as dates, counts as numbers.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var today = me.Today;
        var query = Filtered();
        if (Due is { } due)
        {
            query = ByDue(query, due, today);
        }

        var heads = Sort switch
        {
            SortNewest => await Heads(query.OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)).ToListAsync(ct),
            SortDueLatest => await Heads(query.OrderBy(r => r.DueDate == null).ThenByDescending(r => r.DueDate).ThenByDescending(r => r.CreatedAtUtc))
                .ToListAsync(ct),
            _ => [.. await Heads(query.Where(r => r.DueDate != null).OrderBy(r => r.DueDate).ThenByDescending(r => r.CreatedAtUtc)).ToListAsync(ct),
                .. await Heads(query.Where(r => r.DueDate == null).OrderByDescending(r => r.CreatedAtUtc)).ToListAsync(ct)],
        };

        // The lines of the exported requests only: the filtered query is a subquery, not a list of ids.
        var ids = query.Select(r => r.Id);
        var lines = await LinesAsync(l => ids.Contains(EF.Property<int>(l, "RequestId")), ct);

        var calendar = await calendars.GetAsync(db, ct);
        var agencyName = AgencyId is null ? null : await SubscriberFormOptions.AgencyNameAsync(db, AgencyId.Value, ct);
        return ListExport.Create(format, "yeu-cau", Heading,
            [("Từ khóa", Query), ("Loại yêu cầu", Type is null ? null : RequestLabels.TypeShort(Type.Value)),
                ("Trạng thái", Status is null ? null : RequestLabels.Status(Status.Value)),
                ("Tình trạng", State switch { OpenState => "Đang xử lý", ClosedState => "Đã kết thúc", _ => null }),
                ("Thời hạn", Due is null ? null : RequestLabels.Due(Due.Value)), ("Cơ quan", agencyName)],
            [new("Số tiếp nhận", Width: 20), new("Số công văn", Width: 16), new("Loại yêu cầu", Width: 22), new("Mẫu", Width: 12),
                new("Danh sách đề nghị", Width: 60), new("Số dòng", CellKind.Count, 9), new("Cơ quan", Width: 40), new("Trạng thái", Width: 24),
                new("Ngày lập", CellKind.DateTime, 17), new("Ngày gửi", CellKind.DateTime, 17), new("Hạn xử lý", CellKind.Date, 13),
                new("Tình hình thời hạn", Width: 18), new("Số ngày làm việc còn lại", CellKind.Count, 12), new("Bên đang xử lý", Width: 30)],
            heads.Select(h =>
            {
                var own = lines.GetValueOrDefault(h.Id) ?? [];
                var row = Row.From(new RowData(h.Id, h.ReceiptNumber, h.LetterNumber, h.Type, h.Status, h.AgencyName, h.CreatedAtUtc,
                    h.SubmittedAtUtc, h.DueDate, h.DueStep, own.Count, own), calendar, today);
                return new object?[]
                {
                    h.ReceiptNumber, h.LetterNumber, RequestLabels.TypeShort(h.Type), row.Form, row.LinesSummary, own.Count, h.AgencyName,
                    RequestLabels.Status(h.Status), h.CreatedAtUtc, h.SubmittedAtUtc, h.DueDate,
                    row.DueStatus is { } dueStatus ? RequestLabels.Due(dueStatus) : null, row.WorkingDaysLeft,
                    h.DueStep is { } step ? RequestLabels.Holder(step) : null,
                };
            }), me);
    }

    /// <summary>The requests matching every filter but the due one (the header counts are taken before it).</summary>
    /// <param name="matches">What the subscribers' index said about the search text, when read (RequestSearch.Matching).</param>
    private IQueryable<Request> Filtered(SubscriberMatches? matches = null)
    {
        var query = db.Requests.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            query = query.Matching(db, Query, matches);
        }

        if (Type is not null)
        {
            query = query.Where(r => r.Type == Type);
        }

        if (Status is not null)
        {
            query = query.Where(r => r.Status == Status);
        }

        query = State switch
        {
            OpenState => query.Where(Domain.Requests.Request.IsOpenExpression),
            ClosedState => query.Where(r => RequestStatuses.Closed.Contains(r.Status)),
            _ => query,
        };

        if (AgencyId is not null)
        {
            query = query.Where(r => r.AgencyId == AgencyId);
        }

        return query;
    }

    /// <summary>The request columns of a row; the lines are read afterwards for the page's ids only.</summary>
    private IQueryable<RowHead> Heads(IQueryable<Request> ordered) => ordered.Select(r => new RowHead(
        r.Id, r.ReceiptNumber, r.Letter.Number, r.Type, r.Status,
        db.Agencies.Where(a => a.Id == r.AgencyId).Select(a => a.Name).FirstOrDefault() ?? "",
        r.CreatedAtUtc, r.SubmittedAtUtc, r.DueDate, r.DueStep));

    private sealed record RowHead(int Id, string? ReceiptNumber, string? LetterNumber, RequestType Type, RequestStatus Status,
        string AgencyName, DateTime CreatedAtUtc, DateTime? SubmittedAtUtc, DateOnly? DueDate, DeadlineStep? DueStep);

    /// <summary>
    /// The dated rows by <see cref="WorkingDayCalendar.GetDueStatus"/> (the same test as <see cref="ByDue"/>) and, without
    /// a due filter, the undated rows. Without a text search, one statement of scalar counts: the dated rows, <see
    /// cref="ByDue"/>'s overdue and due-today rows (ranges of the (Status, DueDate, …) or (DueDate, …) index, which SQLite
    /// answers from the index alone) and the maintained total of the filters (<see cref="Totals"/>), the undated rows
    /// being that total less the dated ones. Issue 15: one row per due date read and classified here was 732 rows for the
    /// Received filter at 100,000 requests; one statement of conditional counts needs a GROUP BY on a constant, which
    /// SQLite runs through a temporary b-tree of every dated row (5,011 rows: about 3 ms in the sqlite3 shell, against
    /// 0.6 ms for the range counts); four statements cost EF's pipeline four times (session 20: one statement). With a
    /// text search one grouped statement over the matching rows gives every figure: it matches the text once, and only the
    /// matching rows are grouped.
    /// </summary>
    private async Task<(DueCounts Due, int Undated)> CountAsync(IQueryable<Request> query, DateOnly today, CancellationToken ct)
    {
        var undatedNeeded = Due is null;
        if (Totals() is not { } totals)
        {
            // One pass over the matching rows for every figure (a list of at most one row, none when nothing matches:
            // FirstOrDefault would log EF's "First without OrderBy"). Counting the undated matches in a statement of their
            // own let SQLite walk the due-date index's NULL range (most of the register) and test each row against the
            // text's id set: 9 ms of a 23 ms view for "pham thi" at 100,000 requests.
            var counts = (await query.GroupBy(r => 1)
                    .Select(g => new { All = g.Count(), Dated = g.Count(r => r.DueDate != null), Overdue = g.Count(r => r.DueDate < today), DueToday = g.Count(r => r.DueDate == today) })
                    .ToListAsync(ct)).SingleOrDefault();
            return counts is null
                ? (new DueCounts(0, 0, 0), 0)
                : (new DueCounts(counts.Dated, counts.Overdue, counts.DueToday), undatedNeeded ? counts.All - counts.Dated : 0);
        }

        var dated = query.Where(r => r.DueDate != null);
        var overdue = ByDue(query, DueStatus.Overdue, today);
        var dueToday = ByDue(query, DueStatus.DueToday, today);
        List<Expression<Func<int>>> figures = [() => dated.Count(), () => overdue.Count(), () => dueToday.Count()];
        if (undatedNeeded)
        {
            figures.Add(() => totals.Sum(c => c.Count));
        }

        var values = await db.ScalarsAsync(figures, ct);
        return (new DueCounts(values[0], values[1], values[2]), undatedNeeded ? Math.Max(0, values[3] - values[0]) : 0);
    }

    /// <summary>The dated rows of the filters by due status.</summary>
    private sealed record DueCounts(int Dated, int Overdue, int DueToday)
    {
        public int Of(DueStatus due) => due switch
        {
            DueStatus.Overdue => Overdue,
            DueStatus.DueToday => DueToday,
            _ => Dated - Overdue - DueToday,
        };
    }

    /// <summary>
    /// The maintained totals (<see cref="RequestCount"/>) of the same filters as <see cref="Filtered"/>, on the counts'
    /// columns (RequestCountTests.TheListsTotals_EqualACountOfTheirRows proves they agree): without a text search the
    /// undated rows (most of a register: a closed request has no due date) are that total less the dated rows, instead of
    /// a count of the NULL range that grew with the register (issue 15). Null with a text search, which they cannot apply.
    /// </summary>
    private IQueryable<RequestCount>? Totals()
    {
        if (!string.IsNullOrWhiteSpace(Query))
        {
            return null;
        }

        var totals = db.RequestCounts.AsQueryable();
        if (Type is not null)
        {
            totals = totals.Where(c => c.Type == Type);
        }

        if (Status is not null)
        {
            totals = totals.Where(c => c.Status == Status);
        }

        totals = State switch
        {
            OpenState => totals.Where(c => RequestStatuses.Open.Contains(c.Status)),
            ClosedState => totals.Where(c => RequestStatuses.Closed.Contains(c.Status)),
            _ => totals,
        };

        if (AgencyId is not null)
        {
            totals = totals.Where(c => c.AgencyId == AgencyId);
        }

        return totals;
    }

    /// <summary>Same test as <see cref="WorkingDayCalendar.GetDueStatus"/>, written so that the database evaluates it.</summary>
    private static IQueryable<Request> ByDue(IQueryable<Request> query, DueStatus due, DateOnly today) => due switch
    {
        DueStatus.OnTime => query.Where(r => r.DueDate != null && r.DueDate > today),
        DueStatus.DueToday => query.Where(r => r.DueDate == today),
        DueStatus.Overdue => query.Where(r => r.DueDate != null && r.DueDate < today),
    };

    public sealed record LinePreview(string SubscriberName, SubscriberKind Kind, string? CertificateSerial, string? TokenSerial);

    public sealed record RowData(int Id, string? ReceiptNumber, string? LetterNumber, RequestType Type, RequestStatus Status,
        string AgencyName, DateTime CreatedAtUtc, DateTime? SubmittedAtUtc, DateOnly? DueDate, DeadlineStep? DueStep, int LineCount,
        List<LinePreview> FirstLines);

    public sealed record Row(RowData Data, string Form, string LinesSummary, DueStatus? DueStatus, int? WorkingDaysLeft,
        DeadlineKind? DeadlineKind)
    {
        public bool IsEditable => RequestStatuses.IsEditable(Data.Status);

        public static Row From(RowData d, WorkingDayCalendar calendar, DateOnly today)
        {
            var issueKind = d.Type == RequestType.Issue && d.FirstLines.Count > 0 ? d.FirstLines[0].Kind : (SubscriberKind?)null;
            var names = d.FirstLines.Select(l => (l.CertificateSerial ?? l.TokenSerial) is { } serial
                ? $"{l.SubscriberName} ({serial})"
                : l.SubscriberName).ToList();
            var summary = d.LineCount == 0
                ? "Chưa có dòng nào"
                : string.Join("; ", names) + (d.LineCount > names.Count ? $" và {d.LineCount - names.Count} dòng khác" : "");
            DueStatus? due = d.DueDate is { } date ? WorkingDayCalendar.GetDueStatus(date, today) : null;
            int? left = d.DueDate is { } dueDate ? calendar.RemainingWorkingDays(dueDate, today) : null;
            DeadlineKind? kind = d.DueStep is { } step ? LegalDeadlines.Kind(step) : null;
            return new Row(d, RequestLabels.Form(d.Type, issueKind), summary, due, left, kind);
        }
    }
}
