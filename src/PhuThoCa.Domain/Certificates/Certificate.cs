using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Certificates;

public sealed record CertificateDetails(
    string SerialNumber,
    string SubjectDn,
    string Issuer,
    DateTime NotBeforeUtc,
    DateTime NotAfterUtc,
    KeyStorageKind Storage,
    string? ThumbprintSha1 = null,
    string? ThumbprintSha256 = null,
    string? KeyAlgorithm = null);

/// <summary>Chứng thư chữ ký số chuyên dùng công vụ issued by Cục CTS&amp;BMTT to a subscriber.</summary>
public sealed class Certificate : Entity
{
    public const int SerialMaxLength = 64;

    private Certificate()
    {
        SerialNumber = "";
        SubjectDn = "";
        Issuer = "";
    }

    public Certificate(int subscriberId, CertificateDetails details, int? tokenId = null)
    {
        SubscriberId = subscriberId;
        SerialNumber = "";
        SubjectDn = "";
        Issuer = "";
        Apply(details);
        TokenId = tokenId;
        Status = CertificateStatus.Valid;
    }

    public int SubscriberId { get; private set; }

    public Subscribers.Subscriber? Subscriber { get; private set; }

    public int? TokenId { get; private set; }

    public Tokens.UsbToken? Token { get; private set; }

    /// <summary>Số hiệu chứng thư: upper-case hex without separators.</summary>
    public string SerialNumber { get; private set; }

    public string SubjectDn { get; private set; }

    public string Issuer { get; private set; }

    public DateTime NotBeforeUtc { get; private set; }

    public DateTime NotAfterUtc { get; private set; }

    public string? ThumbprintSha1 { get; private set; }

    public string? ThumbprintSha256 { get; private set; }

    public string? KeyAlgorithm { get; private set; }

    public KeyStorageKind Storage { get; private set; }

    /// <summary>Stored status: Valid, Revoked or Superseded. Expiry is derived, see <see cref="StatusOn"/>.</summary>
    public CertificateStatus Status { get; private set; }

    /// <summary>Times this certificate line was renewed (ND 68 Điều 12: at most <see cref="RenewalPolicy.MaxRenewals"/>).</summary>
    public int RenewalCount { get; private set; }

    public int? PredecessorId { get; private set; }

