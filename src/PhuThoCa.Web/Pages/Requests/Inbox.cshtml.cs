using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Requests;

/// <summary>
/// Việc cần xử lý (features G2.6, G3.4): the open requests waiting for Sở KH&amp;CN, overdue first then by due date, with
/// counts per step. The Cục's legs are listed with the working days elapsed, never as overdue.
/// </summary>
[Authorize(Roles = $"{Roles.DepartmentStaff},{Roles.DepartmentLeader},{Roles.Administrator},{Roles.Auditor}")]
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

    /// <summary>Open requests whose running legal step is Sở's and whose due date has passed (navbar badge and inbox).</summary>
    public static IQueryable<Request> OverdueForScienceDepartment(AppDbContext db, DateOnly today) =>
        db.Requests.Where(r => r.DueDate < today && r.DueStep != null
            && (r.DueStep == DeadlineStep.FileOnCaPortal || r.DueStep == DeadlineStep.RecoverToken)
            && (r.Status == RequestStatus.Received || r.Status == RequestStatus.Accepted));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var deadlines = await services.DeadlinesAsync(ct);
        var today = me.Today;
        var statuses = WaitingForScienceDepartment.ToList();
        var items = await (from r in db.Requests
                           join a in db.Agencies on r.AgencyId equals a.Id
                           where statuses.Contains(r.Status)
                           select new
                           {
                               r.Id,
                               r.ReceiptNumber,
                               r.Type,
                               r.Status,
                               Agency = a.Name,
                               FirstSubscriber = r.Lines.OrderBy(l => l.Id).Select(l => l.SubscriberName).FirstOrDefault(),
                               LineCount = r.Lines.Count,
                               r.SubmittedAtUtc,
                               r.ReceivedAtUtc,
                               r.DueDate,
                               r.DueStep,
                           }).AsNoTracking().ToListAsync(ct);

        var all = items.Select(i => new Row(i.Id, i.ReceiptNumber, i.Type, i.Status, i.Agency, i.FirstSubscriber, i.LineCount,
                i.SubmittedAtUtc, i.ReceivedAtUtc, DeadlineView.For(i.DueDate, i.DueStep, today, deadlines)))
            .OrderByDescending(r => r.Deadline is { IsOverdue: true })
            .ThenBy(r => r.Deadline?.DueDate ?? DateOnly.MaxValue)
            .ThenBy(r => r.SubmittedAtUtc)
            .ToList();

        Counts = Groups.ToDictionary(g => g.Key, g => all.Count(r => InGroup(r, g.Key)));
        DueToday = all.Count(r => r.Deadline is { IsLegal: true, Status: Domain.Calendar.DueStatus.DueToday });
        Group = Groups.Any(g => g.Key == Group) ? Group : "";
        Rows = [.. all.Where(r => InGroup(r, Group!))];
    }

    private static bool InGroup(Row row, string group) => group switch
    {
        "overdue" => row.Deadline is { IsOverdue: true },
        "submitted" => row.Status == RequestStatus.Submitted,
        "received" => row.Status == RequestStatus.Received,
        "accepted" => row.Status == RequestStatus.Accepted,
        "ca" => row.Status == RequestStatus.AwaitingCaResult,
        "handover" => row.Status == RequestStatus.ResultReceived,
        _ => true,
    };

    public sealed record Row(int Id, string? ReceiptNumber, RequestType Type, RequestStatus Status, string Agency,
        string? FirstSubscriber, int LineCount, DateTime? SubmittedAtUtc, DateTime? ReceivedAtUtc, DeadlineView? Deadline)
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
            _ => RequestStatuses.Label(Status),
        };
    }
}
