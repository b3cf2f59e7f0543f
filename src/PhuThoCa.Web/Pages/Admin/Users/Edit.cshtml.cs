using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Admin.Users;

/// <summary>Create (no id) or edit a user: role, agency (officers only), active flag, optional new password.</summary>
public class EditModel(AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, IValidator<EditModel.InputModel> validator,
    SecurityEvents security, ILogger<EditModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? Id { get; private set; }

    public List<(int Id, string Name)> Agencies { get; private set; } = [];

    public bool IsLockedOut { get; private set; }

    public bool TwoFactorEnabled { get; private set; }

    /// <summary>The account's latest sign-in attempts (read-only, from the audit trail).</summary>
    public IReadOnlyList<SignInHistory.Attempt> SignIns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (id is null)
        {
            return Page();
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        IsLockedOut = await users.IsLockedOutAsync(user);
        TwoFactorEnabled = user.TwoFactorEnabled;
        Input = new InputModel
        {
            UserName = user.UserName,
            FullName = user.FullName,
            Position = user.Position,
            Email = user.Email,
            AgencyId = user.AgencyId,
            Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? Roles.AgencyOfficer,
            IsActive = user.IsActive,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input.IsNew = id is null;
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: ct))
        {
            return Page();
        }

        if (Input.Role == Roles.AgencyOfficer && Agencies.All(a => a.Id != Input.AgencyId))
        {
            ModelState.AddModelError("Input.AgencyId", "Cơ quan không tồn tại.");
            return Page();
        }

        var user = id is null ? new AppUser { UserName = Input.UserName!.Trim() } : await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (id is not null && await AccountRules.WouldRemoveLastAdministratorAsync(users, user, Input.Role!, Input.IsActive))
        {
            ModelState.AddModelError(string.Empty, AccountRules.LastAdministratorMessage);
            return Page();
        }

        user.FullName = Input.FullName!.Trim();
        user.Position = Input.Position?.Trim();
        user.Email = Input.Email?.Trim();
        user.EmailConfirmed = true;
        user.AgencyId = Input.Role == Roles.AgencyOfficer ? Input.AgencyId : null;
        user.IsActive = Input.IsActive;

        var result = id is null ? await users.CreateAsync(user, Input.Password!) : await users.UpdateAsync(user);
        var passwordSet = !string.IsNullOrEmpty(Input.Password);
        if (result.Succeeded && id is not null && passwordSet)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            result = await users.ResetPasswordAsync(user, token, Input.Password!);
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var key = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password"
                    : error.Code.Contains("UserName", StringComparison.Ordinal) ? "Input.UserName" : string.Empty;
                ModelState.AddModelError(key, error.Description);
            }

            return Page();
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Where(r => r != Input.Role));
        if (!current.Contains(Input.Role!))
        {
            await users.AddToRoleAsync(user, Input.Role!);
        }

        if (passwordSet)
        {
            // A password an administrator knows is only good for the next sign-in: the user must choose their own.
            if (!(await users.GetClaimsAsync(user)).Any(c => c.Type == AccountRules.MustChangePasswordClaim))
            {
                await users.AddClaimAsync(user, new System.Security.Claims.Claim(AccountRules.MustChangePasswordClaim, "1"));
            }

            security.Record("PasswordSetByAdministrator", user.UserName, id is null ? "new account" : "password reset");
        }

        // Role or agency changes must take effect at the next request, not at cookie expiry.
        await users.UpdateSecurityStampAsync(user);
        if (user.Id == users.GetUserId(User))
        {
            // An administrator editing their own account keeps this session (the others end).
            await signIn.RefreshSignInAsync(user);
        }

        logger.LogInformation("User {UserName} saved with role {Role}", user.UserName, Input.Role);
        TempData["StatusMessage"] = $"Đã lưu người dùng “{user.UserName}”.";
        return RedirectToPage("Index");
    }

    /// <summary>Ends a lockout at once (the user asked, the lockout came from someone else's attempts).</summary>
    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        security.Record("AccountUnlocked", user.UserName);
        TempData["StatusMessage"] = $"Đã mở khóa tài khoản “{user.UserName}”.";
        return RedirectToPage(new { id });
    }

    /// <summary>The user lost the authenticator: a new key; they enrol again at the next sign-in.</summary>
    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.UpdateSecurityStampAsync(user);
        security.Record("TwoFactorResetByAdministrator", user.UserName);
        TempData["StatusMessage"] = $"Đã đặt lại xác thực hai bước của “{user.UserName}”; người dùng cài đặt lại ở lần đăng nhập tới.";
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(string? id, CancellationToken ct)
    {
        Id = id;
        Agencies = (await db.Agencies.AsNoTracking().OrderBy(a => a.SortKey).Select(a => new { a.Id, a.Name }).ToListAsync(ct)).Select(a => (a.Id, a.Name)).ToList();
        SignIns = id is null ? [] : await SignInHistory.LatestAsync(db, id, ct);
    }

    public sealed class InputModel
    {
        public bool IsNew { get; set; }

        public string? UserName { get; set; }

        public string? FullName { get; set; }

        public string? Position { get; set; }

        public string? Email { get; set; }

        public string? Role { get; set; } = Roles.AgencyOfficer;

        public int? AgencyId { get; set; }

        public string? Password { get; set; }

        public bool IsActive { get; set; } = true;
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(x => x.UserName).NotEmpty().When(x => x.IsNew).WithMessage("Vui lòng nhập tên đăng nhập.")
                .Matches("^[a-zA-Z0-9._-]+$").When(x => x.IsNew && !string.IsNullOrEmpty(x.UserName))
                .WithMessage("Tên đăng nhập chỉ gồm chữ không dấu, chữ số và các ký tự . _ -");
            RuleFor(x => x.FullName).NotEmpty().WithMessage("Vui lòng nhập họ và tên.");
            RuleFor(x => x.Role).Must(r => r is not null && Roles.All.Contains(r)).WithMessage("Vui lòng chọn vai trò.");
            RuleFor(x => x.AgencyId).NotNull().When(x => x.Role == Roles.AgencyOfficer)
                .WithMessage("Cán bộ cơ quan phải thuộc một cơ quan.");
            RuleFor(x => x.Password).NotEmpty().When(x => x.IsNew).WithMessage("Vui lòng đặt mật khẩu.");
            RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrEmpty(x.Email)).WithMessage("Thư điện tử không đúng định dạng.");
        }
    }
}
