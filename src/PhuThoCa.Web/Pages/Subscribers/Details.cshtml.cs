using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Subscribers;

public class DetailsModel(AppDbContext db, CurrentUser me) : PageModel
{
    public Subscriber Subscriber { get; private set; } = null!;

    public List<Certificate> Certificates { get; private set; } = [];

    public List<TimelineEvent> History { get; private set; } = [];

    public bool CanEdit => me.CanEditRegisters;

    public DateTime NowUtc => me.UtcNow;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var subscriber = await db.Subscribers.AsNoTracking().Include(s => s.Agency).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscriber is null)
        {
            return NotFound();
        }

        Subscriber = subscriber;
        Certificates = await db.Certificates.AsNoTracking().Include(c => c.Token).Where(c => c.SubscriberId == id)
            .OrderByDescending(c => c.NotAfterUtc).ToListAsync(ct);
        History = await db.TimelineEvents.AsNoTracking()
            .Where(e => e.Subject == TimelineSubject.Subscriber && e.SubjectId == id)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).ToListAsync(ct);
        return Page();
    }
}
