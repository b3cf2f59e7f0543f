namespace PhuThoCa.Domain.Requests;

/// <summary>How Sở's own step of a request ended against its due date, as administrative-reform reports count it.</summary>
public enum ResolutionTiming
{
    /// <summary>Giải quyết trước hạn.</summary>
    Early = 1,

    /// <summary>Giải quyết đúng hạn (on the due date itself: the period ends at 24:00 that day, BLDS 2015 Điều 148).</summary>
    OnDueDay = 2,

    /// <summary>Giải quyết quá hạn.</summary>
    Late = 3,
}

/// <summary>
/// The one definition of "Sở resolved a request on time" (QĐ-PT Điều 5.4c, 6.3–6.4), used by the statistics page and the
/// dashboards: Sở's step ends with filing on the Cục's system (Mẫu 04), the recovery (Mẫu 06) or a written refusal, and
/// is judged against the due date in force just before that step (recorded by the history row before it, ADR 0007).
/// </summary>
public static class ScienceDepartmentResolution
{
    public static IReadOnlyList<RequestAction> Actions { get; } =
        [RequestAction.RecordFiledOnCaPortal, RequestAction.RecordRecovered, RequestAction.Reject];

    public static bool IsResolution(RequestAction action) => Actions.Contains(action);

    /// <summary>Early, on the due day or late; a request with no due date in force is counted early (no period ran out).</summary>
    public static ResolutionTiming Timing(DateOnly resolvedOn, DateOnly? dueDate) =>
        dueDate is not { } due || resolvedOn < due ? ResolutionTiming.Early
        : resolvedOn == due ? ResolutionTiming.OnDueDay
        : ResolutionTiming.Late;

    public static bool IsOnTime(ResolutionTiming timing) => timing != ResolutionTiming.Late;
}
