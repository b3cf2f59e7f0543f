using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Certificates;

public class DetailsModel(AppDbContext db, CurrentUser me) : PageModel
{
    public Certificate Certificate { get; private set; } = null!;

    public Eligibility Renewal { get; private set; } = null!;

    public Eligibility Change { get; private set; } = null!;

    public string? PredecessorSerial { get; private set; }

    public string? SuccessorSerial { get; private set; }

    public List<TimelineEvent> History { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>Judged once per request by the named policy, before any handler runs.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        CanEdit = await me.CanAsync(Policies.EditRegisters);
        await base.OnPageHandlerExecutionAsync(context, next);
    }

    public DateTime NowUtc => me.UtcNow;

    public DateOnly Today => me.Today;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var certificate = await db.Certificates.AsNoTracking().Include(c => c.Subscriber!).ThenInclude(s => s.Agency)
            .Include(c => c.Token).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null)
        {
            return NotFound();
        }

        Certificate = certificate;
        Renewal = certificate.CheckRenewalEligibility(me.Today);
        Change = certificate.CheckChangeEligibility(me.Today);
        PredecessorSerial = certificate.PredecessorId is int p ? await db.Certificates.Where(c => c.Id == p).Select(c => c.SerialNumber).FirstOrDefaultAsync(ct) : null;
        SuccessorSerial = certificate.SuccessorId is int s ? await db.Certificates.Where(c => c.Id == s).Select(c => c.SerialNumber).FirstOrDefaultAsync(ct) : null;
        History = await db.TimelineEvents.AsNoTracking().Where(e => e.Subject == TimelineSubject.Certificate && e.SubjectId == id)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).ToListAsync(ct);
        return Page();
    }
}
