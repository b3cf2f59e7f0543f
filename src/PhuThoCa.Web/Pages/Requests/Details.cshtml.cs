using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Requests.Review;

namespace PhuThoCa.Web.Pages.Requests;

/// <summary>
/// Chi tiết yêu cầu: the letter, its lines, deadline with legal basis, attachments, history, and the actions this user may
/// take, each an inline form posting to one handler that calls one domain method (docs/adr/0007). Officers see their own
/// agency only (404 otherwise, by the query filter); the agency's actions are for its officers, Sở's for staff, leaders and
/// administrators; auditors only read. Every form posts the RowVersion it was rendered with: a request changed meanwhile
/// is not acted on, and the user sees the latest state with the concurrency message.
/// </summary>
public class DetailsModel(AppDbContext db, CurrentUser me, RequestServices services, IConfiguration configuration,
    IValidator<DetailsModel.ActionInput> validator) : PageModel
{
    public const string AcceptRequiresLeaderSetting = "Requests:AcceptRequiresLeader";

    // The rule set of the Cục's result depends on the request type, known once loaded.
    private const string ResultRules = "Result";

    private static readonly RequestAction[] ActionOrder =
    [
        RequestAction.Submit, RequestAction.Resubmit, RequestAction.Receive, RequestAction.Accept, RequestAction.RecordFiledOnCaPortal,
        RequestAction.RecordCaResult, RequestAction.RecordRecovered, RequestAction.HandOver, RequestAction.RecordTokenReturned,
        RequestAction.ReturnForSupplement, RequestAction.Reject, RequestAction.RecordCaRejection, RequestAction.Cancel,
    ];

    /// <summary>Second save after the first gave new register rows their ids (their timeline events).</summary>
    private Action? _afterSave;

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    /// <summary>Base64 of the request's RowVersion when the form was rendered.</summary>
    [BindProperty]
    public string? RowVersion { get; set; }

    public Request Current { get; private set; } = null!;

    public string AgencyName { get; private set; } = "";

    public DeadlineView? Deadline { get; private set; }

    public List<RequestAttachment> Attachments { get; private set; } = [];

    public Dictionary<int, Certificate> Certificates { get; private set; } = [];

    public Dictionary<int, UsbToken> Tokens { get; private set; } = [];

    /// <summary>Eligibility problems as of today, shown to staff before they accept (ADR 0007 decision 6).</summary>
    public IReadOnlyList<RequestProblem> Problems { get; private set; } = [];

    /// <summary>The request's whole history: status changes and the other events on it (deadline recalculations …).</summary>
    public IReadOnlyList<RequestHistoryItem> HistoryItems { get; private set; } = [];

    public bool CanViewAuditTrail => me.IsInRole(Roles.Administrator) || me.IsAuditor;

    public DateOnly Today => me.Today;

    /// <summary>True when the Sở has made acceptance a leader's act and this user is not a Lãnh đạo Sở (details and inbox).</summary>
    public static bool AcceptIsLeaderOnlyFor(IConfiguration configuration, CurrentUser me) =>
        configuration.GetValue(AcceptRequiresLeaderSetting, false) && !me.IsInRole(Roles.DepartmentLeader);

    public bool IsScienceDepartmentUser =>
        me.IsInRole(Roles.DepartmentStaff) || me.IsInRole(Roles.DepartmentLeader) || me.IsInRole(Roles.Administrator);

    public bool IsOfficerOfTheAgency => me.IsOfficer && me.AgencyId == Current.AgencyId;

    /// <summary>Sở user who filed this request: the domain refuses their Sở actions (separation of duties).</summary>
    public bool IsCreator => string.Equals(me.Id, Current.CreatedByUserId, StringComparison.Ordinal);

    public string CurrentRowVersion => Convert.ToBase64String(Current.RowVersion);

    /// <summary>Actions the table allows now that this user's side performs: the step forward first, refusals and withdrawal last.</summary>
    public IReadOnlyList<RequestAction> MyActions =>
        [.. Current.AvailableActions.Where(MayPerform).OrderBy(a => Array.IndexOf(ActionOrder, a))];

    public bool LeaderOnlyBlocksAccept => Current.AvailableActions.Contains(RequestAction.Accept) && IsScienceDepartmentUser
        && AcceptIsLeaderOnlyFor(configuration, me);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = DefaultInput();
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        ActAsync(id, RequestAction.Submit, null, async (request, actor) =>
        {
            request.Submit(actor, await services.SubjectsAsync(request, ct: ct));
            return "Đã gửi yêu cầu.";
        }, ct);

    public Task<IActionResult> OnPostResubmitAsync(int id, CancellationToken ct) =>
        ActAsync(id, RequestAction.Resubmit, ActionInput.Default, async (request, actor) =>
        {
            request.Resubmit(actor, await services.SubjectsAsync(request, ct: ct), Input.Note);
            return "Đã gửi lại yêu cầu sau khi bổ sung.";
        }, ct);

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) =>
        ActAsync(id, RequestAction.Cancel, ActionInput.CancelRules, (request, actor) =>
        {
            request.Cancel(Input.CancelReason!, actor);
            return Task.FromResult("Đã hủy yêu cầu.");
        }, ct);

    public Task<IActionResult> OnPostReceiveAsync(int id, CancellationToken ct) =>
        ActAsync(id, RequestAction.Receive, ActionInput.Default, async (request, actor) =>
        {
            await services.ReceiveAsync(request, actor, Input.Note, ct);
            return request.DueDate is { } due
                ? $"Đã tiếp nhận yêu cầu, số tiếp nhận {request.ReceiptNumber}; hạn xử lý {Format.Date(due)}."
                : $"Đã tiếp nhận yêu cầu, số tiếp nhận {request.ReceiptNumber}.";
        }, ct);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) =>
        ActAsync(id, RequestAction.ReturnForSupplement, ActionInput.ReturnRules, async (request, actor) =>
        {
            request.ReturnForSupplement(Input.SupplementReason!, actor, await services.DeadlinesAsync(ct));
            return "Đã trả yêu cầu để cơ quan bổ sung hồ sơ.";
        }, ct);

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) =>
        ActAsync(id, RequestAction.Accept, ActionInput.Default, async (request, actor) =>
        {
            request.Accept(actor, await services.SubjectsAsync(request, ct: ct), await services.DeadlinesAsync(ct), Input.Note);
            return "Đã chấp nhận yêu cầu.";
        }, ct);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) =>
        ActAsync(id, RequestAction.Reject, ActionInput.RejectRules, (request, actor) =>
        {
            request.Reject(Input.RejectReason!, actor);
            return Task.FromResult("Đã từ chối yêu cầu.");
        }, ct);

    public Task<IActionResult> OnPostFileAsync(int id, CancellationToken ct) =>
        ActAsync(id, RequestAction.RecordFiledOnCaPortal, ActionInput.FileRules, async (request, actor) =>
        {
            request.RecordFiledOnCaPortal(Input.DossierCode!, actor, await services.DeadlinesAsync(ct), Input.Note);
            return $"Đã ghi nhận hồ sơ {request.CaDossierCode} trên Hệ thống của Cục.";
        }, ct);

    public Task<IActionResult> OnPostResultAsync(int id, CancellationToken ct) =>
        ActAsync(id, RequestAction.RecordCaResult, ResultRules, async (request, actor) =>
        {
            var recorder = new CaResultRecorder(db);
            var message = request.Type switch
            {
                RequestType.Issue => await recorder.RecordIssuedAsync(request, [.. request.Lines.Select(l =>
                {
                    var input = LineInputFor(l.Id)!;
                    return new IssuedLine(l, input.Serial!, Format.ParseDate(input.NotBefore)!.Value,
                        Format.ParseDate(input.NotAfter)!.Value, Text.CleanOrNull(input.TokenSerial));
                })], actor, ct),
                RequestType.Renew => await recorder.RecordRenewedAsync(request, [.. request.Lines.Select(l =>
                {
                    var input = LineInputFor(l.Id)!;
                    return new RenewedLine(l, input.Serial ?? "", Format.ParseDate(input.NotAfter)!.Value);
                })], actor, ct),
                RequestType.ChangeInfo => await recorder.RecordChangedAsync(request, [.. request.Lines
                    .Select(l => l.CertificateId!.Value).Distinct()
                    .Select(certificateId => new ChangedLine(certificateId,
                        request.Lines.Where(l => l.CertificateId == certificateId).Select(l => LineInputFor(l.Id)?.Serial)
                            .FirstOrDefault(s => !string.IsNullOrWhiteSpace(s))))], actor, ct),
                RequestType.Revoke => await recorder.RecordRevokedAsync(request, Format.ParseDate(Input.RevokedOn)!.Value, actor,
                    await services.DeadlinesAsync(ct), ct),
                RequestType.RecoverToken => throw new InvalidOperationException("A recovery has no Cục result."),
                _ => throw new InvalidOperationException($"Unknown request type {request.Type}."),
            };
            _afterSave = recorder.PendingEvents.Count > 0 ? recorder.AddPendingEvents : null;
            return message;
        }, ct);

    public Task<IActionResult> OnPostCaRejectionAsync(int id, CancellationToken ct) =>
        ActAsync(id, RequestAction.RecordCaRejection, ActionInput.CaRejectionRules, (request, actor) =>
        {
            request.RecordCaRejection(Input.CaRejectionReason!, actor);
            return Task.FromResult("Đã ghi nhận Cục từ chối yêu cầu.");
        }, ct);

    public Task<IActionResult> OnPostHandOverAsync(int id, CancellationToken ct) =>
        ActAsync(id, RequestAction.HandOver, ActionInput.HandOverRules, async (request, actor) =>
        {
            var on = Format.ParseDate(Input.HandedOverOn)!.Value;
            request.HandOver(Input.ReceiverName!, on, actor, Input.Note);
            if (request.Type == RequestType.Issue)
            {
                // QĐ-PT Điều 9.2: the agency hands each new token to its subscriber; custody is recorded on the token (Mẫu 08).
                foreach (var line in request.Lines.Where(l => l.ResultTokenSerial is not null))
                {
                    var token = await db.Tokens.FirstAsync(t => t.SerialNumber == line.ResultTokenSerial, ct);
                    db.TokenHandovers.Add(token.HandOver(new TokenHandoverDetails(on, request.ContactFullName ?? actor.DisplayName,
                        request.ContactPosition, line.SubscriberName, null, line.SubscriberId,
                        $"Bàn giao thiết bị và chứng thư số mới cấp theo yêu cầu {request.ReceiptNumber}", null), actor));
                }
            }

            return $"Đã ghi nhận bàn giao cho {request.HandedOverTo}; yêu cầu hoàn thành.";
        }, ct);

    public Task<IActionResult> OnPostRecoveredAsync(int id, CancellationToken ct) =>
        ActAsync(id, RequestAction.RecordRecovered, ActionInput.Default, async (request, actor) =>
        {
            var subjects = await services.SubjectsAsync(request, ct: ct);
            db.TimelineEvents.AddRange(request.RecordRecovered(subjects.Tokens, actor, Input.Note));
            return "Đã ghi nhận khôi phục thiết bị; yêu cầu hoàn thành.";
        }, ct);

    public Task<IActionResult> OnPostTokenReturnedAsync(int id, CancellationToken ct) =>
        ActAsync(id, RequestAction.RecordTokenReturned, ActionInput.TokenReturnRules, async (request, actor) =>
        {
            var subjects = await services.SubjectsAsync(request, ct: ct);
            var returns = request.Lines.Where(l => l.TokenId is not null).Select(l =>
            {
                var input = LineInputFor(l.Id)!;
                return new TokenReturn(subjects.Tokens.Single(t => t.Id == l.TokenId), input.ReturnOutcome!.Value,
                    Format.ParseDate(input.ReturnedOn)!.Value, input.MinutesNumber);
            }).ToList();
            db.TimelineEvents.AddRange(request.RecordTokenReturned(returns, actor, Input.Note));
            return "Đã ghi nhận nộp lại thiết bị; yêu cầu hoàn thành.";
        }, ct);

    public ActionInput.LineInput? LineInputFor(int lineId) => Input.Lines.FirstOrDefault(l => l.LineId == lineId);

    public bool MayPerform(RequestAction action)
    {
        if (RequestActions.PerformedBy(Current.Type, action) == RequestParty.Agency)
        {
            return IsOfficerOfTheAgency;
        }

        return IsScienceDepartmentUser && (action != RequestAction.Accept || !AcceptIsLeaderOnlyFor(configuration, me));
    }

    /// <summary>
    /// The one flow of every action: load (404 outside the scope), authorise by party (403), check the RowVersion the form
    /// was rendered with and that the table allows the action now, validate the typed fields, call the domain, save, and
    /// redirect with the status message.
    /// A refused rule or a concurrent change re-renders the latest state with the message and keeps what was typed.
    /// </summary>
    private async Task<IActionResult> ActAsync(int id, RequestAction action, string? ruleSet,
        Func<Request, Actor, Task<string>> act, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!MayPerform(action))
        {
            return Forbid();
        }

        if (!SameVersion(RowVersion, Current.RowVersion))
        {
            ModelState.AddModelError(string.Empty, DomainRuleFilter.ConcurrencyMessage);
            return Page();
        }

        if (!Current.AvailableActions.Contains(action))
        {
            // The same refusal as the domain's table (a crafted or replayed post).
            ModelState.AddModelError(string.Empty,
                $"Không thể “{RequestActions.Label(action)}” yêu cầu đang ở trạng thái “{RequestStatuses.Label(Current.Status)}”.");
            return Page();
        }

        if (ruleSet is not null && !await ValidateAsync(ruleSet == ResultRules ? ResultRuleSet(Current.Type) : ruleSet, ct))
        {
            return Page();
        }

        db.Entry(Current).Property(r => r.RowVersion).OriginalValue = Convert.FromBase64String(RowVersion!);
        string message;
        try
        {
            message = await act(Current, me.Actor());
            await db.SaveChangesAsync(ct);
            if (_afterSave is not null)
            {
                _afterSave();
                await db.SaveChangesAsync(ct);
            }
        }
        catch (DomainRuleException e)
        {
            return await ReloadAsync(id, e.Message, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ReloadAsync(id, DomainRuleFilter.ConcurrencyMessage, ct);
        }

        TempData["StatusMessage"] = message;
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

    private async Task<bool> ValidateAsync(string ruleSet, CancellationToken ct)
    {
        Input.LinesOfRequest = Current.Lines;
        Input.Today = me.Today;
        var result = await validator.ValidateAsync(Input, o => o.IncludeRuleSets(ruleSet), ct);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("Input." + error.PropertyName, error.ErrorMessage);
        }

        return result.IsValid;
    }

    private static string ResultRuleSet(RequestType type) => type switch
    {
        RequestType.Issue => ActionInput.IssueRules,
        RequestType.Renew => ActionInput.RenewRules,
        RequestType.ChangeInfo => ActionInput.ChangeRules,
        RequestType.Revoke => ActionInput.RevokeRules,
        RequestType.RecoverToken => ActionInput.Default,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static bool SameVersion(string? posted, byte[] current)
    {
        if (string.IsNullOrEmpty(posted))
        {
            return false;
        }

        try
        {
            return Convert.FromBase64String(posted).AsSpan().SequenceEqual(current);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var request = await db.Requests.Include(r => r.Lines).Include(r => r.History).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return false;
        }

        Current = request;
        HistoryItems = await RequestHistoryItem.LoadAsync(db, request, ct);
        AgencyName = await db.Agencies.Where(a => a.Id == request.AgencyId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";
        Attachments = await db.RequestAttachments.AsNoTracking().Where(a => a.RequestId == id)
            .OrderBy(a => a.Purpose).ThenBy(a => a.UploadedAtUtc).ToListAsync(ct);
        var subjects = await services.SubjectsAsync(request, ct: ct);
        Certificates = subjects.Certificates.ToDictionary(c => c.Id);
        Tokens = subjects.Tokens.ToDictionary(t => t.Id);
        var deadlines = await services.DeadlinesAsync(ct);
        Deadline = DeadlineView.For(request.DueDate, request.DueStep, me.Today, deadlines);
        Problems = request.Status == RequestStatus.Received && IsScienceDepartmentUser
            ? request.FindEligibilityProblems(subjects, me.Today)
            : [];
        return true;
    }

    /// <summary>Prefilled values: today's dates, the contact as receiver, one row per line.</summary>
    private ActionInput DefaultInput()
    {
        var today = Format.Date(me.Today);
        return new ActionInput
        {
            ReceiverName = Current.ContactFullName,
            HandedOverOn = today,
            RevokedOn = today,
            Lines = [.. Current.Lines.Select(l => new ActionInput.LineInput
            {
                LineId = l.Id,
                NotBefore = today,
                NotAfter = Current.Type == RequestType.Issue ? Format.Date(me.Today.AddYears(RenewalPolicy.MaxInitialValidityYears).AddDays(-1)) : null,
                ReturnOutcome = TokenReturnOutcome.ReturnedToCa,
                ReturnedOn = today,
            })],
        };
    }

    /// <summary>The fields of every action form; each handler validates only its rule set.</summary>
    public sealed class ActionInput
    {
        public const string Default = "Default";
        public const string CancelRules = "Cancel";
        public const string ReturnRules = "Return";
        public const string RejectRules = "Reject";
        public const string CaRejectionRules = "CaRejection";
        public const string FileRules = "File";
        public const string HandOverRules = "HandOver";
        public const string IssueRules = "Issue";
        public const string RenewRules = "Renew";
        public const string ChangeRules = "Change";
        public const string RevokeRules = "Revoke";
        public const string TokenReturnRules = "TokenReturn";

        /// <summary>Optional note of receive, accept, filing, hand-over, recovery and token return.</summary>
        public string? Note { get; set; }

        public string? CancelReason { get; set; }

        public string? SupplementReason { get; set; }

        public string? RejectReason { get; set; }

        public string? CaRejectionReason { get; set; }

        public string? DossierCode { get; set; }

        public string? ReceiverName { get; set; }

        public string? HandedOverOn { get; set; }

        public string? RevokedOn { get; set; }

        public List<LineInput> Lines { get; set; } = [];

        // Context for the validator (not posted).
        internal IReadOnlyList<RequestLine> LinesOfRequest { get; set; } = [];

        internal DateOnly Today { get; set; }

        public sealed class LineInput
        {
            public int LineId { get; set; }

            /// <summary>Issue and renew: the new certificate's serial; change: a new serial if the Cục issued one.</summary>
            public string? Serial { get; set; }

            public string? NotBefore { get; set; }

            /// <summary>Issue: expiry of the new certificate; renew: the new expiry date.</summary>
            public string? NotAfter { get; set; }

            public string? TokenSerial { get; set; }

            public TokenReturnOutcome? ReturnOutcome { get; set; }

            public string? ReturnedOn { get; set; }

            public string? MinutesNumber { get; set; }
        }
    }

    public sealed class ActionInputValidator : AbstractValidator<ActionInput>
    {
        private const int NoteMaxLength = 1000;

        public ActionInputValidator()
        {
            RuleSet(ActionInput.Default, () => NoteRule());
            RuleSet(ActionInput.CancelRules, () => ReasonRule(x => x.CancelReason, "Vui lòng nêu lý do hủy yêu cầu."));
            RuleSet(ActionInput.ReturnRules, () => ReasonRule(x => x.SupplementReason,
                "Vui lòng nêu rõ nội dung cơ quan cần bổ sung."));
            RuleSet(ActionInput.RejectRules, () => ReasonRule(x => x.RejectReason,
                "Vui lòng nêu rõ lý do từ chối (văn bản thông báo phải nêu rõ lý do)."));
            RuleSet(ActionInput.CaRejectionRules, () => ReasonRule(x => x.CaRejectionReason,
                "Vui lòng ghi lý do Cục Chứng thực số và Bảo mật thông tin từ chối."));
            RuleSet(ActionInput.FileRules, () =>
            {
                NoteRule();
                RuleFor(x => x.DossierCode).NotEmpty().WithMessage("Vui lòng nhập mã hồ sơ trên Hệ thống đăng ký, quản lý yêu cầu chứng thực.")
                    .MaximumLength(Domain.Requests.Request.DossierCodeMaxLength).WithMessage($"Mã hồ sơ không được dài quá {Domain.Requests.Request.DossierCodeMaxLength} ký tự.");
            });
            RuleSet(ActionInput.HandOverRules, () =>
            {
                NoteRule();
                RuleFor(x => x.ReceiverName).NotEmpty().WithMessage("Vui lòng nhập họ tên người nhận bàn giao.")
                    .MaximumLength(200).WithMessage("Họ tên không được dài quá 200 ký tự.");
                DateRule(x => x.HandedOverOn, "ngày bàn giao", notInTheFuture: true);
            });
            RuleSet(ActionInput.RevokeRules, () => DateRule(x => x.RevokedOn, "ngày Cục thu hồi chứng thư", notInTheFuture: true));
            RuleSet(ActionInput.IssueRules, () => RuleFor(x => x).Custom(CheckIssueLines));
            RuleSet(ActionInput.RenewRules, () => RuleFor(x => x).Custom(CheckRenewLines));
            RuleSet(ActionInput.ChangeRules, () => RuleFor(x => x).Custom(CheckChangeLines));
            RuleSet(ActionInput.TokenReturnRules, () =>
            {
                NoteRule();
                RuleFor(x => x).Custom(CheckTokenReturnLines);
            });
        }

        private void NoteRule() =>
            RuleFor(x => x.Note).MaximumLength(NoteMaxLength).WithMessage($"Ghi chú không được dài quá {NoteMaxLength} ký tự.");

        private void ReasonRule(System.Linq.Expressions.Expression<Func<ActionInput, string?>> field, string message) =>
            RuleFor(field).NotEmpty().WithMessage(message)
                .MaximumLength(Domain.Requests.Request.ReasonMaxLength).WithMessage($"Lý do không được dài quá {Domain.Requests.Request.ReasonMaxLength} ký tự.");

        private void DateRule(System.Linq.Expressions.Expression<Func<ActionInput, string?>> field, string what, bool notInTheFuture)
        {
            RuleFor(field).NotEmpty().WithMessage($"Vui lòng nhập {what} (dd/MM/yyyy).")
                .Must(v => Format.TryParseDate(v, out _)).WithMessage($"Ngày không hợp lệ, nhập theo dạng dd/MM/yyyy.");
            if (notInTheFuture)
            {
                RuleFor(field).Must((input, v) => Format.ParseDate(v) is not { } d || d <= input.Today)
                    .WithMessage("Ngày không được sau ngày hôm nay.");
            }
        }

        private static void CheckIssueLines(ActionInput input, ValidationContext<ActionInput> context)
        {
            var serials = new HashSet<string>(StringComparer.Ordinal);
            ForEachLine(input, context, (line, i, add) =>
            {
                if (string.IsNullOrWhiteSpace(line.Serial))
                {
                    add($"Lines[{i}].Serial", "Vui lòng nhập số hiệu chứng thư do Cục cấp.");
                }
                else if (!Certificate.IsValidSerial(line.Serial))
                {
                    add($"Lines[{i}].Serial", "Số hiệu chứng thư phải là dãy số hệ thập lục phân (0–9, A–F).");
                }
                else if (!serials.Add(Certificate.NormalizeSerial(line.Serial)))
                {
                    add($"Lines[{i}].Serial", "Số hiệu chứng thư bị trùng với dòng khác.");
                }

                var from = CheckDate(line.NotBefore, $"Lines[{i}].NotBefore", "ngày bắt đầu hiệu lực", add);
                var to = CheckDate(line.NotAfter, $"Lines[{i}].NotAfter", "ngày hết hạn", add);
                if (from is not null && to is not null && to <= from)
                {
                    add($"Lines[{i}].NotAfter", "Ngày hết hạn phải sau ngày bắt đầu hiệu lực.");
                }

                if (line.TokenSerial is { Length: > UsbToken.SerialMaxLength })
                {
                    add($"Lines[{i}].TokenSerial", $"Số hiệu thiết bị không được dài quá {UsbToken.SerialMaxLength} ký tự.");
                }
            });
        }

        private static void CheckRenewLines(ActionInput input, ValidationContext<ActionInput> context) =>
            ForEachLine(input, context, (line, i, add) =>
            {
                if (string.IsNullOrWhiteSpace(line.Serial))
                {
                    add($"Lines[{i}].Serial", "Vui lòng nhập số hiệu chứng thư gia hạn do Cục cấp.");
                }
                else if (!Certificate.IsValidSerial(line.Serial))
                {
                    add($"Lines[{i}].Serial", "Số hiệu chứng thư phải là dãy số hệ thập lục phân (0–9, A–F).");
                }

                CheckDate(line.NotAfter, $"Lines[{i}].NotAfter", "ngày hết hạn mới", add);
            });

        private static void CheckChangeLines(ActionInput input, ValidationContext<ActionInput> context) =>
            ForEachLine(input, context, (line, i, add) =>
            {
                if (!string.IsNullOrWhiteSpace(line.Serial) && !Certificate.IsValidSerial(line.Serial))
                {
                    add($"Lines[{i}].Serial", "Số hiệu chứng thư phải là dãy số hệ thập lục phân (0–9, A–F).");
                }
            }, requireAll: false);

        private static void CheckTokenReturnLines(ActionInput input, ValidationContext<ActionInput> context) =>
            ForEachLine(input, context, (line, i, add) =>
            {
                if (line.ReturnOutcome is null || !Enum.IsDefined(line.ReturnOutcome.Value))
                {
                    add($"Lines[{i}].ReturnOutcome", "Vui lòng chọn kết quả: đã bàn giao cho Cục hoặc thất lạc.");
                }

                if (CheckDate(line.ReturnedOn, $"Lines[{i}].ReturnedOn", "ngày bàn giao hoặc xác nhận thất lạc", add) is { } on && on > input.Today)
                {
                    add($"Lines[{i}].ReturnedOn", "Ngày không được sau ngày hôm nay.");
                }

                if (line.MinutesNumber is { Length: > 50 })
                {
                    add($"Lines[{i}].MinutesNumber", "Số biên bản không được dài quá 50 ký tự.");
                }
            }, onlyLinesWithToken: true);

        /// <summary>Runs <paramref name="check"/> on the input row of every line of the request (by line id); a missing row is an error.</summary>
        private static void ForEachLine(ActionInput input, ValidationContext<ActionInput> context,
            Action<ActionInput.LineInput, int, Action<string, string>> check, bool requireAll = true, bool onlyLinesWithToken = false)
        {
            void Add(string property, string message) => context.AddFailure(new ValidationFailure(property, message));
            foreach (var line in input.LinesOfRequest.Where(l => !onlyLinesWithToken || l.TokenId is not null))
            {
                var index = input.Lines.FindIndex(l => l.LineId == line.Id);
                if (index < 0)
                {
                    if (requireAll)
                    {
                        Add(string.Empty, $"Thiếu kết quả của dòng “{line.SubscriberName}”.");
                    }

                    continue;
                }

                check(input.Lines[index], index, Add);
            }
        }

        private static DateOnly? CheckDate(string? text, string property, string what, Action<string, string> add)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                add(property, $"Vui lòng nhập {what} (dd/MM/yyyy).");
                return null;
            }

            if (!Format.TryParseDate(text, out var date))
            {
                add(property, "Ngày không hợp lệ, nhập theo dạng dd/MM/yyyy.");
                return null;
            }

            return date;
        }
    }
}
