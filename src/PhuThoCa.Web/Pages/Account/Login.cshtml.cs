using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Account;

/// <summary>
/// Password step of sign-in. Unknown user, wrong password, locked and deactivated accounts get the same page, and each
/// costs one password-hash verification, so neither the text nor the time tells which it was.
/// </summary>
public class LoginModel(AuditingSignInManager signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher,
    SignInThrottle throttle, IValidator<LoginModel.InputModel> validator, SecurityEvents security, ILogger<LoginModel> logger) : PageModel
{
    public const string FailureMessage =
        "Không đăng nhập được: tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khóa. Nếu cần, hãy liên hệ quản trị hệ thống.";

    // A hash of a random password, verified for unknown users so they cost what a real user costs.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<AppUser>().HashPassword(new AppUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        var userName = Input.UserName.Trim();
        if (throttle.TryAttempt(userName) is { } wait)
        {
            logger.LogWarning("Sign-in attempts for {UserName} throttled", userName);
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError(string.Empty, RequestLimits.TooManyRequestsMessage);
            return Page();
        }

        var user = await users.FindByNameAsync(userName);
        if (user is null || !user.IsActive || await users.IsLockedOutAsync(user))
        {
            // Identity would answer these without hashing: verify a hash anyway so the time is the same.
            hasher.VerifyHashedPassword(user ?? new AppUser(), user?.PasswordHash ?? DummyHash.Value, Input.Password);
            logger.LogInformation("Sign-in refused for {UserName} ({Reason})", userName,
                user is null ? "unknown user" : !user.IsActive ? "deactivated" : "locked out");
            await signIn.AuditRefusedPasswordSignInAsync(userName, user);
            return Failed();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", userName);
            return LocalRedirect(returnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWith2fa", new { ReturnUrl = returnUrl, Input.RememberMe });
        }

        if (result.IsLockedOut)
        {
            security.Record("AccountLockedOut", userName, "too many failed sign-ins");
        }

        return Failed();
    }

    private PageResult Failed()
    {
        ModelState.AddModelError(string.Empty, FailureMessage);
        return Page();
    }

    public sealed class InputModel
    {
        public string UserName { get; set; } = "";

        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(x => x.UserName).NotEmpty().WithMessage("Vui lòng nhập tên đăng nhập.").MaximumLength(256).WithMessage("Tên đăng nhập quá dài.");
            RuleFor(x => x.Password).NotEmpty().WithMessage("Vui lòng nhập mật khẩu.").MaximumLength(256).WithMessage("Mật khẩu quá dài.");
        }
    }
}
