namespace PhuThoCa.Domain.Requests;

/// <summary>The timed steps of the workflows (domain-spec §2.11). A request has at most one running at a time.</summary>
public enum DeadlineStep
{
    /// <summary>Sở tạo lập hồ sơ gia hạn, thay đổi thông tin trên dichvucong.ca.gov.vn: 03 ngày làm việc (QĐ-PT Điều 5.4c).</summary>
    FileOnCaPortal = 1,

    /// <summary>Sở khôi phục thiết bị lưu khóa bí mật: 01 ngày làm việc (QĐ-PT Điều 6.4; ND 68/2024 Điều 22).</summary>
    RecoverToken = 2,

    /// <summary>Cơ quan quản lý trực tiếp nộp lại thiết bị cho Cục: 05 ngày làm việc (ND 68/2024 Điều 20; QĐ-PT Điều 9.3).</summary>
    ReturnRevokedToken = 3,

    /// <summary>Cục cấp chứng thư (expected, tracked by Sở).</summary>
    CaIssue = 4,

    /// <summary>Cục thu hồi chứng thư (expected, tracked by Sở).</summary>
    CaRevoke = 5,

    /// <summary>Cục gia hạn, thay đổi thông tin chứng thư (expected, tracked by Sở).</summary>
    CaRenewOrChange = 6,
}

/// <summary>Whether missing a deadline breaks a rule (flag "quá hạn") or only an expectation (show elapsed time).</summary>
public enum DeadlineKind
{
    /// <summary>A period the regulation sets on the one who must act.</summary>
    Legal = 1,

    /// <summary>
    /// The Cục's legs: Sở cannot enforce them and does not know when the Cục received the dossier. [U] configurable,
    /// domain-spec §2.11 rows 1, 4, 8.
    /// </summary>
    Expected = 2,
}

/// <summary>Who must act before the deadline.</summary>
public enum DeadlineHolder
{
    ScienceDepartment = 1,
    CaDepartment = 2,
    Agency = 3,
}

/// <summary>When the clock of Sở's own step (filing, recovery) starts.</summary>
public enum LegalClockStart
{
    /// <summary>
    /// Default. QĐ-PT Điều 5.4c and 6.4 count "kể từ ngày tiếp nhận đề nghị … hợp lệ": a request later accepted as valid was
    /// valid when received, so the clock runs from the receipt and Sở cannot delay it by deciding late.
    /// </summary>
    Receipt = 1,

    /// <summary>domain-spec §4.2 [U] alternative: the clock runs from the day Sở accepts the request as valid.</summary>
    Acceptance = 2,
}

/// <summary>
/// The day on which the 30-day condition of renewal and change of information is judged (NĐ 68/2024 Điều 12, 14; QĐ-PT
/// Điều 5.1–5.2: the certificate "còn thời hạn ít nhất 30 ngày" when the agency asks). Never the day Sở accepts: Sở's own
/// pace must not take away a right the agency had when it filed.
/// </summary>
public enum EligibilityJudgedOn
{
    /// <summary>Default: the day the agency sent (or last resent) the request.</summary>
    Submission = 1,

    /// <summary>Alternative [U]: the day Sở received it.</summary>
    Receipt = 2,
}

/// <summary>
/// The configurable periods. Defaults are the legal values of <see cref="LegalDeadlines"/>; change them only when the
/// regulation changes or Sở KH&amp;CN confirms another expectation for the Cục's legs. Bind from configuration.
/// </summary>
public sealed record RequestDeadlineSettings
{
    public static RequestDeadlineSettings Default { get; } = new();

    public int FileOnCaPortalWorkingDays { get; init; } = LegalDeadlines.FileOnCaPortalWorkingDays;

    public int RecoverTokenWorkingDays { get; init; } = LegalDeadlines.RecoverTokenWorkingDays;

    public int ReturnRevokedTokenWorkingDays { get; init; } = LegalDeadlines.ReturnRevokedTokenWorkingDays;

    public int CaIssueWorkingDays { get; init; } = LegalDeadlines.DefaultCaWorkingDays;

    public int CaRevokeWorkingDays { get; init; } = LegalDeadlines.DefaultCaWorkingDays;

    public int CaRenewOrChangeWorkingDays { get; init; } = LegalDeadlines.DefaultCaWorkingDays;

