using System.Linq.Expressions;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;

namespace PhuThoCa.Domain.Requests;

/// <summary>A refused condition found before acting: rule name (a sentence) and the Vietnamese message.</summary>
public sealed record RequestProblem(string Rule, string Message);

/// <summary>
/// Yêu cầu chứng thực: one request letter of an agency (Mẫu 01–06) and its way through Sở KH&amp;CN and Cục CTS&amp;BMTT.
/// The aggregate root of the request workflows (docs/adr/0007-request-state-machine.md): the status changes only
/// through one public method per business action, each going through <see cref="TransitionTo"/>, which consults
/// <see cref="RequestTransitions"/>, refuses an illegal move always with the same rule, and appends the history row.
/// The domain reads no clock: every action takes an <see cref="Actor"/> (who and when) and, where a deadline starts,
/// an <see cref="IWorkingDayDeadlines"/>.
/// </summary>
public sealed partial class Request : Entity
{
    public const int LetterNumberMaxLength = 50;
    public const int ReasonMaxLength = 2000;
    public const int DossierCodeMaxLength = 100;

    private readonly List<RequestLine> _lines = [];
    private readonly List<RequestStatusChange> _history = [];

    private Request()
    {
        CreatedByUserId = "";
        CreatedByName = "";
        RowVersion = [];
    }

    public Request(RequestType type, int agencyId, Actor createdBy)
    {
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }

