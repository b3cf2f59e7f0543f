using System.Linq.Expressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Subscribers;
using PhuThoCa.Web.Requests;
using PhuThoCa.Web.Requests.Review;

namespace PhuThoCa.Web.Pages.Requests;

/// <summary>
/// Việc cần xử lý (features G2.6, G3.4): the open requests waiting for Sở KH&amp;CN, overdue first then by due date, with
/// counts per step. The Cục's legs are listed with the working days elapsed, never as overdue.
/// </summary>
[Authorize(Policy = Policies.ProvinceOversight)]
public class InboxModel(AppDbContext db, CurrentUser me, RequestServices services) : PageModel
{
    /// <summary>Statuses where Sở has the next step or tracks the Cục.</summary>
    public static readonly IReadOnlyList<RequestStatus> WaitingForScienceDepartment =
        [RequestStatus.Submitted, RequestStatus.Received, RequestStatus.Accepted, RequestStatus.AwaitingCaResult, RequestStatus.ResultReceived];

    /// <summary>Sở's own legal steps: the ones that can be overdue in Sở's hands.</summary>
    public static readonly IReadOnlyList<DeadlineStep> ScienceDepartmentSteps = [DeadlineStep.FileOnCaPortal, DeadlineStep.RecoverToken];

    /// <summary>The statuses in which Sở's own steps run (<see cref="LegalDeadlines.StepFor"/>).</summary>
    private static readonly RequestStatus[] ScienceDepartmentStepStatuses = [RequestStatus.Received, RequestStatus.Accepted];

    /// <summary><see cref="ScienceDepartmentSteps"/> as the maintained clock counts key them (<see cref="RequestClockCount.Clock"/>).</summary>
    private static readonly int[] ScienceDepartmentClocks = [.. ScienceDepartmentSteps.Select(RequestClockCount.Of)];

    public static readonly IReadOnlyList<(string Key, string Label)> Groups =
    [
        ("", "Tất cả"),
        ("overdue", "Quá hạn"),
        ("submitted", "Chờ tiếp nhận"),
        ("late", "Chậm tiếp nhận"),
        ("received", "Đang kiểm tra hồ sơ"),
        ("accepted", "Đã chấp nhận, chờ thực hiện"),
        ("ca", "Chờ kết quả của Cục"),
        ("handover", "Chờ bàn giao"),
    ];

