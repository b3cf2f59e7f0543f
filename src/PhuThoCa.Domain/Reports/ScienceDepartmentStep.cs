using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Domain.Reports;

/// <summary>How Sở's own timed step of one request ended, or stood at a day (features G3.5; QĐ-PT Điều 5.4c, 6.4).</summary>
public enum StepOutcome
{
    /// <summary>Giải quyết trước hạn.</summary>
    Early = 1,

    /// <summary>Giải quyết đúng hạn (on the due date itself).</summary>
    OnDueDay = 2,

    /// <summary>Giải quyết quá hạn.</summary>
    Late = 3,

    /// <summary>Đang giải quyết trong hạn (returned for supplement included).</summary>
    Pending = 4,

    /// <summary>Đang giải quyết quá hạn: Sở's step still runs and its due date has passed.</summary>
    PendingOverdue = 5,

    /// <summary>Rút, hủy: cancelled by the agency before Sở resolved it.</summary>
    Withdrawn = 6,
}

/// <summary>
/// Sở's own step of a request, judged from its history rows (ADR 0007, "one history"): it ends with filing on the
/// national CA system (Mẫu 04), recovery (Mẫu 06) or a written refusal, and is on time when that happens no later than
/// the due date recorded by the move before. Which types have such a step comes from <see cref="LegalDeadlines"/>.
/// </summary>
public static class ScienceDepartmentStep
{
    /// <summary>True for the types on which Sở itself holds a legal period (Mẫu 04 and 06).</summary>
    public static bool Applies(RequestType type) => IsRunning(type, RequestStatus.Received);

    /// <summary>True when Sở's legal clock runs on a request of <paramref name="type"/> in <paramref name="status"/>.</summary>
    public static bool IsRunning(RequestType type, RequestStatus status) =>
        LegalDeadlines.StepFor(type, status) is { } step
        && LegalDeadlines.Holder(step) == DeadlineHolder.ScienceDepartment
        && LegalDeadlines.Kind(step) == DeadlineKind.Legal;

    /// <summary>
    /// Tỷ lệ đúng hạn: (before + on the due date) / resolved, in percent with one decimal; null when nothing was resolved.
    /// </summary>
    public static double? OnTimeRate(int early, int onDueDay, int late) =>
        early + onDueDay + late == 0 ? null : Math.Round(100.0 * (early + onDueDay) / (early + onDueDay + late), 1);

    /// <summary>
    /// A resolved step, by the timing the request recorded when it was made (<see cref="Request.Resolution"/>: before, on or
    /// after the due date in force then, <see cref="ScienceDepartmentResolution.Timing"/>).
    /// </summary>
    public static StepOutcome Resolved(ResolutionTiming timing) =>
        timing switch
        {
            ResolutionTiming.Early => StepOutcome.Early,
            ResolutionTiming.OnDueDay => StepOutcome.OnDueDay,
            ResolutionTiming.Late => StepOutcome.Late,
        };

    /// <summary>
    /// An unresolved request as it stood at the end of <paramref name="asOf"/>: withdrawn, pending overdue when Sở's clock
    /// still runs and its due date has passed, pending otherwise.
    /// </summary>
    public static StepOutcome Unresolved(RequestType type, RequestStatus? statusAtEnd, DateOnly? dueAtEnd, DateOnly asOf) =>
        statusAtEnd == RequestStatus.Cancelled ? StepOutcome.Withdrawn
        : statusAtEnd is { } status && IsRunning(type, status) && dueAtEnd is { } due && due < asOf ? StepOutcome.PendingOverdue
        : StepOutcome.Pending;
}
