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
        return NavItem.WithBadge(Url.Page("/Requests/Inbox") ?? "/Requests/Inbox", "Việc cần xử lý", "nav-inbox", overdue,
            "text-bg-danger", "Số yêu cầu quá hạn", "overdue-badge");
    }
}
