using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PhuThoCa.Infrastructure.Auditing;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// Identity's sign-in manager with every outcome written to the audit trail (features G11, issue 11): sign-ins, failed
/// attempts (unknown user, wrong password or code, locked or not allowed), the attempt that locks an account, and sign-outs,
/// each with the client's IP address and browser (User-Agent). One place for all of it, whatever page signs the user in or out.
/// </summary>
public sealed class AuditingSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    AppDbContext db)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private const int MaxAttemptedNameLength = 100;

    private const int MaxUserAgentLength = 300;

    // A deactivated account cannot sign in (issue 14); its answer is the same as a wrong password's.
    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsActive && await base.CanSignInAsync(user);
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            await AuditRefusedPasswordSignInAsync(userName, null);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> PasswordSignInAsync(AppUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        var wasLocked = UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user);
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await AuditResultAsync(user, result, wasLocked, "mật khẩu");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var wasLocked = user is not null && UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user);
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (user is not null)
        {
            await AuditResultAsync(user, result, wasLocked, "mã xác thực");
        }

        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (user is not null)
        {
            await AuditResultAsync(user, result, wasLocked: false, "mã khôi phục");
        }

        return result;
    }

    /// <summary>
    /// Audits a password sign-in that the login page refused before asking Identity (unknown, deactivated or locked
    /// account), so that every attempt is in the trail whatever path answered it.
    /// </summary>
    public Task AuditRefusedPasswordSignInAsync(string userName, AppUser? user)
    {
        ArgumentNullException.ThrowIfNull(userName);
        if (user is null)
        {
            var attempted = userName.Length > MaxAttemptedNameLength ? userName[..MaxAttemptedNameLength] : userName;
            return AppendAsync(AuditActions.SignInFailure, new AuditActor(null, attempted, ClientIp), "", "Tên đăng nhập không tồn tại.");
        }

        return AppendAsync(AuditActions.SignInFailure, ActorOf(user), user.Id,
            user.IsActive ? "Tài khoản đang bị khóa." : "Tài khoản không được phép đăng nhập.");
    }

    public override async Task SignOutAsync()
    {
        var principal = Context.User;
        if (principal.Identity?.IsAuthenticated == true && UserManager.GetUserId(principal) is { } userId)
        {
            var name = principal.FindFirst(CurrentUser.FullNameClaim)?.Value ?? principal.Identity.Name ?? userId;
            await AppendAsync(AuditActions.SignOut, new AuditActor(userId, name, ClientIp), userId, null);
        }

        await base.SignOutAsync();
    }

    private string? ClientIp => Context.Connection.RemoteIpAddress?.ToString();

    private AuditActor ActorOf(AppUser user) =>
        new(user.Id, string.IsNullOrEmpty(user.FullName) ? user.UserName ?? user.Id : user.FullName, ClientIp);

    private async Task AuditResultAsync(AppUser user, SignInResult result, bool wasLocked, string factor)
    {
        var actor = ActorOf(user);
        if (result.Succeeded)
        {
            await AppendAsync(AuditActions.SignIn, actor, user.Id, null);
        }
        else if (result.RequiresTwoFactor)
        {
            await AppendAsync(AuditActions.SignIn, actor, user.Id, "Mật khẩu đúng, chờ xác thực hai lớp.");
        }
        else if (result.IsLockedOut && !wasLocked)
        {
            await AppendAsync(AuditActions.Lockout, actor, user.Id,
                $"Sai {factor} quá {Options.Lockout.MaxFailedAccessAttempts} lần; khóa đến {(user.LockoutEnd is { } end ? Format.DateTime(end.UtcDateTime) : "")}.");
        }
        else
        {
            var reason = result.IsLockedOut ? "Tài khoản đang bị khóa."
                : result.IsNotAllowed ? "Tài khoản không được phép đăng nhập."
                : $"Sai {factor}.";
            await AppendAsync(AuditActions.SignInFailure, actor, user.Id, reason);
        }
    }

    // The browser's User-Agent goes with each event (for the user's sign-in history, SignInHistory); never a password or code.
    private Task AppendAsync(string action, AuditActor actor, string userId, string? reason)
    {
        var agent = Context.Request.Headers.UserAgent.ToString();
        IReadOnlyList<AuditFieldChange>? changes = string.IsNullOrWhiteSpace(agent) ? null
            : [new AuditFieldChange(SignInHistory.UserAgentField, null, agent[..Math.Min(agent.Length, MaxUserAgentLength)])];
        return db.AppendAsync(new AuditEvent(action, "User", userId, changes, Reason: reason, Actor: actor), CancellationToken.None);
    }
}
