using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Infrastructure.Files;
using PhuThoCa.Infrastructure.Signatures;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Signatures;

/// <summary>
/// The standalone check for Sở staff (issue 16, item 4): upload any signed PDF, get the verification report against the
/// portal's trust list. Nothing is stored, nothing audited: the file lives only for this request.
/// </summary>
[Authorize(Policy = Policies.ProvinceOversight)]
public class IndexModel(SignedLetterService signatures) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public SignatureReportView? Result { get; private set; }

    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Vui lòng chọn tệp PDF đã ký số.");
            return Page();
        }

        if (Upload.Length > FileStore.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"Tệp không được lớn hơn {FileStore.MaxBytes / 1024 / 1024} MB.");
            return Page();
        }

        using var buffer = new MemoryStream();
        await using (var stream = Upload.OpenReadStream())
        {
            await stream.CopyToAsync(buffer, ct);
        }

        var bytes = buffer.ToArray();
        if (FileStore.Detect(bytes) != AttachmentKind.Pdf)
        {
            ModelState.AddModelError(nameof(Upload), "Tệp không phải là tệp PDF.");
            return Page();
        }

        FileName = Path.GetFileName(Upload.FileName);
        Result = SignatureReportView.Of(await signatures.VerifyAsync(bytes, ct));
        return Page();
    }
}
