using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Notifications;

/// <summary>The "Thông báo" menu item with the number of unread notifications of the signed-in user.</summary>
/// <remarks>
/// Counted once per user and node, and kept until a notification is added, read or removed on this node, or
/// <see cref="NavItem.BadgeCacheSeconds"/> pass (another node's notification): the count was about a quarter of the work of a page
/// without data of its own (issue 15: cached menu badges).
/// </remarks>
public sealed class NotificationBellViewComponent(AppDbContext db, CurrentUser me, IMemoryCache cache, PageLinks links) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = me.Id;
        // Counted up to the badge's cap: reading a user's whole unread backlog on every page would grow with it.
        var unread = await NavItem.CachedCountAsync(cache, ("unread-badge", userId, ChangeVersions.Notifications),
            () => PagedList.CountUpToAsync(db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null), NavItem.BadgeCap));
        return NavItem.WithBadge(links.To(HttpContext, "/Notifications/Index"), "Thông báo", "nav-notifications", unread,
            "text-bg-warning", "Thông báo chưa đọc", "unread-badge");
    }
}
