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
/// 5.4b, 6.3). Exists only for a request Sở rejected. GET never writes: it gives the newest stored notice (?version={id} for
/// an older one), or a draft rendered on the fly while none is stored; POST (Sở staff) stores a version with a number and signer.
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

    public async Task<IActionResult> OnPostAsync(int requestId, string? number, string? signerTitle, string? signerName, CancellationToken ct)
    {
        var data = await letters.LoadAsync(requestId, ct);
        if (data is null || data.Request.Status != RequestStatus.Rejected)
        {
            return NotFound();
        }

        if (!LetterPages.IsScienceDepartment(me))
        {
            return Forbid();
        }

        var details = new RejectionNoticeDetails(number, RejectedOn(data.Request)) { SignerTitle = signerTitle, SignerName = signerName };
        var (stored, _) = await StoreAsync(data, details, ct);
        TempData["StatusMessage"] = $"Đã tạo thông báo từ chối (SHA-256 {stored.Sha256[..12]}…).";
        return Redirect($"/Letters/Preview/{requestId}");
    }

    private Task<(GeneratedLetter Letter, byte[] Pdf)> StoreAsync(RequestLetterData data, RejectionNoticeDetails details, CancellationToken ct)
    {
        var letter = letters.RejectionNotice(data, details, LetterPages.StatusBaseUrl(options));
        return letters.StoreAsync(data.Request.Id, LetterKinds.Rejection, RequestLetterService.NumberOf(letter), letter, me.Actor(), ct);
    }

    /// <summary>The notice is dated the day Sở rejected (a final state, so ClosedAtUtc).</summary>
    private DateOnly RejectedOn(Request request) => request.ClosedAtUtc is { } at ? VietnamTime.ToDate(at) : me.Today;
}
