using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Subscribers;
using PhuThoCa.Web.Requests;
using PhuThoCa.Web.Requests.CaPortal;
using PhuThoCa.Web.Requests.Completion;
using PhuThoCa.Web.Requests.Filing;
using PhuThoCa.Web.Requests.Review;

namespace PhuThoCa.Web.Pages.Requests;

/// <summary>
/// Chi tiết yêu cầu: the letter, its lines, deadline with legal basis, attachments, history, and the actions this user may
/// take, each an inline form posting to one handler that calls one domain method (docs/adr/0007). Officers see their own
/// agency only (404 otherwise, by the query filter); the agency's actions are for its officers, Sở's for staff, leaders and
/// administrators; auditors only read. Every form posts the RowVersion it was rendered with: a request changed meanwhile
/// is not acted on, and the user sees the latest state with the concurrency message.
/// </summary>
public class DetailsModel(AppDbContext db, CurrentUser me, RequestServices services, RequestLetterOptions letterOptions) : PageModel, IDomainRuleFields
{
    public string? FieldFor(string rule) => CaDispatchForm.FieldFor(rule);

    private static readonly RequestAction[] ActionOrder =
    [
        RequestAction.Submit, RequestAction.Resubmit, RequestAction.Receive, RequestAction.Accept, RequestAction.RecordFiledOnCaPortal,
        RequestAction.RecordCaResult, RequestAction.RecordRecovered, RequestAction.HandOver, RequestAction.RecordTokenReturned,
        RequestAction.ReturnForSupplement, RequestAction.Reject, RequestAction.RecordCaRejection, RequestAction.Cancel,
    ];

    // One input per action form, bound under its own prefix (each form posts only its own fields).
    [BindProperty]
    public SubmitInput Submission { get; set; } = new();

    [BindProperty]
    public CancelInput Cancellation { get; set; } = new();

    [BindProperty]
    public ReceiveInput Receipt { get; set; } = new();

    [BindProperty]
    public ReturnInput Return { get; set; } = new();

    [BindProperty]
    public NoteInput Acceptance { get; set; } = new();

    [BindProperty]
    public RejectInput Rejection { get; set; } = new();

    [BindProperty]
    public FilingInput Filing { get; set; } = new();

    [BindProperty]
    public CaResultInput Result { get; set; } = new();

    [BindProperty]
    public CaRejectionInput CaRejection { get; set; } = new();

    [BindProperty]
    public HandOverInput Handover { get; set; } = new();

    [BindProperty]
    public NoteInput Recovery { get; set; } = new();

    [BindProperty]
    public TokenReturnInput TokenReturn { get; set; } = new();

    [BindProperty]
    public RejectionNoticeInput Notice { get; set; } = new();

    [BindProperty]
    public PromiseInput Promise { get; set; } = new();

    /// <summary>The latest new return date Sở promised (history row of <see cref="PhuThoCa.Domain.Requests.Request.PromiseNewReturnDate"/>), or null.</summary>
    public DateOnly? PromisedReturnDate { get; private set; }

    /// <summary>
    /// Sở staff may offer a phiếu xin lỗi: an open Mẫu 04/06 request in Sở's step due by the next working day or overdue (the
    /// domain checks it again).
    /// </summary>
    public bool CanPromise { get; private set; }

    /// <summary>The latest stored one-stop-shop slips by kind (giấy tiếp nhận, phiếu yêu cầu bổ sung, phiếu xin lỗi).</summary>
    public IReadOnlyList<GeneratedLetter> LatestSlips =>
        [.. new[] { LetterKinds.ReceiptSlip, LetterKinds.SupplementSlip, LetterKinds.ApologySlip }
            .Select(k => LetterVersions.LastOrDefault(l => l.Kind == k)).OfType<GeneratedLetter>()];

    /// <summary>Base64 of the request's RowVersion when the form was rendered.</summary>
    [BindProperty]
    public string? RowVersion { get; set; }

    public Request Current { get; private set; } = null!;

    public string AgencyName { get; private set; } = "";

    public DeadlineView? Deadline { get; private set; }

    /// <summary>A sent request not yet received: how long it has waited and whether it is late to receive.</summary>
    public ReceiptWait? Wait { get; private set; }

