using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Tokens;

namespace PhuThoCa.Domain.Requests;

/// <summary>An open request (not yet completed, rejected or cancelled) with a line on a certificate or a token.</summary>
public sealed record OpenRequestRef(int RequestId, RequestType Type, RequestStatus Status, string? ReceiptNumber);

/// <summary>
/// Whether a request of <see cref="Type"/> may be started for a certificate or a token today: the register's rules
/// (<see cref="Problems"/>, Vietnamese) and the duplicate guard (<see cref="OpenRequest"/>: one already open).
/// </summary>
public sealed record NextRequest(RequestType Type, IReadOnlyList<string> Problems, OpenRequestRef? OpenRequest)
{
    /// <summary>Eligible by the rules and no request of this type already open: "Đủ điều kiện".</summary>
    public bool CanStart => Problems.Count == 0 && OpenRequest is null;
}

/// <summary>
/// The one rule for "what request can be started next" on a certificate or a token (issue 13 item 5): the certificate's
/// own eligibility (ND 68/2024 Điều 12, 14 via <see cref="Certificate.CheckRenewalEligibility"/> and
/// <see cref="Certificate.CheckChangeEligibility"/>; Điều 17 for revocation), the token's state (QĐ-PT Điều 6.1) and the
/// duplicate guard of features G1.4 (<see cref="Request.OpenRequestCovering"/>: an open request of the same type with a
/// line on the same certificate or token). The certificate and token pages show it; the draft it starts is judged again
/// by the editor and on submit.
/// </summary>
public static class NextRequests
{
    /// <summary>Renewal, change of information and revocation of <paramref name="certificate"/>, in that order.</summary>
    public static IReadOnlyList<NextRequest> ForCertificate(Certificate certificate, DateOnly today, IEnumerable<OpenRequestRef> openRequests)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var open = openRequests.ToList();
        OpenRequestRef? Open(RequestType type) => open.Where(r => r.Type == type).OrderBy(r => r.RequestId).FirstOrDefault();
        return
        [
            new(RequestType.Renew, [.. certificate.CheckRenewalEligibility(today).Messages], Open(RequestType.Renew)),
            new(RequestType.ChangeInfo, [.. certificate.CheckChangeEligibility(today).Messages], Open(RequestType.ChangeInfo)),
            new(RequestType.Revoke, RevocationProblems(certificate), Open(RequestType.Revoke)),
        ];
    }

    /// <summary>Recovery (Mẫu 06) of <paramref name="token"/>: only a locked token (QĐ-PT Điều 6.1).</summary>
    public static NextRequest ForToken(UsbToken token, IEnumerable<OpenRequestRef> openRequests)
    {
        ArgumentNullException.ThrowIfNull(token);
        IReadOnlyList<string> problems = token.Status == TokenStatus.Locked
            ? []
            : [$"Chỉ đề nghị khôi phục thiết bị bị khóa do nhập sai mật khẩu quá số lần quy định; thiết bị đang ở trạng thái “{TokenTransitions.Label(token.Status)}” (Quy chế tỉnh Phú Thọ, Điều 6 khoản 1)."];
        return new(RequestType.RecoverToken, problems,
            openRequests.Where(r => r.Type == RequestType.RecoverToken).OrderBy(r => r.RequestId).FirstOrDefault());
    }

    // ND 68/2024 Điều 17: a certificate is revoked once; a renewed one was replaced by its successor (revoke that one).
    private static List<string> RevocationProblems(Certificate certificate) => certificate.Status switch
    {
        CertificateStatus.Revoked => [RenewalPolicy.Message(EligibilityProblem.CertificateIsRevoked, 0)],
        CertificateStatus.Superseded => [RenewalPolicy.Message(EligibilityProblem.CertificateWasAlreadyRenewed, 0)],
        _ => [],
    };
}
