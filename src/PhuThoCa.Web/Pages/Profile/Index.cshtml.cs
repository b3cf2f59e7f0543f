using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PhuThoCa.Web.Pages.Profile;

/// <summary>
/// /Profile, the address of the account pages (Tài khoản menu): leads to its first tab, Đổi mật khẩu. Any signed-in user
/// (the fallback policy); reads and writes nothing.
/// </summary>
public class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Password");
}
