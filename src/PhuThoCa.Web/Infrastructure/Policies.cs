using Microsoft.AspNetCore.Authorization;
using PhuThoCa.Infrastructure.Identity;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// Every authorization policy of the portal, named and defined in one place (issue 10, item 5). Pages use them in
/// <c>[Authorize(Policy = …)]</c> and folder conventions; page code asks <see cref="CurrentUser.CanAsync"/>, which goes
/// through <see cref="IAuthorizationService"/>, so a role list is never restated in a page.
/// </summary>
public static class Policies
{
    /// <summary>Registers: officers (their agency), Sở staff and leaders, administrators.</summary>
    public const string EditRegisters = nameof(EditRegisters);

    /// <summary>Quản trị: accounts, calendar adjustments, trust list, mail, agencies.</summary>
    public const string Admin = nameof(Admin);

    /// <summary>Nhật ký hệ thống: administrators and auditors.</summary>
    public const string ViewAuditTrail = nameof(ViewAuditTrail);

    /// <summary>"Hiện số CCCD": the roles whose work needs a subscriber's whole number (each view is audited).</summary>
    public const string ViewFullNationalId = nameof(ViewFullNationalId);

    /// <summary>Filing requests (Mẫu 01–06): agency officers.</summary>
    public const string FileRequests = nameof(FileRequests);

    /// <summary>
    /// A Sở KH&amp;CN user who handles requests (receive, return, accept, reject, file on the CA portal, record results,
    /// acknowledge a signed letter, attach results): Sở staff and leaders, and administrators.
    /// </summary>
    public const string ScienceDepartment = nameof(ScienceDepartment);

    /// <summary>
    /// Accepting a request: a <see cref="ScienceDepartment"/> user, and a Lãnh đạo Sở only when the Sở has made acceptance
    /// a leader's act (setting <c>Requests:AcceptRequiresLeader</c>, <see cref="LeaderOnlyRequirement"/>).
    /// </summary>
    public const string AcceptRequests = nameof(AcceptRequests);

    /// <summary>
    /// Rejecting a request and issuing Sở's written refusal (QĐ-PT Điều 5.4b, 6.3): a <see cref="ScienceDepartment"/> user, and
    /// a Lãnh đạo Sở only when the Sở has made refusal a leader's act (setting <c>Requests:RejectRequiresLeader</c>, off by
    /// default, <see cref="LeaderOnlyRequirement"/>).
    /// </summary>
    public const string RejectRequests = nameof(RejectRequests);

    /// <summary>Generating or changing a letter version: the roles that edit registers.</summary>
    public const string GenerateLetters = nameof(GenerateLetters);

    /// <summary>Province-wide reading of the Sở's work (inbox, statistics, signature checks): Sở users and auditors.</summary>
    public const string ProvinceOversight = nameof(ProvinceOversight);

    /// <summary>
    /// The Điều 8.4 report (/Reports): Sở users and auditors for the province, officers for their own agency only (ADR 0009).
    /// </summary>
    public const string ViewReports = nameof(ViewReports);

    /// <summary>
    /// Officers (their own agency's subscribers, for the letters they file), Sở staff and leaders (filing on the national
    /// CA system). Administrators and auditors see the masked number only (Nghị định 13/2023: minimum necessary).
    /// </summary>
    public static readonly string[] FullNationalIdRoles = [Roles.AgencyOfficer, Roles.DepartmentStaff, Roles.DepartmentLeader];

    private static readonly string[] ScienceDepartmentRoles = [Roles.DepartmentStaff, Roles.DepartmentLeader, Roles.Administrator];

    private static readonly string[] RegisterRoles = [Roles.AgencyOfficer, Roles.DepartmentStaff, Roles.DepartmentLeader, Roles.Administrator];

    /// <summary>The portal's policies, with authentication required wherever a page does not say otherwise.</summary>
    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, LeaderOnlyHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(EditRegisters, p => p.RequireRole(RegisterRoles))
            .AddPolicy(GenerateLetters, p => p.RequireRole(RegisterRoles))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(ViewAuditTrail, p => p.RequireRole(Roles.Administrator, Roles.Auditor))
            .AddPolicy(ViewFullNationalId, p => p.RequireRole(FullNationalIdRoles))
            .AddPolicy(FileRequests, p => p.RequireRole(Roles.AgencyOfficer))
            .AddPolicy(ScienceDepartment, p => p.RequireRole(ScienceDepartmentRoles))
            .AddPolicy(AcceptRequests, p => p.RequireRole(ScienceDepartmentRoles).AddRequirements(new LeaderOnlyRequirement(LeaderOnlyRequirement.Accept)))
            .AddPolicy(RejectRequests, p => p.RequireRole(ScienceDepartmentRoles).AddRequirements(new LeaderOnlyRequirement(LeaderOnlyRequirement.Reject)))
            .AddPolicy(ProvinceOversight, p => p.RequireRole([.. ScienceDepartmentRoles, Roles.Auditor]))
            .AddPolicy(ViewReports, p => p.RequireRole([.. RegisterRoles, Roles.Auditor]));
        return services;
    }
}

/// <summary>
/// The Sở's choice that only a Lãnh đạo Sở performs an act, when the setting <see cref="Setting"/> is true (off by default):
/// accepting a request (<c>Requests:AcceptRequiresLeader</c>) or refusing it and issuing the notice
/// (<c>Requests:RejectRequiresLeader</c>). QĐ-PT leaves the internal division of work to the Sở.
/// </summary>
public sealed class LeaderOnlyRequirement(string setting) : IAuthorizationRequirement
{
    public const string Accept = "Requests:AcceptRequiresLeader";
    public const string Reject = "Requests:RejectRequiresLeader";

    public string Setting => setting;
}

public sealed class LeaderOnlyHandler(IConfiguration configuration) : AuthorizationHandler<LeaderOnlyRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, LeaderOnlyRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (!configuration.GetValue(requirement.Setting, false) || context.User.IsInRole(Roles.DepartmentLeader))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
