using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Tokens;

namespace PhuThoCa.Domain.Requests;

// The request aggregate, the national CA system: filing on dichvucong.ca.gov.vn and the Cục's results or refusal.
public sealed partial class Request
{
    /// <summary>Sở created the dossier on dichvucong.ca.gov.vn (QĐ-PT Điều 5.4c); the Cục's expected period starts.</summary>
    public void RecordFiledOnCaPortal(string dossierCode, Actor actor, IWorkingDayDeadlines deadlines, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        TransitionTo(RequestAction.RecordFiledOnCaPortal, actor, null, () =>
        {
            var code = Text.Clean(dossierCode);
            if (code.Length is 0 or > DossierCodeMaxLength)
            {
                throw new DomainRuleException(RequestRules.FilingNeedsTheCaDossierCode,
                    "Phải ghi mã hồ sơ đã tạo trên Hệ thống đăng ký, quản lý yêu cầu chứng thực (dichvucong.ca.gov.vn).");
            }

            CaDossierCode = code;
            FiledOnCaPortalAtUtc = Utc(actor.AtUtc);
            return Join($"Mã hồ sơ: {code}", note);
        }, deadlines);
    }

    /// <summary>
    /// The Cục's result of an issue request (<see cref="RequestAction.RecordCaResult"/>): one issued certificate per line,
    /// valid at most 5 years (ND 68/2024 Điều 9). The web layer then adds the certificates and tokens to the registers.
    /// </summary>
    public void RecordCertificatesIssued(IReadOnlyCollection<IssuedCertificate> results, Actor actor, IWorkingDayDeadlines deadlines,
        string? note = null) =>
        TransitionTo(RequestAction.RecordCaResult, actor, null, () =>
        {
            EnsureOneResultPerLine(results.Select(r => r.Line).ToList());
            foreach (var r in results)
            {
                Certificate.EnsureValid(r.SerialNumber, r.NotBeforeUtc, r.NotAfterUtc);
                if (VietnamTime.ToDate(r.NotAfterUtc) > VietnamTime.ToDate(r.NotBeforeUtc).AddYears(RenewalPolicy.MaxInitialValidityYears))
                {
                    throw new DomainRuleException(RequestRules.NewCertificateIsValidAtMost5Years,
                        $"Chứng thư số {Certificate.NormalizeSerial(r.SerialNumber)} có thời hạn quá {RenewalPolicy.MaxInitialValidityYears} năm "
                        + "(Nghị định 68/2024/NĐ-CP, Điều 9).");
                }
            }

            foreach (var r in results)
            {
                var token = Text.CleanOrNull(r.TokenSerial) is { } serial ? UsbToken.NormalizeSerial(serial) : null;
                r.Line.RecordResult(Certificate.NormalizeSerial(r.SerialNumber), r.NotBeforeUtc, r.NotAfterUtc, token, null);
            }

            CaResultRecordedAtUtc = Utc(actor.AtUtc);
            return Join($"Đã cấp {results.Count} chứng thư số", note);
        }, deadlines);

    /// <summary>
    /// The Cục confirmed the revocation (<see cref="RequestAction.RecordCaResult"/>): every line's certificate becomes revoked
    /// with its RFC 5280 code, and the agency's 05 working days to return the tokens start (ND 68/2024 Điều 20). The notice
    /// is taken as received when it is recorded.
    /// </summary>
    public void RecordCertificatesRevoked(IReadOnlyCollection<Certificate> certificates, DateTime revokedAtUtc, Actor actor,
        IWorkingDayDeadlines deadlines, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        TransitionTo(RequestAction.RecordCaResult, actor, null, () =>
        {
            var byLine = MatchCertificates(certificates);
            if (Utc(revokedAtUtc) > Utc(actor.AtUtc))
            {
                throw new DomainRuleException(RequestRules.RevocationCannotBeInTheFuture,
                    "Thời điểm thu hồi chứng thư không được sau thời điểm ghi nhận.");
            }

            if (byLine.FirstOrDefault(p => p.Certificate.Status == CertificateStatus.Revoked).Certificate is { } revoked)
            {
                throw AlreadyRevoked(revoked);
            }

            foreach (var (line, certificate) in byLine)
            {
                certificate.Revoke(Utc(revokedAtUtc), line.RevocationReasonCode!.Value);
            }

            RevokedAtUtc = Utc(revokedAtUtc);
            CaResultRecordedAtUtc = Utc(actor.AtUtc);
            return Join($"Cục đã thu hồi {byLine.Count} chứng thư số", note);
        }, deadlines);
    }

