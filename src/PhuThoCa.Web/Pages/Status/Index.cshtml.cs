using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Pages.Status;

/// <summary>
/// /Status/{token}: the public page a letter's QR code points to. Anyone holding the token sees the receipt number, the
/// request type, the status and the due date: nothing else (no agency, no names, no serials). Unknown or forged tokens get 404.
/// </summary>
[AllowAnonymous]
public class IndexModel(AppDbContext db, StatusLinks links) : PageModel
{
    public string? ReceiptNumber { get; private set; }

    public string TypeLabel { get; private set; } = "";

    public string StatusLabel { get; private set; } = "";

    public DateOnly? DueDate { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (links.RequestIdOf(token) is not { } id)
        {
            return NotFound();
        }

        // The token is the permission: read past the agency scope of whoever is signed in, and only these four fields.
        var row = await db.Requests.IgnoreQueryFilters().AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.ReceiptNumber, r.Type, r.Status, r.DueDate })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return NotFound();
        }

        ReceiptNumber = row.ReceiptNumber;
        TypeLabel = RequestTypes.Label(row.Type);
        StatusLabel = RequestStatuses.Label(row.Status);
        DueDate = row.DueDate;
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
