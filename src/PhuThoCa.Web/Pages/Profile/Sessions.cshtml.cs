using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Profile;

/// <summary>
/// The signed-in user's own open sessions (Phiên đăng nhập): device, address, start and last activity; ends one of them,
/// or all but the current one (which also changes the security stamp, so every other cookie is refused at once on every
/// node, and re-issues the current cookie). Any signed-in user, own sessions only (the fallback policy).
/// </summary>
public class SessionsModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, UserSessions sessions, SecurityEvents security) : PageModel
{
    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];

    public string? CurrentId { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        CurrentId = UserSessions.CurrentId(User);
        Sessions = await sessions.OpenAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(string? sessionId)
    {
        var user = await users.GetUserAsync(User);
        if (user is null || string.IsNullOrEmpty(sessionId))
        {
            return NotFound();
        }

        if (sessionId == UserSessions.CurrentId(User))
        {
            TempData["StatusMessage"] = "Đây là phiên hiện tại. Để kết thúc phiên này, hãy bấm “Đăng xuất”.";
            return RedirectToPage();
        }

        // Another user's session id is simply not found among this user's sessions.
        if (!await sessions.EndAsync(user.Id, sessionId))
        {
            return NotFound();
        }

        security.Record("SessionEnded", user.UserName, "by the user, one session");
        TempData["StatusMessage"] = "Đã đăng xuất phiên đã chọn.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndOthersAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        var ended = await sessions.EndOthersAsync(user.Id, UserSessions.CurrentId(User));
        await users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        security.Record("SessionEnded", user.UserName, $"by the user, all other sessions ({ended})");
        TempData["StatusMessage"] = "Đã đăng xuất tất cả phiên khác. Phiên hiện tại vẫn tiếp tục.";
        return RedirectToPage();
    }
}
