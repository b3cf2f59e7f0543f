using System.Linq.Expressions;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;

namespace PhuThoCa.Domain.Requests;

/// <summary>A refused condition found before acting: rule name (a sentence) and the Vietnamese message.</summary>
public sealed record RequestProblem(string Rule, string Message);

/// <summary>
/// Yêu cầu chứng thực: one request letter of an agency (Mẫu 01–06) and its way through Sở KH&amp;CN and Cục CTS&amp;BMTT.
/// The aggregate root of the request workflows (docs/adr/0007-request-state-machine.md): the status changes only
/// through one public method per business action, each going through <see cref="TransitionTo"/>, which consults
/// <see cref="RequestTransitions"/>, refuses an illegal move always with the same rule, and appends the history row.
/// The domain reads no clock: every action takes an <see cref="Actor"/> (who and when) and, where a deadline starts,
/// an <see cref="IWorkingDayDeadlines"/>.
/// </summary>
public sealed partial class Request : Entity
{
    public const int LetterNumberMaxLength = 50;
    public const int ReasonMaxLength = 2000;
    public const int DossierCodeMaxLength = 100;

    private readonly List<RequestLine> _lines = [];
    private readonly List<RequestStatusChange> _history = [];

    private Request()
    {
        CreatedByUserId = "";
        CreatedByName = "";
        RowVersion = [];
        Letter = RequestLetter.Empty;
        Contact = RequestContact.Empty;
    }

    public Request(RequestType type, int agencyId, Actor createdBy)
    {
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }

