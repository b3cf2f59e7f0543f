using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Mail;
using PhuThoCa.Infrastructure.Mail;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Notifications;

/// <summary>Nhận thư điện tử: each user turns e-mail on or off per event group (on unless turned off).</summary>
public class EmailModel(AppDbContext db, CurrentUser me, MailSettings settings) : PageModel
{
    public bool MailEnabled => settings.IsEnabled;

    public string? Address { get; private set; }

    [BindProperty]
    public List<MailEventGroup> On { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Address = await db.Users.Where(u => u.Id == me.Id).Select(u => u.Email).FirstOrDefaultAsync(ct);
        var off = await db.MailPreferences.Where(p => p.UserId == me.Id && !p.Enabled).Select(p => p.Group).ToListAsync(ct);
        On = MailEvents.Groups.Except(off).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var stored = await db.MailPreferences.Where(p => p.UserId == me.Id).ToListAsync(ct);
        foreach (var group in MailEvents.Groups)
        {
            var enabled = On.Contains(group);
            var row = stored.FirstOrDefault(p => p.Group == group);
            if (row is null)
            {
                db.MailPreferences.Add(new MailPreference(me.Id, group, enabled));
            }
            else
            {
                row.Enabled = enabled;
            }
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Đã lưu lựa chọn nhận thư điện tử.";
        return RedirectToPage();
    }
}
