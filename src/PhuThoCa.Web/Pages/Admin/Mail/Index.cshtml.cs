using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Mail;
using PhuThoCa.Infrastructure.Mail;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Pages.Admin.Mail;

/// <summary>Thư điện tử: whether mail is on, the SMTP settings in use, and the delivery log (admins only).</summary>
public class IndexModel(AppDbContext db, MailSettings settings, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    public MailSettings Settings => settings;

    [BindProperty(SupportsGet = true)]
    public OutboxStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Address { get; set; }

    public Dictionary<OutboxStatus, int> Counts { get; private set; } = [];

    public List<OutboxMessage> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var query = db.OutboxMessages.AsNoTracking().Include(m => m.Attempts).AsQueryable();
        if (Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(Address))
        {
            var address = Address.Trim().ToLowerInvariant();
            query = query.Where(m => m.ToAddress.Contains(address));
        }

        Messages = await query.OrderByDescending(m => m.Id).Take(PageSize).AsSplitQuery().ToListAsync(ct);
    }

    /// <summary>Sends a failed or uncertain message again (the admin has checked it did not arrive).</summary>
    public async Task<IActionResult> OnPostResendAsync(int id, CancellationToken ct)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return NotFound();
        }

        message.Requeue(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã đưa thư vào hàng chờ gửi lại.";
        return RedirectToPage(new { Status, Address });
    }
}