    public int? SuccessorId { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    /// <summary>RFC 5280 CRLReason code of the revocation.</summary>
    public int? RevocationReasonCode { get; private set; }

    public static string NormalizeSerial(string? serial) =>
        new string((serial ?? "").Where(char.IsAsciiHexDigit).ToArray()).ToUpperInvariant();

    public static bool IsValidSerial(string? serial)
    {
        var raw = (serial ?? "").Trim();
        return raw.Length > 0
            && raw.All(c => char.IsAsciiHexDigit(c) || c == ':' || c == ' ')
            && NormalizeSerial(raw).Length is > 0 and <= SerialMaxLength;
    }

    public CertificateStatus StatusOn(DateTime nowUtc) =>
        Status == CertificateStatus.Valid && NotAfterUtc <= nowUtc ? CertificateStatus.Expired : Status;

    /// <summary>Calendar days from today (Vietnam date) to the NotAfter date (Vietnam date).</summary>
    public int DaysLeft(DateOnly today) => VietnamTime.ToDate(NotAfterUtc).DayNumber - today.DayNumber;

    /// <summary>Last day a renewal or change may be filed: NotAfter − 30 days (G5.3).</summary>
    public DateOnly RenewableUntil => VietnamTime.ToDate(NotAfterUtc).AddDays(-RenewalPolicy.MinimumDaysLeft);

    public Eligibility CheckRenewalEligibility(DateOnly today)
    {
        var problems = CommonProblems(today);
        if (RenewalCount >= RenewalPolicy.MaxRenewals)
        {
            problems.Add(EligibilityProblem.CertificateCanBeRenewedOnlyOnce);
        }

        if (DaysLeft(today) < RenewalPolicy.MinimumDaysLeft)
        {
            problems.Add(EligibilityProblem.RenewalNeedsAtLeast30DaysOfValidityLeft);
        }

        return new Eligibility(problems, DaysLeft(today));
    }

    public Eligibility CheckChangeEligibility(DateOnly today)
    {
        var problems = CommonProblems(today);
        if (DaysLeft(today) < RenewalPolicy.MinimumDaysLeft)
        {
            problems.Add(EligibilityProblem.ChangeNeedsAtLeast30DaysOfValidityLeft);
        }

        return new Eligibility(problems, DaysLeft(today));
    }

    public IReadOnlyList<FieldChange> Update(CertificateDetails details)
    {
        var changes = new List<FieldChange>();
        FieldChange.Track(changes, "Số hiệu", SerialNumber, NormalizeSerial(details.SerialNumber));
        FieldChange.Track(changes, "Chủ thể", SubjectDn, Text.Clean(details.SubjectDn));
        FieldChange.Track(changes, "Tổ chức cấp", Issuer, Text.Clean(details.Issuer));
        FieldChange.Track(changes, "Hiệu lực từ", Fmt(NotBeforeUtc), Fmt(details.NotBeforeUtc));
        FieldChange.Track(changes, "Hiệu lực đến", Fmt(NotAfterUtc), Fmt(details.NotAfterUtc));
        FieldChange.Track(changes, "Thiết bị lưu khóa", CertificateLabels.Storage(Storage), CertificateLabels.Storage(details.Storage));
        Apply(details);
        return changes;
    }

    public void AssignToken(int? tokenId) => TokenId = tokenId;

    public void Revoke(DateTime atUtc, int reasonCode)
    {
        if (Status == CertificateStatus.Revoked)
        {
            throw new DomainRuleException(CertificateRules.CertificateCanBeRevokedOnlyOnce, $"Chứng thư số {SerialNumber} đã bị thu hồi trước đó.");
        }

        Status = CertificateStatus.Revoked;
        RevokedAtUtc = atUtc;
        RevocationReasonCode = reasonCode;
    }

    /// <summary>Links the renewed certificate (successor) and marks this one superseded.</summary>
    public Certificate RenewAs(CertificateDetails renewed)
    {
        if (RenewalCount >= RenewalPolicy.MaxRenewals)
        {
            throw new DomainRuleException(nameof(EligibilityProblem.CertificateCanBeRenewedOnlyOnce),
                RenewalPolicy.Message(EligibilityProblem.CertificateCanBeRenewedOnlyOnce, 0));
        }

        var successor = new Certificate(SubscriberId, renewed, TokenId)
        {
            RenewalCount = RenewalCount + 1,
            PredecessorId = Id,
        };
        Status = CertificateStatus.Superseded;
        return successor;
    }

    public void LinkSuccessor(int successorId) => SuccessorId = successorId;

    /// <summary>
    /// Register entry of a renewal made before the portal (an imported register, the demo data): this certificate is the
    /// one the Cục issued on renewing <paramref name="predecessor"/>. The same once-only rule applies as to a renewal
    /// through the portal (QĐ-PT Điều 5 khoản 1; <see cref="RenewalPolicy.MaxRenewals"/>); both must already be saved.
    /// </summary>
    public void RecordEarlierRenewal(Certificate predecessor)
    {
        ArgumentNullException.ThrowIfNull(predecessor);
        if (Id == 0 || predecessor.Id == 0 || ReferenceEquals(this, predecessor))
        {
            throw new InvalidOperationException("Both certificates must be saved, and distinct, before their renewal is recorded.");
        }

        if (predecessor.SubscriberId != SubscriberId || predecessor.NotAfterUtc > NotAfterUtc || PredecessorId is not null)
        {
            throw new DomainRuleException(CertificateRules.EarlierRenewalLinksTheSameSubscriberInOrder,
                $"Chứng thư số {SerialNumber} không thể ghi nhận là bản gia hạn của chứng thư số {predecessor.SerialNumber}: hai chứng thư phải của cùng một thuê bao, chứng thư cũ hết hạn trước và chứng thư mới chưa gắn với chứng thư cũ nào.");
        }

        if (predecessor.RenewalCount >= RenewalPolicy.MaxRenewals || predecessor.Status != CertificateStatus.Valid)
        {
            throw new DomainRuleException(nameof(EligibilityProblem.CertificateCanBeRenewedOnlyOnce),
                RenewalPolicy.Message(EligibilityProblem.CertificateCanBeRenewedOnlyOnce, 0));
        }

        RenewalCount = predecessor.RenewalCount + 1;
        PredecessorId = predecessor.Id;
        predecessor.Status = CertificateStatus.Superseded;
        predecessor.SuccessorId = Id;
    }

    private static string Fmt(DateTime utc) => VietnamTime.DateText(utc);

    private List<EligibilityProblem> CommonProblems(DateOnly today)
    {
        var problems = new List<EligibilityProblem>();
        if (Status == CertificateStatus.Revoked)
        {
            problems.Add(EligibilityProblem.CertificateIsRevoked);
        }
        else if (Status == CertificateStatus.Superseded)
        {
            problems.Add(EligibilityProblem.CertificateWasAlreadyRenewed);
        }
        else if (DaysLeft(today) < 0)
        {
            problems.Add(EligibilityProblem.CertificateIsExpired);
        }

        return problems;
    }

    /// <summary>
    /// The rules every certificate record meets, whether typed in the register or recorded from a CA result on a request:
    /// a hexadecimal serial, and an expiry after the start of validity.
    /// </summary>
    public static void EnsureValid(string serial, DateTime notBeforeUtc, DateTime notAfterUtc)
    {
        if (!IsValidSerial(serial))
        {
            throw new DomainRuleException(CertificateRules.SerialMustBeHexadecimal, "Số hiệu chứng thư phải là dãy số hệ thập lục phân (0–9, A–F).");
        }

        if (notAfterUtc <= notBeforeUtc)
        {
            throw new DomainRuleException(CertificateRules.NotAfterMustFollowNotBefore, "Ngày hết hạn phải sau ngày bắt đầu hiệu lực.");
        }
    }

    private void Apply(CertificateDetails d)
    {
        EnsureValid(d.SerialNumber, d.NotBeforeUtc, d.NotAfterUtc);

        SerialNumber = NormalizeSerial(d.SerialNumber);
        SubjectDn = Text.Clean(d.SubjectDn);
        Issuer = Text.Clean(d.Issuer);
        NotBeforeUtc = DateTime.SpecifyKind(d.NotBeforeUtc, DateTimeKind.Utc);
        NotAfterUtc = DateTime.SpecifyKind(d.NotAfterUtc, DateTimeKind.Utc);
        Storage = d.Storage;
        ThumbprintSha1 = Text.CleanOrNull(d.ThumbprintSha1)?.ToUpperInvariant();
        ThumbprintSha256 = Text.CleanOrNull(d.ThumbprintSha256)?.ToUpperInvariant();
        KeyAlgorithm = Text.CleanOrNull(d.KeyAlgorithm);
    }
}
