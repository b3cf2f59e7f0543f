namespace PhuThoCa.Infrastructure.Identity;

/// <summary>Role names (stored in Identity) and their Vietnamese labels.</summary>
public static class Roles
{
    /// <summary>Cán bộ cơ quan: files requests for one agency, sees only that agency.</summary>
    public const string AgencyOfficer = "AgencyOfficer";

    /// <summary>Chuyên viên Sở KH&amp;CN: receives, returns, accepts, rejects, records results.</summary>
    public const string DepartmentStaff = "DepartmentStaff";

    /// <summary>Lãnh đạo Sở KH&amp;CN: everything staff do, plus acceptance where a leader is required.</summary>
    public const string DepartmentLeader = "DepartmentLeader";

    /// <summary>Quản trị hệ thống.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Kiểm tra: read-only auditor of everything.</summary>
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All = [AgencyOfficer, DepartmentStaff, DepartmentLeader, Administrator, Auditor];

    /// <summary>Roles that see every agency's data.</summary>
    public static readonly IReadOnlyList<string> ProvinceWide = [DepartmentStaff, DepartmentLeader, Administrator, Auditor];

    public static string Label(string role) => role switch
    {
        AgencyOfficer => "Cán bộ cơ quan",
        DepartmentStaff => "Chuyên viên Sở KH&CN",
        DepartmentLeader => "Lãnh đạo Sở KH&CN",
        Administrator => "Quản trị hệ thống",
        Auditor => "Kiểm tra",
        _ => role,
    };
}
