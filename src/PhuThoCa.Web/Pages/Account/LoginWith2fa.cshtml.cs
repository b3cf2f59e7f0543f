using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Account;

/// <summary>
/// Second step of sign-in: the 6-digit code of the authenticator app, or one of the recovery codes. Only reachable
/// after a correct password (Identity's two-factor cookie); wrong codes count towards the account lockout.
/// </summary>
public class LoginWith2faModel(SignInManager<AppUser> signIn, IValidator<LoginWith2faModel.InputModel> validator, SecurityEvents security,
    ILogger<LoginWith2faModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        var recovery = code.Contains('-', StringComparison.Ordinal) || code.Length > 8;
        var result = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in with two-factor ({Method})", user.UserName, recovery ? "recovery code" : "authenticator");
            if (recovery)
            {
                security.Record("RecoveryCodeUsed", user.UserName);
            }

            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            security.Record("AccountLockedOut", user.UserName, "too many wrong two-factor codes");
        }

        ModelState.AddModelError("Input.Code", "Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trên ứng dụng xác thực.");
        return Page();
    }

    public sealed class InputModel
    {
        public string Code { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(x => x.Code).NotEmpty().WithMessage("Vui lòng nhập mã xác thực.").MaximumLength(32).WithMessage("Mã xác thực quá dài.");
        }
    }
}