        Type = type;
        AgencyId = agencyId;
        Status = RequestStatus.Draft;
        CreatedByUserId = createdBy.UserId;
        CreatedByName = createdBy.DisplayName;
        CreatedAtUtc = Utc(createdBy.AtUtc);
        RowVersion = NewVersion();
    }

    public RequestType Type { get; private set; }

    public RequestStatus Status { get; private set; }

    /// <summary>Cơ quan, tổ chức quản lý trực tiếp that signs the letter.</summary>
    public int AgencyId { get; private set; }

    public string CreatedByUserId { get; private set; }

    public string CreatedByName { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    // The letter (công văn): "Số: …", date and signer.
    public string? LetterNumber { get; private set; }

    public DateOnly? LetterDate { get; private set; }

    public string? SignerName { get; private set; }

    public string? SignerPosition { get; private set; }

    // Mục 1: người được giao tiếp nhận / đầu mối phối hợp (see RequestContact).
    public string? ContactFullName { get; private set; }

    public string? ContactNationalId { get; private set; }

    public DateOnly? ContactNationalIdIssuedOn { get; private set; }

    public string? ContactNationalIdIssuedBy { get; private set; }

    public string? ContactPosition { get; private set; }

    public string? ContactPhone { get; private set; }

    public string? ContactEmail { get; private set; }

    public string? ContactAddress { get; private set; }

    public string? ContactWorkplace { get; private set; }

    /// <summary>Số tiếp nhận, e.g. SKHCN-2026-000123: assigned at the first receipt and kept after a resubmission.</summary>
    public string? ReceiptNumber { get; private set; }

    /// <summary>Latest receipt by Sở (a resubmitted request is received again).</summary>
    public DateTime? ReceivedAtUtc { get; private set; }

    /// <summary>
    /// Day X of Sở's legal clock ("kể từ ngày tiếp nhận đề nghị hợp lệ"; not counted itself), kept afterwards for reports.
    /// Null before the clock starts and after a return for supplement; only Mẫu 04/06 requests have one.
    /// </summary>
    public DateOnly? ValidFromDate { get; private set; }

    /// <summary>End (24:00) of the running step's period; null when no period applies. See <see cref="DueStep"/>.</summary>
    public DateOnly? DueDate { get; private set; }

    /// <summary>The step <see cref="DueDate"/> belongs to; its kind, holder and legal basis are in <see cref="LegalDeadlines"/>.</summary>
    public DeadlineStep? DueStep { get; private set; }

    /// <summary>Working days of Sở's clock already used before returns for supplement, when the clock pauses instead of restarting.</summary>
    public int ClockWorkingDaysUsed { get; private set; }

    /// <summary>Mã hồ sơ on dichvucong.ca.gov.vn (QĐ-PT Điều 5.4c).</summary>
    public string? CaDossierCode { get; private set; }

    public DateTime? FiledOnCaPortalAtUtc { get; private set; }

    /// <summary>Latest reason for returning the request for supplement.</summary>
    public string? SupplementReason { get; private set; }

    /// <summary>Sở's written reasons (Rejected) or the Cục's (RejectedByCa).</summary>
    public string? RejectionReason { get; private set; }

    public string? CancellationReason { get; private set; }

    public DateTime? CaResultRecordedAtUtc { get; private set; }

    /// <summary>Revocation time given by the Cục (revoke requests).</summary>
    public DateTime? RevokedAtUtc { get; private set; }

    public string? HandedOverTo { get; private set; }

    public DateOnly? HandedOverOn { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>
    /// Optimistic concurrency token, renewed by every change of the aggregate. Map it with <c>IsConcurrencyToken()</c>
    /// (not <c>IsRowVersion()</c>) so SQLite and SQL Server behave the same.
    /// </summary>
    public byte[] RowVersion { get; private set; }

    public IReadOnlyList<RequestLine> Lines => _lines;

    public IReadOnlyList<RequestStatusChange> History => _history;

    public bool IsOpen => RequestStatuses.IsOpen(Status);

    public IReadOnlyList<RequestAction> AvailableActions => RequestTransitions.AvailableActions(Type, Status);

    /// <summary>Mẫu 01/02/03 of an issue request follows its lines' subscriber kind (all lines share one kind).</summary>
    public SubscriberKind? IssueSubscriberKind => Type == RequestType.Issue && _lines.Count > 0 ? _lines[0].SubscriberKind : null;

    /// <summary>"01" … "06"; null for an issue request without lines.</summary>
    public string? FormNumber => RequestTypes.FormNumber(Type, IssueSubscriberKind);

    public RequestLetter Letter => new(LetterNumber, LetterDate, SignerName, SignerPosition);

    public RequestContact Contact => new(ContactFullName, ContactNationalId, ContactNationalIdIssuedOn,
        ContactNationalIdIssuedBy, ContactPosition, ContactPhone, ContactEmail, ContactAddress, ContactWorkplace);

    /// <summary>
    /// Query-friendly "open" test (not Rejected, RejectedByCa, Completed or Cancelled; same as
    /// <see cref="RequestStatuses.IsOpen"/>), e.g. <c>db.Requests.Where(Request.IsOpenExpression)</c>.
    /// </summary>
    public static Expression<Func<Request, bool>> IsOpenExpression { get; } = r =>
        r.Status != RequestStatus.Rejected && r.Status != RequestStatus.RejectedByCa
        && r.Status != RequestStatus.Completed && r.Status != RequestStatus.Cancelled;

    /// <summary>
    /// Duplicate guard (features G1.4): open requests of <paramref name="type"/> with a line on the certificate or the token.
    /// The web layer refuses a new request when <c>db.Requests.Any(Request.OpenRequestCovering(…))</c> and links to it.
    /// </summary>
    public static Expression<Func<Request, bool>> OpenRequestCovering(RequestType type, int? certificateId, int? tokenId) => r =>
        r.Type == type
        && r.Status != RequestStatus.Rejected && r.Status != RequestStatus.RejectedByCa
        && r.Status != RequestStatus.Completed && r.Status != RequestStatus.Cancelled
        && r.Lines.Any(l => (certificateId != null && l.CertificateId == certificateId) || (tokenId != null && l.TokenId == tokenId));

    // ----------------------------------------------------------------------------------------------------------------
    // Editing: only while the agency holds the request (Draft, ReturnedForSupplement).

    public void UpdateLetter(RequestLetter letter)
    {
        EnsureEditable();
        var number = Text.CleanOrNull(letter.Number);
        if (number is { Length: > LetterNumberMaxLength })
        {
            throw new DomainRuleException(RequestRules.SubmittedRequestNeedsTheLetterDetails,
                $"Số văn bản không được dài quá {LetterNumberMaxLength} ký tự.");
        }

        LetterNumber = number;
        LetterDate = letter.Date;
        SignerName = Text.CleanOrNull(letter.SignerName);
        SignerPosition = Text.CleanOrNull(letter.SignerPosition);
        RowVersion = NewVersion();
    }

    public void UpdateContact(RequestContact contact)
    {
        EnsureEditable();
        var nationalId = Text.CleanOrNull(contact.NationalId);
        if (nationalId is not null && !NationalId.IsValid(nationalId))
        {
            throw new DomainRuleException(RequestRules.ContactNationalIdMustHave12Digits,
                "Số định danh cá nhân của người tiếp nhận phải gồm đúng 12 chữ số.");
        }

        var email = Text.CleanOrNull(contact.Email)?.ToLowerInvariant();
        if (email is not null && !OfficialEmail.IsStateIssued(email))
        {
            throw new DomainRuleException(RequestRules.ContactEmailMustBeIssuedByAStateBody,
                "Địa chỉ thư điện tử công vụ của người tiếp nhận phải do cơ quan nhà nước cấp (tên miền .gov.vn).");
        }

        ContactFullName = Text.CleanOrNull(contact.FullName);
        ContactNationalId = nationalId;
        ContactNationalIdIssuedOn = contact.NationalIdIssuedOn;
        ContactNationalIdIssuedBy = Text.CleanOrNull(contact.NationalIdIssuedBy);
        ContactPosition = Text.CleanOrNull(contact.Position);
        ContactPhone = Text.CleanOrNull(contact.Phone);
        ContactEmail = email;
        ContactAddress = Text.CleanOrNull(contact.Address);
        ContactWorkplace = Text.CleanOrNull(contact.Workplace);
        RowVersion = NewVersion();
    }

    /// <summary>
    /// Mẫu 01/02/03: one subscriber to issue a certificate for. All lines of one request share one subscriber kind.
    /// <paramref name="simPki"/> fills Mẫu 01's SIM PKI column (<see cref="SimPkiRequests"/>); persons only.
    /// </summary>
    public RequestLine AddIssueLine(Subscriber subscriber, string? previousCertificateSerial = null, string? simPki = null)
    {
        EnsureLineType(RequestType.Issue);
        if (!subscriber.IsActive)
        {
            throw new DomainRuleException(RequestRules.InactiveSubscriberCannotBeIssuedACertificate,
                $"Thuê bao “{subscriber.Name}” đã ngừng theo dõi nên không thể đề nghị cấp chứng thư số.");
        }

        if (_lines.Any(l => l.SubscriberId == subscriber.Id))
        {
            throw new DomainRuleException(RequestRules.SubscriberAppearsOncePerIssueRequest,
                $"Thuê bao “{subscriber.Name}” đã có trong danh sách đề nghị.");
        }

        if (IssueSubscriberKind is { } kind && kind != subscriber.Kind)
        {
            throw new DomainRuleException(RequestRules.IssueRequestCoversOneSubscriberKind,
                $"Mỗi văn bản đề nghị cấp mới chỉ dùng một mẫu: yêu cầu này lập theo {RequestTypes.FormLabel(Type, kind)} "
                + $"({SubscriberKindLabels.Label(kind)}) nên không thêm được thuê bao loại “{SubscriberKindLabels.Label(subscriber.Kind)}”.");
        }

        var sim = SimPkiFor(subscriber, simPki);
        var line = NewLine(subscriber, null, null);
        line.SetPreviousCertificate(previousCertificateSerial);
        line.SetSimPki(sim);
        return AddLine(line);
    }

    /// <summary>
    /// Mẫu 05: a certificate to revoke, for a case of ND 68/2024 Điều 17. Pass the certificate's token when it has one:
    /// its return to the Cục is then tracked. A key compromise needs the invalidity date.
    /// </summary>
    public RequestLine AddRevokeLine(Subscriber subscriber, Certificate certificate, UsbToken? token,
        RevocationReason reason, DateOnly? invalidityDate, string? detail = null)
    {
        EnsureLineType(RequestType.Revoke);
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, null);
        }

        if (token is null && certificate.TokenId is not null)
        {
            throw new ArgumentException("Pass the token the certificate is stored on, so that its return is tracked.", nameof(token));
        }

        if (!RevocationReasons.AppliesTo(reason, subscriber.Kind))
        {
            throw new DomainRuleException(RequestRules.RevocationReasonMustFitTheSubscriberKind,
                $"Lý do “{RevocationReasons.Label(reason)}” không áp dụng cho thuê bao loại “{SubscriberKindLabels.Label(subscriber.Kind)}” "
                + $"({RevocationReasons.LegalBasis(reason)}).");
        }

        if (RevocationReasons.NeedsInvalidityDate(reason) && invalidityDate is null)
        {
            throw new DomainRuleException(RequestRules.KeyCompromiseNeedsAnInvalidityDate,
                $"Lý do “{RevocationReasons.Label(reason)}” phải ghi rõ ngày khóa bí mật bắt đầu không còn an toàn.");
        }

        var line = NewLine(subscriber, certificate, token);
        line.SetRevocation(reason, invalidityDate, detail);
        return AddLine(line);
    }

    /// <summary>Mẫu 04 (Gia hạn): a certificate to renew. Eligibility is checked at submit and at acceptance.</summary>
    public RequestLine AddRenewLine(Subscriber subscriber, Certificate certificate)
    {
        EnsureLineType(RequestType.Renew);
        return AddLine(NewLine(subscriber, certificate, null));
    }

    /// <summary>Mẫu 04 (TĐTT): a certificate whose information changes, for a case of ND 68/2024 Điều 15, old → new value.</summary>
    public RequestLine AddChangeInfoLine(Subscriber subscriber, Certificate certificate, ChangeInfoCase change,
        string oldValue, string newValue)
    {
        EnsureLineType(RequestType.ChangeInfo);
        var (oldText, newText) = CheckedChange(subscriber, change, oldValue, newValue);
        if (_lines.Any(l => l.CertificateId == certificate.Id && l.ChangeCase == change))
        {
            throw new DomainRuleException(RequestRules.CertificateAppearsOncePerRequest,
                $"Chứng thư số {certificate.SerialNumber} đã có dòng “{ChangeInfoCases.Label(change)}” trong yêu cầu này.");
        }

        var line = NewLine(subscriber, certificate, null, allowCertificateTwice: true);
        line.SetChange(change, oldText, newText);
        return AddLine(line);
    }

    /// <summary>
    /// Mẫu 04 with both boxes ticked ("Gia hạn" and "TĐTT"): the renewal of <paramref name="line"/> also changes the
    /// certificate's information, so the renewed certificate carries the new information (Nghị định 68/2024/NĐ-CP Điều 12
    /// and Điều 14; Quy chế Điều 5 khoản 1, 2). One change per renewed certificate; the renewal's conditions apply.
    /// </summary>
    public void AlsoChangeOnRenewal(RequestLine line, Subscriber subscriber, ChangeInfoCase change, string oldValue, string newValue)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(subscriber);
        EnsureEditable();
        if (Type != RequestType.Renew || !_lines.Contains(line) || line.SubscriberId != subscriber.Id)
        {
            throw new ArgumentException("The line is not a renewal line of this request for this subscriber.", nameof(line));
        }

        if (line.ChangeCase is { } existing)
        {
            throw new DomainRuleException(RequestRules.CertificateAppearsOncePerRequest,
                $"Chứng thư số {line.CertificateSerial} đã có nội dung thay đổi “{ChangeInfoCases.Label(existing)}” kèm theo gia hạn; "
                + "muốn sửa, hãy xóa dòng rồi thêm lại.");
        }

        var (oldText, newText) = CheckedChange(subscriber, change, oldValue, newValue);
        line.SetChange(change, oldText, newText);
        RowVersion = NewVersion();
    }

    /// <summary>Whether a line asks for both a renewal and a change of information (Mẫu 04, both boxes ticked).</summary>
    public bool RenewsWithAChange => Type == RequestType.Renew && _lines.Any(l => l.ChangeCase is not null);

    private static (string Old, string New) CheckedChange(Subscriber subscriber, ChangeInfoCase change, string oldValue, string newValue)
    {
        if (!Enum.IsDefined(change))
        {
            throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }

        if (ChangeInfoCases.SubscriberKindOf(change) != subscriber.Kind)
        {
            throw new DomainRuleException(RequestRules.ChangeCaseMustFitTheSubscriberKind,
                $"Trường hợp “{ChangeInfoCases.Label(change)}” không áp dụng cho thuê bao loại “{SubscriberKindLabels.Label(subscriber.Kind)}” "
                + $"({ChangeInfoCases.LegalBasis(change)}).");
        }

        var oldText = Text.Clean(oldValue);
        var newText = Text.Clean(newValue);
        if (oldText.Length == 0 || newText.Length == 0 || string.Equals(oldText, newText, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainRuleException(RequestRules.ChangeNeedsDifferentOldAndNewValues,
                $"Phải ghi rõ “{ChangeInfoCases.Field(change)}” hiện tại và thông tin mới, và hai giá trị phải khác nhau.");
        }

        if (change == ChangeInfoCase.PersonChangedOfficialEmail)
        {
            newText = newText.ToLowerInvariant();
            if (!OfficialEmail.IsStateIssued(newText))
            {
                throw new DomainRuleException(RequestRules.NewOfficialEmailMustBeIssuedByAStateBody,
                    "Địa chỉ thư điện tử công vụ mới phải do cơ quan nhà nước cấp (tên miền .gov.vn), không dùng gmail, yahoo, …");
            }
        }

        return (oldText, newText);
    }

    /// <summary>Mẫu 06: a locked token to recover (the certificate on it is optional, for the letter).</summary>
    public RequestLine AddRecoverTokenLine(Subscriber subscriber, UsbToken token, Certificate? certificate = null) =>
        AddLine(NewLine(subscriber, certificate, token, expectedType: RequestType.RecoverToken));

    public void RemoveLine(RequestLine line)
    {
        EnsureEditable();
        if (!_lines.Remove(line))
        {
            throw new ArgumentException("The line does not belong to this request.", nameof(line));
        }

        RowVersion = NewVersion();
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Business actions: one public method each, all through TransitionTo.

    /// <summary>
    /// The agency sends the signed letter: to Sở (Mẫu 04, 06), or to the Cục with Sở in copy (Mẫu 01–03, 05). Needs at least
    /// one line, the letter details and the contact; renewal, change and recovery eligibility is checked on
    /// <paramref name="subjects"/> as of the actor's day. The sender must confirm the accuracy of the data and that the
    /// letter is signed (<paramref name="accuracyConfirmed"/>, QĐ-PT Điều 9 khoản 1), whatever page or API sends it.
    /// </summary>
    /// <remarks>A letter to the Cục also records when and how the agency sent it (<paramref name="dispatch"/>).</remarks>
    public void Submit(Actor actor, RequestSubjects subjects, bool accuracyConfirmed, CaDispatch? dispatch = null) =>
        TransitionTo(RequestAction.Submit, actor, null, () => PrepareSubmission(actor, subjects, accuracyConfirmed, dispatch));

    /// <summary>Sở records the receipt: assigns the receipt number (first receipt only) and starts the running period.</summary>
    public void Receive(Actor actor, IWorkingDayDeadlines deadlines, int? receiptSequence, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        TransitionTo(RequestAction.Receive, actor, null, () =>
        {
            if (ReceiptNumber is null)
            {
                var sequence = receiptSequence ?? throw new DomainRuleException(RequestRules.FirstReceiptNeedsAReceiptSequence,
                    "Lần tiếp nhận đầu tiên phải cấp số tiếp nhận.");
                ReceiptNumber = RequestReceiptNumber.Format(VietnamTime.ToDate(actor.AtUtc).Year, sequence);
            }
            else if (receiptSequence is not null)
            {
                throw new DomainRuleException(RequestRules.ReceiptNumberIsAssignedOnce,
                    $"Yêu cầu đã có số tiếp nhận {ReceiptNumber}; hồ sơ bổ sung giữ nguyên số này.");
            }

            ReceivedAtUtc = Utc(actor.AtUtc);
            return Join($"Số tiếp nhận: {ReceiptNumber}", note);
        }, deadlines);
    }

    /// <summary>Sở returns the request to the agency to supplement it; the legal clock stops (or pauses, see settings).</summary>
    public void ReturnForSupplement(string reason, Actor actor, IWorkingDayDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        TransitionTo(RequestAction.ReturnForSupplement, actor, null, () =>
        {
            SupplementReason = RequiredReason(reason, RequestRules.ReturnForSupplementNeedsAReason,
                "Phải nêu rõ nội dung cần bổ sung khi trả lại yêu cầu.");
            return SupplementReason;
        }, deadlines);
    }

    /// <summary>The agency sends the supplemented request again; it is checked as at the first submission.</summary>
    public void Resubmit(Actor actor, RequestSubjects subjects, bool accuracyConfirmed, string? note = null) =>
        TransitionTo(RequestAction.Resubmit, actor, null, () => Join(PrepareSubmission(actor, subjects, accuracyConfirmed), note));

    /// <summary>
    /// Sở finds the request valid (QĐ-PT Điều 5.4c, 6.4). Eligibility is checked again on the current state (a certificate
    /// renewed or revoked meanwhile, a token no longer locked is refused), but the 30-day condition of NĐ 68/2024 Điều 12,
    /// 14 and QĐ-PT Điều 5.1–5.2 is judged on <see cref="EligibilityDate"/> (the filing day by default), never on the day
    /// Sở accepts; <see cref="FindValidityWarnings"/> tells Sở when fewer than 30 days remain now.
    /// </summary>
    public void Accept(Actor actor, RequestSubjects subjects, IWorkingDayDeadlines deadlines, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        TransitionTo(RequestAction.Accept, actor, note, () =>
        {
            EnsureEligible(subjects, EligibilityDate(deadlines.Settings.EligibilityJudgedOn) ?? VietnamTime.ToDate(actor.AtUtc));
            return null;
        }, deadlines);
    }

    /// <summary>
    /// The Vietnam day on which the 30-day condition is judged at acceptance: the (last) submission day, or the receipt day
    /// when so configured; null before the request was sent.
    /// </summary>
    public DateOnly? EligibilityDate(EligibilityJudgedOn judgedOn)
    {
        var at = judgedOn == EligibilityJudgedOn.Receipt ? ReceivedAtUtc ?? SubmittedAtUtc : SubmittedAtUtc;
        return at is { } utc ? VietnamTime.ToDate(utc) : null;
    }

    /// <summary>What refuses acceptance: <see cref="FindEligibilityProblems"/> as of <see cref="EligibilityDate"/>.</summary>
    public IReadOnlyList<RequestProblem> FindAcceptanceProblems(RequestSubjects subjects, DateOnly today, EligibilityJudgedOn judgedOn) =>
        FindEligibilityProblems(subjects, EligibilityDate(judgedOn) ?? today);

    /// <summary>
    /// Problems as of <paramref name="today"/> that do not refuse acceptance (the request was eligible on its
    /// <see cref="EligibilityDate"/>), e.g. fewer than 30 days of validity left now: Sở is warned to file quickly.
    /// </summary>
    public IReadOnlyList<RequestProblem> FindValidityWarnings(RequestSubjects subjects, DateOnly today, EligibilityJudgedOn judgedOn)
    {
        var refusing = FindAcceptanceProblems(subjects, today, judgedOn).Select(p => p.Rule).ToHashSet(StringComparer.Ordinal);
        return [.. FindEligibilityProblems(subjects, today).Where(p => !refusing.Contains(p.Rule))];
    }

    /// <summary>Sở refuses the request; the letter to the agency must state the reasons (QĐ-PT Điều 5.4b, 6.3).</summary>
    public void Reject(string reason, Actor actor) =>
        TransitionTo(RequestAction.Reject, actor, null, () =>
        {
            RejectionReason = RequiredReason(reason, RequestRules.RejectionNeedsAReason,
                "Phải nêu rõ lý do khi từ chối yêu cầu (văn bản thông báo phải nêu rõ lý do).");
            return RejectionReason;
        });

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
    public void RecordCertificatesIssued(IReadOnlyCollection<IssuedCertificate> results, Actor actor, string? note = null) =>
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
        });

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
        string? note = null)
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
        });
        return successors;
    }

    /// <summary>
    /// The Cục changed the certificates' information (<see cref="RequestAction.RecordCaResult"/>): the expiry date must stay
    /// the same (ND 68/2024 Điều 14; QĐ-PT Điều 5.2). The register entries are updated in place.
    /// </summary>
    public void RecordCertificatesChanged(IReadOnlyCollection<ChangedCertificate> results, Actor actor, string? note = null) =>
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
        });

    /// <summary>The Cục refused the request (its notice states why).</summary>
    public void RecordCaRejection(string reason, Actor actor) =>
        TransitionTo(RequestAction.RecordCaRejection, actor, null, () =>
        {
            RejectionReason = RequiredReason(reason, RequestRules.CaRejectionNeedsAReason,
                "Phải ghi rõ lý do Cục Chứng thực số và Bảo mật thông tin từ chối.");
            return RejectionReason;
        });

    /// <summary>
    /// The result reached the person the agency named: Sở sends a renewed or changed certificate (QĐ-PT Điều 5.4c), the
    /// agency hands a new token to its subscriber (QĐ-PT Điều 9.2). Token custody itself is recorded on the token
    /// (<see cref="UsbToken.HandOver"/>).
    /// </summary>
    /// <remarks>
    /// QĐ-PT Điều 5.4c: Sở hands the renewed or changed certificate "cho người được cơ quan … giao tiếp nhận", the person
    /// named in Mục 1 of the agency's letter. Another receiver is recorded only with the reason
    /// (<paramref name="otherReceiverReason"/>, e.g. a new letter of authorisation), kept in the request's history.
    /// </remarks>
    public void HandOver(string receiverName, DateOnly handedOverOn, Actor actor, string? note = null, string? otherReceiverReason = null) =>
        TransitionTo(RequestAction.HandOver, actor, null, () =>
        {
            var receiver = Text.Clean(receiverName);
            if (receiver.Length == 0)
            {
                throw new DomainRuleException(RequestRules.HandoverNeedsAReceiver, "Phải ghi rõ người nhận bàn giao.");
            }

            var why = Text.CleanOrNull(otherReceiverReason);
            if (IsOtherThanTheNamedReceiver(receiver) && why is null)
            {
                throw new DomainRuleException(RequestRules.HandoverToTheNamedPersonOrAReason,
                    $"Người nhận “{receiver}” không phải người được cơ quan giao tiếp nhận kết quả trong văn bản đề nghị ({ContactFullName}): "
                    + "phải bàn giao cho người này, hoặc ghi rõ lý do người khác nhận (Điều 5 khoản 4 điểm c Quy chế).");
            }

            if (handedOverOn > VietnamTime.ToDate(actor.AtUtc))
            {
                throw new DomainRuleException(RequestRules.HandoverCannotBeInTheFuture, "Ngày bàn giao không được sau ngày hôm nay.");
            }

            HandedOverTo = receiver;
            HandedOverOn = handedOverOn;
            var other = IsOtherThanTheNamedReceiver(receiver)
                ? $" (không phải người được cơ quan giao tiếp nhận là {ContactFullName}; lý do: {why})"
                : "";
            return Join($"Bàn giao cho {receiver}{other} ngày {Fmt(handedOverOn)}", note);
        });

    /// <summary>
    /// True when Sở hands a renewal or change result (QĐ-PT Điều 5.4c) to someone other than the person named in Mục 1.
    /// Names compare without regard to case or spacing. An issue request's tokens go to their subscribers (Điều 9.2).
    /// </summary>
    public bool IsOtherThanTheNamedReceiver(string receiverName) =>
        Type is RequestType.Renew or RequestType.ChangeInfo
        && Text.CleanOrNull(ContactFullName) is { } named
        && !string.Equals(SingleSpaced(receiverName), SingleSpaced(named), StringComparison.OrdinalIgnoreCase);

    private static string SingleSpaced(string name) =>
        string.Join(' ', Text.Clean(name).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The agency handed the revoked certificates' tokens to the Cục (Mẫu 08) or confirmed them lost (Mẫu 09)
    /// (ND 68/2024 Điều 20; QĐ-PT Điều 9.3). Every line with a token needs an outcome. Returns the tokens' history rows.
    /// </summary>
    public IReadOnlyList<TimelineEvent> RecordTokenReturned(IReadOnlyCollection<TokenReturn> returns, Actor actor, string? note = null)
    {
        var events = new List<TimelineEvent>();
        TransitionTo(RequestAction.RecordTokenReturned, actor, null, () =>
        {
            var byLine = MatchTokens(returns.Select(r => r.Token).ToList(), RequestRules.EveryLineNeedsACaResult,
                "Phải ghi nhận kết quả thu hồi cho mọi thiết bị của yêu cầu; còn thiếu: ");
            var today = VietnamTime.ToDate(actor.AtUtc);
            foreach (var r in returns)
            {
                if (r.On > today)
                {
                    throw new DomainRuleException(RequestRules.TokenReturnCannotBeInTheFuture,
                        "Ngày bàn giao hoặc xác nhận thất lạc thiết bị không được sau ngày hôm nay.");
                }

                var target = TargetStatus(r.Outcome);
                if (r.Token.Status != target && !TokenTransitions.IsAllowed(r.Token.Status, target))
                {
                    throw new DomainRuleException(TokenRules.TokenStatusChangesOnlyThroughTheTransitionsTable,
                        $"Không thể ghi nhận thiết bị {r.Token.SerialNumber} “{TokenReturnOutcomes.Label(r.Outcome)}”: thiết bị đang ở "
                        + $"trạng thái “{TokenTransitions.Label(r.Token.Status)}”.");
                }
            }

            foreach (var (line, token) in byLine)
            {
                var r = returns.Single(x => ReferenceEquals(x.Token, token));
                if (token.Status != TargetStatus(r.Outcome))
                {
                    events.Add(token.ChangeStatus(TargetStatus(r.Outcome),
                        $"Thu hồi chứng thư theo yêu cầu {ReceiptNumber}: {TokenReturnOutcomes.Label(r.Outcome)}", actor));
                }

                line.RecordTokenReturn(r.Outcome, r.On, r.MinutesNumber);
            }

            var returned = returns.Count(r => r.Outcome == TokenReturnOutcome.ReturnedToCa);
            return Join($"Đã bàn giao {returned} thiết bị cho Cục; thất lạc {returns.Count - returned}", note);
        });
        return events;
    }

    /// <summary>
    /// Sở and the agency unlocked the tokens (QĐ-PT Điều 6.4): each goes Locked → Recovered through
    /// <see cref="UsbToken.ChangeStatus"/>, which counts the recovery. Returns the tokens' history rows.
    /// </summary>
    public IReadOnlyList<TimelineEvent> RecordRecovered(IReadOnlyCollection<UsbToken> tokens, Actor actor, string? note = null)
    {
        var events = new List<TimelineEvent>();
        TransitionTo(RequestAction.RecordRecovered, actor, null, () =>
        {
            var byLine = MatchTokens(tokens, RequestRules.EveryLineNeedsACaResult,
                "Phải ghi nhận kết quả khôi phục cho mọi thiết bị của yêu cầu; còn thiếu: ");
            if (byLine.FirstOrDefault(p => p.Token.Status != TokenStatus.Locked).Token is { } notLocked)
            {
                throw NotLocked(notLocked);
            }

            foreach (var (_, token) in byLine)
            {
                events.Add(token.Recover($"Khôi phục thiết bị theo yêu cầu {ReceiptNumber}", actor));
            }

            return Join($"Đã khôi phục {byLine.Count} thiết bị", note);
        });
        return events;
    }

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

                        var requestDate = LetterDate is { } letterDate && letterDate < today ? letterDate : today;
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

    // ----------------------------------------------------------------------------------------------------------------
    // The one door.

    /// <summary>
    /// Every status change goes through here: the table decides (always the same refusal), separation of duties is
    /// checked, then <paramref name="effects"/> validates and records the action's data (returning the history note), the
    /// status and the deadline change, and one history row is appended.
    /// </summary>
    private void TransitionTo(RequestAction action, Actor actor, string? note, Func<string?>? effects = null,
        IWorkingDayDeadlines? deadlines = null)
    {
        var from = Status;
        var to = RequestTransitions.Next(Type, from, action) ?? throw IllegalTransition(action);

        if (RequestActions.PerformedBy(Type, action) == RequestParty.ScienceDepartment
            && string.Equals(actor.UserId, CreatedByUserId, StringComparison.Ordinal))
        {
            throw new DomainRuleException(RequestRules.StaffCannotActOnTheirOwnRequest,
                $"Không thể “{RequestActions.Label(action)}” yêu cầu do chính mình lập: việc này phải do một cán bộ khác thực hiện.");
        }

        var history = Join(effects?.Invoke(), note);
        Status = to;
        UpdateDeadline(action, to, actor, deadlines);
        if (RequestStatuses.IsClosed(to))
        {
            ClosedAtUtc = Utc(actor.AtUtc);
        }

        _history.Add(new RequestStatusChange(from, to, action, actor, history, DueDate));
        RowVersion = NewVersion();
    }

    /// <summary>
    /// Throws the table's refusal when <paramref name="action"/> is not allowed now, the one the action itself would throw:
    /// callers check it before validating the action's input, so a crafted or replayed post gets the same message.
    /// </summary>
    public void EnsureAllowed(RequestAction action)
    {
        if (RequestTransitions.Next(Type, Status, action) is null)
        {
            throw IllegalTransition(action);
        }
    }

    private DomainRuleException IllegalTransition(RequestAction action) =>
        new(RequestRules.TransitionMustBeInTheTable,
            $"Không thể “{RequestActions.Label(action)}” yêu cầu đang ở trạng thái “{RequestStatuses.Label(Status)}”.");

    /// <summary>
    /// Deadlines come from transitions (docs/architecture.md §3.4): entering a status with a timed step starts its period
    /// from the effective start day of the move; Sở's own step may instead keep the clock of the receipt.
    /// </summary>
    private void UpdateDeadline(RequestAction action, RequestStatus to, Actor actor, IWorkingDayDeadlines? deadlines)
    {
        if (action == RequestAction.ReturnForSupplement)
        {
            var settings = deadlines!.Settings;
            ClockWorkingDaysUsed = !settings.RestartClockOnResubmission && ValidFromDate is { } start
                ? ClockWorkingDaysUsed + Math.Max(0, deadlines.WorkingDaysBetween(start, VietnamTime.ToDate(actor.AtUtc)))
                : 0;
            ValidFromDate = null;
        }

        var step = LegalDeadlines.StepFor(Type, to);
        if (step is not { } running)
        {
            DueDate = null;
            DueStep = null;
            return;
        }

        ArgumentNullException.ThrowIfNull(deadlines);
        var clock = deadlines.Settings.ClockStartsAt;
        var isScienceDepartmentStep = LegalDeadlines.Holder(running) == DeadlineHolder.ScienceDepartment;
        if (isScienceDepartmentStep && action == RequestAction.Receive && clock == LegalClockStart.Acceptance)
        {
            ValidFromDate = null;
            DueDate = null;
            DueStep = null;
            return;
        }

        if (isScienceDepartmentStep && action == RequestAction.Accept && clock == LegalClockStart.Receipt)
        {
            return;
        }

        var day = deadlines.EffectiveStartDay(DateTime.SpecifyKind(VietnamTime.ToLocal(actor.AtUtc), DateTimeKind.Unspecified));
        var days = deadlines.Settings.WorkingDays(running);
        if (isScienceDepartmentStep)
        {
            ValidFromDate = day;
            days = Math.Max(0, days - ClockWorkingDaysUsed);
        }

        DueDate = deadlines.AddWorkingDays(day, days);
        DueStep = running;
    }

    /// <summary>
    /// The working-day calendar changed (an admin added a day off or a make-up Saturday): recompute the running
    /// deadline from the same start day. Returns the history row to store when the due date moved, otherwise null.
    /// Not a transition: the status stays as it is.
    /// </summary>
    public TimelineEvent? RecalculateDeadline(IWorkingDayDeadlines deadlines, Actor actor, string reason)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        if (!IsOpen || DueStep is not { } step || DueDate is not { } oldDue)
        {
            return null;
        }

        var isScienceDepartmentStep = LegalDeadlines.Holder(step) == DeadlineHolder.ScienceDepartment;
        DateOnly start;
        int days = deadlines.Settings.WorkingDays(step);
        if (isScienceDepartmentStep && ValidFromDate is { } validFrom)
        {
            start = validFrom;
            days = Math.Max(0, days - ClockWorkingDaysUsed);
        }
        else
        {
            var started = _history.LastOrDefault(h => h.To == Status)?.AtUtc ?? actor.AtUtc;
            start = deadlines.EffectiveStartDay(DateTime.SpecifyKind(VietnamTime.ToLocal(started), DateTimeKind.Unspecified));
        }

        var newDue = deadlines.AddWorkingDays(start, days);
        if (newDue == oldDue)
        {
            return null;
        }

        DueDate = newDue;
        RowVersion = NewVersion();
        return new TimelineEvent(TimelineSubject.Request, Id, actor.AtUtc, actor.DisplayName, "Tính lại hạn xử lý",
            VietnamTime.DateText(oldDue), VietnamTime.DateText(newDue), reason);
    }

    /// <summary>
    /// Phiếu xin lỗi và hẹn lại ngày trả kết quả (one-stop-shop rules, Nghị định 118/2025/NĐ-CP [U: form set not in our
    /// sources]): Sở promises a new return date for a Mẫu 04/06 request in its own step that will miss its due date (due today
    /// or on the next working day) or has missed it. The new date must be a working day after today, and the reason is
    /// written. Not a transition: the status and the legal <see cref="DueDate"/> stay as they are, so a late request stays
    /// late in the on-time statistics; the promise is kept as the history row returned (to store beside the request).
    /// </summary>
    public TimelineEvent PromiseNewReturnDate(DateOnly newDate, string reason, Actor actor, IWorkingDayDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(deadlines);
        var today = VietnamTime.ToDate(actor.AtUtc);
        if (!RequestTypes.SlipsGivenAtReceipt(Type) || !IsOpen || DueDate is not { } due || DueStep is not { } step
            || LegalDeadlines.Holder(step) != DeadlineHolder.ScienceDepartment || due > deadlines.AddWorkingDays(today, 1))
        {
            throw new DomainRuleException(RequestRules.ApologyOnlyForARequestThatMissesItsDueDate,
                "Chỉ lập phiếu xin lỗi và hẹn lại ngày trả kết quả cho yêu cầu Mẫu 04, 06 đang chờ Sở xử lý đã quá hạn, "
                + "đến hạn hôm nay hoặc ngày làm việc tiếp theo.");
        }

        if (newDate <= today || deadlines.AddWorkingDays(newDate.AddDays(-1), 1) != newDate)
        {
            throw new DomainRuleException(RequestRules.NewReturnDateMustBeAWorkingDayAfterToday,
                "Ngày hẹn trả lại phải là một ngày làm việc sau ngày hôm nay.");
        }

        var why = RequiredReason(reason, RequestRules.NewReturnDateNeedsAReason, "Phải nêu lý do hẹn lại ngày trả kết quả.");
        RowVersion = NewVersion();
        return new TimelineEvent(TimelineSubject.Request, Id, actor.AtUtc, actor.DisplayName, PromiseTitle,
            VietnamTime.DateText(due), VietnamTime.DateText(newDate), why);
    }

    /// <summary>The history title of <see cref="PromiseNewReturnDate"/>; the details page finds the latest promise by it.</summary>
    public const string PromiseTitle = "Hẹn lại ngày trả kết quả";

    // ----------------------------------------------------------------------------------------------------------------
    // Helpers.

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
        if (LetterNumber is null)
        {
            missing.Add("số văn bản");
        }

        if (LetterDate is null)
        {
            missing.Add("ngày văn bản");
        }

        if (SignerName is null)
        {
            missing.Add("họ tên người ký");
        }

        if (SignerPosition is null)
        {
            missing.Add("chức vụ người ký");
        }

        if (missing.Count > 0)
        {
            throw new DomainRuleException(RequestRules.SubmittedRequestNeedsTheLetterDetails,
                "Văn bản đề nghị còn thiếu: " + string.Join(", ", missing) + ".");
        }

        if (LetterDate > today)
        {
            throw new DomainRuleException(RequestRules.LetterDateCannotBeInTheFuture, "Ngày văn bản không được sau ngày gửi.");
        }

        if (ContactFullName is null || ContactPhone is null)
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

    private RequestLine NewLine(Subscriber subscriber, Certificate? certificate, UsbToken? token,
        bool allowCertificateTwice = false, RequestType? expectedType = null)
    {
        if (expectedType is { } type)
        {
            EnsureLineType(type);
        }

        if (subscriber.Id <= 0 || certificate is { Id: <= 0 } || token is { Id: <= 0 })
        {
            throw new ArgumentException("Lines point to saved register entries (Id > 0).");
        }

        if (subscriber.AgencyId != AgencyId)
        {
            throw new DomainRuleException(RequestRules.LinesBelongToTheRequestAgency,
                $"Thuê bao “{subscriber.Name}” không thuộc cơ quan lập yêu cầu.");
        }

        if (RequestTypes.LinesNeedACertificate(Type))
        {
            ArgumentNullException.ThrowIfNull(certificate);
        }

        if (certificate is not null)
        {
            if (certificate.SubscriberId != subscriber.Id)
            {
                throw new DomainRuleException(RequestRules.CertificateMustBelongToTheSubscriber,
                    $"Chứng thư số {certificate.SerialNumber} không thuộc thuê bao “{subscriber.Name}”.");
            }

            if (!allowCertificateTwice && _lines.Any(l => l.CertificateId == certificate.Id))
            {
                throw new DomainRuleException(RequestRules.CertificateAppearsOncePerRequest,
                    $"Chứng thư số {certificate.SerialNumber} đã có trong yêu cầu này.");
            }
        }

        if (token is not null)
        {
            if (token.AgencyId != AgencyId)
            {
                throw new DomainRuleException(RequestRules.LinesBelongToTheRequestAgency,
                    $"Thiết bị {token.SerialNumber} không thuộc cơ quan lập yêu cầu.");
            }

            if (certificate?.TokenId is { } tokenId && tokenId != token.Id)
            {
                throw new DomainRuleException(RequestRules.TokenMustBelongToTheCertificate,
                    $"Chứng thư số {certificate.SerialNumber} không lưu trên thiết bị {token.SerialNumber}.");
            }

            if (_lines.Any(l => l.TokenId == token.Id))
            {
                throw new DomainRuleException(RequestRules.TokenAppearsOncePerRequest,
                    $"Thiết bị {token.SerialNumber} đã có trong yêu cầu này.");
            }
        }

        return new RequestLine(subscriber, certificate, token);
    }

    private static string? SimPkiFor(Subscriber subscriber, string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return null;
        }

        var sim = SimPkiRequests.Canonical(requested)
            ?? throw new DomainRuleException(RequestRules.SimPkiMustNameACarrier,
                "Cột SIM PKI ghi tên nhà mạng (Viettel, Vinaphone hoặc Mobifone) khi cấp SIM mới, thêm “/cs” khi chuyển số đang dùng sang SIM PKI.");
        if (subscriber.Kind != SubscriberKind.Person)
        {
            throw new DomainRuleException(RequestRules.SimPkiIsForPersons,
                $"Chỉ thuê bao cá nhân (Mẫu số 01) mới đăng ký SIM PKI; “{subscriber.Name}” là {SubscriberKindLabels.Label(subscriber.Kind).ToLowerInvariant()}.");
        }

        if (SimPkiRequests.IsConversion(sim) && string.IsNullOrWhiteSpace(subscriber.Phone))
        {
            throw new DomainRuleException(RequestRules.SimPkiConversionNeedsAMobileNumber,
                $"Thuê bao “{subscriber.Name}” chưa có số điện thoại di động trong sổ nên không chuyển số sang SIM PKI được; cập nhật thuê bao trước.");
        }

        return sim;
    }

    private RequestLine AddLine(RequestLine line)
    {
        _lines.Add(line);
        RowVersion = NewVersion();
        return line;
    }

    private void EnsureLineType(RequestType type)
    {
        if (Type != type)
        {
            throw new InvalidOperationException($"A {type} line cannot be added to a {Type} request.");
        }

        EnsureEditable();
    }

    private void EnsureEditable()
    {
        if (!RequestStatuses.IsEditable(Status))
        {
            throw new DomainRuleException(RequestRules.RequestCanBeEditedOnlyAsDraftOrWhenReturned,
                $"Không thể sửa yêu cầu đang ở trạng thái “{RequestStatuses.Label(Status)}”: chỉ sửa được khi là nháp hoặc khi được trả lại để bổ sung.");
        }
    }

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

    private static string RequiredReason(string? reason, string rule, string message)
    {
        var text = Text.Clean(reason);
        if (text.Length == 0)
        {
            throw new DomainRuleException(rule, message);
        }

        return text.Length > ReasonMaxLength
            ? throw new DomainRuleException(rule, $"Lý do không được dài quá {ReasonMaxLength} ký tự.")
            : text;
    }

    private static DomainRuleException AlreadyRevoked(Certificate certificate) =>
        new(RequestRules.RevokedCertificateCannotBeRevokedAgain, $"Chứng thư số {certificate.SerialNumber} đã bị thu hồi trước đó.");

    private static DomainRuleException NotLocked(UsbToken token) =>
        new(RequestRules.OnlyALockedTokenCanBeRecovered,
            $"Thiết bị {token.SerialNumber} đang ở trạng thái “{TokenTransitions.Label(token.Status)}”: chỉ khôi phục thiết bị bị khóa "
            + "do nhập sai mật khẩu quá số lần quy định (Quy chế tỉnh Phú Thọ, Điều 6 khoản 1).");

    private static TokenStatus TargetStatus(TokenReturnOutcome outcome) => outcome switch
    {
        TokenReturnOutcome.ReturnedToCa => TokenStatus.ReturnedToCa,
        TokenReturnOutcome.Lost => TokenStatus.Lost,
    };

    private string? LetterNote() =>
        LetterNumber is null ? null : $"Văn bản số {LetterNumber}" + (LetterDate is { } d ? $" ngày {Fmt(d)}" : "");

    private static string? Join(string? first, string? second)
    {
        var a = Text.CleanOrNull(first);
        var b = Text.CleanOrNull(second);
        return a is null ? b : b is null ? a : $"{a}. {b}";
    }

    private static string Fmt(DateOnly date) => VietnamTime.DateText(date);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static byte[] NewVersion() => Guid.NewGuid().ToByteArray();
}