    [BindProperty(SupportsGet = true, Name = "group")]
    public string? Group { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The page of the chosen group shown (page size as the other lists), in the inbox's order.</summary>
    public PagedList<Row> Rows { get; private set; } = new([], 1, PagedList<Row>.DefaultPageSize, 0);

    /// <summary>Rows per group key of <see cref="Groups"/>, all counted by the database.</summary>
    public Dictionary<string, int> Counts { get; private set; } = [];

    public int DueToday { get; private set; }

    public DateOnly Today => me.Today;

    /// <summary>May act on the rows (policy <see cref="Policies.ScienceDepartment"/>); auditors only read.</summary>
    public bool CanAct { get; private set; }

    /// <summary>What the bulk action did to each selected request (features G2.7), shown above the list.</summary>
    public List<BulkOutcome> Outcomes { get; private set; } = [];

    /// <summary>The group and page, for the pager's links and the bulk form.</summary>
    public IDictionary<string, string?> RouteValues => new Dictionary<string, string?> { ["group"] = string.IsNullOrEmpty(Group) ? null : Group };

    /// <summary>
    /// Sở's own legal step runs (filing on the Cục's portal, recovering a token): the only deadlines of the waiting
    /// requests that can be "quá hạn" or "đến hạn hôm nay" in Sở's hands. <see cref="DeadlineView.IsOverdue"/> calls every
    /// legal period overdue after its due date; among the waiting statuses the only legal steps that run are these two, in
    /// Received and Accepted (<see cref="LegalDeadlines.StepFor"/>; the agency's token return runs in AwaitingTokenReturn).
    /// </summary>
    private static readonly Expression<Func<Request, bool>> ScienceDepartmentStepRuns = r => r.DueStep != null
        && ScienceDepartmentSteps.Contains(r.DueStep.Value) && ScienceDepartmentStepStatuses.Contains(r.Status);

    /// <summary>
    /// Sent and waiting for Sở's receipt, timed from its sending: status Submitted, no running step (hence no due date,
    /// <see cref="LegalDeadlines.StepFor"/>), a sending time. What the clock counts call <see cref="RequestClockCount.WaitingForReceipt"/>.
    /// </summary>
    private static readonly Expression<Func<Request, bool>> WaitingForReceipt = r => r.Status == RequestStatus.Submitted
        && r.DueDate == null && r.SubmittedAtUtc != null;

    /// <summary>
    /// Sở's running step is past its due date: <see cref="Domain.Calendar.WorkingDayCalendar.GetDueStatus"/> is Overdue
    /// exactly when the due date is before today. The one definition of the inbox's group and its order; the navbar
    /// badge, the inbox and the dashboard count it with <see cref="OverdueForScienceDepartmentCount"/>.
    /// </summary>
    public static Expression<Func<Request, bool>> IsOverdueForScienceDepartment(DateOnly today) =>
        Domain.Requests.Request.And(ScienceDepartmentStepRuns, r => r.DueDate < today);

    /// <summary>Sở's running step is due today (the inbox's and the dashboard's "Đến hạn hôm nay").</summary>
    public static Expression<Func<Request, bool>> IsDueTodayForScienceDepartment(DateOnly today) =>
        Domain.Requests.Request.And(ScienceDepartmentStepRuns, r => r.DueDate == today);

    /// <summary>
    /// Sent and not received, late on the day whose cutoff is <paramref name="lateIfSentBefore"/>
    /// (<see cref="ReceiptWait.LateIfSentBefore"/>, the SQL form of <see cref="ReceiptWait.IsLate"/>). A sent request has
    /// no running step (<see cref="LegalDeadlines.StepFor"/>), hence no due date: the condition says so, so that the late
    /// rows are read in the order of their sending time from the index.
    /// </summary>
    public static Expression<Func<Request, bool>> IsLateToReceive(DateTime lateIfSentBefore) =>
        Domain.Requests.Request.And(WaitingForReceipt, r => r.SubmittedAtUtc < lateIfSentBefore);

    /// <summary>
    /// The number of requests <see cref="IsOverdueForScienceDepartment"/> selects, without reading them: Sở's running
    /// steps with a due date, from the maintained clock counts (ADR 0034), less those due today or later (an index range
    /// over the last few working days' receipts). Counting the overdue rows themselves read the whole backlog on every
    /// view of the dashboard, the inbox and the menu (issue 15). An expression, so that a page can evaluate it with its
    /// other figures in one statement (<see cref="AppDbContext.ScalarsAsync"/>).
    /// </summary>
    public static Expression<Func<int>> OverdueForScienceDepartmentCount(AppDbContext db, DateOnly today)
    {
        var clocks = db.RequestClockCounts.Where(c => ScienceDepartmentStepStatuses.Contains(c.Status) && ScienceDepartmentClocks.Contains(c.Clock));
        var notYetDue = db.Requests.Where(Domain.Requests.Request.And(ScienceDepartmentStepRuns, r => r.DueDate >= today));
        return () => clocks.Sum(c => c.Count) - notYetDue.Count();
    }

    /// <summary>
    /// The number of requests <see cref="IsLateToReceive"/> selects, without reading them: the sent requests waiting for
    /// receipt (maintained clock counts, ADR 0034) less those sent at or after the cutoff (an index range over the last
    /// working days' sendings).
    /// </summary>
    public static Expression<Func<int>> LateToReceiveCount(AppDbContext db, DateTime lateIfSentBefore)
    {
        var waiting = db.RequestClockCounts.Where(c => c.Status == RequestStatus.Submitted && c.Clock == RequestClockCount.WaitingForReceipt);
        var notLate = db.Requests.Where(Domain.Requests.Request.And(WaitingForReceipt, r => r.SubmittedAtUtc >= lateIfSentBefore));
        return () => waiting.Sum(c => c.Count) - notLate.Count();
    }

    /// <summary>The menu's overdue badge: <see cref="OverdueForScienceDepartmentCount"/> alone.</summary>
    public static Task<int> CountOverdueForScienceDepartmentAsync(AppDbContext db, DateOnly today, CancellationToken ct) =>
        db.ScalarAsync(OverdueForScienceDepartmentCount(db, today), ct);

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanAct = await me.CanAsync(Policies.ScienceDepartment);
        var deadlines = await services.DeadlinesAsync(ct);
        var today = me.Today;
        var lateIfSentBefore = ReceiptWait.LateIfSentBefore(deadlines, today);
        var statuses = WaitingForScienceDepartment.ToList();

        // Counts per status from the maintained counts (a sum over agencies × types, whatever the register's size, ADR 0028),
        // the overdue and late from the clock counts (ADR 0034), and an index range for the due today, those three in one
        // statement.
        var perStatus = await db.RequestCounts.Where(c => statuses.Contains(c.Status)).GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Sum(c => c.Count) }).ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        int Of(RequestStatus status) => perStatus.GetValueOrDefault(status);
        var dueToday = db.Requests.Where(IsDueTodayForScienceDepartment(today));
        var figures = await db.ScalarsAsync(
            [OverdueForScienceDepartmentCount(db, today), LateToReceiveCount(db, lateIfSentBefore), () => dueToday.Count()], ct);
        var (overdue, late) = (figures[0], figures[1]);
        DueToday = figures[2];
        Counts = new Dictionary<string, int>
        {
            [""] = perStatus.Values.Sum(),
            ["overdue"] = overdue,
            ["submitted"] = Of(RequestStatus.Submitted),
            ["late"] = late,
            ["received"] = Of(RequestStatus.Received),
            ["accepted"] = Of(RequestStatus.Accepted),
            ["ca"] = Of(RequestStatus.AwaitingCaResult),
            ["handover"] = Of(RequestStatus.ResultReceived),
        };
        Group = Groups.Any(g => g.Key == Group) ? Group : "";

        var total = Counts[Group!];
        var pageSize = PagedList<Row>.DefaultPageSize;
        var page = PagedList.ClampPage(PageNumber, total, pageSize);
        var shown = await PageAsync(Segments(Group!, today, lateIfSentBefore, overdue, late), total, (page - 1) * pageSize, pageSize, ct);

        // Names and lines only for the rows shown.
        var ids = shown.Select(r => r.Id).ToList();
        var agencies = await SubscriberFormOptions.AgencyNamesAsync(db, shown.Select(r => r.AgencyId).ToHashSet(), ct);
        var lines = (ids.Count == 0 ? [] : await db.Set<RequestLine>().AsNoTracking().Where(l => ids.Contains(EF.Property<int>(l, "RequestId")))
                .Select(l => new LineName(EF.Property<int>(l, "RequestId"), l.Id, l.SubscriberName)).ToListAsync(ct))
            .ToLookup(l => l.RequestId);
        Rows = new PagedList<Row>([.. shown.Select(i => new Row(i.Id, i.ReceiptNumber, i.Type, i.Status,
            agencies.GetValueOrDefault(i.AgencyId, ""),
            lines[i.Id].OrderBy(l => l.Id).Select(l => l.SubscriberName).FirstOrDefault(), lines[i.Id].Count(),
            i.SubmittedAtUtc, i.ReceivedAtUtc, DeadlineView.For(i.DueDate, i.DueStep, today, deadlines),
            ReceiptWait.For(i.Status, i.SubmittedAtUtc, deadlines, today)))], page, pageSize, total);
    }

    /// <summary>
    /// The inbox's order as consecutive parts, each read in index order: overdue first (by due date), then late to receive
    /// (by sending time), then the other requests with a deadline (by due date), then those without one (by sending time);
    /// ties by sending time, then id. The same order as sorting every row on (overdue or late, due date or none last,
    /// sending time), without reading them: a request has a due date exactly when a step runs
    /// (<see cref="Request.DueStep"/> and <see cref="Request.DueDate"/> are set together), overdue requests have one and
    /// late ones have none. A group keeps the parts and statuses that belong to it; a part's total is known from the
    /// counts when the group keeps it whole.
    /// </summary>
    private static List<Part> Segments(string group, DateOnly today, DateTime lateIfSentBefore, int overdue, int late)
    {
        var isOverdue = IsOverdueForScienceDepartment(today);
        var isLate = IsLateToReceive(lateIfSentBefore);
        Part[] parts =
        [
            new([RequestStatus.Received, RequestStatus.Accepted], isOverdue, ByDueDate: true, overdue),
            new([RequestStatus.Submitted], isLate, ByDueDate: false, late),
            new(WaitingForScienceDepartment, Domain.Requests.Request.And(r => r.DueDate != null, Not(isOverdue)), ByDueDate: true, null),
            new(WaitingForScienceDepartment, Domain.Requests.Request.And(r => r.DueDate == null, Not(isLate)), ByDueDate: false, null),
        ];
        RequestStatus? only = group switch
        {
            "submitted" => RequestStatus.Submitted,
            "received" => RequestStatus.Received,
            "accepted" => RequestStatus.Accepted,
            "ca" => RequestStatus.AwaitingCaResult,
            "handover" => RequestStatus.ResultReceived,
            _ => null,
        };
        return group switch
        {
            "overdue" => [parts[0]],
            "late" => [parts[1]],
            _ when only is { } status => [.. parts.Where(p => p.Statuses.Contains(status))
                .Select(p => p with { Statuses = [status], Total = p.Statuses.Count == 1 ? p.Total : null })],
            _ => [.. parts],
        };
    }

    /// <summary>
    /// <paramref name="take"/> rows after <paramref name="skip"/> over the parts in turn. A part spanning several statuses
    /// is read as one index-ordered query per status, each limited to what the page needs, merged here in the same order.
    /// The last part's total is what the others leave of the group's.
    /// </summary>
    private async Task<List<Lean>> PageAsync(List<Part> parts, int total, int skip, int take, CancellationToken ct)
    {
        var shown = new List<Lean>(take);
        var before = 0;
        for (var i = 0; i < parts.Count && shown.Count < take; i++)
        {
            var part = parts[i];
            var partTotal = part.Total ?? (i == parts.Count - 1
                ? total - before
                : await db.Requests.Where(r => part.Statuses.Contains(r.Status)).CountAsync(part.Where, ct));
            if (skip < before + partTotal)
            {
                var partSkip = Math.Max(0, skip - before);
                var partTake = take - shown.Count;
                var read = new List<Lean>();
                foreach (var status in part.Statuses)
                {
                    var query = Ordered(db.Requests.AsNoTracking().Where(r => r.Status == status).Where(part.Where), part.ByDueDate);
                    read.AddRange(await (part.Statuses.Count == 1 ? query.Skip(partSkip) : query).Take(part.Statuses.Count == 1 ? partTake : partSkip + partTake)
                        .ToListAsync(ct));
                }

                shown.AddRange(part.Statuses.Count == 1
                    ? read
                    : read.OrderBy(r => r.DueDate).ThenBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id).Skip(partSkip).Take(partTake));
            }

            before += partTotal;
        }

        return shown;
    }

    private static IQueryable<Lean> Ordered(IQueryable<Request> requests, bool byDueDate) =>
        (byDueDate ? requests.OrderBy(r => r.DueDate).ThenBy(r => r.SubmittedAtUtc) : requests.OrderBy(r => r.SubmittedAtUtc))
        .ThenBy(r => r.Id)
        .Select(r => new Lean
        {
            Id = r.Id,
            ReceiptNumber = r.ReceiptNumber,
            Type = r.Type,
            Status = r.Status,
            AgencyId = r.AgencyId,
            SubmittedAtUtc = r.SubmittedAtUtc,
            ReceivedAtUtc = r.ReceivedAtUtc,
            DueDate = r.DueDate,
            DueStep = r.DueStep,
        });

    private static Expression<Func<Request, bool>> Not(Expression<Func<Request, bool>> condition) =>
        Expression.Lambda<Func<Request, bool>>(Expression.Not(condition.Body), condition.Parameters);

    /// <summary>One part of the inbox's order: its statuses, its condition, its sort, and its row count when known.</summary>
    private sealed record Part(IReadOnlyList<RequestStatus> Statuses, Expression<Func<Request, bool>> Where, bool ByDueDate, int? Total);

    /// <summary>The columns a row needs from Requests.</summary>
    private sealed class Lean
    {
        public int Id { get; init; }

        public string? ReceiptNumber { get; init; }

        public RequestType Type { get; init; }

        public RequestStatus Status { get; init; }

        public int AgencyId { get; init; }

        public DateTime? SubmittedAtUtc { get; init; }

        public DateTime? ReceivedAtUtc { get; init; }

        public DateOnly? DueDate { get; init; }

        public DeadlineStep? DueStep { get; init; }
    }

    private sealed record LineName(int RequestId, int Id, string SubscriberName);


    /// <summary>The actions the inbox can apply to several requests at once (features G2.7), with their labels.</summary>
    public static readonly IReadOnlyList<(RequestAction Action, string Label)> BulkActions =
    [
        (RequestAction.Receive, "Tiếp nhận"),
        (RequestAction.Accept, "Chấp nhận"),
        (RequestAction.ReturnForSupplement, "Yêu cầu bổ sung"),
        (RequestAction.Reject, "Từ chối"),
    ];

    [BindProperty]
    public RequestAction BulkAction { get; set; } = RequestAction.Receive;

    /// <summary>One reason for all the selected requests: required to return or reject, a note otherwise.</summary>
    [BindProperty]
    public string? BulkReason { get; set; }

    /// <summary>Where the table rows have a checkbox: waiting for receipt, or received and being checked.</summary>
    public static bool IsSelectable(RequestStatus status) => status is RequestStatus.Submitted or RequestStatus.Received;

    /// <summary>
    /// The bulk form: applies the chosen action to each selected request as its details page would, one save per request
    /// so that one refusal (already handled by a colleague, not eligible any more …) does not stop the others, and lists
    /// the outcome of each. One shared reason for returns and rejections.
    /// </summary>
    public async Task<IActionResult> OnPostBulkAsync([FromForm] int[] selected, [FromServices] ReceiveRequest receive,
        [FromServices] AcceptRequest accept, [FromServices] ReturnForSupplement returnForSupplement, [FromServices] RejectRequest reject,
        CancellationToken ct)
    {
        if (!await me.CanAsync(Policies.ScienceDepartment))
        {
            return Forbid();
        }

        // The shared reason goes through the chosen action's own input rules (required, length), as on the details page.
        BulkStep? step = null;
        if (BulkAction == RequestAction.Receive)
        {
            step = Step(receive, new ReceiveInput { Note = BulkReason });
        }
        else if (BulkAction == RequestAction.Accept && await me.CanAsync(Policies.AcceptRequests))
        {
            step = Step(accept, new NoteInput { Note = BulkReason });
        }
        else if (BulkAction == RequestAction.ReturnForSupplement)
        {
            step = Step(returnForSupplement, new ReturnInput { Reason = BulkReason });
        }
        else if (BulkAction == RequestAction.Reject && await me.CanAsync(Policies.RejectRequests))
        {
            step = Step(reject, new RejectInput { Reason = BulkReason });
        }

        if (step is null)
        {
            ModelState.AddModelError(nameof(BulkAction), BulkAction switch
            {
                RequestAction.Accept => "Chỉ Lãnh đạo Sở được chấp nhận yêu cầu (theo cấu hình của Sở).",
                RequestAction.Reject => "Chỉ Lãnh đạo Sở được từ chối yêu cầu (theo cấu hình của Sở).",
                _ => "Chọn thao tác trong danh sách.",
            });
        }
        else
        {
            foreach (var message in await step.ValidateAsync(ct))
            {
                ModelState.AddModelError(nameof(BulkReason), message);
            }
        }

        if (selected.Length == 0)
        {
            ModelState.AddModelError(string.Empty, "Chọn ít nhất một yêu cầu.");
        }

        if (ModelState.IsValid)
        {
            foreach (var id in selected.Distinct().Take(MaxBulk))
            {
                Outcomes.Add(await ApplyAsync(id, step!, ct));
            }
        }

        db.ChangeTracker.Clear();
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>At most this many requests per bulk action.</summary>
    public const int MaxBulk = 100;

    private BulkStep Step<TInput>(RequestActionHandler<TInput> handler, TInput input)
        where TInput : class =>
        new(async ct => (await handler.ValidateAsync(null, input, me.Today, ct)).Errors.Select(e => e.ErrorMessage).ToList(),
            (request, ct) => handler.HandleAsync(request, input, me.Actor(), ct));

    private async Task<BulkOutcome> ApplyAsync(int id, BulkStep step, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var request = await db.Requests.Include(r => r.Lines).Include(r => r.History).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return new BulkOutcome(id, null, false, "Không tìm thấy yêu cầu.");
        }

        try
        {
            var message = await step.Apply(request, ct);
            return new BulkOutcome(id, request.ReceiptNumber, true, message);
        }
        catch (Domain.Common.DomainRuleException e)
        {
            return new BulkOutcome(id, request.ReceiptNumber, false, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new BulkOutcome(id, request.ReceiptNumber, false, DomainRuleFilter.ConcurrencyMessage);
        }
    }

    /// <summary>The chosen bulk action with its one shared input: its shape check and its application to one request.</summary>
    private sealed record BulkStep(Func<CancellationToken, Task<List<string>>> ValidateAsync,
        Func<Request, CancellationToken, Task<string>> Apply);

    public sealed record BulkOutcome(int RequestId, string? ReceiptNumber, bool Succeeded, string Message);

    public sealed record Row(int Id, string? ReceiptNumber, RequestType Type, RequestStatus Status, string Agency,
        string? FirstSubscriber, int LineCount, DateTime? SubmittedAtUtc, DateTime? ReceivedAtUtc, DeadlineView? Deadline,
        ReceiptWait? Wait)
    {
        /// <summary>What happens next, and who does it.</summary>
        public string NextStep => (Type, Status) switch
        {
            (_, RequestStatus.Submitted) when RequestTypes.IsProcessedByScienceDepartment(Type) => "Tiếp nhận hồ sơ",
            (_, RequestStatus.Submitted) => "Ghi nhận bản sao văn bản gửi Cục",
            (_, RequestStatus.Received) => "Kiểm tra: chấp nhận, từ chối hoặc yêu cầu bổ sung",
            (RequestType.RecoverToken, RequestStatus.Accepted) => "Khôi phục thiết bị",
            (_, RequestStatus.Accepted) => "Tạo hồ sơ trên Hệ thống của Cục",
            (_, RequestStatus.AwaitingCaResult) => "Theo dõi, ghi nhận kết quả của Cục",
            (RequestType.Issue, RequestStatus.ResultReceived) => "Chờ cơ quan bàn giao cho thuê bao",
            (_, RequestStatus.ResultReceived) => "Gửi kết quả cho người được giao tiếp nhận",
            (_, RequestStatus.Draft or RequestStatus.ReturnedForSupplement or RequestStatus.Rejected or RequestStatus.RejectedByCa
                or RequestStatus.AwaitingTokenReturn or RequestStatus.Completed or RequestStatus.Cancelled) => RequestStatuses.Label(Status),
        };
    }
}
