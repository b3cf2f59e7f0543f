using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Notifications;

/// <summary>The "Thông báo" menu item with the number of unread notifications of the signed-in user.</summary>
/// <remarks>
/// Counted once per user and node, and kept until a notification is added, read or removed on this node, or
/// <see cref="CacheSeconds"/> pass (another node's notification): the count was about a quarter of the work of a page
/// without data of its own (issue 15: cached menu badges).
/// </remarks>
public sealed class NotificationBellViewComponent(AppDbContext db, CurrentUser me, IMemoryCache cache) : ViewComponent
{
    public const int CacheSeconds = 30;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = me.Id;
        var unread = await cache.GetOrCreateAsync(("unread-badge", userId, ChangeVersions.Notifications), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(CacheSeconds);
            entry.Size = 1;
            // Counted up to the badge's cap: reading a user's whole unread backlog on every page would grow with it.
            return db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null).Take(NavItem.BadgeCap + 1).CountAsync();
        });
        return NavItem.WithBadge(Url.Page("/Notifications/Index") ?? "/Notifications", "Thông báo", "nav-notifications", unread,
            "text-bg-warning", "Thông báo chưa đọc", "unread-badge");
    }
}
