using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Tokens;

namespace PhuThoCa.Domain.Requests;

// The request aggregate, the agency's actions: submit (QĐ-PT Điều 9 khoản 1 confirmation), resubmit, cancel; eligibility.
public sealed partial class Request
{
    /// <summary>
    /// The agency sends the signed letter: to Sở (Mẫu 04, 06), or to the Cục with Sở in copy (Mẫu 01–03, 05). Needs at least
    /// one line, the letter details and the contact; renewal, change and recovery eligibility is checked on
    /// <paramref name="subjects"/> as of the actor's day. The sender must confirm the accuracy of the data and that the
    /// letter is signed (<paramref name="accuracyConfirmed"/>, QĐ-PT Điều 9 khoản 1), whatever page or API sends it.
    /// </summary>
    /// <remarks>A letter to the Cục also records when and how the agency sent it (<paramref name="dispatch"/>).</remarks>
    public void Submit(Actor actor, RequestSubjects subjects, bool accuracyConfirmed, CaDispatch? dispatch = null) =>
        TransitionTo(RequestAction.Submit, actor, null, () => PrepareSubmission(actor, subjects, accuracyConfirmed, dispatch));

    /// <summary>The agency sends the supplemented request again; it is checked as at the first submission.</summary>
    public void Resubmit(Actor actor, RequestSubjects subjects, bool accuracyConfirmed, string? note = null) =>
        TransitionTo(RequestAction.Resubmit, actor, null, () => Join(PrepareSubmission(actor, subjects, accuracyConfirmed), note));

    /// <summary>Withdraws the request before Sở accepts it (or, for letters to the Cục, before the Cục's result). Reason required.</summary>
    public void Cancel(string reason, Actor actor) =>
        TransitionTo(RequestAction.Cancel, actor, null, () =>
        {
            CancellationReason = RequiredReason(reason, RequestRules.CancellationNeedsAReason, "Phải nêu rõ lý do hủy yêu cầu.");
            return CancellationReason;
        });

    /// <summary>
    /// Every eligibility problem of the lines as of <paramref name="today"/> (empty when the request may be submitted or
    /// accepted), so a page can show them before the user acts. The same check throws on submit and accept.
    /// </summary>
    public IReadOnlyList<RequestProblem> FindEligibilityProblems(RequestSubjects subjects, DateOnly today)
    {
        var problems = new List<RequestProblem>();
        foreach (var line in _lines)
        {
            switch (Type)
            {
                case RequestType.Renew or RequestType.ChangeInfo:
                    {
                        var certificate = Find(subjects.Certificates, line.CertificateId, "certificate");
                        var eligibility = Type == RequestType.Renew
                            ? certificate.CheckRenewalEligibility(today)
                            : certificate.CheckChangeEligibility(today);
                        problems.AddRange(eligibility.Problems.Select(p => new RequestProblem(p.ToString(),
                            $"Chứng thư số {certificate.SerialNumber}: {RenewalPolicy.Message(p, eligibility.DaysLeft)}")));
                        break;
                    }

                case RequestType.Revoke:
                    {
                        var certificate = Find(subjects.Certificates, line.CertificateId, "certificate");
                        if (certificate.Status == CertificateStatus.Revoked)
                        {
                            var e = AlreadyRevoked(certificate);
                            problems.Add(new RequestProblem(e.Rule, e.Message));
                        }

                        var requestDate = Letter.Date is { } letterDate && letterDate < today ? letterDate : today;
                        if (line.InvalidityDate > requestDate)
                        {
                            problems.Add(new RequestProblem(RequestRules.InvalidityDateCannotBeAfterTheRequestDate,
                                $"Chứng thư số {certificate.SerialNumber}: ngày khóa bí mật không còn an toàn ({Fmt(line.InvalidityDate.Value)}) "
                                + $"không được sau ngày đề nghị thu hồi ({Fmt(requestDate)})."));
                        }

                        break;
                    }

                case RequestType.RecoverToken:
                    {
                        var token = Find(subjects.Tokens, line.TokenId, "token");
                        if (token.Status != TokenStatus.Locked)
                        {
                            var e = NotLocked(token);
                            problems.Add(new RequestProblem(e.Rule, e.Message));
                        }

                        break;
                    }

                case RequestType.Issue:
                    break;

                default:
                    throw new InvalidOperationException($"Unknown request type {Type}.");
            }
        }

        return problems;
    }

    private string? PrepareSubmission(Actor actor, RequestSubjects subjects, bool accuracyConfirmed, CaDispatch? dispatch = null)
    {
        var today = VietnamTime.ToDate(actor.AtUtc);
        if (!accuracyConfirmed)
        {
            throw new DomainRuleException(RequestRules.SubmissionNeedsTheAccuracyConfirmation,
                "Vui lòng đánh dấu xác nhận trước khi gửi: thông tin đề nghị chính xác và văn bản đã được người có thẩm quyền ký.");
        }

        if (_lines.Count == 0)
        {
            throw new DomainRuleException(RequestRules.RequestNeedsAtLeastOneLine,
                "Yêu cầu phải có ít nhất một dòng trong danh sách đề nghị.");
        }

        var missing = new List<string>();
        if (Letter.Number is null)
        {
            missing.Add("số văn bản");
        }

        if (Letter.Date is null)
        {
            missing.Add("ngày văn bản");
        }

        if (Letter.SignerName is null)
        {
            missing.Add("họ tên người ký");
        }

        if (Letter.SignerPosition is null)
        {
            missing.Add("chức vụ người ký");
        }

        if (missing.Count > 0)
        {
            throw new DomainRuleException(RequestRules.SubmittedRequestNeedsTheLetterDetails,
                "Văn bản đề nghị còn thiếu: " + string.Join(", ", missing) + ".");
        }

        if (Letter.Date > today)
        {
            throw new DomainRuleException(RequestRules.LetterDateCannotBeInTheFuture, "Ngày văn bản không được sau ngày gửi.");
        }

        if (Contact.FullName is null || Contact.Phone is null)
        {
            throw new DomainRuleException(RequestRules.ContactNeedsANameAndAPhone,
                "Phải ghi họ tên và số điện thoại di động của người được giao tiếp nhận (Mục 1 của văn bản).");
        }

        EnsureEligible(subjects, today);
        RecordDispatch(dispatch, today);
        SubmittedAtUtc = Utc(actor.AtUtc);
        return Join(LetterNote(), CaDispatchText);
    }

    private void EnsureEligible(RequestSubjects subjects, DateOnly today)
    {
        foreach (var line in _lines.Where(_ => RequestTypes.LinesNeedACertificate(Type)))
        {
            var certificate = Find(subjects.Certificates, line.CertificateId, "certificate");
            if (certificate.SubscriberId != line.SubscriberId)
            {
                throw new DomainRuleException(RequestRules.CertificateMustBelongToTheSubscriber,
                    $"Chứng thư số {certificate.SerialNumber} không còn thuộc thuê bao “{line.SubscriberName}”.");
            }
        }

        var problems = FindEligibilityProblems(subjects, today);
        if (problems.Count > 0)
        {
            throw new DomainRuleException(problems[0].Rule, string.Join(" ", problems.Select(p => p.Message)));
        }
    }
}
