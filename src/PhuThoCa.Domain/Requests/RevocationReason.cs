using PhuThoCa.Domain.Subscribers;

namespace PhuThoCa.Domain.Requests;

/// <summary>RFC 5280 §5.3.1 CRLReason codes (value 7 is unused by the RFC). Stored on the certificate when revoked.</summary>
public enum CrlReason
{
    Unspecified = 0,
    KeyCompromise = 1,
    CaCompromise = 2,
    AffiliationChanged = 3,
    Superseded = 4,
    CessationOfOperation = 5,
    CertificateHold = 6,
    RemoveFromCrl = 8,
    PrivilegeWithdrawn = 9,
    AaCompromise = 10,
}

/// <summary>
/// Lý do thu hồi (Mẫu 05, column "Lý do thu hồi"): the cases of ND 68/2024 Điều 17 (QĐ-PT Điều 4.2), each mapped to an
/// RFC 5280 reason code (features G7.1). Values are stored: never renumber.
/// </summary>
public enum RevocationReason
{
    /// <summary>Điều 17.1: chứng thư hết hạn sử dụng.</summary>
    Expired = 1,

    /// <summary>Điều 17.1: khóa bí mật bị lộ hoặc nghi bị lộ.</summary>
    KeyCompromised = 2,

    /// <summary>Điều 17.1: thiết bị lưu khóa bí mật bị thất lạc.</summary>
    TokenLost = 3,

    /// <summary>Điều 17.1: thiết bị lưu khóa bí mật bị hư hỏng.</summary>
    TokenDamaged = 4,

    /// <summary>Điều 17.1: các trường hợp mất an toàn khác.</summary>
    OtherSecurityIncident = 5,

    /// <summary>Điều 17.1: văn bản đề nghị của cơ quan tiến hành tố tụng, cơ quan công an.</summary>
    RequestedByProsecutionOrPolice = 6,

    /// <summary>Điều 17.1: văn bản đề nghị của cơ quan, tổ chức quản lý trực tiếp.</summary>
    RequestedByManagingAgency = 7,

    /// <summary>Điều 17.2 (cá nhân): thay đổi vị trí công tác, không còn phù hợp với chứng thư.</summary>
    PositionChanged = 8,

    /// <summary>Điều 17.2 (cá nhân): nghỉ hưu.</summary>
    Retired = 9,

    /// <summary>Điều 17.2 (cá nhân): thôi việc.</summary>
    Resigned = 10,

    /// <summary>Điều 17.2 (cá nhân): từ trần.</summary>
    Deceased = 11,

    /// <summary>Điều 17.3 (cơ quan, tổ chức): giải thể, chia tách, sáp nhập.</summary>
    OrganizationDissolvedSplitOrMerged = 12,

    /// <summary>Điều 17.4 (thiết bị, dịch vụ, phần mềm): ngừng hoạt động.</summary>
    DeviceStoppedOperating = 13,
}

public static class RevocationReasons
{
    public static IReadOnlyList<RevocationReason> All { get; } = Enum.GetValues<RevocationReason>();

    public static string Label(RevocationReason reason) => reason switch
    {
        RevocationReason.Expired => "Chứng thư chữ ký số hết hạn sử dụng",
        RevocationReason.KeyCompromised => "Khóa bí mật bị lộ hoặc nghi bị lộ",
        RevocationReason.TokenLost => "Thiết bị lưu khóa bí mật bị thất lạc",
        RevocationReason.TokenDamaged => "Thiết bị lưu khóa bí mật bị hư hỏng",
        RevocationReason.OtherSecurityIncident => "Trường hợp mất an toàn khác",
        RevocationReason.RequestedByProsecutionOrPolice => "Theo văn bản đề nghị của cơ quan tiến hành tố tụng, cơ quan công an",
        RevocationReason.RequestedByManagingAgency => "Theo văn bản đề nghị của cơ quan, tổ chức quản lý trực tiếp",
        RevocationReason.PositionChanged => "Thay đổi vị trí công tác, không còn phù hợp với thông tin trong chứng thư",
        RevocationReason.Retired => "Nghỉ hưu",
        RevocationReason.Resigned => "Thôi việc",
        RevocationReason.Deceased => "Từ trần",
        RevocationReason.OrganizationDissolvedSplitOrMerged => "Cơ quan, tổ chức giải thể, chia tách, sáp nhập",
        RevocationReason.DeviceStoppedOperating => "Thiết bị, dịch vụ, phần mềm ngừng hoạt động",
    };