    /// <summary>
    /// The Cục renewed the certificates (<see cref="RequestAction.RecordCaResult"/>): each new NotAfter extends the old one by
    /// at most 3 years (ND 68/2024 Điều 9). Returns the successors from <see cref="Certificate.RenewAs"/> for the caller to
    /// save and link (<see cref="Certificate.LinkSuccessor"/>).
    /// </summary>
    public IReadOnlyList<Certificate> RecordCertificatesRenewed(IReadOnlyCollection<RenewedCertificate> results, Actor actor,
        IWorkingDayDeadlines deadlines, string? note = null)
    {
        var successors = new List<Certificate>();
        TransitionTo(RequestAction.RecordCaResult, actor, null, () =>
        {
            var byLine = MatchCertificates(results.Select(r => r.Certificate).ToList());
            foreach (var r in results)
            {
                var old = r.Certificate;
                Certificate.EnsureValid(r.Renewed.SerialNumber, r.Renewed.NotBeforeUtc, r.Renewed.NotAfterUtc);
                var oldEnd = VietnamTime.ToDate(old.NotAfterUtc);
                var newEnd = VietnamTime.ToDate(r.Renewed.NotAfterUtc);
                if (newEnd <= oldEnd)
                {
                    throw new DomainRuleException(RequestRules.RenewalMustExtendTheValidity,
                        $"Chứng thư gia hạn của {old.SerialNumber} phải có hạn sử dụng sau ngày {Fmt(oldEnd)}.");
                }

                if (newEnd > oldEnd.AddYears(RenewalPolicy.MaxRenewalExtensionYears))
                {
                    throw new DomainRuleException(RequestRules.RenewalExtendsAtMost3Years,
                        $"Gia hạn chỉ kéo dài tối đa {RenewalPolicy.MaxRenewalExtensionYears} năm: chứng thư {old.SerialNumber} "
                        + $"hết hạn ngày {Fmt(oldEnd)} nên không được gia hạn đến sau ngày {Fmt(oldEnd.AddYears(RenewalPolicy.MaxRenewalExtensionYears))} "
                        + "(Nghị định 68/2024/NĐ-CP, Điều 9).");
                }

                if (old.RenewalCount >= RenewalPolicy.MaxRenewals)
                {
                    throw new DomainRuleException(nameof(EligibilityProblem.CertificateCanBeRenewedOnlyOnce),
                        RenewalPolicy.Message(EligibilityProblem.CertificateCanBeRenewedOnlyOnce, 0));
                }
            }

            foreach (var (line, certificate) in byLine)
            {
                var successor = certificate.RenewAs(results.Single(r => ReferenceEquals(r.Certificate, certificate)).Renewed);
                line.RecordResult(successor.SerialNumber, successor.NotBeforeUtc, successor.NotAfterUtc, null, null);
                successors.Add(successor);
            }

            CaResultRecordedAtUtc = Utc(actor.AtUtc);
            return Join($"Đã gia hạn {successors.Count} chứng thư số", note);
        }, deadlines);
        return successors;
    }

    /// <summary>
    /// The Cục changed the certificates' information (<see cref="RequestAction.RecordCaResult"/>): the expiry date must stay
    /// the same (ND 68/2024 Điều 14; QĐ-PT Điều 5.2). The register entries are updated in place.
    /// </summary>
    public void RecordCertificatesChanged(IReadOnlyCollection<ChangedCertificate> results, Actor actor, IWorkingDayDeadlines deadlines,
        string? note = null) =>
        TransitionTo(RequestAction.RecordCaResult, actor, null, () =>
        {
            var byLine = MatchCertificates(results.Select(r => r.Certificate).ToList());
            foreach (var r in results)
            {
                Certificate.EnsureValid(r.Changed.SerialNumber, r.Changed.NotBeforeUtc, r.Changed.NotAfterUtc);
                if (VietnamTime.ToDate(r.Changed.NotAfterUtc) != VietnamTime.ToDate(r.Certificate.NotAfterUtc))
                {
                    throw new DomainRuleException(RequestRules.ChangeOfInformationKeepsTheExpiryDate,
                        $"Thay đổi nội dung thông tin không làm thay đổi thời hạn sử dụng: chứng thư {r.Certificate.SerialNumber} "
                        + $"phải giữ ngày hết hạn {Fmt(VietnamTime.ToDate(r.Certificate.NotAfterUtc))} (Nghị định 68/2024/NĐ-CP, Điều 14).");
                }
            }

            foreach (var r in results)
            {
                var changes = FieldChange.Describe(r.Certificate.Update(r.Changed));
                foreach (var line in _lines.Where(l => l.CertificateId == r.Certificate.Id))
                {
                    line.RecordResult(r.Certificate.SerialNumber, r.Certificate.NotBeforeUtc, r.Certificate.NotAfterUtc, null,
                        Text.CleanOrNull(changes));
                }
            }

            CaResultRecordedAtUtc = Utc(actor.AtUtc);
            return Join($"Đã thay đổi thông tin {results.Count} chứng thư số", note);
        }, deadlines);

