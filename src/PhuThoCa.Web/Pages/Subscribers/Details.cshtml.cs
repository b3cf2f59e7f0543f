using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Auditing;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Subscribers;

public class DetailsModel(AppDbContext db, CurrentUser me, IAuthorizationService authorization) : PageModel
{
    public Subscriber Subscriber { get; private set; } = null!;

    public List<Certificate> Certificates { get; private set; } = [];

    public List<TimelineEvent> History { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>Judged once per request by the named policy, before any handler runs.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        CanEdit = await me.CanAsync(Policies.EditRegisters);
        await base.OnPageHandlerExecutionAsync(context, next);
    }

    public DateTime NowUtc => me.UtcNow;

    /// <summary>The whole CCCD, only after "Hiện số CCCD" was used (and audited); otherwise the page shows the masked number.</summary>
    public string? FullNationalId { get; private set; }

    public bool CanRevealNationalId { get; private set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => LoadAsync(id, ct);

    /// <summary>
    /// "Hiện số CCCD": shows the whole number to a role whose work needs it (officers, Sở staff and leaders), and writes the
    /// view to the audit trail first (Nghị định 13/2023: personal data shown only where a need is shown, and traceable).
    /// </summary>
    public async Task<IActionResult> OnPostRevealNationalIdAsync(int id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ViewFullNationalId)).Succeeded)
        {
            return Forbid();
        }

        var result = await LoadAsync(id, ct);
        if (result is PageResult && Subscriber.NationalId is { } nationalId)
        {
            await db.AppendAsync(new AuditEvent(AuditActions.NationalIdView, nameof(PhuThoCa.Domain.Subscribers.Subscriber),
                id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [new AuditFieldChange(nameof(Subscriber.NationalId), null, NationalId.Mask(nationalId))]), ct);
            FullNationalId = nationalId;
        }

        return result;
    }

    private async Task<IActionResult> LoadAsync(int id, CancellationToken ct)
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
        CanRevealNationalId = (await authorization.AuthorizeAsync(User, Policies.ViewFullNationalId)).Succeeded;
        return Page();
    }
}
