using System.Collections.Frozen;

namespace PhuThoCa.Domain.Requests;

/// <summary>
/// The one table of allowed request moves: (type, from, action) → to (docs/adr/0007-request-state-machine.md).
/// Anything not listed is refused by <see cref="Request"/> with <see cref="RequestRules.TransitionMustBeInTheTable"/>.
/// Flows follow domain-spec §2.12 and QĐ-PT Điều 4–6.
/// </summary>
public static class RequestTransitions
{
    // Mẫu 01/02/03 and 05: letter to Cục CTS&BMTT, Sở in copy "để biết, theo dõi, tổng hợp" (QĐ-PT Điều 4).
    private static readonly RequestType[] SentToCa = [RequestType.Issue, RequestType.Revoke];

    // Mẫu 04 and 06: letter to Sở KH&CN, which accepts or refuses with reasons (QĐ-PT Điều 5.4, 6.3–6.4).
    private static readonly RequestType[] SentToScienceDepartment =
        [RequestType.Renew, RequestType.ChangeInfo, RequestType.RecoverToken];

    // Mẫu 04: Sở files the dossier on dichvucong.ca.gov.vn (QĐ-PT Điều 5.4c).
    private static readonly RequestType[] FiledByScienceDepartment = [RequestType.Renew, RequestType.ChangeInfo];

    // The Cục produces certificates that someone then hands over (QĐ-PT Điều 5.4c, 9.2).
    private static readonly RequestType[] ProduceCertificates = [RequestType.Issue, RequestType.Renew, RequestType.ChangeInfo];

    private static readonly RequestType[] GoToCa = [RequestType.Issue, RequestType.Revoke, RequestType.Renew, RequestType.ChangeInfo];

    private static readonly (RequestType Type, RequestStatus From, RequestAction Action, RequestStatus To)[] Table =
    [
        .. Rows(RequestTypes.All, RequestStatus.Draft, RequestAction.Submit, RequestStatus.Submitted),
        .. Rows(RequestTypes.All, RequestStatus.Draft, RequestAction.Cancel, RequestStatus.Cancelled),
        .. Rows(RequestTypes.All, RequestStatus.Submitted, RequestAction.Cancel, RequestStatus.Cancelled),

        // Sở only tracks: recording the copy starts the Cục's leg.
        .. Rows(SentToCa, RequestStatus.Submitted, RequestAction.Receive, RequestStatus.AwaitingCaResult),
        .. Rows(SentToCa, RequestStatus.AwaitingCaResult, RequestAction.Cancel, RequestStatus.Cancelled),

        // Sở's own leg.
        .. Rows(SentToScienceDepartment, RequestStatus.Submitted, RequestAction.Receive, RequestStatus.Received),
        .. Rows(SentToScienceDepartment, RequestStatus.Received, RequestAction.ReturnForSupplement, RequestStatus.ReturnedForSupplement),
        .. Rows(SentToScienceDepartment, RequestStatus.ReturnedForSupplement, RequestAction.Resubmit, RequestStatus.Submitted),
        .. Rows(SentToScienceDepartment, RequestStatus.ReturnedForSupplement, RequestAction.Cancel, RequestStatus.Cancelled),
        .. Rows(SentToScienceDepartment, RequestStatus.Received, RequestAction.Cancel, RequestStatus.Cancelled),
        .. Rows(SentToScienceDepartment, RequestStatus.Received, RequestAction.Reject, RequestStatus.Rejected),
        .. Rows(SentToScienceDepartment, RequestStatus.Received, RequestAction.Accept, RequestStatus.Accepted),
        .. Rows(FiledByScienceDepartment, RequestStatus.Accepted, RequestAction.RecordFiledOnCaPortal, RequestStatus.AwaitingCaResult),
        (RequestType.RecoverToken, RequestStatus.Accepted, RequestAction.RecordRecovered, RequestStatus.Completed),

        // The Cục's leg.
        .. Rows(GoToCa, RequestStatus.AwaitingCaResult, RequestAction.RecordCaRejection, RequestStatus.RejectedByCa),
        .. Rows(ProduceCertificates, RequestStatus.AwaitingCaResult, RequestAction.RecordCaResult, RequestStatus.ResultReceived),
        .. Rows(ProduceCertificates, RequestStatus.ResultReceived, RequestAction.HandOver, RequestStatus.Completed),
        (RequestType.Revoke, RequestStatus.AwaitingCaResult, RequestAction.RecordCaResult, RequestStatus.AwaitingTokenReturn),
        (RequestType.Revoke, RequestStatus.AwaitingTokenReturn, RequestAction.RecordTokenReturned, RequestStatus.Completed),
    ];

    private static readonly FrozenDictionary<(RequestType, RequestStatus, RequestAction), RequestStatus> Lookup =
        Table.ToFrozenDictionary(r => (r.Type, r.From, r.Action), r => r.To);

    /// <summary>Every allowed move, in table order. For tests and for the UI.</summary>
    public static IEnumerable<(RequestType Type, RequestStatus From, RequestAction Action, RequestStatus To)> All => Table;

    /// <summary>The status <paramref name="action"/> leads to, or null when the move is not in the table.</summary>
    public static RequestStatus? Next(RequestType type, RequestStatus from, RequestAction action) =>
        Lookup.TryGetValue((type, from, action), out var to) ? to : null;

    public static bool IsAllowed(RequestType type, RequestStatus from, RequestAction action) =>
        Lookup.ContainsKey((type, from, action));

    /// <summary>Actions offered on a request of <paramref name="type"/> in <paramref name="status"/>, in table order.</summary>
    public static IReadOnlyList<RequestAction> AvailableActions(RequestType type, RequestStatus status) =>
        [.. Table.Where(r => r.Type == type && r.From == status).Select(r => r.Action)];

    /// <summary>Statuses a request of <paramref name="type"/> can ever be in (Draft plus every target of the table).</summary>
    public static IReadOnlyList<RequestStatus> StatusesOf(RequestType type) =>
        [.. RequestStatuses.All.Where(s => s == RequestStatus.Draft || Table.Any(r => r.Type == type && r.To == s))];

    private static IEnumerable<(RequestType, RequestStatus, RequestAction, RequestStatus)> Rows(
        IEnumerable<RequestType> types, RequestStatus from, RequestAction action, RequestStatus to) =>
        types.Select(t => (t, from, action, to));
}
