using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Documents.Nd30;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Letters;

/// <summary>
/// GET /Letters/Docx/{requestId}: a letter as a Word document to finish in Word. ?version={id}: that stored version (the
/// agency's letter or Sở's notice), made from the version's own stored content, so its text is the PDF's; without it, the
/// version that counts (as /Letters/Pdf) or, while none is stored, a draft from the current data. Never writes; 404 when
/// not visible.
/// </summary>
public class DocxModel(RequestLetterService letters, RequestLetterOptions options, CurrentUser me) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int requestId, int? version, CancellationToken ct)
    {
        var data = await letters.LoadAsync(requestId, ct);
        if (data?.Request.FormNumber is null)
        {
            return NotFound();
        }

        var stored = version is { } v ? await letters.VersionAsync(requestId, v, ct) : await letters.CurrentLetterAsync(data.Request, ct);
        if (version is not null && stored is null)
        {
            return NotFound();
        }

        var kind = stored?.Kind ?? RequestLetterComposer.KindOf(data.Request);
        // A version stored before its content was kept (none since issue 11) falls back to the current data.
        var letter = stored is null ? null : RequestLetterService.ContentOf(stored);
        letter ??= letters.RequestLetter(data, me.Today, LetterPages.StatusBaseUrl(options));
        return File(OfficialLetterDocx.Write(letter), LetterPages.DocxType, LetterPages.FileName(kind, requestId, stored?.Id, "docx"));
    }
}
