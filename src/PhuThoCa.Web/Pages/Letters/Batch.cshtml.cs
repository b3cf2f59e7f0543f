using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Subscribers;

namespace PhuThoCa.Web.Pages.Letters;

/// <summary>
/// /Letters/Batch: Sở staff tick requests (or POST ids=1&amp;ids=2…) and download one PDF holding all their letters, each
/// on its own pages with its own page numbers and QR code.
/// </summary>
[Authorize(Policy = Policies.ScienceDepartment)]
public class BatchModel(AppDbContext db, RequestLetterService letters, RequestLetterOptions options, CurrentUser me) : PageModel
{
    public const int MaxLetters = 200;

    public List<Row> Rows { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public RequestType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public RequestStatus? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadRowsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int[] ids, CancellationToken ct)
    {
        var chosen = (ids ?? []).Distinct().Take(MaxLetters + 1).ToList();
        if (chosen.Count > MaxLetters)
        {
            ModelState.AddModelError(string.Empty, $"Mỗi lần in tối đa {MaxLetters} văn bản.");
        }

        var data = (await letters.LoadManyAsync(chosen, ct)).Where(d => d.Request.FormNumber is not null).ToList();
        if (data.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "Chưa chọn yêu cầu nào có văn bản để in.");
        }

        if (!ModelState.IsValid)
        {
            await LoadRowsAsync(ct);
            return Page();
        }

        var baseUrl = LetterPages.StatusBaseUrl(options);
        var batch = data.Select(d => letters.RequestLetter(d, me.Today, baseUrl)).ToList();
        var pdf = RequestLetterService.RenderBatch(batch, new DateTimeOffset(me.UtcNow));
        return File(pdf, LetterPages.PdfType, $"van-ban-de-nghi-{batch.Count}-yeu-cau.pdf");
    }

    private async Task LoadRowsAsync(CancellationToken ct)
    {
        var query = db.Requests.AsNoTracking().Where(r => r.Lines.Any());
        if (Type is { } type)
        {
            query = query.Where(r => r.Type == type);
        }

        if (Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        var requests = await query.Include(r => r.Lines.OrderBy(l => l.Id).Take(1)).OrderByDescending(r => r.Id).Take(MaxLetters).ToListAsync(ct);
        var agencies = await SubscriberFormOptions.AgencyNamesAsync(db, requests.Select(r => r.AgencyId).ToHashSet(), ct);
        Rows = [.. requests.Select(r => new Row(r.Id, r.ReceiptNumber, r.FormNumber ?? "", RequestTypes.Label(r.Type),
            agencies.GetValueOrDefault(r.AgencyId, ""), r.Letter.Number, RequestStatuses.Label(r.Status)))];
    }

    public sealed record Row(int Id, string? ReceiptNumber, string Form, string Type, string Agency, string? LetterNumber, string Status);
}
