using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Tests.Security;

/// <summary>
/// The named policies (issue 10, item 5) as the running portal's <see cref="IAuthorizationService"/> judges them, role by
/// role: one table here instead of role lists in pages.
/// </summary>
public class PolicyTests(PortalFactory portal)
{
    private static readonly string[] AllRoles = [Roles.AgencyOfficer, Roles.DepartmentStaff, Roles.DepartmentLeader, Roles.Administrator, Roles.Auditor];

    public static TheoryData<string, string[]> Expected => new()
    {
        { Policies.FileRequests, [Roles.AgencyOfficer] },
        { Policies.EditRegisters, [Roles.AgencyOfficer, Roles.DepartmentStaff, Roles.DepartmentLeader, Roles.Administrator] },
        { Policies.GenerateLetters, [Roles.AgencyOfficer, Roles.DepartmentStaff, Roles.DepartmentLeader, Roles.Administrator] },
        { Policies.ScienceDepartment, [Roles.DepartmentStaff, Roles.DepartmentLeader, Roles.Administrator] },
        { Policies.AcceptRequests, [Roles.DepartmentStaff, Roles.DepartmentLeader, Roles.Administrator] },
        { Policies.ProvinceOversight, [Roles.DepartmentStaff, Roles.DepartmentLeader, Roles.Administrator, Roles.Auditor] },
        { Policies.Admin, [Roles.Administrator] },
        { Policies.ViewAuditTrail, [Roles.Administrator, Roles.Auditor] },
        { Policies.ViewFullNationalId, [Roles.AgencyOfficer, Roles.DepartmentStaff, Roles.DepartmentLeader] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task EachPolicy_AdmitsExactlyItsRoles(string policy, string[] admitted)
    {
        var authorization = portal.Services.GetRequiredService<IAuthorizationService>();

        var outcome = new List<string>();
        foreach (var role in AllRoles)
        {
            if ((await authorization.AuthorizeAsync(User(role), policy)).Succeeded)
            {
                outcome.Add(role);
            }
        }

        Assert.Equal(admitted, outcome);
    }

    [Fact]
    public async Task AcceptRequests_WhenTheSoMakesItALeadersAct_AdmitsLeadersOnly()
    {
        using var strict = portal.WithWebHostBuilder(b => b.UseSetting(LeaderOnlyRequirement.Accept, "true"));
        var authorization = strict.Services.GetRequiredService<IAuthorizationService>();

        var admitted = new List<string>();
        foreach (var role in AllRoles)
        {
            if ((await authorization.AuthorizeAsync(User(role), Policies.AcceptRequests)).Succeeded)
            {
                admitted.Add(role);
            }
        }

        Assert.Equal([Roles.DepartmentLeader], admitted);
    }

    private static ClaimsPrincipal User(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u-" + role), new Claim(ClaimTypes.Role, role)], "Test"));
}
