using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Documents.Nd30;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Letters;

/// <summary>GET /Letters/Docx/{requestId}: the same request letter as a Word document to finish in Word. 404 when not visible.</summary>
public class DocxModel(RequestLetterService letters, RequestLetterOptions options, CurrentUser me) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int requestId, CancellationToken ct)
    {
        var data = await letters.LoadAsync(requestId, ct);
        if (data?.Request.FormNumber is null)
        {
            return NotFound();
        }

        var letter = letters.RequestLetter(data, me.Today, LetterPages.StatusBaseUrl(options));
        return File(OfficialLetterDocx.Write(letter), LetterPages.DocxType,
            LetterPages.FileName(RequestLetterComposer.KindOf(data.Request), requestId, null, "docx"));
    }
}
