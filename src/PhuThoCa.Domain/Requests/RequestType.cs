using PhuThoCa.Domain.Subscribers;

namespace PhuThoCa.Domain.Requests;

/// <summary>Loại yêu cầu chứng thực: the five workflows of QĐ-PT Điều 4–6 (ND 68/2024 Phụ lục, Mẫu 01–06).</summary>
public enum RequestType
{
    /// <summary>Cấp mới chứng thư (Mẫu 01 cá nhân, 02 cơ quan/tổ chức, 03 thiết bị/dịch vụ/phần mềm). Sent to Cục, Sở in copy.</summary>
    Issue = 1,

    /// <summary>Thu hồi chứng thư (Mẫu 05). Sent to Cục, Sở in copy.</summary>
    Revoke = 2,

    /// <summary>Gia hạn chứng thư (Mẫu 04, "Gia hạn"). Sent to Sở KH&amp;CN.</summary>
    Renew = 3,

    /// <summary>Thay đổi nội dung thông tin chứng thư (Mẫu 04, "TĐTT"). Sent to Sở KH&amp;CN.</summary>
    ChangeInfo = 4,

    /// <summary>Khôi phục thiết bị lưu khóa bí mật (Mẫu 06). Sent to Sở KH&amp;CN.</summary>
    RecoverToken = 5,
}

/// <summary>Who a request letter is addressed to ("Kính gửi") or copied to ("Nơi nhận").</summary>
public enum RequestRecipient
{
    /// <summary>Cục Chứng thực số và Bảo mật thông tin – Ban Cơ yếu Chính phủ (the CA).</summary>
    CaDepartment = 1,

    /// <summary>Sở Khoa học và Công nghệ tỉnh Phú Thọ.</summary>
    ScienceDepartment = 2,
}

/// <summary>Labels, form numbers and routing of each <see cref="RequestType"/>.</summary>
public static class RequestTypes
{
    public static IReadOnlyList<RequestType> All { get; } = Enum.GetValues<RequestType>();

    public static string Label(RequestType type) => type switch
    {
        RequestType.Issue => "Cấp mới chứng thư chữ ký số",
        RequestType.Revoke => "Thu hồi chứng thư chữ ký số",
        RequestType.Renew => "Gia hạn chứng thư chữ ký số",
        RequestType.ChangeInfo => "Thay đổi nội dung thông tin chứng thư chữ ký số",
        RequestType.RecoverToken => "Khôi phục thiết bị lưu khóa bí mật",
    };

    /// <summary>
    /// Form number of the request letter ("01" … "06"). An issue request uses Mẫu 01, 02 or 03 by subscriber kind
    /// (ND 68/2024 Điều 11; QĐ-PT Điều 4.1); null when the kind is not known yet (no line).
    /// </summary>
    public static string? FormNumber(RequestType type, SubscriberKind? issueSubscriberKind = null) => type switch
    {
        RequestType.Issue => issueSubscriberKind switch
        {
            SubscriberKind.Person => "01",
            SubscriberKind.Organization => "02",
            SubscriberKind.DeviceServiceSoftware => "03",
            null => null,
        },
        RequestType.Revoke => "05",
        RequestType.Renew or RequestType.ChangeInfo => "04",
        RequestType.RecoverToken => "06",
    };

    /// <summary>
    /// Requests Sở KH&amp;CN decides and returns itself (Mẫu 04, 06; QĐ-PT Điều 5.4, 6), hence handled as one-stop-shop
    /// dossiers: Sở gives a giấy tiếp nhận hồ sơ và hẹn trả kết quả at receipt. Issue and revocation go to the Cục.
    /// </summary>
    public static bool SlipsGivenAtReceipt(RequestType type) => type switch
    {
        RequestType.Renew or RequestType.ChangeInfo or RequestType.RecoverToken => true,
        RequestType.Issue or RequestType.Revoke => false,
    };

    /// <summary>"Mẫu số 04" etc., or "Mẫu số 01/02/03" for an issue request whose kind is not known yet.</summary>
    public static string FormLabel(RequestType type, SubscriberKind? issueSubscriberKind = null) =>
        "Mẫu số " + (FormNumber(type, issueSubscriberKind) ?? "01/02/03");

    /// <summary>
    /// "Kính gửi". QĐ-PT Điều 4.1–4.2: issue and revoke letters go to Cục CTS&amp;BMTT; QĐ-PT Điều 5.4a and 6.2: renewal,
    /// change and recovery letters go to Sở KH&amp;CN.
    /// </summary>
    public static RequestRecipient Recipient(RequestType type) =>
        IsProcessedByScienceDepartment(type) ? RequestRecipient.ScienceDepartment : RequestRecipient.CaDepartment;

    /// <summary>
    /// Copy recipient in "Nơi nhận": QĐ-PT Điều 4.1–4.2 puts Sở KH&amp;CN in copy of issue and revoke letters
    /// "để biết, theo dõi, tổng hợp". Null when the letter is addressed to Sở itself.
    /// </summary>
    public static RequestRecipient? CopyRecipient(RequestType type) =>
        IsProcessedByScienceDepartment(type) ? null : RequestRecipient.ScienceDepartment;

    /// <summary>
    /// True when Sở KH&amp;CN receives, checks, accepts or rejects the request (Mẫu 04, 06: QĐ-PT Điều 5–6); false when
    /// Sở only tracks a letter sent to the Cục (Mẫu 01–03, 05: QĐ-PT Điều 4).
    /// </summary>
    public static bool IsProcessedByScienceDepartment(RequestType type) => type switch
    {
        RequestType.Issue or RequestType.Revoke => false,
        RequestType.Renew or RequestType.ChangeInfo or RequestType.RecoverToken => true,
    };

    /// <summary>Lines of this type point to an existing certificate (Mẫu 04, 05).</summary>
    public static bool LinesNeedACertificate(RequestType type) =>
        type is RequestType.Renew or RequestType.ChangeInfo or RequestType.Revoke;

    public static string RecipientLabel(RequestRecipient recipient) => recipient switch
    {
        RequestRecipient.CaDepartment => "Cục Chứng thực số và Bảo mật thông tin – Ban Cơ yếu Chính phủ",
        RequestRecipient.ScienceDepartment => "Sở Khoa học và Công nghệ tỉnh Phú Thọ",
    };
}
