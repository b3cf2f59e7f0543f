using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;

namespace PhuThoCa.Domain.Requests;

/// <summary>
/// One row of Mục 2 of the letter: a subscriber (and its certificate and token where the type needs them), the data the
/// type asks for, and the Cục's result. Created and changed only by <see cref="Request"/>. Names and serials are
/// snapshots taken when the line was added, so the letter prints what was requested.
/// </summary>
public sealed class RequestLine : Entity
{
    private RequestLine()
    {
        SubscriberName = "";
    }

    internal RequestLine(Subscriber subscriber, Certificates.Certificate? certificate, Tokens.UsbToken? token)
    {
        SubscriberId = subscriber.Id;
        SubscriberKind = subscriber.Kind;
        SubscriberName = subscriber.Name;
        CertificateId = certificate?.Id;
        CertificateSerial = certificate?.SerialNumber;
        TokenId = token?.Id;
        TokenSerial = token?.SerialNumber;
    }

    public int SubscriberId { get; private set; }

    public SubscriberKind SubscriberKind { get; private set; }

    public string SubscriberName { get; private set; }

    public int? CertificateId { get; private set; }

    /// <summary>Số hiệu chứng thư when the line was added.</summary>
    public string? CertificateSerial { get; private set; }

    public int? TokenId { get; private set; }

    /// <summary>Số hiệu thiết bị lưu khóa bí mật when the line was added.</summary>
    public string? TokenSerial { get; private set; }

    /// <summary>Issue (Mẫu 01 column "Số hiệu chứng thư chữ ký số cũ (nếu có)").</summary>
    public string? PreviousCertificateSerial { get; private set; }

    /// <summary>Mẫu 01 "SIM PKI" column: null, a carrier (new SIM PKI) or carrier + "/cs" (convert the current number).</summary>
    public string? SimPki { get; private set; }

    public ChangeInfoCase? ChangeCase { get; private set; }

    /// <summary>Mẫu 04 "Thông tin cần thay đổi" (current value).</summary>
    public string? OldValue { get; private set; }

    /// <summary>Mẫu 04 "Thông tin mới".</summary>
    public string? NewValue { get; private set; }

    public RevocationReason? RevocationReason { get; private set; }

    /// <summary>Free text completing the reason (Mẫu 05 "Lý do thu hồi").</summary>
    public string? RevocationDetail { get; private set; }

    /// <summary>RFC 5280 invalidity date: since when the key is no longer trusted (key compromise).</summary>
    public DateOnly? InvalidityDate { get; private set; }

    /// <summary>Result: serial of the issued, renewed or changed certificate.</summary>
    public string? ResultSerial { get; private set; }

    public DateTime? ResultNotBeforeUtc { get; private set; }

    public DateTime? ResultNotAfterUtc { get; private set; }

    /// <summary>Result of an issue: serial of the token the Cục provided (null for SIM PKI or remote signing).</summary>
    public string? ResultTokenSerial { get; private set; }

    /// <summary>Result of a change: the fields that changed, in Vietnamese.</summary>
    public string? ResultNote { get; private set; }

    public TokenReturnOutcome? TokenReturnOutcome { get; private set; }

    public DateOnly? TokenReturnedOn { get; private set; }

    public string? TokenReturnMinutesNumber { get; private set; }

    /// <summary>RFC 5280 code for <see cref="Certificates.Certificate.Revoke"/>; null unless this is a revoke line.</summary>
    public int? RevocationReasonCode => RevocationReason is { } reason ? RevocationReasons.ReasonCode(reason) : null;

    public bool HasResult => ResultSerial is not null;

    internal void SetSimPki(string? value) => SimPki = value;

    internal void SetPreviousCertificate(string? serial) =>
        PreviousCertificateSerial = Text.CleanOrNull(Certificates.Certificate.NormalizeSerial(serial));

    internal void SetChange(ChangeInfoCase change, string oldValue, string newValue)
    {
        ChangeCase = change;
        OldValue = oldValue;
        NewValue = newValue;
    }

    internal void SetRevocation(RevocationReason reason, DateOnly? invalidityDate, string? detail)
    {
        RevocationReason = reason;
        InvalidityDate = invalidityDate;
        RevocationDetail = Text.CleanOrNull(detail);
    }

    internal void RecordResult(string serial, DateTime notBeforeUtc, DateTime notAfterUtc, string? tokenSerial, string? note)
    {
        ResultSerial = serial;
        ResultNotBeforeUtc = DateTime.SpecifyKind(notBeforeUtc, DateTimeKind.Utc);
        ResultNotAfterUtc = DateTime.SpecifyKind(notAfterUtc, DateTimeKind.Utc);
        ResultTokenSerial = tokenSerial;
        ResultNote = note;
    }

    internal void RecordTokenReturn(TokenReturnOutcome outcome, DateOnly on, string? minutesNumber)
    {
        TokenReturnOutcome = outcome;
        TokenReturnedOn = on;
        TokenReturnMinutesNumber = Text.CleanOrNull(minutesNumber);
    }
}
