using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Profile;

/// <summary>
/// The signed-in user's own sign-in history (Lịch sử đăng nhập): the latest attempts on the account, successful or not,
/// from the audit trail. Any signed-in user, own account only (the fallback policy); read-only.
/// </summary>
public class SignInsModel(AppDbContext db, CurrentUser me) : PageModel
{
    public IReadOnlyList<SignInHistory.Attempt> Attempts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(me.Id))
        {
            return NotFound();
        }

        Attempts = await SignInHistory.LatestAsync(db, me.Id, ct);
        return Page();
    }
}
