using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Documents.Nd30;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Pages.Letters;

/// <summary>
/// GET /Letters/Handover/{handoverId}: the biên bản giao, nhận thiết bị lưu khóa bí mật of a recorded handover. A handover
/// is immutable and the PDF's creation date is the time it was recorded, so every download gives the same bytes without
/// storing them. 404 for a handover of another agency's token.
/// </summary>
public class HandoverModel(AppDbContext db, HandoverRecordComposer composer) : PageModel
{
    public Task<IActionResult> OnGetAsync(int handoverId, CancellationToken ct) => RenderAsync(handoverId, docx: false, ct);

    /// <summary>The same biên bản as an editable Word document.</summary>
    public Task<IActionResult> OnGetDocxAsync(int handoverId, CancellationToken ct) => RenderAsync(handoverId, docx: true, ct);

    private async Task<IActionResult> RenderAsync(int handoverId, bool docx, CancellationToken ct)
    {
        var handover = await db.TokenHandovers.AsNoTracking().FirstOrDefaultAsync(h => h.Id == handoverId, ct);
        var token = handover is null ? null : await db.Tokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == handover.TokenId, ct);
        var agency = token is null ? null : await db.Agencies.AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == token.AgencyId, ct);
        if (handover is null || token is null || agency is null)
        {
            return NotFound();
        }

        var minutes = composer.Compose(handover, token, agency);
        if (docx)
        {
            return File(OfficialLetterDocx.Write(minutes), LetterPages.DocxType, $"{LetterKinds.Handover}-thiet-bi-{token.Id}-{handover.Id}.docx");
        }

        var createdAt = new DateTimeOffset(DateTime.SpecifyKind(handover.RecordedAtUtc, DateTimeKind.Utc)).ToOffset(VietnamTime.Offset);
        var pdf = OfficialLetterRenderer.Render(minutes, new LetterRenderOptions(createdAt));
        return File(pdf, LetterPages.PdfType, $"{LetterKinds.Handover}-thiet-bi-{token.Id}-{handover.Id}.pdf");
    }
}
