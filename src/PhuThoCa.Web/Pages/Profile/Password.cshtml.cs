using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Profile;

/// <summary>
/// Self-service password change (current password, new password twice). Also where a user is sent after an
/// administrator set the password; the change ends the user's other sessions (security stamp, UserSessions).
/// </summary>
public class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IValidator<PasswordModel.InputModel> validator,
    SecurityEvents security, UserSessions sessions) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Forced { get; private set; }

    public void OnGet() => Forced = User.HasClaim(c => c.Type == AccountRules.MustChangePasswordClaim);

    public async Task<IActionResult> OnPostAsync()
    {
        OnGet();
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword",
                    error.Code == "PasswordMismatch" ? "Mật khẩu hiện tại không đúng." : error.Description);
            }

            return Page();
        }

        foreach (var claim in (await users.GetClaimsAsync(user)).Where(c => c.Type == AccountRules.MustChangePasswordClaim))
        {
            await users.RemoveClaimAsync(user, claim);
        }

        security.Record("PasswordChanged", user.UserName, Forced ? "after a password set by an administrator" : "self-service");
        // The new stamp already refuses the other cookies; their sessions are marked ended too, the current one goes on.
        await sessions.EndOthersAsync(user.Id, UserSessions.CurrentId(User));
        await signIn.RefreshSignInAsync(user);
        TempData["StatusMessage"] = "Đã đổi mật khẩu.";
        return Redirect("/");
    }

    public sealed class InputModel
    {
        public string CurrentPassword { get; set; } = "";

        public string NewPassword { get; set; } = "";

        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Vui lòng nhập mật khẩu hiện tại.");
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage("Vui lòng nhập mật khẩu mới.")
                .MaximumLength(256).WithMessage("Mật khẩu quá dài.")
                .NotEqual(x => x.CurrentPassword).WithMessage("Mật khẩu mới phải khác mật khẩu hiện tại.");
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("Nhập lại mật khẩu mới chưa khớp.");
        }
    }
}
