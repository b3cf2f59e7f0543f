using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages;

/// <summary>Tổng quan: what needs attention in the user's scope (features G9.2, G9.3).</summary>
public class IndexModel(AppDbContext db, CurrentUser me) : PageModel
{
    public ViewModel View { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = me.UtcNow;
        var in30 = now.AddDays(30);
        var in90 = now.AddDays(90);
        var valid = db.Certificates.Where(c => c.Status == CertificateStatus.Valid);
        View = new ViewModel
        {
            AgencyName = me.AgencyId is int id ? await db.Agencies.Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(ct) : null,
            Subscribers = await db.Subscribers.CountAsync(s => s.IsActive, ct),
            ValidCertificates = await valid.CountAsync(c => c.NotAfterUtc > now, ct),
            ExpiringIn30 = await valid.CountAsync(c => c.NotAfterUtc > now && c.NotAfterUtc <= in30, ct),
            ExpiringIn90 = await valid.CountAsync(c => c.NotAfterUtc > now && c.NotAfterUtc <= in90, ct),
            Expired = await valid.CountAsync(c => c.NotAfterUtc <= now, ct),
            LockedTokens = await db.Tokens.CountAsync(t => t.Status == TokenStatus.Locked, ct),
            TokensInStock = await db.Tokens.CountAsync(t => t.Status == TokenStatus.InStock, ct),
            LostOrDamaged = await db.Tokens.CountAsync(t => t.Status == TokenStatus.Lost || t.Status == TokenStatus.Damaged, ct),
        };
    }

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