    /// <summary>
    /// True (default): returning a request for supplement stops the clock and the resubmitted request starts a new one from
    /// its new receipt (the first one was not "hợp lệ"). False: the clock pauses and resumes with the working days left.
    /// Interpretation [U], features G3.3.
    /// </summary>
    public bool RestartClockOnResubmission { get; init; } = true;

    public LegalClockStart ClockStartsAt { get; init; } = LegalClockStart.Receipt;

    /// <summary>Configuration key <c>Requests:EligibilityJudgedOn</c>; see <see cref="Requests.EligibilityJudgedOn"/>.</summary>
    public EligibilityJudgedOn EligibilityJudgedOn { get; init; } = EligibilityJudgedOn.Submission;

    /// <summary>
    /// Configuration key <c>Requests:ReceiptLateAfterWorkingDays</c>: a sent request not received after this many working
    /// days from its arrival is flagged to Sở as "chậm tiếp nhận" (<see cref="ReceiptWait"/>). Sở's expectation [U], not a
    /// legal period.
    /// </summary>
    public int ReceiptLateAfterWorkingDays { get; init; } = LegalDeadlines.DefaultReceiptLateAfterWorkingDays;

    public int WorkingDays(DeadlineStep step)
    {
        var days = step switch
        {
            DeadlineStep.FileOnCaPortal => FileOnCaPortalWorkingDays,
            DeadlineStep.RecoverToken => RecoverTokenWorkingDays,
            DeadlineStep.ReturnRevokedToken => ReturnRevokedTokenWorkingDays,
            DeadlineStep.CaIssue => CaIssueWorkingDays,
            DeadlineStep.CaRevoke => CaRevokeWorkingDays,
            DeadlineStep.CaRenewOrChange => CaRenewOrChangeWorkingDays,
        };
        return days >= 0
            ? days
            : throw new InvalidOperationException($"The configured period of {step} must not be negative ({days}).");
    }
}

/// <summary>The periods of the request workflows with their legal basis (domain-spec §2.11).</summary>
public static class LegalDeadlines
{
    public const string Decree68 = "Nghị định số 68/2024/NĐ-CP";
    public const string ProvincialRegulation = "Quy chế ban hành kèm theo Quyết định số …/2025/QĐ-CTUBND của Chủ tịch UBND tỉnh Phú Thọ";

    // QĐ-PT Điều 5.4c: "trong thời hạn 03 ngày làm việc, kể từ ngày tiếp nhận đề nghị … hợp lệ", Sở creates the dossier on
    // dichvucong.ca.gov.vn.
    public const int FileOnCaPortalWorkingDays = 3;

    // QĐ-PT Điều 6.4 (ND 68/2024 Điều 22): "trong thời hạn 01 ngày làm việc, kể từ ngày nhận được yêu cầu … hợp lệ", Sở recovers
    // the token together with the agency.
    public const int RecoverTokenWorkingDays = 1;

    // ND 68/2024 Điều 20 (restated in QĐ 165/2025 Ninh Bình Điều 10.6, [V2]); QĐ-PT Điều 9.3: within 05 working days from the
    // revocation notice, the agency collects the token and hands it to Cục CTS&BMTT (Mẫu 08; Mẫu 09 if lost).
    public const int ReturnRevokedTokenWorkingDays = 5;

    // The Cục's legs set no period on Sở. ND 68/2024 Điều 11.2 gives the Cục 03 working days to issue [V]; renewal, change
    // and revocation periods were not found [U] (domain-spec §2.11 rows 4 and 8). Default 03, configurable.
    public const int DefaultCaWorkingDays = 3;

    // No rule sets a period for Sở to receive what an agency sent; the legal periods run from receipt (QĐ-PT Điều 5.4c,
    // 6.4). Sở's own expectation [U]: a request waits at most 01 working day before someone receives it.
    public const int DefaultReceiptLateAfterWorkingDays = 1;

