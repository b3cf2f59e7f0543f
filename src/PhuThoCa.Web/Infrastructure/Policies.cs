namespace PhuThoCa.Web.Infrastructure;

public static class Policies
{
    public const string EditRegisters = nameof(EditRegisters);
    public const string Admin = nameof(Admin);

    /// <summary>Nhật ký hệ thống: administrators and auditors.</summary>
    public const string ViewAuditTrail = nameof(ViewAuditTrail);

    /// <summary>"Hiện số CCCD": the roles whose work needs a subscriber's whole number (each view is audited).</summary>
    public const string ViewFullNationalId = nameof(ViewFullNationalId);

    /// <summary>
    /// Officers (their own agency's subscribers, for the letters they file), Sở staff and leaders (filing on the national
    /// CA system). Administrators and auditors see the masked number only (Nghị định 13/2023: minimum necessary).
    /// </summary>
    public static readonly string[] FullNationalIdRoles =
        [PhuThoCa.Infrastructure.Identity.Roles.AgencyOfficer, PhuThoCa.Infrastructure.Identity.Roles.DepartmentStaff,
            PhuThoCa.Infrastructure.Identity.Roles.DepartmentLeader];
}
