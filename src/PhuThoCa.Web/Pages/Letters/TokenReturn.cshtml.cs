using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Documents.Nd30;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Pages.Letters;

/// <summary>
/// GET /Letters/TokenReturn/{requestId}/08 or /09: Mẫu 08 (tokens handed to the Cục) or Mẫu 09 (tokens confirmed lost) of a
/// revoke request, from the token returns recorded on it (<see cref="TokenReturnRecordComposer"/>). The returns are
/// recorded once and never change, and the PDF's creation date is their recording, so every download gives the same bytes
/// without storing them. 404 for another agency's request or when no token had that outcome.
/// </summary>
public class TokenReturnModel(AppDbContext db, RequestLetterOptions options) : PageModel
{
    public Task<IActionResult> OnGetAsync(int requestId, int form, CancellationToken ct) => RenderAsync(requestId, form, docx: false, ct);

    /// <summary>The same biên bản as an editable Word document.</summary>
    public Task<IActionResult> OnGetDocxAsync(int requestId, int form, CancellationToken ct) => RenderAsync(requestId, form, docx: true, ct);

    private async Task<IActionResult> RenderAsync(int requestId, int form, bool docx, CancellationToken ct)
    {
        if (form is not (8 or 9))
        {
            return NotFound();
        }

        var outcome = form == 9 ? TokenReturnOutcome.Lost : TokenReturnOutcome.ReturnedToCa;
        var request = await db.Requests.AsNoTracking().Include(r => r.Lines).Include(r => r.History)
            .FirstOrDefaultAsync(r => r.Id == requestId && r.Type == RequestType.Revoke, ct);
        var agency = request is null ? null : await db.Agencies.AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == request.AgencyId, ct);
        var minutes = request is null || agency is null ? null : new TokenReturnRecordComposer(options).Compose(request, agency, outcome);
        if (request is null || minutes is null)
        {
            return NotFound();
        }

        var kind = outcome == TokenReturnOutcome.Lost ? TokenReturnRecordComposer.Mau09 : TokenReturnRecordComposer.Mau08;
        if (docx)
        {
            return File(OfficialLetterDocx.Write(minutes), LetterPages.DocxType, $"{kind}-yeu-cau-{request.Id}.docx");
        }

        var recorded = request.History.Where(h => h.Action == RequestAction.RecordTokenReturned).Select(h => h.AtUtc).DefaultIfEmpty(request.CreatedAtUtc).Max();
        var createdAt = new DateTimeOffset(DateTime.SpecifyKind(recorded, DateTimeKind.Utc)).ToOffset(VietnamTime.Offset);
        var pdf = OfficialLetterRenderer.Render(minutes, new LetterRenderOptions(createdAt));
        return File(pdf, LetterPages.PdfType, $"{kind}-yeu-cau-{request.Id}.pdf");
    }
}
