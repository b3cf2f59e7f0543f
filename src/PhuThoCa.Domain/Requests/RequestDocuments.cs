using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Requests;

public enum AttachmentPurpose
{
    /// <summary>Công văn đề nghị đã ký số (the signed request letter).</summary>
    SignedLetter = 1,

    /// <summary>Tài liệu kèm theo.</summary>
    Supporting = 2,

    /// <summary>Kết quả của Cục / biên bản (result documents).</summary>
    Result = 3,
}

/// <summary>A file attached to a request; the bytes live in the file store outside the web root under <see cref="StorageKey"/>.</summary>
public sealed class RequestAttachment : Entity
{
    private RequestAttachment()
    {
        FileName = "";
        StorageKey = "";
        ContentType = "";
        Sha256 = "";
        UploadedBy = "";
    }

    public RequestAttachment(int requestId, AttachmentPurpose purpose, string fileName, string storageKey, string contentType, long length,
        string sha256, Actor actor)
    {
        RequestId = requestId;
        Purpose = purpose;
        FileName = fileName;
        StorageKey = storageKey;
        ContentType = contentType;
        Length = length;
        Sha256 = sha256;
        UploadedAtUtc = actor.AtUtc;
        UploadedBy = actor.DisplayName;
    }

    public int RequestId { get; private set; }

    public AttachmentPurpose Purpose { get; private set; }

    public string FileName { get; private set; }

    public string StorageKey { get; private set; }

    public string ContentType { get; private set; }

    public long Length { get; private set; }

    public string Sha256 { get; private set; }

    public DateTime UploadedAtUtc { get; private set; }

    public string UploadedBy { get; private set; }
}

/// <summary>A letter the portal generated for a request, stored so that a reprint is byte-identical (issue: official letters).</summary>
public sealed class GeneratedLetter : Entity
{
    private GeneratedLetter()
    {
        Kind = "";
        StorageKey = "";
        Sha256 = "";
        GeneratedBy = "";
    }

    public GeneratedLetter(int requestId, string kind, string? number, string storageKey, long length, string sha256, Actor actor)
    {
        RequestId = requestId;
        Kind = kind;
        Number = number;
        StorageKey = storageKey;
        Length = length;
        Sha256 = sha256;
        GeneratedAtUtc = actor.AtUtc;
        GeneratedBy = actor.DisplayName;
    }

    public int RequestId { get; private set; }

    /// <summary>Which document: "Mau01" … "Mau06", "TuChoi" (rejection notice), "BienBan" (handover record).</summary>
    public string Kind { get; private set; }

    public string? Number { get; private set; }

    public string StorageKey { get; private set; }

    public long Length { get; private set; }

    public string Sha256 { get; private set; }

    public DateTime GeneratedAtUtc { get; private set; }

    public string GeneratedBy { get; private set; }
}

/// <summary>Per-year counter behind receipt numbers (SKHCN-2026-000123), so numbers have no gaps or duplicates.</summary>
public sealed class ReceiptCounter
{
    private ReceiptCounter()
    {
        Version = [];
    }

    public ReceiptCounter(int year)
    {
        Year = year;
        Version = Guid.NewGuid().ToByteArray();
    }

    public int Year { get; private set; }

    public int LastValue { get; private set; }

    public byte[] Version { get; private set; }

    public int Next()
    {
        LastValue++;
        Version = Guid.NewGuid().ToByteArray();
        return LastValue;
    }
}