    /// <summary>How Sở's receipt was counted (day X of Sở's period), when the clock runs from receipt.</summary>
    public ReceiptDay? ReceiptCounting { get; private set; }

    public List<RequestAttachment> Attachments { get; private set; } = [];

    public Dictionary<int, Certificate> Certificates { get; private set; } = [];

    public Dictionary<int, UsbToken> Tokens { get; private set; } = [];

    /// <summary>Eligibility problems as of today, shown to staff before they accept (ADR 0007 decision 6).</summary>
    public IReadOnlyList<RequestProblem> Problems { get; private set; } = [];

    /// <summary>Problems as of today that do not refuse acceptance (e.g. under 30 days left now, eligible when filed).</summary>
    public IReadOnlyList<RequestProblem> Warnings { get; private set; } = [];

    /// <summary>The day the 30-day condition is judged on (NĐ 68/2024 Điều 12, 14; QĐ-PT Điều 5.1–5.2).</summary>
    public DateOnly? EligibilityDate { get; private set; }

    /// <summary>The request's whole history: status changes and the other events on it (deadline recalculations …).</summary>
    public IReadOnlyList<RequestHistoryItem> HistoryItems { get; private set; } = [];

    public bool CanViewAuditTrail { get; private set; }

    /// <summary>Every stored version of the request's documents (agency letter, Sở's notice), oldest first.</summary>
    public List<GeneratedLetter> LetterVersions { get; private set; } = [];

    /// <summary>What changed between the last two versions of the agency's letter that were sent (a resubmission).</summary>
    public IReadOnlyList<LetterChange>? LetterChanges { get; private set; }

    /// <summary>The two versions <see cref="LetterChanges"/> compares.</summary>
    public (GeneratedLetter Before, GeneratedLetter After)? ComparedVersions { get; private set; }

    /// <summary>Sở's rejection notice once issued.</summary>
    public GeneratedLetter? IssuedNotice { get; private set; }

    /// <summary>May reject and issue the notice (policy <see cref="Policies.RejectRequests"/>, leader-only when so configured).</summary>
    public bool CanReject { get; private set; }

    public bool CanIssueNotice => Current.Status == RequestStatus.Rejected && IssuedNotice is null && CanReject;

    public bool LeaderOnlyBlocksReject => Current.AvailableActions.Contains(RequestAction.Reject) && IsScienceDepartmentUser && !CanReject;

    public DateOnly Today => me.Today;

    /// <summary>A Sở user who handles requests (policy <see cref="Policies.ScienceDepartment"/>).</summary>
    public bool IsScienceDepartmentUser { get; private set; }

    /// <summary>Sở users and auditors work from the inbox (<see cref="Policies.ProvinceOversight"/>); officers from their list.</summary>
    public bool WorksFromInbox { get; private set; }

    /// <summary>May accept (policy <see cref="Policies.AcceptRequests"/>: the leader-only setting lives in its requirement).</summary>
    public bool CanAccept { get; private set; }

    public bool IsOfficerOfTheAgency => me.IsOfficer && me.AgencyId == Current.AgencyId;

    /// <summary>Sở user who filed this request: the domain refuses their Sở actions (separation of duties).</summary>
    public bool IsCreator => string.Equals(me.Id, Current.CreatedByUserId, StringComparison.Ordinal);

    public string CurrentRowVersion => RowVersions.Text(Current.RowVersion);

