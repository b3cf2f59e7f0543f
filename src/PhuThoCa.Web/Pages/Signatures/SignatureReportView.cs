using PhuThoCa.Domain.Signatures;
using PhuThoCa.Infrastructure.Signatures;
using PhuThoCa.Signatures;

namespace PhuThoCa.Web.Pages.Signatures;

/// <summary>What _SignatureReport shows: the verification, and for a request the signer matches and the text comparison.</summary>
public sealed record SignatureReportView(PdfVerificationReport Report, IReadOnlyList<SignerMatch?> Matches, TextComparison? Text, string? ComparedNumber)
{
    public static SignatureReportView Of(PdfVerificationReport report) => new(report, [], null, null);

    public static SignatureReportView Of(SignedLetterReport stored) => new(stored.Verification, stored.Matches, stored.Text, stored.ComparedLetterNumber);

    public string Summary => SignedLetterService.Summary(Report);

    public SignedLetterOutcome Outcome => SignedLetterService.Outcome(Report);

    public static string Css(Indication indication) => indication switch
    {
        Indication.TotalPassed => "success",
        Indication.TotalFailed => "danger",
        Indication.Indeterminate => "warning",
    };

    public static string Css(SignedLetterOutcome outcome) => outcome switch
    {
        SignedLetterOutcome.Passed => "success",
        SignedLetterOutcome.Failed => "danger",
        SignedLetterOutcome.Indeterminate => "warning",
    };

    public static string Time(DateTimeOffset? at) => SignedLetterService.TimeText(at);

    public static string TimeSource(SigningTimeSource source) => source switch
    {
        SigningTimeSource.Timestamp => "dấu thời gian RFC 3161",
        SigningTimeSource.SignedAttribute => "thời điểm ký do phần mềm ký ghi (signing-time)",
        SigningTimeSource.PdfDictionary => "thời điểm ký ghi trong tệp PDF (/M)",
        SigningTimeSource.None => "không có",
    };

    public static string Revocation(RevocationStatus status, DateTimeOffset? at) => status switch
    {
        RevocationStatus.Good => "Không bị thu hồi (theo CRL)",
        RevocationStatus.Revoked => $"Đã bị thu hồi lúc {Time(at)}",
        RevocationStatus.Unknown => "Chưa có CRL để kiểm tra",
    };

    public static string Later(LaterChange change) => change switch
    {
        LaterChange.SignaturesOnly => "Sau chữ ký này, tệp chỉ được bổ sung chữ ký khác",
        LaterChange.AnnotationsOnly => "Sau chữ ký này, tệp được bổ sung chú thích hoặc trường biểu mẫu",
        LaterChange.PageContent => "Sau chữ ký này, nội dung trang đã bị sửa",
    };
}
