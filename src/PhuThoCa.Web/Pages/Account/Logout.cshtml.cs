using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Account;

/// <summary>Sign-out ends the session everywhere: the security stamp changes, so a copy of the cookie no longer works.</summary>
public class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, UserSessions sessions) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            // The new stamp ends every session of the user; the row of this one is marked ended as well.
            if (UserSessions.CurrentId(User) is { } current)
            {
                await sessions.EndAsync(user.Id, current);
            }

            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
