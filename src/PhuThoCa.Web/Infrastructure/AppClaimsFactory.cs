using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PhuThoCa.Infrastructure.Identity;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>Adds the agency id, full name and two-factor state to the auth cookie so that scoping needs no database round trip.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.FullNameClaim, user.FullName));
        identity.AddClaim(new Claim(AccountRules.TwoFactorClaim, user.TwoFactorEnabled ? "on" : "off"));
        if (user.AgencyId is int agencyId)
        {
            identity.AddClaim(new Claim(CurrentUser.AgencyClaim, agencyId.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
