using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Signatures;

public enum TrustListKind
{
    /// <summary>Chứng thư gốc: a trust anchor.</summary>
    Root = 1,

    /// <summary>Chứng thư trung gian: helps to build the chain, trusted only through a root.</summary>
    Intermediate = 2,
}

/// <summary>
/// A government CA certificate the portal trusts for signed letters (issue 16): uploaded by an administrator as
/// .cer/.p7b, with a name. Never fetched at run time. Removing one keeps the row (history) and stops trusting it.
/// </summary>
public sealed class TrustListEntry : Entity
{
    public const int NameMaxLength = 200;

    private TrustListEntry()
    {
        Name = "";
        Subject = "";
        Issuer = "";
        SerialNumber = "";
        Sha256 = "";
        RawData = [];
        AddedBy = "";
    }

    public TrustListEntry(string name, TrustListKind kind, string subject, string issuer, string serialNumber, string sha256,
        DateTime notBeforeUtc, DateTime notAfterUtc, byte[] rawData, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Name = Text.Clean(name) is { Length: > 0 } clean ? clean : throw new DomainRuleException("Nhập tên chứng thư.");
        Kind = kind;
        Subject = subject;
        Issuer = issuer;
        SerialNumber = serialNumber;
        Sha256 = sha256;
        NotBeforeUtc = DateTime.SpecifyKind(notBeforeUtc, DateTimeKind.Utc);
        NotAfterUtc = DateTime.SpecifyKind(notAfterUtc, DateTimeKind.Utc);
        RawData = rawData;
        AddedAtUtc = actor.AtUtc;
        AddedBy = actor.DisplayName;
        IsActive = true;
    }

    public string Name { get; private set; }

    public TrustListKind Kind { get; private set; }

    public string Subject { get; private set; }

    public string Issuer { get; private set; }

    public string SerialNumber { get; private set; }

    /// <summary>SHA-256 of the DER certificate, upper-case hex; unique among active entries.</summary>
    public string Sha256 { get; private set; }

    public DateTime NotBeforeUtc { get; private set; }

    public DateTime NotAfterUtc { get; private set; }

    public byte[] RawData { get; private set; }

    public DateTime AddedAtUtc { get; private set; }

    public string AddedBy { get; private set; }

    public bool IsActive { get; private set; }

    public DateTime? RemovedAtUtc { get; private set; }

    public string? RemovedBy { get; private set; }

    public void Remove(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!IsActive)
        {
            throw new DomainRuleException("Chứng thư này đã được gỡ khỏi danh sách tin cậy.");
        }

        IsActive = false;
        RemovedAtUtc = actor.AtUtc;
        RemovedBy = actor.DisplayName;
    }
}

/// <summary>A certificate revocation list (CRL) uploaded by an administrator; the verifier reads revocations from it offline.</summary>
public sealed class RevocationListFile : Entity
{
    private RevocationListFile()
    {
        Issuer = "";
        Sha256 = "";
        RawData = [];
        AddedBy = "";
    }

    public RevocationListFile(string issuer, DateTime thisUpdateUtc, DateTime? nextUpdateUtc, int revokedCount, string sha256, byte[] rawData, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Issuer = issuer;
        ThisUpdateUtc = DateTime.SpecifyKind(thisUpdateUtc, DateTimeKind.Utc);
        NextUpdateUtc = nextUpdateUtc is { } next ? DateTime.SpecifyKind(next, DateTimeKind.Utc) : null;
        RevokedCount = revokedCount;
        Sha256 = sha256;
        RawData = rawData;
        AddedAtUtc = actor.AtUtc;
        AddedBy = actor.DisplayName;
        IsActive = true;
    }

    public string Issuer { get; private set; }

    public DateTime ThisUpdateUtc { get; private set; }

    public DateTime? NextUpdateUtc { get; private set; }

    public int RevokedCount { get; private set; }

    public string Sha256 { get; private set; }

    public byte[] RawData { get; private set; }

    public DateTime AddedAtUtc { get; private set; }

    public string AddedBy { get; private set; }

    public bool IsActive { get; private set; }

    public void Remove(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        IsActive = false;
    }
}
