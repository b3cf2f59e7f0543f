using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Requests;

/// <summary>
/// The navbar entry "Việc cần xử lý" for Sở users, with a red badge counting Sở's overdue requests (features G2.6).
/// Renders nothing for agency officers.
/// </summary>
public sealed class RequestInboxViewComponent(AppDbContext db, CurrentUser me) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!me.IsProvinceWide)
        {
            return new HtmlContentViewComponentResult(HtmlString.Empty);
        }

        var overdue = await InboxModel.OverdueForScienceDepartment(db, me.Today).CountAsync();
        var href = HtmlEncoder.Default.Encode(Url.Page("/Requests/Inbox") ?? "/Requests/Inbox");
        var badge = overdue == 0
            ? ""
            : $" <span class=\"badge rounded-pill text-bg-danger\" title=\"Số yêu cầu quá hạn\" data-testid=\"overdue-badge\">{overdue.ToString(CultureInfo.InvariantCulture)}</span>";
        return new HtmlContentViewComponentResult(new HtmlString(
            $"<li class=\"nav-item\"><a class=\"nav-link\" href=\"{href}\" data-testid=\"nav-inbox\">Việc cần xử lý{badge}</a></li>"));
    }
}
