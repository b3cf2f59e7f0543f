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

/// <summary>
/// What makes a stored letter a document of record: who signed it (name, position), the date it bears and the day it was
/// sent. The agency's letter gets it at submission, Sở's rejection notice when it is issued; a draft version has none.
/// </summary>
public sealed record LetterRecord(string? SignerName, string? SignerPosition, DateOnly IssuedOn, DateOnly SentOn);

/// <summary>
/// A letter the portal generated for a request, stored so that a reprint is byte-identical (issue: official letters).
/// Never changes once stored: a correction is a new version beside it (issue 11 item 3). <see cref="Content"/> holds what
/// the PDF prints (the composed letter as JSON), so the DOCX of a version and the diff between versions come from the
/// version itself, never from the request's current fields.
/// </summary>
public sealed class GeneratedLetter : Entity
{
    private GeneratedLetter()
    {
        Kind = "";
        StorageKey = "";
        Sha256 = "";
        GeneratedBy = "";
    }

    public GeneratedLetter(int requestId, string kind, int version, string? number, StoredLetterFile file, string? content, Actor actor,
        LetterRecord? record = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(actor);
        RequestId = requestId;
        Kind = kind;
        Version = version;
        Number = number;
        StorageKey = file.StorageKey;
        Length = file.Length;
        Sha256 = file.Sha256;
        Content = content;
        GeneratedAtUtc = actor.AtUtc;
        GeneratedBy = actor.DisplayName;
        SignerName = record?.SignerName;
        SignerPosition = record?.SignerPosition;
        IssuedOn = record?.IssuedOn;
        SentOn = record?.SentOn;
    }

    public int RequestId { get; private set; }

    /// <summary>Which document: "Mau01" … "Mau06", "TuChoi" (rejection notice), "BienBan" (handover record).</summary>
    public string Kind { get; private set; }

    /// <summary>1, 2, … per request and kind, in the order stored (0 for versions stored before numbering).</summary>
    public int Version { get; private set; }

    public string? Number { get; private set; }

    public string StorageKey { get; private set; }

    public long Length { get; private set; }

    public string Sha256 { get; private set; }

    /// <summary>The composed letter as JSON (what the PDF prints); null for versions stored before it was kept.</summary>
    public string? Content { get; private set; }

    public DateTime GeneratedAtUtc { get; private set; }

    public string GeneratedBy { get; private set; }

    public string? SignerName { get; private set; }

    public string? SignerPosition { get; private set; }

    /// <summary>The date the document bears (ngày ban hành); null for a draft version.</summary>
    public DateOnly? IssuedOn { get; private set; }

    /// <summary>The day it was sent: the agency's submission, or the day Sở sent its notice; null for a draft version.</summary>
    public DateOnly? SentOn { get; private set; }

    /// <summary>Sent to its recipient (a document of record), not a draft.</summary>
    public bool IsSent => SentOn is not null;
}

/// <summary>The stored PDF behind a <see cref="GeneratedLetter"/>: its key in the file store, length and SHA-256.</summary>
public sealed record StoredLetterFile(string StorageKey, long Length, string Sha256);

/// <summary>
/// When a letter of record may be stored (issue 11 item 3; brief: "a document, once issued or sent, never changes; a
/// correction is a new version beside it").
/// </summary>
public static class LetterRecords
{
    /// <summary>
    /// The agency's letter is fixed when it is sent: the version stored at submission is the one Sở sees. Another version
    /// only while the agency holds the request (draft, or returned for supplement and then sent again).
    /// </summary>
    public static void EnsureAgencyLetterMayChange(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!RequestStatuses.IsEditable(request.Status))
        {
            throw new DomainRuleException(RequestRules.SentLetterIsFrozen,
                $"Công văn đề nghị đã gửi (yêu cầu đang ở trạng thái “{RequestStatuses.Label(request.Status)}”) nên không tạo được bản khác. "
                + "Muốn thay đổi, Sở KH&CN trả lại yêu cầu để bổ sung, cơ quan sửa rồi gửi lại: bản mới được lưu bên cạnh bản cũ.");
        }
    }

    /// <summary>
    /// Sở's written refusal (QĐ-PT Điều 5.4b, 6.3) exists only for a rejected request and is issued once: a notice already
    /// issued is never replaced; it is dated no earlier than the day Sở rejected the request.
    /// </summary>
    public static void EnsureRejectionNoticeMayBeIssued(Request request, GeneratedLetter? issued, DateOnly issuedOn)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status != RequestStatus.Rejected)
        {
            throw new DomainRuleException(RequestRules.RejectionNoticeOnlyForARejectedRequest,
                "Chỉ ban hành thông báo từ chối cho yêu cầu đã bị từ chối.");
        }

        if (issued is not null)
        {
            throw new DomainRuleException(RequestRules.RejectionNoticeIsIssuedOnce,
                $"Thông báo từ chối đã được ban hành (số {issued.Number}"
                + (issued.IssuedOn is { } on ? $", ngày {VietnamTime.DateText(on)}" : "")
                + "); văn bản đã ban hành không thay đổi.");
        }

        if (request.ClosedAtUtc is { } rejectedAt && issuedOn < VietnamTime.ToDate(rejectedAt))
        {
            throw new DomainRuleException(RequestRules.RejectionNoticeIsDatedFromTheRejection,
                $"Ngày ban hành thông báo không được trước ngày từ chối yêu cầu ({VietnamTime.DateText(rejectedAt)}).");
        }
    }
}

/// <summary>
/// Per-register, per-year counter of the numbers of Sở's own documents (e.g. the rejection notices, "12/TB-SKHCN"): numbers
/// restart at 1 each year and have no duplicates, taken atomically like <see cref="ReceiptCounter"/>.
/// </summary>
public sealed class DocumentCounter
{
    private DocumentCounter()
    {
        Register = "";
        Version = [];
    }

    public DocumentCounter(string register, int year)
    {
        Register = register;
        Year = year;
        Version = Guid.NewGuid().ToByteArray();
    }

    public string Register { get; private set; }

    public int Year { get; private set; }

    public int LastValue { get; private set; }

    public byte[] Version { get; private set; }
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
