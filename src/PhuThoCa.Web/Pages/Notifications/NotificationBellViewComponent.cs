using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Notifications;

/// <summary>The "Thông báo" menu item with the number of unread notifications of the signed-in user.</summary>
public sealed class NotificationBellViewComponent(AppDbContext db, CurrentUser me) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = me.Id;
        // Counted up to the badge's cap: reading a user's whole unread backlog on every page would grow with it.
        var unread = await db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null).Take(NavItem.BadgeCap + 1).CountAsync();
        return NavItem.WithBadge(Url.Page("/Notifications/Index") ?? "/Notifications", "Thông báo", "nav-notifications", unread,
            "text-bg-warning", "Thông báo chưa đọc", "unread-badge");
    }
}