        Type = type;
        AgencyId = agencyId;
        Status = RequestStatus.Draft;
        CreatedByUserId = createdBy.UserId;
        CreatedByName = createdBy.DisplayName;
        CreatedAtUtc = Utc(createdBy.AtUtc);
        RowVersion = NewVersion();
        Letter = RequestLetter.Empty;
        Contact = RequestContact.Empty;
    }

    public RequestType Type { get; private set; }

    public RequestStatus Status { get; private set; }

    /// <summary>Cơ quan, tổ chức quản lý trực tiếp that signs the letter.</summary>
    public int AgencyId { get; private set; }

    public string CreatedByUserId { get; private set; }

    public string CreatedByName { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    /// <summary>The letter (công văn): "Số: …", date and signer; one value, stored as an EF complex type (its own columns).</summary>
    public RequestLetter Letter { get; private set; }

    /// <summary>Mục 1: người được giao tiếp nhận / đầu mối phối hợp (see <see cref="RequestContact"/>), stored as an EF complex type.</summary>
    public RequestContact Contact { get; private set; }

    /// <summary>Số tiếp nhận, e.g. SKHCN-2026-000123: assigned at the first receipt and kept after a resubmission.</summary>
    public string? ReceiptNumber { get; private set; }

    /// <summary>Latest receipt by Sở (a resubmitted request is received again).</summary>
    public DateTime? ReceivedAtUtc { get; private set; }

    /// <summary>
    /// Day X of Sở's legal clock ("kể từ ngày tiếp nhận đề nghị hợp lệ"; not counted itself), kept afterwards for reports.
    /// Null before the clock starts and after a return for supplement; only Mẫu 04/06 requests have one.
    /// </summary>
    public DateOnly? ValidFromDate { get; private set; }

    /// <summary>End (24:00) of the running step's period; null when no period applies. See <see cref="DueStep"/>.</summary>
    public DateOnly? DueDate { get; private set; }

    /// <summary>The step <see cref="DueDate"/> belongs to; its kind, holder and legal basis are in <see cref="LegalDeadlines"/>.</summary>
    public DeadlineStep? DueStep { get; private set; }

    /// <summary>Working days of Sở's clock already used before returns for supplement, when the clock pauses instead of restarting.</summary>
    public int ClockWorkingDaysUsed { get; private set; }

    /// <summary>Mã hồ sơ on dichvucong.ca.gov.vn (QĐ-PT Điều 5.4c).</summary>
    public string? CaDossierCode { get; private set; }

    public DateTime? FiledOnCaPortalAtUtc { get; private set; }

    /// <summary>Latest reason for returning the request for supplement.</summary>
    public string? SupplementReason { get; private set; }

    /// <summary>Sở's written reasons (Rejected) or the Cục's (RejectedByCa).</summary>
    public string? RejectionReason { get; private set; }

    public string? CancellationReason { get; private set; }

    public DateTime? CaResultRecordedAtUtc { get; private set; }

    /// <summary>Revocation time given by the Cục (revoke requests).</summary>
    public DateTime? RevokedAtUtc { get; private set; }

    public string? HandedOverTo { get; private set; }

    public DateOnly? HandedOverOn { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>
    /// First receipt by Sở (<see cref="ReceivedAtUtc"/> is the latest): the day a request counts as received in the on-time
    /// statistics and the Điều 8.4 report. This and the milestones below are facts of the history kept on the request by
    /// <see cref="TransitionTo"/>, each set once by the first move that makes it true, so that reports over a year read one
    /// lean index instead of every request's history (ADR 0029).
    /// </summary>
    public DateTime? FirstReceivedAtUtc { get; private set; }

    /// <summary>First move that ended Sở's step (<see cref="ScienceDepartmentResolution.Actions"/>): filed, recovered or refused.</summary>
    public DateTime? ResolvedAtUtc { get; private set; }

    /// <summary>
    /// That resolution judged against the due date in force when it was made (<see cref="ScienceDepartmentResolution.Timing"/>);
    /// null while unresolved.
    /// </summary>
    public ResolutionTiming? Resolution { get; private set; }

    /// <summary>First entry into <see cref="RequestStatus.AwaitingCaResult"/>: the Cục's period starts.</summary>
    public DateTime? CaWaitStartedAtUtc { get; private set; }

    /// <summary>First answer of the Cục recorded (its result or its refusal).</summary>
    public DateTime? CaAnsweredAtUtc { get; private set; }

    /// <summary>
    /// The Cục's period in working days, from <see cref="CaWaitStartedAtUtc"/> to <see cref="CaAnsweredAtUtc"/> (Vietnam
    /// dates, the start day not counted), counted with the calendar in force when the answer was recorded, as
    /// <see cref="Resolution"/> is judged when it is made. Null before the answer, and for answers recorded before session 21
    /// (the report counts those from their two dates, ADR 0037).
    /// </summary>
    public int? CaWorkingDays { get; private set; }

    /// <summary>
    /// The Cục's period in working days from <paramref name="startedUtc"/> to <paramref name="answeredUtc"/>: their Vietnam
    /// dates, the start day not counted, by the calendar of <paramref name="deadlines"/>. What <see cref="CaWorkingDays"/>
    /// keeps, and what the report counts for an answer recorded without it.
    /// </summary>
    public static int CaWorkingDaysBetween(IWorkingDayDeadlines deadlines, DateTime startedUtc, DateTime answeredUtc)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        return deadlines.WorkingDaysBetween(VietnamTime.ToDate(startedUtc), VietnamTime.ToDate(answeredUtc));
    }

    /// <summary>
    /// Optimistic concurrency token, renewed by every change of the aggregate. Map it with <c>IsConcurrencyToken()</c>
    /// (not <c>IsRowVersion()</c>) so SQLite and SQL Server behave the same.
    /// </summary>
    public byte[] RowVersion { get; private set; }

    public IReadOnlyList<RequestLine> Lines => _lines;

    public IReadOnlyList<RequestStatusChange> History => _history;

    public bool IsOpen => RequestStatuses.IsOpen(Status);

    public IReadOnlyList<RequestAction> AvailableActions => RequestTransitions.AvailableActions(Type, Status);

    /// <summary>Mẫu 01/02/03 of an issue request follows its lines' subscriber kind (all lines share one kind).</summary>
    public SubscriberKind? IssueSubscriberKind => Type == RequestType.Issue && _lines.Count > 0 ? _lines[0].SubscriberKind : null;

    /// <summary>"01" … "06"; null for an issue request without lines.</summary>
    public string? FormNumber => RequestTypes.FormNumber(Type, IssueSubscriberKind);

    /// <summary>
    /// Query-friendly "open" test, built from the one definition (<see cref="RequestStatuses.IsClosed"/>): the open
    /// statuses listed (SQL <c>Status IN (…)</c>, which indexes on Status serve as one seek per status; a
    /// <c>NOT IN</c> of the closed ones reads every request), e.g. <c>db.Requests.Where(Request.IsOpenExpression)</c>.
    /// </summary>
    public static Expression<Func<Request, bool>> IsOpenExpression { get; } = BuildIsOpen();

    /// <summary>
    /// Duplicate guard (features G1.4): open requests of <paramref name="type"/> with a line on the certificate or the token.
    /// The web layer refuses a new request when <c>db.Requests.Any(Request.OpenRequestCovering(…))</c> and links to it.
    /// </summary>
    public static Expression<Func<Request, bool>> OpenRequestCovering(RequestType type, int? certificateId, int? tokenId) =>
        AndOpen(r => r.Type == type
            && r.Lines.Any(l => (certificateId != null && l.CertificateId == certificateId) || (tokenId != null && l.TokenId == tokenId)));

    /// <summary><paramref name="condition"/> and <see cref="IsOpenExpression"/>, as one translatable expression.</summary>
    public static Expression<Func<Request, bool>> AndOpen(Expression<Func<Request, bool>> condition) => And(condition, IsOpenExpression);

    /// <summary><paramref name="left"/> and <paramref name="right"/>, as one translatable expression over the same request.</summary>
    public static Expression<Func<Request, bool>> And(Expression<Func<Request, bool>> left, Expression<Func<Request, bool>> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var r = left.Parameters[0];
        var both = Expression.AndAlso(left.Body, new ReplaceParameter(right.Parameters[0], r).Visit(right.Body));
        return Expression.Lambda<Func<Request, bool>>(both, r);
    }

    private static Expression<Func<Request, bool>> BuildIsOpen()
    {
        var r = Expression.Parameter(typeof(Request), "r");
        var status = Expression.Property(r, nameof(Status));
        var body = Enum.GetValues<RequestStatus>().Where(RequestStatuses.IsOpen)
            .Select(open => (Expression)Expression.Equal(status, Expression.Constant(open)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Request, bool>>(body, r);
    }

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>
    /// Every status change goes through here: the table decides (always the same refusal), separation of duties is
    /// checked, then <paramref name="effects"/> validates and records the action's data (returning the history note), the
    /// status and the deadline change, and one history row is appended.
    /// </summary>
    private void TransitionTo(RequestAction action, Actor actor, string? note, Func<string?>? effects = null,
        IWorkingDayDeadlines? deadlines = null)
    {
        var from = Status;
        var to = RequestTransitions.Next(Type, from, action) ?? throw IllegalTransition(action);

        if (RequestActions.PerformedBy(Type, action) == RequestParty.ScienceDepartment
            && string.Equals(actor.UserId, CreatedByUserId, StringComparison.Ordinal))
        {
            throw new DomainRuleException(RequestRules.StaffCannotActOnTheirOwnRequest,
                $"Không thể “{RequestActions.Label(action)}” yêu cầu do chính mình lập: việc này phải do một cán bộ khác thực hiện.");
        }

        var history = Join(effects?.Invoke(), note);
        RecordMilestones(action, to, Utc(actor.AtUtc), deadlines);
        Status = to;
        UpdateDeadline(action, to, actor, deadlines);
        if (RequestStatuses.IsClosed(to))
        {
            ClosedAtUtc = Utc(actor.AtUtc);
        }

        _history.Add(new RequestStatusChange(from, to, action, actor, history, DueDate));
        RowVersion = NewVersion();
    }

    /// <summary>
    /// Keeps the history's milestones on the request (<see cref="FirstReceivedAtUtc"/> and the properties after it). Runs
    /// before the move changes the deadline: the due date a resolution is judged against is the one in force before it.
    /// </summary>
    private void RecordMilestones(RequestAction action, RequestStatus to, DateTime atUtc, IWorkingDayDeadlines? deadlines)
    {
        if (action == RequestAction.Receive)
        {
            FirstReceivedAtUtc ??= atUtc;
        }

        if (ScienceDepartmentResolution.IsResolution(action) && ResolvedAtUtc is null)
        {
            ResolvedAtUtc = atUtc;
            Resolution = ScienceDepartmentResolution.Timing(VietnamTime.ToDate(atUtc), DueDate);
        }

        if (to == RequestStatus.AwaitingCaResult)
        {
            CaWaitStartedAtUtc ??= atUtc;
        }

        if (action is RequestAction.RecordCaResult or RequestAction.RecordCaRejection && CaAnsweredAtUtc is null)
        {
            CaAnsweredAtUtc = atUtc;
            if (CaWaitStartedAtUtc is { } started)
            {
                CaWorkingDays = CaWorkingDaysBetween(deadlines!, started, atUtc);
            }
        }
    }

    /// <summary>
    /// Throws the table's refusal when <paramref name="action"/> is not allowed now, the one the action itself would throw:
    /// callers check it before validating the action's input, so a crafted or replayed post gets the same message.
    /// </summary>
    public void EnsureAllowed(RequestAction action)
    {
        if (RequestTransitions.Next(Type, Status, action) is null)
        {
            throw IllegalTransition(action);
        }
    }

    private DomainRuleException IllegalTransition(RequestAction action) =>
        new(RequestRules.TransitionMustBeInTheTable,
            $"Không thể “{RequestActions.Label(action)}” yêu cầu đang ở trạng thái “{RequestStatuses.Label(Status)}”.");

    /// <summary>
    /// Deadlines come from transitions (docs/architecture.md §3.4): entering a status with a timed step starts its period
    /// from the effective start day of the move; Sở's own step may instead keep the clock of the receipt.
    /// </summary>
    private void UpdateDeadline(RequestAction action, RequestStatus to, Actor actor, IWorkingDayDeadlines? deadlines)
    {
        if (action == RequestAction.ReturnForSupplement)
        {
            var settings = deadlines!.Settings;
            ClockWorkingDaysUsed = !settings.RestartClockOnResubmission && ValidFromDate is { } start
                ? ClockWorkingDaysUsed + Math.Max(0, deadlines.WorkingDaysBetween(start, VietnamTime.ToDate(actor.AtUtc)))
                : 0;
            ValidFromDate = null;
        }

        var step = LegalDeadlines.StepFor(Type, to);
        if (step is not { } running)
        {
            DueDate = null;
            DueStep = null;
            return;
        }

        ArgumentNullException.ThrowIfNull(deadlines);
        var clock = deadlines.Settings.ClockStartsAt;
        var isScienceDepartmentStep = LegalDeadlines.Holder(running) == DeadlineHolder.ScienceDepartment;
        if (isScienceDepartmentStep && action == RequestAction.Receive && clock == LegalClockStart.Acceptance)
        {
            ValidFromDate = null;
            DueDate = null;
            DueStep = null;
            return;
        }

        if (isScienceDepartmentStep && action == RequestAction.Accept && clock == LegalClockStart.Receipt)
        {
            return;
        }

        var day = deadlines.EffectiveStartDay(DateTime.SpecifyKind(VietnamTime.ToLocal(actor.AtUtc), DateTimeKind.Unspecified));
        var days = deadlines.Settings.WorkingDays(running);
        if (isScienceDepartmentStep)
        {
            ValidFromDate = day;
            days = Math.Max(0, days - ClockWorkingDaysUsed);
        }

        DueDate = deadlines.AddWorkingDays(day, days);
        DueStep = running;
    }

    /// <summary>
    /// The working-day calendar changed (an admin added a day off or a make-up Saturday): recompute the running
    /// deadline from the same start day. Returns the history row to store when the due date moved, otherwise null.
    /// Not a transition: the status stays as it is.
    /// </summary>
    public TimelineEvent? RecalculateDeadline(IWorkingDayDeadlines deadlines, Actor actor, string reason)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        if (!IsOpen || DueStep is not { } step || DueDate is not { } oldDue)
        {
            return null;
        }

        var isScienceDepartmentStep = LegalDeadlines.Holder(step) == DeadlineHolder.ScienceDepartment;
        DateOnly start;
        int days = deadlines.Settings.WorkingDays(step);
        if (isScienceDepartmentStep && ValidFromDate is { } validFrom)
        {
            start = validFrom;
            days = Math.Max(0, days - ClockWorkingDaysUsed);
        }
        else
        {
            var started = _history.LastOrDefault(h => h.To == Status)?.AtUtc ?? actor.AtUtc;
            start = deadlines.EffectiveStartDay(DateTime.SpecifyKind(VietnamTime.ToLocal(started), DateTimeKind.Unspecified));
        }

        var newDue = deadlines.AddWorkingDays(start, days);
        if (newDue == oldDue)
        {
            return null;
        }

        DueDate = newDue;
        RowVersion = NewVersion();
        return new TimelineEvent(TimelineSubject.Request, Id, actor.AtUtc, actor.DisplayName, "Tính lại hạn xử lý",
            VietnamTime.DateText(oldDue), VietnamTime.DateText(newDue), reason);
    }

    private static string RequiredReason(string? reason, string rule, string message)
    {
        var text = Text.Clean(reason);
        if (text.Length == 0)
        {
            throw new DomainRuleException(rule, message);
        }

        return text.Length > ReasonMaxLength
            ? throw new DomainRuleException(rule, $"Lý do không được dài quá {ReasonMaxLength} ký tự.")
            : text;
    }

    private string? LetterNote() =>
        Letter.Number is null ? null : $"Văn bản số {Letter.Number}" + (Letter.Date is { } d ? $" ngày {Fmt(d)}" : "");

    private static string? Join(string? first, string? second)
    {
        var a = Text.CleanOrNull(first);
        var b = Text.CleanOrNull(second);
        return a is null ? b : b is null ? a : $"{a}. {b}";
    }

    private static string Fmt(DateOnly date) => VietnamTime.DateText(date);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static byte[] NewVersion() => Guid.NewGuid().ToByteArray();
}
