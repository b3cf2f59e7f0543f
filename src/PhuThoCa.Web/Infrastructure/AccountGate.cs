using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using PhuThoCa.Infrastructure.Identity;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>Account rules of sign-in: who must use two-factor sign-in, and the claims that say what is still owed.</summary>
public static class AccountRules
{
    /// <summary>User claim (stored) set when an administrator set the password: the user must choose a new one.</summary>
    public const string MustChangePasswordClaim = "phuthoca:must-change-password";

    /// <summary>Cookie claim: "on" when the user has an authenticator app enrolled.</summary>
    public const string TwoFactorClaim = "phuthoca:2fa";

    /// <summary>
    /// Roles that must sign in with an authenticator app (TOTP) in every environment: Sở staff and leaders decide on
    /// requests, administrators manage accounts, auditors read every agency's personal data. Officers may opt in.
    /// </summary>
    public static readonly IReadOnlyList<string> TwoFactorRequiredRoles = [Roles.DepartmentStaff, Roles.DepartmentLeader, Roles.Administrator, Roles.Auditor];

    public const string LastAdministratorMessage =
        "Không thể hạ quyền hoặc vô hiệu hóa quản trị hệ thống cuối cùng đang hoạt động. Hãy tạo hoặc kích hoạt một quản trị khác trước.";

    public static bool RequiresTwoFactor(IEnumerable<string> roles) => roles.Any(TwoFactorRequiredRoles.Contains);

    public static bool RequiresTwoFactor(ClaimsPrincipal user) => TwoFactorRequiredRoles.Any(user.IsInRole);

    /// <summary>
    /// True when saving <paramref name="user"/> with <paramref name="newRole"/> and <paramref name="active"/> would leave
    /// no active administrator.
    /// </summary>
    public static async Task<bool> WouldRemoveLastAdministratorAsync(UserManager<AppUser> users, AppUser user, string newRole, bool active)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        if (newRole == Roles.Administrator && active)
        {
            return false;
        }

        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        return admins.Any(a => a.Id == user.Id && a.IsActive) && !admins.Any(a => a.Id != user.Id && a.IsActive);
    }
}

/// <summary>
/// Before any page other than the account pages: a user whose password was set by an administrator changes it, and a
/// user of a role that requires two-factor sign-in without an authenticator enrols one.
/// </summary>
public sealed class AccountGateFilter : IAsyncPageFilter
{
    public const string PasswordPage = "/Profile/Password";
    public const string TwoFactorPage = "/Profile/TwoFactor";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        if (user.Identity?.IsAuthenticated != true || page.StartsWith("/Account/", StringComparison.Ordinal)
            || page is "/Error" or "/NotFound")
        {
            return next();
        }

        if (user.HasClaim(c => c.Type == AccountRules.MustChangePasswordClaim))
        {
            if (page != PasswordPage)
            {
                context.Result = new RedirectToPageResult(PasswordPage);
                return Task.CompletedTask;
            }
        }
        else if (AccountRules.RequiresTwoFactor(user) && !user.HasClaim(AccountRules.TwoFactorClaim, "on") && page != TwoFactorPage)
        {
            context.Result = new RedirectToPageResult(TwoFactorPage);
            return Task.CompletedTask;
        }

        return next();
    }
}
