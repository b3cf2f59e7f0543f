using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages;

/// <summary>One search box (features G10.1): serials with or without colons, names without diacritics, within the user's scope.</summary>
public class SearchModel(AppDbContext db) : PageModel
{
    private const int Limit = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public List<(int Id, string Name, string Agency)> Subscribers { get; private set; } = [];

    public List<(int Id, string Serial, string Holder)> Certificates { get; private set; } = [];

    public List<(int Id, string Serial, TokenStatus Status)> Tokens { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Query) || Query.Trim().Length < 2)
        {
            return;
        }

        var hex = Certificate.NormalizeSerial(Query);
        var tokenSerial = UsbToken.NormalizeSerial(Query);
        Subscribers = (await db.Subscribers.AsNoTracking().Matching(Query).OrderBy(s => s.Name).Take(Limit)
            .Select(s => new { s.Id, s.Name, Agency = s.Agency!.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name, s.Agency)).ToList();
        if (hex.Length >= 4)
        {
            Certificates = (await db.Certificates.AsNoTracking().Where(c => c.SerialNumber.Contains(hex)).OrderBy(c => c.SerialNumber).Take(Limit)
                .Select(c => new { c.Id, c.SerialNumber, Holder = c.Subscriber!.Name }).ToListAsync(ct)).Select(c => (c.Id, c.SerialNumber, c.Holder)).ToList();
        }

        Tokens = (await db.Tokens.AsNoTracking().Where(t => t.SerialNumber.Contains(tokenSerial)).OrderBy(t => t.SerialNumber).Take(Limit)
            .Select(t => new { t.Id, t.SerialNumber, t.Status }).ToListAsync(ct)).Select(t => (t.Id, t.SerialNumber, t.Status)).ToList();
    }
}
