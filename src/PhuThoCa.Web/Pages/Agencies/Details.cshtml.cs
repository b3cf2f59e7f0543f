using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Agencies;

/// <summary>One agency: its data, what it holds in the registers, and its history. Officers see only their own (404 otherwise).</summary>
public class DetailsModel(AppDbContext db, CurrentUser me) : PageModel
{
    public Agency Agency { get; private set; } = null!;

    public int Subscribers { get; private set; }

    public int ValidCertificates { get; private set; }

    public int ExpiringIn30 { get; private set; }

    public Dictionary<TokenStatus, int> Tokens { get; private set; } = [];

    public List<TimelineEvent> History { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        CanEdit = await me.CanAsync(Policies.Admin);
        var agency = await db.Agencies.AsNoTracking().Include(a => a.Parent).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null)
        {
            return NotFound();
        }

        Agency = agency;
        var now = me.UtcNow;
        var in30 = now.AddDays(30);
        Subscribers = await db.Subscribers.CountAsync(s => s.AgencyId == id && s.IsActive, ct);
        var valid = db.Certificates.Where(c => c.Subscriber!.AgencyId == id && c.Status == CertificateStatus.Valid && c.NotAfterUtc > now);
        ValidCertificates = await valid.CountAsync(ct);
        ExpiringIn30 = await valid.CountAsync(c => c.NotAfterUtc <= in30, ct);
        Tokens = await db.Tokens.Where(t => t.AgencyId == id).GroupBy(t => t.Status).ToDictionaryAsync(g => g.Key, g => g.Count(), ct);
        History = await db.TimelineEvents.AsNoTracking().Where(e => e.Subject == TimelineSubject.Agency && e.SubjectId == id)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).ToListAsync(ct);
        return Page();
    }
}
