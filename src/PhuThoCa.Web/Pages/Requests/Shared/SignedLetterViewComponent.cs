using Microsoft.AspNetCore.Mvc;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Signatures;

namespace PhuThoCa.Web.Pages.Requests;

/// <summary>
/// The signed-letter line on a request's details page (and so in Sở's receive step): the latest check's one-line summary,
/// its warnings (signer mismatch, text differs) and a link to the full, printable report (issue 16).
/// </summary>
public sealed class SignedLetterViewComponent(SignedLetterService signatures) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int requestId, RequestType type)
    {
        var latest = await signatures.LatestAsync(requestId);
        return View(new SignedLetterLine(requestId, latest, signatures.Options.RequiredFor.Contains(type)));
    }
}

public sealed record SignedLetterLine(int RequestId, PhuThoCa.Domain.Signatures.SignedLetterCheck? Latest, bool Required);
