using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
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
        var unread = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null);
        var href = HtmlEncoder.Default.Encode(Url.Page("/Notifications/Index") ?? "/Notifications");
        var badge = unread == 0
            ? ""
            : $" <span class=\"badge rounded-pill text-bg-warning\" title=\"Thông báo chưa đọc\" data-testid=\"unread-badge\">{unread.ToString(CultureInfo.InvariantCulture)}</span>";
        return new HtmlContentViewComponentResult(new HtmlString(
            $"<li class=\"nav-item\"><a class=\"nav-link\" href=\"{href}\" data-testid=\"nav-notifications\">Thông báo{badge}</a></li>"));
    }
}
