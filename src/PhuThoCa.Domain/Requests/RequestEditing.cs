using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;

namespace PhuThoCa.Domain.Requests;

// The request aggregate, editing: only while the agency holds the request (Draft, ReturnedForSupplement): letter, Mục 1, lines.
public sealed partial class Request
{
    /// <summary>Stores the letter's details, cleaned; false (and nothing touched) when they equal what is stored.</summary>
    public bool UpdateLetter(RequestLetter letter)
    {
        EnsureEditable();
        var number = Text.CleanOrNull(letter.Number);
        if (number is { Length: > LetterNumberMaxLength })
        {
            throw new DomainRuleException(RequestRules.SubmittedRequestNeedsTheLetterDetails,
                $"Số văn bản không được dài quá {LetterNumberMaxLength} ký tự.");
        }

        var cleaned = new RequestLetter(number, letter.Date, Text.CleanOrNull(letter.SignerName), Text.CleanOrNull(letter.SignerPosition));
        if (cleaned == Letter)
        {
            return false;
        }

        Letter = cleaned;
        RowVersion = NewVersion();
        return true;
    }

    /// <summary>Stores Mục 1, cleaned; false (and nothing touched) when it equals what is stored.</summary>
    public bool UpdateContact(RequestContact contact)
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

        var cleaned = new RequestContact(Text.CleanOrNull(contact.FullName), nationalId, contact.NationalIdIssuedOn,
            Text.CleanOrNull(contact.NationalIdIssuedBy), Text.CleanOrNull(contact.Position), Text.CleanOrNull(contact.Phone), email,
            Text.CleanOrNull(contact.Address), Text.CleanOrNull(contact.Workplace));
        if (cleaned == Contact)
        {
            return false;
        }

        Contact = cleaned;
        RowVersion = NewVersion();
        return true;
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
}