    /// <summary>" is-invalid" for a field with a message, for the action partials.</summary>
    public string InvalidClass(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? " is-invalid" : "";

    /// <summary>Actions the table allows now that this user's side performs: the step forward first, refusals and withdrawal last.</summary>
    public IReadOnlyList<RequestAction> MyActions =>
        [.. Current.AvailableActions.Where(MayPerform).OrderBy(a => Array.IndexOf(ActionOrder, a))];

    public bool LeaderOnlyBlocksAccept => Current.AvailableActions.Contains(RequestAction.Accept) && IsScienceDepartmentUser && !CanAccept;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct, track: false))
        {
            return NotFound();
        }

        Prefill();
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, [FromServices] SubmitRequest handler, CancellationToken ct) =>
        ActAsync(id, handler, Submission, nameof(Submission), ct);

    public Task<IActionResult> OnPostResubmitAsync(int id, [FromServices] ResubmitRequest handler, CancellationToken ct) =>
        ActAsync(id, handler, Submission, nameof(Submission), ct);

    public Task<IActionResult> OnPostCancelAsync(int id, [FromServices] CancelRequest handler, CancellationToken ct) =>
        ActAsync(id, handler, Cancellation, nameof(Cancellation), ct);

    public Task<IActionResult> OnPostReceiveAsync(int id, [FromServices] ReceiveRequest handler, CancellationToken ct) =>
        ActAsync(id, handler, Receipt, nameof(Receipt), ct);

    public Task<IActionResult> OnPostReturnAsync(int id, [FromServices] ReturnForSupplement handler, CancellationToken ct) =>
        ActAsync(id, handler, Return, nameof(Return), ct);

    public Task<IActionResult> OnPostAcceptAsync(int id, [FromServices] AcceptRequest handler, CancellationToken ct) =>
        ActAsync(id, handler, Acceptance, nameof(Acceptance), ct);

    public Task<IActionResult> OnPostRejectAsync(int id, [FromServices] RejectRequest handler, CancellationToken ct) =>
        ActAsync(id, handler, Rejection, nameof(Rejection), ct);

    public Task<IActionResult> OnPostFileAsync(int id, [FromServices] RecordFiling handler, CancellationToken ct) =>
        ActAsync(id, handler, Filing, nameof(Filing), ct);

    public Task<IActionResult> OnPostResultAsync(int id, [FromServices] RecordCaResult handler, CancellationToken ct) =>
        ActAsync(id, handler, Result, nameof(Result), ct);

    public Task<IActionResult> OnPostCaRejectionAsync(int id, [FromServices] RecordCaRejection handler, CancellationToken ct) =>
        ActAsync(id, handler, CaRejection, nameof(CaRejection), ct);

    public Task<IActionResult> OnPostHandOverAsync(int id, [FromServices] HandOver handler, CancellationToken ct) =>
        ActAsync(id, handler, Handover, nameof(Handover), ct);

    public Task<IActionResult> OnPostRecoveredAsync(int id, [FromServices] RecordRecovery handler, CancellationToken ct) =>
        ActAsync(id, handler, Recovery, nameof(Recovery), ct);

    public Task<IActionResult> OnPostTokenReturnedAsync(int id, [FromServices] RecordTokenReturned handler, CancellationToken ct) =>
        ActAsync(id, handler, TokenReturn, nameof(TokenReturn), ct);

    /// <summary>Ban hành thông báo từ chối: Sở's numbered written refusal of a rejected request (issued once).</summary>
    public async Task<IActionResult> OnPostNoticeAsync(int id, [FromServices] IssueRejectionNotice handler, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanReject)
        {
            return Forbid();
        }

        try
        {
            var validation = await handler.ValidateAsync(Current, Notice, me.Today, ct);
            if (!validation.IsValid)
            {
                foreach (var error in validation.Errors)
                {
                    ModelState.AddModelError($"{nameof(Notice)}.{error.PropertyName}", error.ErrorMessage);
                }

                return Page();
            }

            var notice = await handler.HandleAsync(Current, Notice, me.Actor(), ct);
            TempData["StatusMessage"] = $"Đã ban hành thông báo từ chối số {notice.Number}.";
        }
        catch (DomainRuleException e)
        {
            return await ReloadAsync(id, e.Message, ct);
        }

        return RedirectToPage(new { id });
    }

    /// <summary>Hẹn lại ngày trả kết quả: records the new date and stores the numbered phiếu xin lỗi (Sở staff only).</summary>
    public async Task<IActionResult> OnPostPromiseAsync(int id, [FromServices] PromiseNewReturnDate handler, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!IsScienceDepartmentUser)
        {
            return Forbid();
        }

        if (!RowVersions.Same(RowVersion, Current.RowVersion))
        {
            ModelState.AddModelError(string.Empty, DomainRuleFilter.ConcurrencyMessage);
            return Page();
        }

        try
        {
            var validation = await handler.ValidateAsync(Current, Promise, me.Today, ct);
            if (!validation.IsValid)
            {
                foreach (var error in validation.Errors)
                {
                    ModelState.AddModelError($"{nameof(Promise)}.{error.PropertyName}", error.ErrorMessage);
                }

                return Page();
            }

            db.Entry(Current).Property(r => r.RowVersion).OriginalValue = RowVersions.Parse(RowVersion!);
            var slip = await handler.HandleAsync(Current, Promise, me.Actor(), ct);
            TempData["StatusMessage"] = $"Đã hẹn lại ngày trả kết quả {Promise.NewDate}; phiếu xin lỗi số {slip.Number}.";
        }
        catch (DomainRuleException e)
        {
            return await ReloadAsync(id, e.Message, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ReloadAsync(id, DomainRuleFilter.ConcurrencyMessage, ct);
        }

        return RedirectToPage(new { id });
    }

    public bool MayPerform(RequestAction action)
    {
        if (RequestActions.PerformedBy(Current.Type, action) == RequestParty.Agency)
        {
            return IsOfficerOfTheAgency;
        }

        return action switch
        {
            RequestAction.Accept => CanAccept,
            RequestAction.Reject => CanReject,
            RequestAction.Receive or RequestAction.ReturnForSupplement or RequestAction.RecordFiledOnCaPortal or RequestAction.RecordCaResult
                or RequestAction.RecordCaRejection or RequestAction.HandOver or RequestAction.RecordTokenReturned or RequestAction.RecordRecovered
                or RequestAction.Submit or RequestAction.Resubmit or RequestAction.Cancel => IsScienceDepartmentUser,
        };
    }

    /// <summary>
    /// The one flow of every action: load (404 outside the scope), authorise by party (403), check the RowVersion the form
    /// was rendered with and that the table allows the action now, validate the action's input (messages next to the fields
    /// of its form, <paramref name="prefix"/>), and let its handler call the domain and save; redirect with the status message.
    /// A refused rule or a concurrent change re-renders the latest state with the message and keeps what was typed.
    /// </summary>
    private async Task<IActionResult> ActAsync<TInput>(int id, RequestActionHandler<TInput> handler, TInput input, string prefix,
        CancellationToken ct)
        where TInput : class
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!MayPerform(handler.Action))
        {
            return Forbid();
        }

        if (!RowVersions.Same(RowVersion, Current.RowVersion))
        {
            ModelState.AddModelError(string.Empty, DomainRuleFilter.ConcurrencyMessage);
            return Page();
        }

        try
        {
            Current.EnsureAllowed(handler.Action);
            var validation = await handler.ValidateAsync(Current, input, me.Today, ct);
            if (!validation.IsValid)
            {
                foreach (var error in validation.Errors)
                {
                    ModelState.AddModelError(error.PropertyName.Length == 0 ? string.Empty : $"{prefix}.{error.PropertyName}", error.ErrorMessage);
                }

                return Page();
            }

            db.Entry(Current).Property(r => r.RowVersion).OriginalValue = RowVersions.Parse(RowVersion!);
            TempData["StatusMessage"] = await handler.HandleAsync(Current, input, me.Actor(), ct);
        }
        catch (DomainRuleException e)
        {
            return await ReloadAsync(id, e.Message, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ReloadAsync(id, DomainRuleFilter.ConcurrencyMessage, ct);
        }

        return RedirectToPage(new { id });
    }

    /// <summary>Shows the latest saved state (nothing of the refused action) with the message; the typed input stays.</summary>
    private async Task<IActionResult> ReloadAsync(int id, string message, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    /// <summary>
    /// Loads the request and what the page shows of it. A GET reads without tracking (it saves nothing, so the change
    /// tracker's snapshots of the request, its lines, history and subjects are not needed); the actions load tracked, as
    /// their handlers change <see cref="Current"/>.
    /// </summary>
    private async Task<bool> LoadAsync(int id, CancellationToken ct, bool track = true)
    {
        var requests = track ? db.Requests : db.Requests.AsNoTracking();
        var request = await requests.Include(r => r.Lines).Include(r => r.History).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return false;
        }

        Current = request;
        IsScienceDepartmentUser = await me.CanAsync(Policies.ScienceDepartment);
        WorksFromInbox = await me.CanAsync(Policies.ProvinceOversight);
        CanAccept = await me.CanAsync(Policies.AcceptRequests);
        CanReject = await me.CanAsync(Policies.RejectRequests);
        await LoadLettersAsync(request, ct);
        CanViewAuditTrail = await me.CanAsync(Policies.ViewAuditTrail);
        var events = await RequestHistoryItem.EventsAsync(db, request, ct);
        HistoryItems = RequestHistoryItem.From(request, events);
        AgencyName = await SubscriberFormOptions.AgencyNameAsync(db, request.AgencyId, ct) ?? "";
        Attachments = await db.RequestAttachments.AsNoTracking().Where(a => a.RequestId == id)
            .OrderBy(a => a.Purpose).ThenBy(a => a.UploadedAtUtc).ToListAsync(ct);
        var subjects = await services.SubjectsAsync(request, track, ct);
        Certificates = subjects.Certificates.ToDictionary(c => c.Id);
        Tokens = subjects.Tokens.ToDictionary(t => t.Id);
        var deadlines = await services.DeadlinesAsync(ct);
        Deadline = DeadlineView.For(request.DueDate, request.DueStep, me.Today, deadlines);
        PromisedReturnDate = Format.ParseDate(events.Where(e => e.Action == PhuThoCa.Domain.Requests.Request.PromiseTitle).MaxBy(e => e.Id)?.ToState);
        CanPromise = IsScienceDepartmentUser && RequestTypes.SlipsGivenAtReceipt(request.Type) && request.IsOpen
            && request.DueDate is { } due && request.DueStep is { } step && LegalDeadlines.Holder(step) == DeadlineHolder.ScienceDepartment
            && due <= deadlines.AddWorkingDays(me.Today, 1);
        Wait = ReceiptWait.For(request.Status, request.SubmittedAtUtc, deadlines, me.Today);
        ReceiptCounting = request.ReceivedAtUtc is { } received && deadlines.Settings.ClockStartsAt == LegalClockStart.Receipt
            ? ReceiptDay.Of(received, deadlines)
            : null;
        var judgedOn = deadlines.Settings.EligibilityJudgedOn;
        var deciding = request.Status == RequestStatus.Received && IsScienceDepartmentUser;
        Problems = deciding ? request.FindAcceptanceProblems(subjects, me.Today, judgedOn) : [];
        Warnings = deciding ? request.FindValidityWarnings(subjects, me.Today, judgedOn) : [];
        EligibilityDate = request.EligibilityDate(judgedOn);
        return true;
    }

    /// <summary>The stored versions, the issued notice, and the changes between the last two letters sent.</summary>
    private async Task LoadLettersAsync(Request request, CancellationToken ct)
    {
        LetterVersions = await db.GeneratedLetters.AsNoTracking().Where(l => l.RequestId == request.Id).OrderBy(l => l.Id).ToListAsync(ct);
        IssuedNotice = LetterVersions.LastOrDefault(l => l.Kind == LetterKinds.Rejection);
        LetterChanges = null;
        ComparedVersions = null;
        var sent = request.FormNumber is null
            ? []
            : LetterVersions.Where(l => l.Kind == RequestLetterComposer.KindOf(request) && l.IsSent && l.Content is not null).ToList();
        if (sent.Count >= 2)
        {
            var (before, after) = (sent[^2], sent[^1]);
            ComparedVersions = (before, after);
            LetterChanges = LetterDiff.Compare(RequestLetterService.ContentOf(before)!, RequestLetterService.ContentOf(after)!);
        }
    }

    /// <summary>Prefilled values: today's dates, the contact as receiver, one row per line.</summary>
    private void Prefill()
    {
        var today = Format.Date(me.Today);
        Notice = new RejectionNoticeInput
        {
            SignerName = Text.CleanOrNull(letterOptions.Issuer.SignerName),
            SignerPosition = letterOptions.Issuer.SignerTitle,
            IssuedOn = today,
            SentOn = today,
        };
        Handover = new HandOverInput { ReceiverName = Current.Contact.FullName, HandedOverOn = today };
        Result = new CaResultInput
        {
            RevokedOn = today,
            Lines = [.. Current.Lines.Select(l => new CaResultLine
            {
                LineId = l.Id,
                NotBefore = today,
                NotAfter = Current.Type == RequestType.Issue ? Format.Date(me.Today.AddYears(RenewalPolicy.MaxInitialValidityYears).AddDays(-1)) : null,
            })],
        };
        TokenReturn = new TokenReturnInput
        {
            Lines = [.. Current.Lines.Select(l => new TokenReturnLine { LineId = l.Id, ReturnOutcome = TokenReturnOutcome.ReturnedToCa, ReturnedOn = today })],
        };
    }
}
