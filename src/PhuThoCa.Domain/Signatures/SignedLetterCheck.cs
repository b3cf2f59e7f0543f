using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Domain.Signatures;

/// <summary>The overall outcome of a signed letter's check, worst signature first (ETSI EN 319 102-1 indications).</summary>
public enum SignedLetterOutcome
{
    /// <summary>Every signature TOTAL_PASSED.</summary>
    Passed = 1,

    /// <summary>At least one TOTAL_FAILED (or no signature at all).</summary>
    Failed = 2,

    /// <summary>At least one INDETERMINATE and none failed.</summary>
    Indeterminate = 3,
}

/// <summary>
/// The stored verification of the signed letter an officer uploaded for a request (issue 16): outcome, the signer, the
/// match to the requesting agency, the comparison with the letter the portal generated, and the full report as JSON
/// (printable later exactly as it was). Append-only: a new upload makes a new check.
/// </summary>
public sealed class SignedLetterCheck : Entity
{
    private SignedLetterCheck()
    {
        FileName = "";
        Sha256 = "";
        Summary = "";
        ReportJson = "";
        CheckedBy = "";
    }

    public SignedLetterCheck(int requestId, int attachmentId, string fileName, string sha256, SignedLetterOutcome outcome, string summary,
        string? signerName, DateTime? signedAtUtc, bool signerMatches, bool? textMatches, string reportJson, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequestId = requestId;
        AttachmentId = attachmentId;
        FileName = fileName;
        Sha256 = sha256;
        Outcome = outcome;
        Summary = summary;
        SignerName = signerName;
        SignedAtUtc = signedAtUtc is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null;
        SignerMatches = signerMatches;
        TextMatches = textMatches;
        ReportJson = reportJson;
        CheckedAtUtc = actor.AtUtc;
        CheckedBy = actor.DisplayName;
    }

    public int RequestId { get; private set; }

    /// <summary>The uploaded file (a <see cref="RequestAttachment"/> with purpose SignedLetter).</summary>
    public int AttachmentId { get; private set; }

    public string FileName { get; private set; }

    public string Sha256 { get; private set; }

    public SignedLetterOutcome Outcome { get; private set; }

    /// <summary>One Vietnamese line, e.g. "Chữ ký số hợp lệ — Sở Y tế tỉnh Phú Thọ, ký lúc 04/12/2026 16:10".</summary>
    public string Summary { get; private set; }

    public string? SignerName { get; private set; }

    public DateTime? SignedAtUtc { get; private set; }

    /// <summary>The (last) signer belongs to the requesting agency (<see cref="SignerMatching"/>).</summary>
    public bool SignerMatches { get; private set; }

    /// <summary>The signed letter's text equals the stored letter the portal generated; null when there was none to compare.</summary>
    public bool? TextMatches { get; private set; }

    public string ReportJson { get; private set; }

    public DateTime CheckedAtUtc { get; private set; }

    public string CheckedBy { get; private set; }

    /// <summary>Sở's acknowledgement of a signer mismatch, with its reason (required to receive despite the mismatch).</summary>
    public string? MismatchAcknowledgement { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    public DateTime? AcknowledgedAtUtc { get; private set; }

    public const int AcknowledgementMaxLength = 1000;

    public void AcknowledgeMismatch(string reason, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (SignerMatches)
        {
            throw new DomainRuleException("Người ký đã khớp với cơ quan đề nghị; không cần xác nhận.");
        }

        var clean = Text.Clean(reason);
        if (clean.Length == 0)
        {
            throw new DomainRuleException("Nhập lý do chấp nhận người ký không thuộc cơ quan đề nghị.");
        }

        MismatchAcknowledgement = clean.Length > AcknowledgementMaxLength ? clean[..AcknowledgementMaxLength] : clean;
        AcknowledgedBy = actor.DisplayName;
        AcknowledgedAtUtc = actor.AtUtc;
    }
}

/// <summary>
/// Whether Sở may receive a request given its signed letter (issue 16, item 3): a valid dossier (hồ sơ hợp lệ) starts the
/// legal clock (QĐ-PT Điều 5), so where the setting requires it (by default Mẫu 04 and Mẫu 06) the latest uploaded signed
/// letter must have passed, and a signer from another agency must have been acknowledged with a reason. A letter that
/// reached Sở on paper (by post, QĐ-PT Điều 4.1 allows it) has no PDF to check: Sở receives it by recording how the letter
/// came and that it was checked by hand.
/// </summary>
public static class SignedLetterPolicy
{
    /// <summary>The request types that need a verified signed letter unless configured otherwise.</summary>
    public static readonly IReadOnlyList<RequestType> DefaultRequiredFor = [RequestType.Renew, RequestType.ChangeInfo, RequestType.RecoverToken];

    /// <summary>Vietnamese problems that block receipt; empty when receipt may go ahead.</summary>
    public static IReadOnlyList<string> ReceiptProblems(RequestType type, IReadOnlyCollection<RequestType> requiredFor, SignedLetterCheck? latest,
        string? paperLetterNote = null)
    {
        ArgumentNullException.ThrowIfNull(requiredFor);
        if (!requiredFor.Contains(type))
        {
            return [];
        }

        if (latest is null)
        {
            return string.IsNullOrWhiteSpace(paperLetterNote)
                ? ["Chưa có công văn đã ký số được kiểm tra: cơ quan cần tải lên tệp PDF công văn đã ký số trước khi Sở tiếp nhận, "
                    + "hoặc Sở ghi rõ công văn bản giấy đã nhận (số, ngày, cách nhận) nếu hồ sơ gửi bằng đường bưu chính."]
                : [];
        }

        var problems = new List<string>();
        if (latest.Outcome != SignedLetterOutcome.Passed)
        {
            problems.Add($"Công văn đã ký số không hợp lệ: {latest.Summary}");
        }
        else if (!latest.SignerMatches && latest.MismatchAcknowledgement is null)
        {
            problems.Add("Người ký không thuộc cơ quan đề nghị: Sở cần xác nhận và ghi lý do trước khi tiếp nhận.");
        }

        return problems;
    }
}
