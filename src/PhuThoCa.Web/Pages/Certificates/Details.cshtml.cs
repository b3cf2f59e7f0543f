using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Requests;

namespace PhuThoCa.Web.Pages.Certificates;

public class DetailsModel(AppDbContext db, CurrentUser me) : PageModel
{
    public Certificate Certificate { get; private set; } = null!;

    /// <summary>Renewal, change and revocation as judged by <see cref="NextRequests"/> (the rules and the open requests).</summary>
    public IReadOnlyList<NextRequest> Next { get; private set; } = [];

    public NextRequest Renewal => Next.First(n => n.Type == RequestType.Renew);

    public NextRequest Change => Next.First(n => n.Type == RequestType.ChangeInfo);

    public RelatedRequestsView Related { get; private set; } = null!;

    public string? PredecessorSerial { get; private set; }

    public string? SuccessorSerial { get; private set; }

    public List<TimelineEvent> History { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>An officer of the certificate's agency may start a request about it (the request is the agency's letter).</summary>
    public bool CanFileRequests { get; private set; }

    /// <summary>Judged once per request by the named policy, before any handler runs.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        CanEdit = await me.CanAsync(Policies.EditRegisters);
        CanFileRequests = me.IsOfficer && await me.CanAsync(Policies.FileRequests);
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
        var related = await RelatedRequests.ForCertificateAsync(db, id, ct);
        Next = NextRequests.ForCertificate(certificate, me.Today, related.Where(r => r.IsOpen).Select(r => r.Ref));
        Related = new RelatedRequestsView(related, Next, CanFileRequests && certificate.Subscriber?.AgencyId == me.AgencyId, "certificate", id);
        PredecessorSerial = certificate.PredecessorId is int p ? await db.Certificates.Where(c => c.Id == p).Select(c => c.SerialNumber).FirstOrDefaultAsync(ct) : null;
        SuccessorSerial = certificate.SuccessorId is int s ? await db.Certificates.Where(c => c.Id == s).Select(c => c.SerialNumber).FirstOrDefaultAsync(ct) : null;
        History = await db.TimelineEvents.AsNoTracking().Where(e => e.Subject == TimelineSubject.Certificate && e.SubjectId == id)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).ToListAsync(ct);
        return Page();
    }
}
