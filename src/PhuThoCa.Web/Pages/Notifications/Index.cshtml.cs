using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Notifications;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Notifications;

/// <summary>
/// "Thông báo": the signed-in user's notifications, newest first (features G12.3). Every query is by the user's own id,
/// so another user's notification is a 404.
/// </summary>
public class IndexModel(AppDbContext db, CurrentUser me) : PageModel
{
    /// <summary>
    /// The list and its unread count stop counting here: a user's notifications only accumulate, and counting all of them
    /// on every view grew with them (issue 15). The newest 1,000 are listed; the unread tab says "more than 1,000".
    /// </summary>
    public const int Cap = 1000;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Only the unread ones.</summary>
    [BindProperty(SupportsGet = true, Name = "unread")]
    public bool UnreadOnly { get; set; }

    public PagedList<Notification> Rows { get; private set; } = null!;

    /// <summary>Counted up to one past <see cref="Cap"/>.</summary>
    public int UnreadCount { get; private set; }

    public string UnreadLabel => UnreadCount > Cap ? "hơn " + Format.Number(Cap) : Format.Number(UnreadCount);

    public IDictionary<string, string?> RouteValues => new Dictionary<string, string?>
    {
        ["unread"] = UnreadOnly ? "true" : null,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = Mine();
        var unread = mine.Where(n => n.ReadAtUtc == null);
        UnreadCount = await PagedList.CountUpToAsync(unread, Cap, ct);
        var shown = UnreadOnly ? unread : mine;
        // The unread tab's rows are the ones just counted.
        var counted = UnreadOnly ? UnreadCount : await PagedList.CountUpToAsync(mine, Cap, ct);
        Rows = await PagedList.FromCappedCountAsync(shown.OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id), counted, Cap, PageNumber,
            cancellationToken: ct);
    }

    /// <summary>Marks the notification read and opens the request or certificate it is about (or the list).</summary>
    public async Task<IActionResult> OnPostOpenAsync(int id, CancellationToken ct)
    {
        var notification = await Mine().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null)
        {
            return NotFound();
        }

        notification.MarkRead(me.UtcNow);
        await db.SaveChangesAsync(ct);
        return (notification.RequestId, notification.CertificateId) switch
        {
            ({ } requestId, _) => RedirectToPage("/Requests/Details", new { id = requestId }),
            (_, { } certificateId) => RedirectToPage("/Certificates/Details", new { id = certificateId }),
            _ => RedirectToPage(),
        };
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken ct)
    {
        var unread = await Mine().Where(n => n.ReadAtUtc == null).ToListAsync(ct);
        foreach (var notification in unread)
        {
            notification.MarkRead(me.UtcNow);
        }

        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = unread.Count == 0 ? "Không có thông báo chưa đọc." : $"Đã đánh dấu {unread.Count} thông báo là đã đọc.";
        return RedirectToPage();
    }

    private IQueryable<Notification> Mine()
    {
        var userId = me.Id;
        return db.Notifications.Where(n => n.UserId == userId);
    }
}
