using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Letters;

/// <summary>
/// GET /Letters/Pdf/{requestId}: the request letter (Mẫu 01–06) as PDF, never writing: the stored bytes of the version that
/// counts (once sent, the version sent; before, the newest draft; a reprint is byte-identical), ?version={id} another one, and while no version is stored (or with ?preview=true) a
/// draft rendered from the current data. Versions are stored by the submission and by the explicit POST on /Letters/Preview. 404 for a
/// request the user may not see.
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
            var letter = letters.RequestLetter(data, me.Today, LetterPages.StatusBaseUrl(options));
            return File(RequestLetterService.RenderPdf(letter, new DateTimeOffset(me.UtcNow)), LetterPages.PdfType);
        }

        var stored = version is { } v ? await letters.VersionAsync(requestId, v, ct) : await letters.CurrentLetterAsync(data.Request, ct);
        if (stored is null)
        {
            if (version is not null)
            {
                return NotFound();
            }

            // Not issued yet: a draft rendered on the fly. A GET never stores a version; the explicit POST on
            // /Letters/Preview does.
            var draft = letters.RequestLetter(data, me.Today, LetterPages.StatusBaseUrl(options));
            return File(RequestLetterService.RenderPdf(draft, new DateTimeOffset(me.UtcNow)), LetterPages.PdfType,
                LetterPages.FileName(kind, requestId, null, "pdf"));
        }

        var bytes = await letters.ReadAsync(stored, ct);
        return File(bytes, LetterPages.PdfType, LetterPages.FileName(stored.Kind, requestId, stored.Id, "pdf"));
    }
}