    /// <summary>The Cục refused the request (its notice states why).</summary>
    public void RecordCaRejection(string reason, Actor actor, IWorkingDayDeadlines deadlines) =>
        TransitionTo(RequestAction.RecordCaRejection, actor, null, () =>
        {
            RejectionReason = RequiredReason(reason, RequestRules.CaRejectionNeedsAReason,
                "Phải ghi rõ lý do Cục Chứng thực số và Bảo mật thông tin từ chối.");
            return RejectionReason;
        }, deadlines);

    private void EnsureOneResultPerLine(List<RequestLine> resultLines)
    {
        if (resultLines.Any(l => !_lines.Contains(l)) || resultLines.Distinct().Count() != resultLines.Count)
        {
            throw new ArgumentException("Each result must point to a distinct line of this request.");
        }

        var missing = _lines.Where(l => !resultLines.Contains(l)).Select(l => l.SubscriberName).ToList();
        if (missing.Count > 0)
        {
            throw new DomainRuleException(RequestRules.EveryLineNeedsACaResult,
                "Phải ghi nhận kết quả cho mọi dòng của yêu cầu; còn thiếu: " + string.Join(", ", missing) + ".");
        }
    }

    /// <summary>Pairs every line with its certificate; each certificate given once and every line covered.</summary>
    private List<(RequestLine Line, Certificate Certificate)> MatchCertificates(IReadOnlyCollection<Certificate> certificates)
    {
        if (certificates.Select(c => c.Id).Distinct().Count() != certificates.Count
            || certificates.Any(c => !_lines.Any(l => l.CertificateId == c.Id)))
        {
            throw new ArgumentException("Each certificate must be given once and belong to a line of this request.");
        }

        var missing = _lines.Where(l => certificates.All(c => c.Id != l.CertificateId)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainRuleException(RequestRules.EveryLineNeedsACaResult,
                "Phải ghi nhận kết quả cho mọi chứng thư của yêu cầu; còn thiếu: "
                + string.Join(", ", missing.Select(l => l.CertificateSerial)) + ".");
        }

        return [.. _lines.Select(l => (l, certificates.First(c => c.Id == l.CertificateId)))];
    }

    /// <summary>Pairs every line that has a token with its token; each token given once and every such line covered.</summary>
    private List<(RequestLine Line, UsbToken Token)> MatchTokens(IReadOnlyCollection<UsbToken> tokens, string rule, string missingPrefix)
    {
        if (tokens.Select(t => t.Id).Distinct().Count() != tokens.Count || tokens.Any(t => !_lines.Any(l => l.TokenId == t.Id)))
        {
            throw new ArgumentException("Each token must be given once and belong to a line of this request.");
        }

        var withToken = _lines.Where(l => l.TokenId is not null).ToList();
        var missing = withToken.Where(l => tokens.All(t => t.Id != l.TokenId)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainRuleException(rule, missingPrefix + string.Join(", ", missing.Select(l => l.TokenSerial)) + ".");
        }

        return [.. withToken.Select(l => (l, tokens.First(t => t.Id == l.TokenId)))];
    }

    private static T Find<T>(IReadOnlyCollection<T> entities, int? id, string what)
        where T : Entity =>
        entities.FirstOrDefault(e => e.Id == id)
        ?? throw new ArgumentException($"The {what} {id} of a line was not passed in the request subjects.", nameof(entities));

    private static DomainRuleException AlreadyRevoked(Certificate certificate) =>
        new(RequestRules.RevokedCertificateCannotBeRevokedAgain, $"Chứng thư số {certificate.SerialNumber} đã bị thu hồi trước đó.");
}
