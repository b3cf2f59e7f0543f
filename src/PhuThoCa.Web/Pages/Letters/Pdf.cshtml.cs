using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Letters;

/// <summary>
/// GET /Letters/Pdf/{requestId}: the request letter (Mẫu 01–06) as PDF. The first download generates and stores it; every
/// later one hands out the stored bytes (a reprint is byte-identical); ?version={id} gives an older version and ?preview=true
/// renders the current data without storing anything. 404 for a request the user may not see.
/// </summary>
public class PdfModel(RequestLetterService letters, RequestLetterOptions options, CurrentUser me) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int requestId, int? version, bool preview, CancellationToken ct)
    {
        var data = await letters.LoadAsync(requestId, ct);
        if (data?.Request.FormNumber is null)
        {
            return NotFound();
        }

        var kind = RequestLetterComposer.KindOf(data.Request);
        if (preview)
        {
            var letter = letters.RequestLetter(data, me.Today, LetterPages.StatusBaseUrl(Request, options));
            return File(RequestLetterService.RenderPdf(letter, new DateTimeOffset(me.UtcNow)), LetterPages.PdfType);
        }

        var stored = version is { } v ? await letters.VersionAsync(requestId, v, ct) : await letters.LatestAsync(requestId, kind, ct);
        if (stored is null)
        {
            if (version is not null)
            {
                return NotFound();
            }

            var letter = letters.RequestLetter(data, me.Today, LetterPages.StatusBaseUrl(Request, options));
            var (created, pdf) = await letters.StoreAsync(requestId, kind, RequestLetterService.NumberOf(letter), letter, me.Actor(), ct);
            return File(pdf, LetterPages.PdfType, LetterPages.FileName(created.Kind, requestId, created.Id, "pdf"));
        }

        var bytes = await letters.ReadAsync(stored, ct);
        return File(bytes, LetterPages.PdfType, LetterPages.FileName(stored.Kind, requestId, stored.Id, "pdf"));
    }
}
