using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.Caching.Memory;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Requests;

/// <summary>
/// The navbar entry "Việc cần xử lý" for Sở users, with a red badge counting Sở's overdue requests (features G2.6).
/// Renders nothing for agency officers.
/// </summary>
/// <remarks>
/// The count is the same for every Sở user, so it is computed once per node and kept until a request changes on this
/// node, the day changes, or <see cref="NavItem.BadgeCacheSeconds"/> pass (another node's change).
/// </remarks>
public sealed class RequestInboxViewComponent(AppDbContext db, CurrentUser me, IMemoryCache cache, PageLinks links) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!me.IsProvinceWide)
        {
            return new HtmlContentViewComponentResult(HtmlString.Empty);
        }

        var today = me.Today;
        var overdue = await NavItem.CachedCountAsync(cache, ("overdue-badge", today, ChangeVersions.Requests),
            () => InboxModel.CountOverdueForScienceDepartmentAsync(db, today, CancellationToken.None));
        return NavItem.WithBadge(links.To(HttpContext, "/Requests/Inbox"), "Việc cần xử lý", "nav-inbox", overdue,
            "text-bg-danger", "Số yêu cầu quá hạn", "overdue-badge");
    }
}
