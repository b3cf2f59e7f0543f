using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Letters;

/// <summary>
/// /Letters/Preview/{requestId}: the request letter before it is generated. The number, date and signer are the request's
/// letter fields (saved through <see cref="Request.UpdateLetter"/> while the agency holds the request, fixed afterwards);
/// the recipients and sentences apply to the version generated from this page. Lists the stored versions.
/// </summary>
public class PreviewModel(AppDbContext db, RequestLetterService letters, RequestLetterOptions options, CurrentUser me) : PageModel
{
    [BindProperty]
    public LetterInput Letter { get; set; } = new();

    [BindProperty]
    public EditsInput Edits { get; set; } = new();

    public RequestLetterData Data { get; private set; } = null!;

    public string Kind { get; private set; } = "";

    public List<GeneratedLetter> Versions { get; private set; } = [];

    public bool CanEditLetter => MayGenerate && RequestStatuses.IsEditable(Data.Request.Status);

    /// <summary>May store a new version: the roles that edit registers, while the agency holds the request (not once sent).</summary>
    public bool CanGenerate => MayGenerate && RequestStatuses.IsEditable(Data.Request.Status);

    /// <summary>The user meets <see cref="Policies.GenerateLetters"/>, judged once per request before any handler runs.</summary>
    public bool MayGenerate { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        MayGenerate = await me.CanAsync(Policies.GenerateLetters);
        await base.OnPageHandlerExecutionAsync(context, next);
    }

    public async Task<IActionResult> OnGetAsync(int requestId, CancellationToken ct)
    {
        if (!await LoadAsync(requestId, ct))
        {
            return NotFound();
        }

        FillForms();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveLetterAsync(int requestId, CancellationToken ct)
    {
        if (!await LoadAsync(requestId, ct))
        {
            return NotFound();
        }

        if (!MayGenerate)
        {
            return Forbid();
        }

        if (!RequestStatuses.IsEditable(Data.Request.Status))
        {
            ModelState.AddModelError(string.Empty,
                $"Yêu cầu đang ở trạng thái “{RequestStatuses.Label(Data.Request.Status)}”: số, ngày văn bản và người ký đã cố định.");
            FillForms();
            return Page();
        }

        var tracked = await db.Requests.FirstAsync(r => r.Id == requestId, ct);
        tracked.UpdateLetter(new RequestLetter(Letter.Number, Letter.Date, Letter.SignerName, Letter.SignerPosition));
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = "Đã lưu số, ngày văn bản và người ký.";
        return RedirectToPage(new { requestId });
    }

    /// <summary>Renders what the form says, without storing (opens in a new tab).</summary>
    public async Task<IActionResult> OnPostRenderAsync(int requestId, CancellationToken ct)
    {
        if (!await LoadAsync(requestId, ct))
        {
            return NotFound();
        }

        var letter = letters.RequestLetter(Data, me.Today, LetterPages.StatusBaseUrl(options), Edits.ToEdits());
        return File(RequestLetterService.RenderPdf(letter, new DateTimeOffset(me.UtcNow)), LetterPages.PdfType);
    }

    /// <summary>
    /// Generates and stores a new draft version (the previous ones stay downloadable). Refused once the request was sent
    /// (<see cref="LetterRecords.EnsureAgencyLetterMayChange"/>): the version sent is fixed; nothing is written.
    /// </summary>
    public async Task<IActionResult> OnPostGenerateAsync(int requestId, CancellationToken ct)
    {
        if (!await LoadAsync(requestId, ct))
        {
            return NotFound();
        }

        if (!MayGenerate)
        {
            return Forbid();
        }

        try
        {
            LetterRecords.EnsureAgencyLetterMayChange(Data.Request);
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            FillLetter();
            return Page();
        }

        var letter = letters.RequestLetter(Data, me.Today, LetterPages.StatusBaseUrl(options), Edits.ToEdits());
        var (stored, _) = await letters.StoreAsync(requestId, Kind, letter, me.Actor(), ct: ct);
        TempData["StatusMessage"] = $"Đã tạo bản PDF mới (SHA-256 {stored.Sha256[..12]}…).";
        return RedirectToPage(new { requestId });
    }

    private async Task<bool> LoadAsync(int requestId, CancellationToken ct)
    {
        var data = await letters.LoadAsync(requestId, ct);
        if (data?.Request.FormNumber is null)
        {
            return false;
        }

        Data = data;
        Kind = RequestLetterComposer.KindOf(data.Request);
        Versions = await letters.VersionsAsync(requestId, ct);
        return true;
    }

    private void FillLetter()
    {
        var r = Data.Request;
        Letter = new LetterInput { Number = r.Letter.Number, Date = r.Letter.Date, SignerName = r.Letter.SignerName, SignerPosition = r.Letter.SignerPosition };
    }

    private void FillForms()
    {
        FillLetter();
        var r = Data.Request;
        var composer = letters.Composer;
        var (_, symbol) = DocumentParts.SplitNumber(r.Letter.Number, Data.Agency.ShortName);
        Edits = new EditsInput
        {
            Recipients = string.Join('\n', composer.DefaultRecipients(r)),
            CopyTo = string.Join('\n', composer.DefaultCopyTo(r)),
            Archive = DocumentParts.DefaultArchive(symbol),
            Opening = composer.DefaultOpening(Data),
            Closing = composer.DefaultClosing(Data),
        };
    }

    public sealed class LetterInput
    {
        public string? Number { get; set; }

        public DateOnly? Date { get; set; }

        public string? SignerName { get; set; }

        public string? SignerPosition { get; set; }
    }

    public sealed class EditsInput
    {
        public string? Recipients { get; set; }

        public string? CopyTo { get; set; }

        public string? Archive { get; set; }

        public string? Opening { get; set; }

        public string? Closing { get; set; }

        public RequestLetterEdits ToEdits() => new()
        {
            Recipients = Split(Recipients),
            CopyTo = Split(CopyTo),
            Archive = Archive,
            Opening = Opening,
            Closing = Closing,
        };

        private static string[] Split(string? lines) =>
            (lines ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
