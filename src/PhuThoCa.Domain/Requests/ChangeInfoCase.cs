using PhuThoCa.Domain.Subscribers;

namespace PhuThoCa.Domain.Requests;

/// <summary>
/// Trường hợp thay đổi nội dung thông tin (ND 68/2024 Điều 15; QĐ-PT Điều 5.3 a/b/c): one case per subscriber kind
/// family. Values are stored: never renumber.
/// </summary>
public enum ChangeInfoCase
{
    /// <summary>5.3a (cá nhân): thay đổi cơ quan, tổ chức công tác.</summary>
    PersonChangedAgency = 1,

    /// <summary>5.3a (cá nhân): thay đổi địa chỉ thư điện tử công vụ.</summary>
    PersonChangedOfficialEmail = 2,

    /// <summary>5.3b (cơ quan, tổ chức): đổi tên.</summary>
    OrganizationRenamed = 3,

    /// <summary>5.3b (cơ quan, tổ chức): thay đổi địa chỉ hoạt động.</summary>
    OrganizationMoved = 4,

    /// <summary>5.3c (thiết bị, dịch vụ, phần mềm): đổi tên.</summary>
    DeviceRenamed = 5,

    /// <summary>5.3c (thiết bị, dịch vụ, phần mềm): nâng cấp phiên bản.</summary>
    DeviceUpgraded = 6,

    /// <summary>5.3c (thiết bị, dịch vụ, phần mềm): bổ sung tính năng.</summary>
    DeviceFeaturesAdded = 7,
}

public static class ChangeInfoCases
{
    public static IReadOnlyList<ChangeInfoCase> All { get; } = Enum.GetValues<ChangeInfoCase>();

    public static string Label(ChangeInfoCase change) => change switch
    {
        ChangeInfoCase.PersonChangedAgency => "Thay đổi cơ quan, tổ chức công tác",
        ChangeInfoCase.PersonChangedOfficialEmail => "Thay đổi địa chỉ thư điện tử công vụ",
        ChangeInfoCase.OrganizationRenamed => "Cơ quan, tổ chức đổi tên",
        ChangeInfoCase.OrganizationMoved => "Cơ quan, tổ chức thay đổi địa chỉ hoạt động",
        ChangeInfoCase.DeviceRenamed => "Thiết bị, dịch vụ, phần mềm đổi tên",
        ChangeInfoCase.DeviceUpgraded => "Thiết bị, dịch vụ, phần mềm nâng cấp phiên bản",
        ChangeInfoCase.DeviceFeaturesAdded => "Thiết bị, dịch vụ, phần mềm bổ sung tính năng",
    };

    /// <summary>The information that changes: Mẫu 04, column "Thông tin cần thay đổi".</summary>
    public static string Field(ChangeInfoCase change) => change switch
    {
        ChangeInfoCase.PersonChangedAgency => "Cơ quan, tổ chức công tác",
        ChangeInfoCase.PersonChangedOfficialEmail => "Địa chỉ thư điện tử công vụ",
        ChangeInfoCase.OrganizationRenamed => "Tên cơ quan, tổ chức",
        ChangeInfoCase.OrganizationMoved => "Địa chỉ hoạt động",
        ChangeInfoCase.DeviceRenamed => "Tên thiết bị, dịch vụ, phần mềm",
        ChangeInfoCase.DeviceUpgraded => "Phiên bản",
        ChangeInfoCase.DeviceFeaturesAdded => "Tính năng",
    };

    /// <summary>ND 68/2024 Điều 15 (QĐ-PT Điều 5.3): a for persons, b for organisations, c for devices.</summary>
    public static SubscriberKind SubscriberKindOf(ChangeInfoCase change) => change switch
    {
        ChangeInfoCase.PersonChangedAgency or ChangeInfoCase.PersonChangedOfficialEmail => SubscriberKind.Person,
        ChangeInfoCase.OrganizationRenamed or ChangeInfoCase.OrganizationMoved => SubscriberKind.Organization,
        ChangeInfoCase.DeviceRenamed or ChangeInfoCase.DeviceUpgraded or ChangeInfoCase.DeviceFeaturesAdded =>
            SubscriberKind.DeviceServiceSoftware,
    };

    public static IReadOnlyList<ChangeInfoCase> For(SubscriberKind kind) => [.. All.Where(c => SubscriberKindOf(c) == kind)];

    public static string LegalBasis(ChangeInfoCase change) => SubscriberKindOf(change) switch
    {
        SubscriberKind.Person => "Nghị định 68/2024/NĐ-CP, Điều 15; Quy chế tỉnh Phú Thọ, Điều 5 khoản 3 điểm a",
        SubscriberKind.Organization => "Nghị định 68/2024/NĐ-CP, Điều 15; Quy chế tỉnh Phú Thọ, Điều 5 khoản 3 điểm b",
        SubscriberKind.DeviceServiceSoftware => "Nghị định 68/2024/NĐ-CP, Điều 15; Quy chế tỉnh Phú Thọ, Điều 5 khoản 3 điểm c",
    };
}