    /// <summary>
    /// RFC 5280 code of each case. Interpretation, see docs/adr/0007-request-state-machine.md: ND 68 names no codes;
    /// the mapping follows features G7.1 (transfer → affiliationChanged, leaving → cessationOfOperation, lost token →
    /// keyCompromise) and treats any loss of safety as a key compromise.
    /// </summary>
    public static CrlReason Code(RevocationReason reason) => reason switch
    {
        RevocationReason.KeyCompromised or RevocationReason.TokenLost or RevocationReason.OtherSecurityIncident =>
            CrlReason.KeyCompromise,
        RevocationReason.PositionChanged => CrlReason.AffiliationChanged,
        RevocationReason.TokenDamaged or RevocationReason.Retired or RevocationReason.Resigned or RevocationReason.Deceased
            or RevocationReason.OrganizationDissolvedSplitOrMerged or RevocationReason.DeviceStoppedOperating =>
            CrlReason.CessationOfOperation,
        RevocationReason.RequestedByProsecutionOrPolice => CrlReason.PrivilegeWithdrawn,
        RevocationReason.Expired or RevocationReason.RequestedByManagingAgency => CrlReason.Unspecified,
    };

    /// <summary>The RFC 5280 code as the integer stored by <see cref="Certificates.Certificate.Revoke"/>.</summary>
    public static int ReasonCode(RevocationReason reason) => (int)Code(reason);

    /// <summary>RFC 5280 §5.3.2 and features G7.2: a key compromise states since when the key is no longer trusted.</summary>
    public static bool NeedsInvalidityDate(RevocationReason reason) => Code(reason) == CrlReason.KeyCompromise;

    /// <summary>ND 68/2024 Điều 17: khoản 1 applies to every certificate; khoản 2–4 to one subscriber kind each.</summary>
    public static bool AppliesTo(RevocationReason reason, SubscriberKind kind) => reason switch
    {
        RevocationReason.PositionChanged or RevocationReason.Retired or RevocationReason.Resigned
            or RevocationReason.Deceased => kind == SubscriberKind.Person,
        RevocationReason.OrganizationDissolvedSplitOrMerged => kind == SubscriberKind.Organization,
        RevocationReason.DeviceStoppedOperating => kind == SubscriberKind.DeviceServiceSoftware,
        RevocationReason.Expired or RevocationReason.KeyCompromised or RevocationReason.TokenLost
            or RevocationReason.TokenDamaged or RevocationReason.OtherSecurityIncident
            or RevocationReason.RequestedByProsecutionOrPolice or RevocationReason.RequestedByManagingAgency => true,
    };

    public static IReadOnlyList<RevocationReason> For(SubscriberKind kind) => [.. All.Where(r => AppliesTo(r, kind))];

    public static string LegalBasis(RevocationReason reason) => reason switch
    {
        RevocationReason.PositionChanged or RevocationReason.Retired or RevocationReason.Resigned
            or RevocationReason.Deceased => "Nghị định 68/2024/NĐ-CP, Điều 17 khoản 2",
        RevocationReason.OrganizationDissolvedSplitOrMerged => "Nghị định 68/2024/NĐ-CP, Điều 17 khoản 3",
        RevocationReason.DeviceStoppedOperating => "Nghị định 68/2024/NĐ-CP, Điều 17 khoản 4",
        RevocationReason.Expired or RevocationReason.KeyCompromised or RevocationReason.TokenLost
            or RevocationReason.TokenDamaged or RevocationReason.OtherSecurityIncident
            or RevocationReason.RequestedByProsecutionOrPolice or RevocationReason.RequestedByManagingAgency =>
            "Nghị định 68/2024/NĐ-CP, Điều 17 khoản 1",
    };

    /// <summary>Vietnamese label of an RFC 5280 code, for the certificate register (features G7.1).</summary>
    public static string CodeLabel(CrlReason code) => code switch
    {
        CrlReason.Unspecified => "Không xác định (unspecified)",
        CrlReason.KeyCompromise => "Lộ khóa bí mật (keyCompromise)",
        CrlReason.CaCompromise => "Lộ khóa của tổ chức cung cấp dịch vụ (cACompromise)",
        CrlReason.AffiliationChanged => "Thay đổi nơi công tác (affiliationChanged)",
        CrlReason.Superseded => "Được thay thế (superseded)",
        CrlReason.CessationOfOperation => "Ngừng sử dụng (cessationOfOperation)",
        CrlReason.CertificateHold => "Tạm dừng (certificateHold)",
        CrlReason.RemoveFromCrl => "Gỡ khỏi danh sách thu hồi (removeFromCRL)",
        CrlReason.PrivilegeWithdrawn => "Rút quyền sử dụng (privilegeWithdrawn)",
        CrlReason.AaCompromise => "Lộ khóa của tổ chức cấp thuộc tính (aACompromise)",
    };
}
