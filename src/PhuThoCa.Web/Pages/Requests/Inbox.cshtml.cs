using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
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

    public List<Row> Rows { get; private set; } = [];

    public Dictionary<string, int> Counts { get; private set; } = [];

    public int DueToday { get; private set; }

    public DateOnly Today => me.Today;

    /// <summary>Staff and leaders act on requests; admins and auditors only look.</summary>
    /// <summary>May act on the rows (policy <see cref="Policies.ScienceDepartment"/>); auditors only read.</summary>
    public bool CanAct { get; private set; }

    /// <summary>What the bulk action did to each selected request (features G2.7), shown above the list.</summary>
    public List<BulkOutcome> Outcomes { get; private set; } = [];

    /// <summary>Open requests whose running legal step is Sở's and whose due date has passed (navbar badge and inbox).</summary>
    public static IQueryable<Request> OverdueForScienceDepartment(AppDbContext db, DateOnly today) =>
        db.Requests.Where(r => r.DueDate < today && r.DueStep != null
            && (r.DueStep == DeadlineStep.FileOnCaPortal || r.DueStep == DeadlineStep.RecoverToken)
            && (r.Status == RequestStatus.Received || r.Status == RequestStatus.Accepted));

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanAct = await me.CanAsync(Policies.ScienceDepartment);
        var deadlines = await services.DeadlinesAsync(ct);
        var today = me.Today;
        var statuses = WaitingForScienceDepartment.ToList();
        // Lean columns of every waiting request for the counts and the order; names and lines only for the rows shown.
        var items = await db.Requests.AsNoTracking().Where(r => statuses.Contains(r.Status))
            .Select(r => new { r.Id, r.ReceiptNumber, r.Type, r.Status, r.AgencyId, r.SubmittedAtUtc, r.ReceivedAtUtc, r.DueDate, r.DueStep })
            .ToListAsync(ct);
        var agencyOf = items.ToDictionary(i => i.Id, i => i.AgencyId);

        var all = items.Select(i => new Row(i.Id, i.ReceiptNumber, i.Type, i.Status, "", null, 0,
                i.SubmittedAtUtc, i.ReceivedAtUtc, DeadlineView.For(i.DueDate, i.DueStep, today, deadlines),
                ReceiptWait.For(i.Status, i.SubmittedAtUtc, deadlines, today)))
            .OrderByDescending(r => r.Deadline is { IsOverdue: true } || r.Wait is { IsLate: true })
            .ThenBy(r => r.Deadline?.DueDate ?? DateOnly.MaxValue)
            .ThenBy(r => r.SubmittedAtUtc)
            .ToList();

        Counts = Groups.ToDictionary(g => g.Key, g => all.Count(r => InGroup(r, g.Key)));
        DueToday = all.Count(r => r.Deadline is { IsLegal: true, Status: Domain.Calendar.DueStatus.DueToday });
        Group = Groups.Any(g => g.Key == Group) ? Group : "";
        var inGroup = all.Where(r => InGroup(r, Group!)).ToList();
        Total = inGroup.Count;
        var shown = inGroup.Take(MaxRows).ToList();
        var ids = shown.Select(r => r.Id).ToList();
        var agencyIds = shown.Select(r => agencyOf[r.Id]).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var lines = (await db.Set<RequestLine>().AsNoTracking().Where(l => ids.Contains(EF.Property<int>(l, "RequestId")))
                .Select(l => new { RequestId = EF.Property<int>(l, "RequestId"), l.Id, l.SubscriberName }).ToListAsync(ct))
            .ToLookup(l => l.RequestId);
        Rows = [.. shown.Select(r => r with
        {
            Agency = agencies.GetValueOrDefault(agencyOf[r.Id], ""),
            FirstSubscriber = lines[r.Id].OrderBy(l => l.Id).Select(l => l.SubscriberName).FirstOrDefault(),
            LineCount = lines[r.Id].Count(),
        })];
    }

    /// <summary>At most this many rows are listed (in order: overdue first, then by due date); the counts cover them all.</summary>
    public const int MaxRows = 200;

    /// <summary>Rows in the chosen group, listed or not.</summary>
    public int Total { get; private set; }

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

    private static bool InGroup(Row row, string group) => group switch
    {
        "overdue" => row.Deadline is { IsOverdue: true },
        "submitted" => row.Status == RequestStatus.Submitted,
        "late" => row.Wait is { IsLate: true },
        "received" => row.Status == RequestStatus.Received,
        "accepted" => row.Status == RequestStatus.Accepted,
        "ca" => row.Status == RequestStatus.AwaitingCaResult,
        "handover" => row.Status == RequestStatus.ResultReceived,
        _ => true,
    };

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
