using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Tokens;
using DomainRequest = PhuThoCa.Domain.Requests.Request;

namespace PhuThoCa.Web.Pages.Requests.Edit;

/// <summary>What the line forms offer: register entries with their eligibility and the open requests that cover them.</summary>
public partial class DraftEditorModel
{
    /// <summary>The duplicate guard: another open request of this type covering the certificate or the token.</summary>
    private Task<OpenRequestLink?> OpenRequestAsync(int? certificateId, int? tokenId, CancellationToken ct) =>
        db.Requests.AsNoTracking().Where(DomainRequest.OpenRequestCovering(Req.Type, certificateId, tokenId)).Where(r => r.Id != Req.Id)
            .OrderBy(r => r.Id)
            .Select(r => new OpenRequestLink("", r.Id, r.ReceiptNumber, r.Status, r.Type)).FirstOrDefaultAsync(ct);

    /// <summary>Why a certificate cannot go on a line of this type today (empty when it can): ND 68/2024 Điều 12, 14.</summary>
    private static List<string> Eligibility(RequestType type, Certificate certificate, DateOnly today) => type switch
    {
        RequestType.Renew => [.. certificate.CheckRenewalEligibility(today).Messages],
        RequestType.ChangeInfo => [.. certificate.CheckChangeEligibility(today).Messages],
        RequestType.Revoke when certificate.Status == CertificateStatus.Revoked => ["đã bị thu hồi."],
        RequestType.Revoke when certificate.Status == CertificateStatus.Superseded => ["đã được thay thế bằng chứng thư gia hạn."],
        RequestType.Revoke or RequestType.Issue or RequestType.RecoverToken => [],
    };

    private async Task LoadCandidatesAsync(int? selectedCertificateId, CancellationToken ct)
    {
        var agencyId = Req.AgencyId;
        switch (Req.Type)
        {
            case RequestType.Issue:
                var kind = Req.IssueSubscriberKind;
                Subscribers = await db.Subscribers.AsNoTracking()
                    .Where(s => s.AgencyId == agencyId && s.IsActive && (kind == null || s.Kind == kind))
                    .OrderBy(s => s.Kind).ThenBy(s => s.SortKey).ToListAsync(ct);
                break;

            case RequestType.RecoverToken:
                var tokens = await db.Tokens.AsNoTracking().Where(t => t.AgencyId == agencyId && t.Status == TokenStatus.Locked)
                    .OrderBy(t => t.SerialNumber).ToListAsync(ct);
                var tokenIds = tokens.Select(t => t.Id).ToList();
                var onTokens = await db.Certificates.AsNoTracking().Include(c => c.Subscriber)
                    .Where(c => c.TokenId != null && tokenIds.Contains(c.TokenId.Value) && c.Status == CertificateStatus.Valid)
                    .ToListAsync(ct);
                var openByToken = await OpenLinesAsync(ct);
                Tokens = [.. tokens.Select(t => new TokenCandidate(t,
                    onTokens.Where(c => c.TokenId == t.Id).OrderByDescending(c => c.NotAfterUtc).FirstOrDefault(),
                    Req.Lines.Any(l => l.TokenId == t.Id),
                    openByToken.FirstOrDefault(o => o.TokenId == t.Id)?.Link))];
                break;

            default:
                // Renew, change: valid and not expired (others cannot qualify). Revoke: anything not yet revoked or replaced.
                var nowUtc = me.UtcNow;
                var query = db.Certificates.AsNoTracking().Include(c => c.Subscriber)
                    .Where(c => c.Subscriber!.AgencyId == agencyId && c.Status == CertificateStatus.Valid);
                if (Req.Type != RequestType.Revoke)
                {
                    query = query.Where(c => c.NotAfterUtc > nowUtc);
                }

                var certificates = await query.OrderBy(c => c.NotAfterUtc).ToListAsync(ct);
                var open = await OpenLinesAsync(ct);
                Certificates = [.. certificates.Select(c => new CertificateCandidate(c, c.Subscriber!, c.DaysLeft(me.Today),
                    Eligibility(Req.Type, c, me.Today), Req.Lines.Count(l => l.CertificateId == c.Id),
                    open.FirstOrDefault(o => o.CertificateId == c.Id)?.Link))];
                Selected = Certificates.FirstOrDefault(c => c.Certificate.Id == selectedCertificateId);
                break;
        }
    }

    /// <summary>Lines of the agency's other open requests of the same type, to flag candidates already covered.</summary>
    private async Task<List<OpenLine>> OpenLinesAsync(CancellationToken ct)
    {
        var rows = await db.Requests.AsNoTracking().Where(DomainRequest.IsOpenExpression)
            .Where(r => r.Type == Req.Type && r.AgencyId == Req.AgencyId && r.Id != Req.Id)
            .SelectMany(r => r.Lines, (r, l) => new { l.CertificateId, l.TokenId, r.Id, r.ReceiptNumber, r.Status, r.Type })
            .ToListAsync(ct);
        return [.. rows.Select(x => new OpenLine(x.CertificateId, x.TokenId, new OpenRequestLink("", x.Id, x.ReceiptNumber, x.Status, x.Type)))];
    }

    private sealed record OpenLine(int? CertificateId, int? TokenId, OpenRequestLink Link);
}
