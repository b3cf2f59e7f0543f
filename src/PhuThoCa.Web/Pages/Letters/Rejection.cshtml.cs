using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Letters;

/// <summary>
/// /Letters/Rejection/{requestId}: Sở KH&amp;CN's notice that it does not accept the request, with the reasons (QĐ-PT Điều
/// 5.4b, 6.3). Exists only for a request Sở rejected. GET never writes: it gives the stored bytes of the issued notice
/// (?version={id} for a given stored version), or an unnumbered draft rendered on the fly while none is issued. The notice is
/// issued (numbered from the year's register, signed, dated, sent) by the explicit POST on the request's details page
/// (<see cref="PhuThoCa.Web.Requests.Review.IssueRejectionNotice"/>) and never changes afterwards.
/// </summary>
public class RejectionModel(RequestLetterService letters, RequestLetterOptions options, CurrentUser me) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int requestId, int? version, CancellationToken ct)
    {
        var data = await letters.LoadAsync(requestId, ct);
        if (data is null || data.Request.Status != RequestStatus.Rejected)
        {
            return NotFound();
        }

        var stored = version is { } v
            ? await letters.VersionAsync(requestId, v, ct)
            : await letters.LatestAsync(requestId, LetterKinds.Rejection, ct);
        if (stored is not null && stored.Kind == LetterKinds.Rejection)
        {
            var bytes = await letters.ReadAsync(stored, ct);
            return File(bytes, LetterPages.PdfType, LetterPages.FileName(stored.Kind, requestId, stored.Id, "pdf"));
        }

        if (version is not null)
        {
            return NotFound();
        }

        // Not issued yet: a draft rendered on the fly; only Sở's explicit POST stores (and so issues) a version.
        var draft = letters.RejectionNotice(data, new RejectionNoticeDetails(null, RejectedOn(data.Request)), LetterPages.StatusBaseUrl(options));
        return File(RequestLetterService.RenderPdf(draft, new DateTimeOffset(me.UtcNow)), LetterPages.PdfType,
            LetterPages.FileName(LetterKinds.Rejection, requestId, null, "pdf"));
    }

    /// <summary>The notice is dated the day Sở rejected (a final state, so ClosedAtUtc).</summary>
    private DateOnly RejectedOn(Request request) => request.ClosedAtUtc is { } at ? VietnamTime.ToDate(at) : me.Today;
}
