namespace PhuThoCa.Domain.Requests;

/// <summary>
/// Trạng thái yêu cầu (domain-spec §2.12, derived, not regulated). Changes only through <see cref="RequestTransitions"/>.
/// Sở KH&amp;CN's leg (Received, ReturnedForSupplement, Accepted, Rejected) and the Cục's leg (AwaitingCaResult,
/// RejectedByCa) are distinct states, so "approved by Sở" is never mistaken for "done at the national CA" (features G2.8).
/// Values are stored: never renumber.
/// </summary>
public enum RequestStatus
{
    /// <summary>Nháp: the agency is preparing the request.</summary>
    Draft = 1,

    /// <summary>Đã gửi: the agency signed and sent the letter (to Sở, or to the Cục with Sở in copy).</summary>
    Submitted = 2,

    /// <summary>Sở đã tiếp nhận: Sở holds a Mẫu 04/06 request and checks whether it is valid.</summary>
    Received = 3,

    /// <summary>Chờ bổ sung: Sở returned the request for supplement; the legal clock is stopped.</summary>
    ReturnedForSupplement = 4,

    /// <summary>Sở đã chấp nhận: the request is valid (QĐ-PT Điều 5.4c, 6.4).</summary>
    Accepted = 5,

    /// <summary>Sở từ chối: written refusal with reasons (QĐ-PT Điều 5.4b, 6.3). Final.</summary>
    Rejected = 6,

    /// <summary>Chờ kết quả của Cục: the request is at Cục CTS&amp;BMTT (letter sent to it, or dossier filed on its system).</summary>
    AwaitingCaResult = 7,

    /// <summary>Cục từ chối: the CA refused the request. Final.</summary>
    RejectedByCa = 8,

    /// <summary>Đã có kết quả, chờ bàn giao: certificates issued, renewed or changed; not yet handed over.</summary>
    ResultReceived = 9,

    /// <summary>Chờ nộp lại thiết bị: certificates revoked; the agency must return the tokens to the Cục (ND 68/2024 Điều 20).</summary>
    AwaitingTokenReturn = 10,

    /// <summary>Hoàn thành. Final.</summary>
    Completed = 11,

    /// <summary>Đã hủy: withdrawn with a reason before Sở accepted it (or before the Cục's result). Final.</summary>
    Cancelled = 12,
}

public static class RequestStatuses
{
    public static IReadOnlyList<RequestStatus> All { get; } = Enum.GetValues<RequestStatus>();

    /// <summary>Final states: no action leaves them (from <see cref="IsClosed"/>, the one definition).</summary>
    public static IReadOnlyList<RequestStatus> Closed { get; } = [.. All.Where(IsClosed)];

    /// <summary>Every non-final state, Draft included. Queries use <c>Request.IsOpenExpression</c>, built from the same definition.</summary>
    public static IReadOnlyList<RequestStatus> Open { get; } = [.. All.Where(IsOpen)];

    public static bool IsOpen(RequestStatus status) => !IsClosed(status);

    /// <summary>
    /// The one definition of "closed" (and so of "open"): a switch without a default arm, so a new status does not build
    /// until it is placed here.
    /// </summary>
    public static bool IsClosed(RequestStatus status) => status switch
    {
        RequestStatus.Rejected or RequestStatus.RejectedByCa or RequestStatus.Completed or RequestStatus.Cancelled => true,
        RequestStatus.Draft or RequestStatus.Submitted or RequestStatus.Received or RequestStatus.ReturnedForSupplement
            or RequestStatus.Accepted or RequestStatus.AwaitingCaResult or RequestStatus.ResultReceived
            or RequestStatus.AwaitingTokenReturn => false,
    };

    /// <summary>The lines and the letter may be edited only while the agency holds the request.</summary>
    public static bool IsEditable(RequestStatus status) =>
        status is RequestStatus.Draft or RequestStatus.ReturnedForSupplement;

    public static string Label(RequestStatus status) => status switch
    {
        RequestStatus.Draft => "Nháp",
        RequestStatus.Submitted => "Đã gửi",
        RequestStatus.Received => "Sở đã tiếp nhận",
        RequestStatus.ReturnedForSupplement => "Chờ bổ sung hồ sơ",
        RequestStatus.Accepted => "Sở đã chấp nhận",
        RequestStatus.Rejected => "Sở từ chối",
        RequestStatus.AwaitingCaResult => "Chờ kết quả của Cục",
        RequestStatus.RejectedByCa => "Cục từ chối",
        RequestStatus.ResultReceived => "Đã có kết quả, chờ bàn giao",
        RequestStatus.AwaitingTokenReturn => "Chờ nộp lại thiết bị",
        RequestStatus.Completed => "Hoàn thành",
        RequestStatus.Cancelled => "Đã hủy",
    };
}
