using System.Globalization;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Web.Pages.Requests;

/// <summary>
/// Where a request's running deadline stands today (features G3.4), for the deadline cell and the details page.
/// A legal period (Sở's filing and recovery, the agency's token return) is on time, due today or overdue; the Cục's
/// legs are expectations only (docs/adr/0007): they show the working days elapsed against the configured period and are
/// never called "quá hạn".
/// </summary>
public sealed record DeadlineView
{
    public required DeadlineStep Step { get; init; }

    public required DateOnly DueDate { get; init; }

    public required DeadlineKind Kind { get; init; }

    public required DeadlineHolder Holder { get; init; }

    /// <summary>Legal periods only: on time, due today or overdue.</summary>
    public required DueStatus Status { get; init; }

    /// <summary>Whole working days after today up to the due date: 0 on the due date, negative when overdue.</summary>
    public required int RemainingWorkingDays { get; init; }

    /// <summary>The configured period of the step, in working days.</summary>
    public required int PeriodWorkingDays { get; init; }

    /// <summary>Working days elapsed since the step started (period − remaining).</summary>
    public int ElapsedWorkingDays => PeriodWorkingDays - RemainingWorkingDays;

    public bool IsLegal => Kind == DeadlineKind.Legal;

    /// <summary>Only a legal period can be overdue.</summary>
    public bool IsOverdue => IsLegal && Status == DueStatus.Overdue;

    /// <summary>An expected (Cục) period that has run past its configured length: shown as elapsed, never as a violation.</summary>
    public bool IsBeyondExpectation => !IsLegal && RemainingWorkingDays < 0;

    public string StepLabel => LegalDeadlines.Label(Step);

    public string LegalBasis => LegalDeadlines.LegalBasis(Step);

    public string KindLabel => IsLegal ? "Thời hạn theo quy định" : "Thời gian dự kiến (để theo dõi, không phải thời hạn pháp lý)";

    public string HolderLabel => Holder switch
    {
        DeadlineHolder.ScienceDepartment => "Sở Khoa học và Công nghệ",
        DeadlineHolder.CaDepartment => "Cục Chứng thực số và Bảo mật thông tin",
        DeadlineHolder.Agency => "Cơ quan, tổ chức quản lý trực tiếp",
    };

    /// <summary>Short Vietnamese text for lists: "Còn 2 ngày làm việc", "Đến hạn hôm nay", "Quá hạn 1 ngày làm việc", "Đã qua 4/3 ngày (dự kiến)".</summary>
    public string Summary => IsLegal
        ? Status switch
        {
            DueStatus.OnTime => Invariant($"Còn {RemainingWorkingDays} ngày làm việc"),
            DueStatus.DueToday => DueStatusLabels.DueToday,
            DueStatus.Overdue => Invariant($"{DueStatusLabels.Overdue} {Math.Max(1, -RemainingWorkingDays)} ngày làm việc"),
        }
        : Invariant($"Đã qua {Math.Max(0, ElapsedWorkingDays)}/{PeriodWorkingDays} ngày làm việc dự kiến");

    /// <summary>Bootstrap colour of the badge: green, amber, red for legal periods; grey or blue for expectations.</summary>
    public string BadgeClass => IsLegal
        ? Status switch
        {
            DueStatus.OnTime => "text-bg-success",
            DueStatus.DueToday => "text-bg-warning",
            DueStatus.Overdue => "text-bg-danger",
        }
        : IsBeyondExpectation ? "text-bg-info" : "text-bg-secondary";

    /// <summary>Label of <see cref="Status"/> for legal periods ("Đúng hạn", "Đến hạn hôm nay", "Quá hạn").</summary>
    public string StatusLabel => IsLegal ? DueStatusLabels.For(Status) : "Theo dõi";

    /// <summary>The running deadline of a request, or null when none runs (no period applies to its status).</summary>
    public static DeadlineView? For(DateOnly? dueDate, DeadlineStep? step, DateOnly today, IWorkingDayDeadlines deadlines)
    {
        if (dueDate is not { } due || step is not { } running)
        {
            return null;
        }

        return new DeadlineView
        {
            Step = running,
            DueDate = due,
            Kind = LegalDeadlines.Kind(running),
            Holder = LegalDeadlines.Holder(running),
            Status = WorkingDayCalendar.GetDueStatus(due, today),
            RemainingWorkingDays = deadlines.WorkingDaysBetween(today, due),
            PeriodWorkingDays = deadlines.Settings.WorkingDays(running),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
