using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PhuThoCa.Web.Pages;

public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
