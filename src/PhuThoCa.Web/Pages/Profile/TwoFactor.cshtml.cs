using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Web.Infrastructure;
using QRCoder;

namespace PhuThoCa.Web.Pages.Profile;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238, Identity's authenticator token provider): enrolment by
/// QR code or key, confirmation with a first code, ten recovery codes shown once; new recovery codes; officers may turn it off.
/// </summary>
public class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IValidator<TwoFactorModel.InputModel> validator,
    SecurityEvents security) : PageModel
{
    public const string Issuer = "PhuThoCa";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>The key grouped by four for typing into an app.</summary>
    public string SharedKey { get; private set; } = "";

    public string QrCodeDataUri { get; private set; } = "";

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    /// <summary>Creates the user's authenticator key (a GET never writes), then shows it as a QR code.</summary>
    public async Task<IActionResult> OnPostStartAsync()
    {
        var user = await LoadAsync();
        if (user is null || Enabled)
        {
            return NotFound();
        }

        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    /// <summary>Confirms the enrolment with a first code from the app, then shows the recovery codes once.</summary>
    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return NotFound();
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState))
        {
            return Page();
        }

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", "Mã xác thực không đúng. Hãy kiểm tra giờ trên điện thoại và nhập mã đang hiện trên ứng dụng.");
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        security.Record("TwoFactorEnabled", user.UserName);
        await signIn.RefreshSignInAsync(user);
        await LoadAsync();
        TempData["StatusMessage"] = "Đã bật xác thực hai bước. Hãy lưu các mã khôi phục dưới đây ở nơi an toàn.";
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await LoadAsync();
        if (user is null || !Enabled)
        {
            return NotFound();
        }

        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        security.Record("RecoveryCodesRegenerated", user.UserName);
        await signIn.RefreshSignInAsync(user);
        RecoveryCodesLeft = 10;
        return Page();
    }

    /// <summary>Officers only: turn two-factor sign-in off and forget the key.</summary>
    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await LoadAsync();
        if (user is null || !Enabled)
        {
            return NotFound();
        }

        if (Required)
        {
            ModelState.AddModelError(string.Empty, "Vai trò của bạn bắt buộc xác thực hai bước; không thể tắt.");
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        security.Record("TwoFactorDisabled", user.UserName);
        await signIn.RefreshSignInAsync(user);
        TempData["StatusMessage"] = "Đã tắt xác thực hai bước.";
        return RedirectToPage();
    }

    private async Task<AppUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return null;
        }

        Enabled = user.TwoFactorEnabled;
        Required = AccountRules.RequiresTwoFactor(await users.GetRolesAsync(user));
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (!string.IsNullOrEmpty(key))
            {
                SharedKey = Grouped(key);
                QrCodeDataUri = QrCode(AuthenticatorUri(user.UserName ?? "", key));
            }
        }

        return user;
    }

    public static string AuthenticatorUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToUpperInvariant();
    }

    private static string QrCode(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    public sealed class InputModel
    {
        public string Code { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(x => x.Code).NotEmpty().WithMessage("Vui lòng nhập mã 6 chữ số từ ứng dụng xác thực.")
                .Matches(@"^[0-9 \-]{6,9}$").WithMessage("Mã xác thực gồm 6 chữ số.");
        }
    }
}
