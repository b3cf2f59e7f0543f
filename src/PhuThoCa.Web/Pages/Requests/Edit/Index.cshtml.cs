using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Requests;
using PhuThoCa.Web.Requests.Filing;
using DomainRequest = PhuThoCa.Domain.Requests.Request;

namespace PhuThoCa.Web.Pages.Requests.Edit;

/// <summary>
/// The agency's workspace for one request: while the agency holds it (Nháp, Chờ bổ sung hồ sơ) the letter, Mục 1 and the
/// lines are edited here and the request is sent; afterwards the page shows what was sent and lets the agency withdraw it
/// while the table allows. Only officers of the request's agency (the query filter turns any other id into 404, on GET and
/// POST alike); Sở users read requests on the list and the details page and never file for an agency.
/// Every handler loads all it shows before acting, so a refused rule (DomainRuleFilter) re-renders the whole page.
/// </summary>
[Authorize(Policy = Policies.FileRequests)]
public partial class DraftEditorModel(
    AppDbContext db,
    CurrentUser me,
    IValidator<LetterInput> letterValidator,
    IValidator<ContactInput> contactValidator,
    IValidator<IssueLineInput> issueValidator,
    IValidator<RevokeLineInput> revokeValidator,
    IValidator<ChangeLineInput> changeValidator,
    RequestServices services) : PageModel, IDomainRuleFields
{
    [BindProperty]
    public LetterInput Letter { get; set; } = new();

    /// <summary>Refusals about the dispatch to the Cục are shown next to its fields in the send form.</summary>
    public string? FieldFor(string rule) => CaDispatchForm.FieldFor(rule);

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    [BindProperty]
    public IssueLineInput IssueLine { get; set; } = new();

    [BindProperty]
    public RevokeLineInput RevokeLine { get; set; } = new();

    [BindProperty]
    public ChangeLineInput ChangeLine { get; set; } = new();

    [BindProperty]
    public SubmitInput Submission { get; set; } = new();

    [BindProperty]
    public CancelInput Cancellation { get; set; } = new();

    /// <summary>Base64 of the request's RowVersion when the page was rendered, posted by the send and withdraw forms.</summary>
    [BindProperty]
    public string? RowVersion { get; set; }

    public string CurrentRowVersion => RowVersions.Text(Req.RowVersion);

    public DomainRequest Req { get; private set; } = null!;

    public string AgencyName { get; private set; } = "";

    public ContactLayout ContactForm { get; private set; } = null!;

    public bool IsEditable => RequestStatuses.IsEditable(Req.Status);

    public bool CanSubmit => Req.AvailableActions.Contains(RequestAction.Submit) || Req.AvailableActions.Contains(RequestAction.Resubmit);

    public bool CanCancel => Req.AvailableActions.Contains(RequestAction.Cancel);

    /// <summary>Register entries the lines can point to, with eligibility and open requests, shown before anything is typed.</summary>
    public List<CertificateCandidate> Certificates { get; private set; } = [];

    public List<TokenCandidate> Tokens { get; private set; } = [];

    public List<Subscriber> Subscribers { get; private set; } = [];

    /// <summary>The certificate picked for a revoke or change line (query "cert" or the posted form).</summary>
    public CertificateCandidate? Selected { get; private set; }

    /// <summary>Problems that would stop the request at submission, as of today.</summary>
    public IReadOnlyList<RequestProblem> Problems { get; private set; } = [];

    public List<RequestAttachment> Attachments { get; private set; } = [];

    public OpenRequestLink? Duplicate { get; private set; }

    public DateOnly Today => me.Today;

    public async Task<IActionResult> OnGetAsync(int id, int? cert, CancellationToken ct)
    {
        if (!await LoadAsync(id, cert, null, ct))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostLetterAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, nameof(Letter), ct))
        {
            return NotFound();
        }

        var typed = await ApplyTypedAsync(nameof(Letter), ct);
        if (typed.Refused.Count > 0)
        {
            return await RefusedAsync(typed, ct);
        }

        return await SavedAsync("Đã lưu thông tin văn bản đề nghị." + typed.SavedWith(LetterSection), "letter", ct);
    }

    public async Task<IActionResult> OnPostContactAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, nameof(Contact), ct))
        {
            return NotFound();
        }

        var typed = await ApplyTypedAsync(nameof(Contact), ct);
        if (typed.Refused.Count > 0)
        {
            return await RefusedAsync(typed, ct);
        }

        return await SavedAsync("Đã lưu Mục 1 – " + ContactForm.Title.ToLower(CultureInfo.GetCultureInfo("vi-VN")) + "." + typed.SavedWith(ContactSection),
            "contact", ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, [FromServices] SubmitRequest submit, [FromServices] ResubmitRequest resubmit,
        CancellationToken ct)
    {
        if (!await LoadAsync(id, null, null, ct))
        {
            return NotFound();
        }

        // The letter and Mục 1 as typed go with the request: saved even when the send is refused, sent when it is not.
        var typed = await ApplyTypedAsync(null, ct);
        if (typed.Refused.Count > 0)
        {
            return await RefusedAsync(typed, ct);
        }

        foreach (var line in Req.Lines.Where(l => l.CertificateId is not null || l.TokenId is not null))
        {
            var certificateId = Req.Type == RequestType.RecoverToken ? null : line.CertificateId;
            if (await OpenRequestAsync(certificateId, line.TokenId, ct) is { } open)
            {
                Duplicate = open with { Subject = line.CertificateSerial is { } s && certificateId is not null ? $"Chứng thư số {s}" : $"Thiết bị {line.TokenSerial}" };
                return await RefusedAsync(typed, ct);
            }
        }

        var resubmission = Req.Status == RequestStatus.ReturnedForSupplement;
        if (!await ActAsync(resubmission ? resubmit : submit, Submission, nameof(Submission), ct))
        {
            return await RefusedAsync(typed, ct);
        }

        TempData["StatusMessage"] = (resubmission ? "Đã gửi lại yêu cầu sau khi bổ sung: " : "Đã gửi yêu cầu: ")
            + $"{RequestLabels.TypeShort(Req.Type).ToLower(CultureInfo.GetCultureInfo("vi-VN"))} ({Req.Lines.Count} dòng), "
            + $"văn bản số {Req.Letter.Number} gửi {RequestTypes.RecipientLabel(RequestTypes.Recipient(Req.Type))}.";
        return RedirectToPage("/Requests/Index");
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, [FromServices] CancelRequest cancel, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, null, ct))
        {
            return NotFound();
        }

        if (!await ActAsync(cancel, Cancellation, nameof(Cancellation), ct))
        {
            return Page();
        }

        TempData["StatusMessage"] = $"Đã hủy yêu cầu {Req.ReceiptNumber ?? "nháp"} ({RequestLabels.TypeShort(Req.Type).ToLower(CultureInfo.GetCultureInfo("vi-VN"))}).";
        return RedirectToPage("/Requests/Index");
    }

    /// <summary>
    /// Runs a handler on the loaded request with the RowVersion the form showed (a request sent or withdrawn meanwhile in
    /// another tab is not acted on); messages go next to the fields of <paramref name="prefix"/>. A refused rule or a
    /// concurrent change propagates to DomainRuleFilter, which re-renders the page with its message.
    /// </summary>
    private async Task<bool> ActAsync<TInput>(RequestActionHandler<TInput> handler, TInput input, string prefix, CancellationToken ct)
        where TInput : class
    {
        Req.EnsureAllowed(handler.Action);
        var validation = await handler.ValidateAsync(Req, input, me.Today, ct);
        foreach (var error in validation.Errors)
        {
            ModelState.AddModelError(error.PropertyName.Length == 0 ? string.Empty : $"{prefix}.{error.PropertyName}", error.ErrorMessage);
        }

        if (!validation.IsValid)
        {
            return false;
        }

        if (RowVersion is { Length: > 0 } shown)
        {
            db.Entry(Req).Property(r => r.RowVersion).OriginalValue = RowVersions.Parse(shown);
        }

        await handler.HandleAsync(Req, input, me.Actor(), ct);
        return true;
    }

    /// <summary>The link to an open request, for the page to show next to a refusal or a candidate.</summary>
    public static string Href(OpenRequestLink link) =>
        RequestStatuses.IsEditable(link.Status)
            ? $"/Requests/Edit/{link.RequestId.ToString(CultureInfo.InvariantCulture)}"
            : $"/Requests/Details/{link.RequestId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Saves the action with the sections typed beside it and goes back to the editor. When a typed section was refused,
    /// the page is shown again instead (its messages next to its fields, everything typed kept) saying what was saved.
    /// </summary>
    private async Task<IActionResult> SavedAsync(string message, string fragment, CancellationToken ct, TypedSections? typed = null)
    {
        await db.SaveChangesAsync(ct);
        if (typed is { Refused.Count: > 0 })
        {
            TempData["StatusMessage"] = message + typed.SavedWith() + " Chưa lưu " + string.Join(" và ", typed.Refused) + ": xem các trường đánh dấu đỏ.";
            // Shown again with the line list as saved: the line forms empty, candidates and problems as of the new list.
            IssueLine = new();
            RevokeLine = new();
            ChangeLine = new();
            await LoadCandidatesAsync(null, ct);
            Problems = Req.Lines.Count == 0 || Req.Type == RequestType.Issue
                ? []
                : Req.FindEligibilityProblems(await services.SubjectsAsync(Req, track: false, ct), me.Today);
            return Page();
        }

        TempData["StatusMessage"] = message + typed?.SavedWith();
        return RedirectToPage(null, null, new { id = Req.Id }, fragment);
    }

    /// <summary>
    /// Loads the request (tracked, with its lines) and everything the page shows. The letter and Mục 1 keep the values the
    /// user just posted (<paramref name="postedForm"/> or any section the post carries); the others show what is saved.
    /// </summary>
    private async Task<bool> LoadAsync(int id, int? selectedCertificateId, string? postedForm, CancellationToken ct)
    {
        if (!me.IsOfficer)
        {
            return false;
        }

        var request = await db.Requests.Include(r => r.Lines).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return false;
        }

        Req = request;
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.AgencyId, ct);
        AgencyName = agency?.Name ?? "";
        ContactForm = ContactLayout.For(request.Type, request.IssueSubscriberKind);
        // Every button of the editor posts the letter and Mục 1 as typed: those are kept; a section not posted shows what is saved.
        var letterPosted = postedForm == nameof(Letter) || Posted(nameof(Letter));
        var contactPosted = postedForm == nameof(Contact) || Posted(nameof(Contact));
        if (!letterPosted)
        {
            Letter = LetterInput.From(request.Letter);
        }

        if (!contactPosted)
        {
            Contact = ContactInput.From(request.Contact);
        }

        await FillEmptySectionsAsync(agency?.Name, agency?.Address, letterPosted, contactPosted, ct);

        Attachments = await db.RequestAttachments.AsNoTracking().Where(a => a.RequestId == id).OrderBy(a => a.UploadedAtUtc).ToListAsync(ct);
        Problems = request.Lines.Count == 0 || request.Type == RequestType.Issue
            ? []
            : request.FindEligibilityProblems(await services.SubjectsAsync(Req, track: false, ct), me.Today);
        if (IsEditable)
        {
            await LoadCandidatesAsync(selectedCertificateId, ct);
        }

        return true;
    }

    /// <summary>An open request of the same type that already covers a certificate or token (the duplicate guard).</summary>
    public sealed record OpenRequestLink(string Subject, int RequestId, string? ReceiptNumber, RequestStatus Status, RequestType Type)
    {
        public string Label => ReceiptNumber ?? $"yêu cầu số {RequestId.ToString(CultureInfo.InvariantCulture)}";

        public string Href => DraftEditorModel.Href(this);
    }

    public sealed record CertificateCandidate(Certificate Certificate, Subscriber Subscriber, int DaysLeft, List<string> Problems,
        int LinesInThisRequest, OpenRequestLink? OpenRequest)
    {
        public bool CanAdd => Problems.Count == 0 && OpenRequest is null;
    }

    public sealed record TokenCandidate(UsbToken Token, Certificate? Certificate, bool InThisRequest, OpenRequestLink? OpenRequest)
    {
        public string? SubscriberName => Certificate?.Subscriber?.Name ?? Token.CustodianName;

        public bool CanAdd => !InThisRequest && OpenRequest is null;
    }
}