    /// <summary>The step whose clock runs while a request of <paramref name="type"/> is in <paramref name="status"/>, if any.</summary>
    public static DeadlineStep? StepFor(RequestType type, RequestStatus status) => (type, status) switch
    {
        (RequestType.Renew or RequestType.ChangeInfo, RequestStatus.Received or RequestStatus.Accepted) => DeadlineStep.FileOnCaPortal,
        (RequestType.RecoverToken, RequestStatus.Received or RequestStatus.Accepted) => DeadlineStep.RecoverToken,
        (RequestType.Issue, RequestStatus.AwaitingCaResult) => DeadlineStep.CaIssue,
        (RequestType.Revoke, RequestStatus.AwaitingCaResult) => DeadlineStep.CaRevoke,
        (RequestType.Renew or RequestType.ChangeInfo, RequestStatus.AwaitingCaResult) => DeadlineStep.CaRenewOrChange,
        (RequestType.Revoke, RequestStatus.AwaitingTokenReturn) => DeadlineStep.ReturnRevokedToken,
        // No legal period runs in the other combinations; listed by name so that a new type or status must be placed here.
        (RequestType.Issue or RequestType.Revoke, RequestStatus.Received or RequestStatus.Accepted) => null,
        (RequestType.RecoverToken, RequestStatus.AwaitingCaResult) => null,
        (RequestType.Issue or RequestType.Renew or RequestType.ChangeInfo or RequestType.RecoverToken, RequestStatus.AwaitingTokenReturn) => null,
        (_, RequestStatus.Draft or RequestStatus.Submitted or RequestStatus.ReturnedForSupplement or RequestStatus.Rejected
            or RequestStatus.RejectedByCa or RequestStatus.ResultReceived or RequestStatus.Completed or RequestStatus.Cancelled) => null,
    };

    public static DeadlineKind Kind(DeadlineStep step) => step switch
    {
        DeadlineStep.FileOnCaPortal or DeadlineStep.RecoverToken or DeadlineStep.ReturnRevokedToken => DeadlineKind.Legal,
        DeadlineStep.CaIssue or DeadlineStep.CaRevoke or DeadlineStep.CaRenewOrChange => DeadlineKind.Expected,
    };

    public static DeadlineHolder Holder(DeadlineStep step) => step switch
    {
        DeadlineStep.FileOnCaPortal or DeadlineStep.RecoverToken => DeadlineHolder.ScienceDepartment,
        DeadlineStep.ReturnRevokedToken => DeadlineHolder.Agency,
        DeadlineStep.CaIssue or DeadlineStep.CaRevoke or DeadlineStep.CaRenewOrChange => DeadlineHolder.CaDepartment,
    };

    public static string Label(DeadlineStep step) => step switch
    {
        DeadlineStep.FileOnCaPortal => "Tạo lập hồ sơ gia hạn, thay đổi thông tin trên Hệ thống đăng ký, quản lý yêu cầu chứng thực",
        DeadlineStep.RecoverToken => "Khôi phục thiết bị lưu khóa bí mật",
        DeadlineStep.ReturnRevokedToken => "Thu hồi thiết bị lưu khóa bí mật, bàn giao cho Cục Chứng thực số và Bảo mật thông tin",
        DeadlineStep.CaIssue => "Cục Chứng thực số và Bảo mật thông tin cấp chứng thư chữ ký số",
        DeadlineStep.CaRevoke => "Cục Chứng thực số và Bảo mật thông tin thu hồi chứng thư chữ ký số",
        DeadlineStep.CaRenewOrChange => "Cục Chứng thực số và Bảo mật thông tin gia hạn, thay đổi thông tin chứng thư chữ ký số",
    };

    public static string LegalBasis(DeadlineStep step) => step switch
    {
        DeadlineStep.FileOnCaPortal => $"Điều 5 khoản 4 điểm c {ProvincialRegulation}",
        DeadlineStep.RecoverToken => $"Điều 6 khoản 4 {ProvincialRegulation}; Điều 22 {Decree68}",
        DeadlineStep.ReturnRevokedToken => $"Điều 20 {Decree68}; Điều 9 khoản 3 {ProvincialRegulation}",
        DeadlineStep.CaIssue => $"Điều 11 khoản 2 {Decree68} (thời hạn của Cục, Sở theo dõi)",
        DeadlineStep.CaRevoke => "Thời hạn dự kiến, chưa xác định được căn cứ pháp lý (cấu hình được)",
        DeadlineStep.CaRenewOrChange => "Thời hạn dự kiến, chưa xác định được căn cứ pháp lý (cấu hình được)",
    };
}
