using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Dashboard;
using PhuThoCa.Web.Pages.Requests;
using PhuThoCa.Web.Pages.Subscribers;

namespace PhuThoCa.Web.Pages;

/// <summary>
/// Tổng quan (features G9.2, G9.3; issue 12 item 4): an agency officer sees the own agency's work first (requests returned
/// for supplement, drafts, requests in progress with their due dates, certificates about to expire, locked tokens); Sở
/// and the other province-wide roles see Sở's queue (overdue, due today, late to receive, the Cục beyond its expected
/// period, failed e-mails) and 12-month trend charts, each with its numbers as a table. The register tiles follow.
/// </summary>
public class IndexModel(AppDbContext db, CurrentUser me, Dashboards dashboards) : PageModel
{
    public ViewModel View { get; private set; } = new();

    public AgencyWork? AgencyWork { get; private set; }

    public ScienceDepartmentWork? DepartmentWork { get; private set; }

    public Trends? Trends { get; private set; }

    public bool CanSeeMailLog { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = me.UtcNow;
        if (me.IsOfficer)
        {
            AgencyWork = await dashboards.AgencyWorkAsync(me.Today, now, ct);
        }
        else if (me.IsProvinceWide)
        {
            DepartmentWork = await dashboards.ScienceDepartmentWorkAsync(me.Today, ct);
            Trends = await dashboards.TrendsAsync(me.Today, ct);
            CanSeeMailLog = await me.CanAsync(Policies.Admin);
        }

        var in30 = now.AddDays(30);
        var in90 = now.AddDays(90);
        // Range reads of IX_Certificates_Status_NotAfterUtc: the agency filter joins no Subscribers (AppDbContext asks an
        // EXISTS, skipped for province-wide users). The subscribers and tokens from the counters kept by triggers
        // (SubscriberCount, TokenCount), agency-scoped as the registers: not counts of the register. All in one statement.
        var valid = db.Certificates.Where(c => c.Status == CertificateStatus.Valid);
        var validNow = valid.Where(c => c.NotAfterUtc > now);
        var in30Days = valid.Where(c => c.NotAfterUtc > now && c.NotAfterUtc <= in30);
        var in90Days = valid.Where(c => c.NotAfterUtc > now && c.NotAfterUtc <= in90);
        var expired = valid.Where(c => c.NotAfterUtc <= now);
        var subscribers = db.SubscriberCounts.Where(c => c.IsActive);
        var locked = db.TokenCounts.Where(c => c.Status == TokenStatus.Locked);
        var inStock = db.TokenCounts.Where(c => c.Status == TokenStatus.InStock);
        var lostOrDamaged = db.TokenCounts.Where(c => c.Status == TokenStatus.Lost || c.Status == TokenStatus.Damaged);
        var figures = await db.ScalarsAsync(
        [
            () => subscribers.Sum(c => c.Count),
            me.IsProvinceWide ? dashboards.ValidCertificatesProvinceWideCount(me.Today, now) : () => validNow.Count(),
            () => in30Days.Count(),
            () => in90Days.Count(),
            () => expired.Count(),
            () => locked.Sum(c => c.Count),
            () => inStock.Sum(c => c.Count),
            () => lostOrDamaged.Sum(c => c.Count),
        ], ct);
        View = new ViewModel
        {
            AgencyName = me.AgencyId is int id ? await SubscriberFormOptions.AgencyNameAsync(db, id, ct) : null,
            Subscribers = figures[0],
            ValidCertificates = figures[1],
            ExpiringIn30 = figures[2],
            ExpiringIn90 = figures[3],
            Expired = figures[4],
            LockedTokens = figures[5],
            TokensInStock = figures[6],
            LostOrDamaged = figures[7],
        };
    }

    /// <summary>The charts' data for wwwroot/js/dashboard.js, in a data attribute (the CSP allows no inline script).</summary>
    public string ChartsJson() => Trends is not { } t ? "{}" : JsonSerializer.Serialize(new
    {
        months = t.Months,
        types = t.Types.Select(RequestLabels.TypeShort),
        received = t.Types.Select(type => t.ReceivedByType[type]),
        completed = t.Types.Select(type => t.CompletedByType[type]),
        onTimeRate = t.OnTimeRate,
        expiryMonths = t.ExpiryMonths,
        expiring = t.Expiring,
    });

    public sealed class ViewModel
    {
        public string? AgencyName { get; init; }

        public int Subscribers { get; init; }

        public int ValidCertificates { get; init; }

        public int ExpiringIn30 { get; init; }

        public int ExpiringIn90 { get; init; }

        public int Expired { get; init; }

        public int LockedTokens { get; init; }

        public int TokensInStock { get; init; }

        public int LostOrDamaged { get; init; }
    }
}
