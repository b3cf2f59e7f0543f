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
using PhuThoCa.Infrastructure.Identity;
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
[Authorize(Roles = Roles.AgencyOfficer)]
public class DraftEditorModel(
    AppDbContext db,
    CurrentUser me,
    IValidator<LetterInput> letterValidator,
    IValidator<ContactInput> contactValidator,
    IValidator<IssueLineInput> issueValidator,
    IValidator<RevokeLineInput> revokeValidator,
    IValidator<ChangeLineInput> changeValidator,
    RequestServices services) : PageModel
{
    [BindProperty]
    public LetterInput Letter { get; set; } = new();

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

        if (!await letterValidator.ValidateIntoAsync(Letter, ModelState, nameof(Letter), ct))
        {
            return Page();
        }

        Req.UpdateLetter(Letter.ToLetter());
        return await SavedAsync("Đã lưu thông tin văn bản đề nghị.", "letter", ct);
    }

    public async Task<IActionResult> OnPostContactAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, nameof(Contact), ct))
        {
            return NotFound();
        }

        Contact.Layout = ContactForm;
        if (!await contactValidator.ValidateIntoAsync(Contact, ModelState, nameof(Contact), ct))
        {
            return Page();
        }

        Req.UpdateContact(Contact.ToContact(ContactForm));
        return await SavedAsync("Đã lưu Mục 1 – " + ContactForm.Title.ToLower(CultureInfo.GetCultureInfo("vi-VN")) + ".", "contact", ct);
    }

    public async Task<IActionResult> OnPostAddIssueLineAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, null, ct) || Req.Type != RequestType.Issue)
        {
            return NotFound();
        }

        if (!await issueValidator.ValidateIntoAsync(IssueLine, ModelState, nameof(IssueLine), ct))
        {
            return Page();
        }

        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == IssueLine.SubscriberId && s.AgencyId == Req.AgencyId, ct);
        if (subscriber is null)
        {
            ModelState.AddModelError("IssueLine.SubscriberId", "Thuê bao không thuộc cơ quan lập yêu cầu.");
            return Page();
        }

        Req.AddIssueLine(subscriber, IssueLine.PreviousSerial, IssueLine.SimPki);
        return await SavedAsync($"Đã thêm thuê bao “{subscriber.Name}” vào danh sách đề nghị cấp.", "lines", ct);
    }

    public async Task<IActionResult> OnPostAddRevokeLineAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, RevokeLine.CertificateId, null, ct) || Req.Type != RequestType.Revoke)
        {
            return NotFound();
        }

        if (!await revokeValidator.ValidateIntoAsync(RevokeLine, ModelState, nameof(RevokeLine), ct))
        {
            return Page();
        }

        if (await FindCertificateAsync(RevokeLine.CertificateId!.Value, ct) is not { } found)
        {
            return Page();
        }

        var token = found.Certificate.TokenId is { } tokenId ? await db.Tokens.FirstOrDefaultAsync(t => t.Id == tokenId, ct) : null;
        if (found.Certificate.TokenId is not null && token is null)
        {
            // The token is registered to another agency: its return to the Cục could not be tracked by this one.
            ModelState.AddModelError(string.Empty, $"Thiết bị lưu chứng thư số {found.Certificate.SerialNumber} không thuộc cơ quan lập yêu cầu: "
                + "hãy cập nhật sổ thiết bị lưu khóa bí mật trước khi đề nghị thu hồi.");
            return Page();
        }

        var reason = RevokeLine.Reason!.Value;
        Req.AddRevokeLine(found.Subscriber, found.Certificate, token, reason, Format.ParseDate(RevokeLine.InvalidityDate), RevokeLine.Detail);
        return await SavedAsync($"Đã thêm chứng thư số {found.Certificate.SerialNumber} vào danh sách đề nghị thu hồi.", "lines", ct);
    }

    public async Task<IActionResult> OnPostAddRenewLineAsync(int id, int certificateId, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, null, ct) || Req.Type != RequestType.Renew)
        {
            return NotFound();
        }

        if (await FindCertificateAsync(certificateId, ct) is not { } found)
        {
            return Page();
        }

        Req.AddRenewLine(found.Subscriber, found.Certificate);
        return await SavedAsync($"Đã thêm chứng thư số {found.Certificate.SerialNumber} vào danh sách đề nghị gia hạn.", "lines", ct);
    }

    public async Task<IActionResult> OnPostAddChangeLineAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ChangeLine.CertificateId, null, ct) || Req.Type != RequestType.ChangeInfo)
        {
            return NotFound();
        }

        if (!await changeValidator.ValidateIntoAsync(ChangeLine, ModelState, nameof(ChangeLine), ct))
        {
            return Page();
        }

        if (await FindCertificateAsync(ChangeLine.CertificateId!.Value, ct, allowSecondLine: true) is not { } found)
        {
            return Page();
        }

        Req.AddChangeInfoLine(found.Subscriber, found.Certificate, ChangeLine.Case!.Value, ChangeLine.OldValue!, ChangeLine.NewValue!);
        return await SavedAsync($"Đã thêm nội dung thay đổi của chứng thư số {found.Certificate.SerialNumber}.", "lines", ct);
    }

    public async Task<IActionResult> OnPostAddRecoverLineAsync(int id, int tokenId, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, null, ct) || Req.Type != RequestType.RecoverToken)
        {
            return NotFound();
        }

        var token = await db.Tokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.AgencyId == Req.AgencyId, ct);
        if (token is null)
        {
            return NotFound();
        }

        if (token.Status != TokenStatus.Locked)
        {
            ModelState.AddModelError(string.Empty, $"Thiết bị {token.SerialNumber} đang ở trạng thái “{TokenTransitions.Label(token.Status)}”: "
                + "chỉ đề nghị khôi phục thiết bị bị khóa do nhập sai mật khẩu quá số lần quy định (Quy chế tỉnh Phú Thọ, Điều 6 khoản 1).");
            return Page();
        }

        if (await OpenRequestAsync(null, token.Id, ct) is { } open)
        {
            Duplicate = open with { Subject = $"Thiết bị {token.SerialNumber}" };
            return Page();
        }

        var certificate = await db.Certificates.Where(c => c.TokenId == token.Id && c.Status == CertificateStatus.Valid)
            .OrderByDescending(c => c.NotAfterUtc).FirstOrDefaultAsync(ct);
        var subscriberId = certificate?.SubscriberId ?? token.CustodianSubscriberId;
        var subscriber = subscriberId is null ? null : await db.Subscribers.FirstOrDefaultAsync(s => s.Id == subscriberId, ct);
        if (subscriber is null)
        {
            ModelState.AddModelError(string.Empty, $"Thiết bị {token.SerialNumber} chưa gắn với thuê bao nào (không có chứng thư còn hiệu lực, "
                + "chưa ghi người giữ là thuê bao): hãy cập nhật sổ thiết bị trước.");
            return Page();
        }

        Req.AddRecoverTokenLine(subscriber, token, certificate?.SubscriberId == subscriber.Id ? certificate : null);
        return await SavedAsync($"Đã thêm thiết bị {token.SerialNumber} vào danh sách đề nghị khôi phục.", "lines", ct);
    }

    public async Task<IActionResult> OnPostRemoveLineAsync(int id, int lineId, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, null, ct))
        {
            return NotFound();
        }

        var line = Req.Lines.FirstOrDefault(l => l.Id == lineId);
        if (line is null)
        {
            return NotFound();
        }

        Req.RemoveLine(line);
        return await SavedAsync($"Đã xóa dòng “{line.SubscriberName}” khỏi danh sách đề nghị.", "lines", ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, [FromServices] SubmitRequest submit, [FromServices] ResubmitRequest resubmit,
        CancellationToken ct)
    {
        if (!await LoadAsync(id, null, null, ct))
        {
            return NotFound();
        }

        foreach (var line in Req.Lines.Where(l => l.CertificateId is not null || l.TokenId is not null))
        {
            var certificateId = Req.Type == RequestType.RecoverToken ? null : line.CertificateId;
            if (await OpenRequestAsync(certificateId, line.TokenId, ct) is { } open)
            {
                Duplicate = open with { Subject = line.CertificateSerial is { } s && certificateId is not null ? $"Chứng thư số {s}" : $"Thiết bị {line.TokenSerial}" };
                return Page();
            }
        }

        var resubmission = Req.Status == RequestStatus.ReturnedForSupplement;
        if (!await ActAsync(resubmission ? resubmit : submit, Submission, nameof(Submission), ct))
        {
            return Page();
        }

        TempData["StatusMessage"] = (resubmission ? "Đã gửi lại yêu cầu sau khi bổ sung: " : "Đã gửi yêu cầu: ")
            + $"{RequestLabels.TypeShort(Req.Type).ToLower(CultureInfo.GetCultureInfo("vi-VN"))} ({Req.Lines.Count} dòng), "
            + $"văn bản số {Req.LetterNumber} gửi {RequestTypes.RecipientLabel(RequestTypes.Recipient(Req.Type))}.";
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

    private async Task<IActionResult> SavedAsync(string message, string fragment, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = message;
        return RedirectToPage(null, null, new { id = Req.Id }, fragment);
    }

    /// <summary>
    /// Checks a certificate picked for a line: own agency, eligibility for renew/change, no open request of the same type
    /// elsewhere (the duplicate guard, features G1.4, shown with a link). Refusals go to the top of the page.
    /// </summary>
    private async Task<(Certificate Certificate, Subscriber Subscriber)?> FindCertificateAsync(int certificateId, CancellationToken ct,
        bool allowSecondLine = false)
    {
        var field = string.Empty;
        var certificate = await db.Certificates.Include(c => c.Subscriber).FirstOrDefaultAsync(c => c.Id == certificateId, ct);
        if (certificate?.Subscriber is null || certificate.Subscriber.AgencyId != Req.AgencyId)
        {
            ModelState.AddModelError(field, "Chứng thư không thuộc cơ quan lập yêu cầu.");
            return null;
        }

        if (!allowSecondLine && Req.Lines.Any(l => l.CertificateId == certificate.Id))
        {
            ModelState.AddModelError(field, $"Chứng thư số {certificate.SerialNumber} đã có trong danh sách đề nghị.");
            return null;
        }

        var problems = Eligibility(Req.Type, certificate, me.Today);
        if (problems.Count > 0)
        {
            ModelState.AddModelError(field, $"Chứng thư số {certificate.SerialNumber}: " + string.Join(" ", problems));
            return null;
        }

        if (await OpenRequestAsync(certificate.Id, null, ct) is { } open)
        {
            Duplicate = open with { Subject = $"Chứng thư số {certificate.SerialNumber}" };
            return null;
        }

        return (certificate, certificate.Subscriber);
    }

    /// <summary>The duplicate guard: another open request of this type covering the certificate or the token.</summary>
    private Task<OpenRequestLink?> OpenRequestAsync(int? certificateId, int? tokenId, CancellationToken ct) =>
        db.Requests.AsNoTracking().Where(DomainRequest.OpenRequestCovering(Req.Type, certificateId, tokenId)).Where(r => r.Id != Req.Id)
            .OrderBy(r => r.Id)
            .Select(r => new OpenRequestLink("", r.Id, r.ReceiptNumber, r.Status, r.Type)).FirstOrDefaultAsync(ct);

    /// <summary>Why a certificate cannot go on a line of this type today (empty when it can): ND 68/2024 Điều 12, 14.</summary>
    private static List<string> Eligibility(RequestType type, Certificate certificate, DateOnly today) => type switch
    {
        RequestType.Renew => [.. certificate.CheckRenewalEligibility(today).Messages],
        RequestType.ChangeInfo => [.. certificate.CheckChangeEligibility(today).Messages],
        RequestType.Revoke when certificate.Status == CertificateStatus.Revoked => ["đã bị thu hồi."],
        RequestType.Revoke when certificate.Status == CertificateStatus.Superseded => ["đã được thay thế bằng chứng thư gia hạn."],
        RequestType.Revoke or RequestType.Issue or RequestType.RecoverToken => [],
    };

    /// <summary>
    /// Loads the request (tracked, with its lines) and everything the page shows. <paramref name="postedForm"/> keeps the
    /// values the user just typed in that form; the other forms show what is saved.
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
        if (postedForm != nameof(Letter))
        {
            Letter = LetterInput.From(request.Letter);
        }

        if (postedForm != nameof(Contact))
        {
            Contact = ContactInput.From(request.Contact);
            if (IsEditable && request.Contact == RequestContact.Empty)
            {
                // Defaults of an empty Mục 1: the agency's own address / name.
                Contact.Address = ContactForm.HasAddress ? agency?.Address : null;
                Contact.Workplace = ContactForm.HasWorkplace ? agency?.Name : null;
            }
        }

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

    private async Task LoadCandidatesAsync(int? selectedCertificateId, CancellationToken ct)
    {
        var agencyId = Req.AgencyId;
        switch (Req.Type)
        {
            case RequestType.Issue:
                var kind = Req.IssueSubscriberKind;
                Subscribers = await db.Subscribers.AsNoTracking()
                    .Where(s => s.AgencyId == agencyId && s.IsActive && (kind == null || s.Kind == kind))
                    .OrderBy(s => s.Kind).ThenBy(s => s.Name).ToListAsync(ct);
                break;

            case RequestType.RecoverToken:
                var tokens = await db.Tokens.AsNoTracking().Where(t => t.AgencyId == agencyId && t.Status == TokenStatus.Locked)
                    .OrderBy(t => t.SerialNumber).ToListAsync(ct);
                var tokenIds = tokens.Select(t => t.Id).ToList();
                var onTokens = await db.Certificates.AsNoTracking().Include(c => c.Subscriber)
                    .Where(c => c.TokenId != null && tokenIds.Contains(c.TokenId.Value) && c.Status == CertificateStatus.Valid)
                    .ToListAsync(ct);
                var openByToken = await OpenLinesAsync(ct);
                Tokens = [.. tokens.Select(t => new TokenCandidate(t,
                    onTokens.Where(c => c.TokenId == t.Id).OrderByDescending(c => c.NotAfterUtc).FirstOrDefault(),
                    Req.Lines.Any(l => l.TokenId == t.Id),
                    openByToken.FirstOrDefault(o => o.TokenId == t.Id)?.Link))];
                break;

            default:
                // Renew, change: valid and not expired (others cannot qualify). Revoke: anything not yet revoked or replaced.
                var nowUtc = me.UtcNow;
                var query = db.Certificates.AsNoTracking().Include(c => c.Subscriber)
                    .Where(c => c.Subscriber!.AgencyId == agencyId && c.Status == CertificateStatus.Valid);
                if (Req.Type != RequestType.Revoke)
                {
                    query = query.Where(c => c.NotAfterUtc > nowUtc);
                }

                var certificates = await query.OrderBy(c => c.NotAfterUtc).ToListAsync(ct);
                var open = await OpenLinesAsync(ct);
                Certificates = [.. certificates.Select(c => new CertificateCandidate(c, c.Subscriber!, c.DaysLeft(me.Today),
                    Eligibility(Req.Type, c, me.Today), Req.Lines.Count(l => l.CertificateId == c.Id),
                    open.FirstOrDefault(o => o.CertificateId == c.Id)?.Link))];
                Selected = Certificates.FirstOrDefault(c => c.Certificate.Id == selectedCertificateId);
                break;
        }
    }

    /// <summary>Lines of the agency's other open requests of the same type, to flag candidates already covered.</summary>
    private async Task<List<OpenLine>> OpenLinesAsync(CancellationToken ct)
    {
        var rows = await db.Requests.AsNoTracking().Where(DomainRequest.IsOpenExpression)
            .Where(r => r.Type == Req.Type && r.AgencyId == Req.AgencyId && r.Id != Req.Id)
            .SelectMany(r => r.Lines, (r, l) => new { l.CertificateId, l.TokenId, r.Id, r.ReceiptNumber, r.Status, r.Type })
            .ToListAsync(ct);
        return [.. rows.Select(x => new OpenLine(x.CertificateId, x.TokenId, new OpenRequestLink("", x.Id, x.ReceiptNumber, x.Status, x.Type)))];
    }

    private sealed record OpenLine(int? CertificateId, int? TokenId, OpenRequestLink Link);

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
