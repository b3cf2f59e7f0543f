using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Infrastructure.Files;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel(SecurityEvents security) : PageModel
{
    public string? RequestId { get; set; }

    public bool ShowRequestId => !string.IsNullOrEmpty(RequestId);

    /// <summary>What failed, when it is not an unexpected error: a stored file's integrity, an oversized upload.</summary>
    public string? Reason { get; private set; }

    public bool IntegrityFailure { get; private set; }

    public void OnGet()
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        switch (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error)
        {
            case StoredFileIntegrityException integrity:
                IntegrityFailure = true;
                Reason = RequestLimits.IntegrityMessage;
                security.Record("StoredFileIntegrityFailure", integrity.Key,
                    $"expected SHA-256 {integrity.ExpectedSha256}, found {integrity.ActualSha256}");
                break;
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                Reason = RequestLimits.TooLargeMessage;
                break;
            case BadHttpRequestException:
                Reason = "Yêu cầu gửi lên không hợp lệ. Vui lòng tải lại trang rồi thực hiện lại.";
                break;
        }
    }

    // The exception handler re-executes this page with the failed request's method.
    public void OnPost() => OnGet();
}
