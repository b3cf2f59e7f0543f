using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Requests;

// The request aggregate, Sở KH&CN's review (QĐ-PT Điều 5, 6): receive, return for supplement, accept, reject.
public sealed partial class Request
{
    /// <summary>Sở records the receipt: assigns the receipt number (first receipt only) and starts the running period.</summary>
    public void Receive(Actor actor, IWorkingDayDeadlines deadlines, int? receiptSequence, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        TransitionTo(RequestAction.Receive, actor, null, () =>
        {
            if (ReceiptNumber is null)
            {
                var sequence = receiptSequence ?? throw new DomainRuleException(RequestRules.FirstReceiptNeedsAReceiptSequence,
                    "Lần tiếp nhận đầu tiên phải cấp số tiếp nhận.");
                ReceiptNumber = RequestReceiptNumber.Format(VietnamTime.ToDate(actor.AtUtc).Year, sequence);
            }
            else if (receiptSequence is not null)
            {
                throw new DomainRuleException(RequestRules.ReceiptNumberIsAssignedOnce,
                    $"Yêu cầu đã có số tiếp nhận {ReceiptNumber}; hồ sơ bổ sung giữ nguyên số này.");
            }

            ReceivedAtUtc = Utc(actor.AtUtc);
            return Join($"Số tiếp nhận: {ReceiptNumber}", note);
        }, deadlines);
    }

    /// <summary>Sở returns the request to the agency to supplement it; the legal clock stops (or pauses, see settings).</summary>
    public void ReturnForSupplement(string reason, Actor actor, IWorkingDayDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        TransitionTo(RequestAction.ReturnForSupplement, actor, null, () =>
        {
            SupplementReason = RequiredReason(reason, RequestRules.ReturnForSupplementNeedsAReason,
                "Phải nêu rõ nội dung cần bổ sung khi trả lại yêu cầu.");
            return SupplementReason;
        }, deadlines);
    }

    /// <summary>
    /// Sở finds the request valid (QĐ-PT Điều 5.4c, 6.4). Eligibility is checked again on the current state (a certificate
    /// renewed or revoked meanwhile, a token no longer locked is refused), but the 30-day condition of NĐ 68/2024 Điều 12,
    /// 14 and QĐ-PT Điều 5.1–5.2 is judged on <see cref="EligibilityDate"/> (the filing day by default), never on the day
    /// Sở accepts; <see cref="FindValidityWarnings"/> tells Sở when fewer than 30 days remain now.
    /// </summary>
    public void Accept(Actor actor, RequestSubjects subjects, IWorkingDayDeadlines deadlines, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        TransitionTo(RequestAction.Accept, actor, note, () =>
        {
            EnsureEligible(subjects, EligibilityDate(deadlines.Settings.EligibilityJudgedOn) ?? VietnamTime.ToDate(actor.AtUtc));
            return null;
        }, deadlines);
    }

    /// <summary>
    /// The Vietnam day on which the 30-day condition is judged at acceptance: the (last) submission day, or the receipt day
    /// when so configured; null before the request was sent.
    /// </summary>
    public DateOnly? EligibilityDate(EligibilityJudgedOn judgedOn)
    {
        var at = judgedOn == EligibilityJudgedOn.Receipt ? ReceivedAtUtc ?? SubmittedAtUtc : SubmittedAtUtc;
        return at is { } utc ? VietnamTime.ToDate(utc) : null;
    }

    /// <summary>What refuses acceptance: <see cref="FindEligibilityProblems"/> as of <see cref="EligibilityDate"/>.</summary>
    public IReadOnlyList<RequestProblem> FindAcceptanceProblems(RequestSubjects subjects, DateOnly today, EligibilityJudgedOn judgedOn) =>
        FindEligibilityProblems(subjects, EligibilityDate(judgedOn) ?? today);

    /// <summary>
    /// Problems as of <paramref name="today"/> that do not refuse acceptance (the request was eligible on its
    /// <see cref="EligibilityDate"/>), e.g. fewer than 30 days of validity left now: Sở is warned to file quickly.
    /// </summary>
    public IReadOnlyList<RequestProblem> FindValidityWarnings(RequestSubjects subjects, DateOnly today, EligibilityJudgedOn judgedOn)
    {
        var refusing = FindAcceptanceProblems(subjects, today, judgedOn).Select(p => p.Rule).ToHashSet(StringComparer.Ordinal);
        return [.. FindEligibilityProblems(subjects, today).Where(p => !refusing.Contains(p.Rule))];
    }

    /// <summary>Sở refuses the request; the letter to the agency must state the reasons (QĐ-PT Điều 5.4b, 6.3).</summary>
    public void Reject(string reason, Actor actor) =>
        TransitionTo(RequestAction.Reject, actor, null, () =>
        {
            RejectionReason = RequiredReason(reason, RequestRules.RejectionNeedsAReason,
                "Phải nêu rõ lý do khi từ chối yêu cầu (văn bản thông báo phải nêu rõ lý do).");
            return RejectionReason;
        });

    /// <summary>
    /// Phiếu xin lỗi và hẹn lại ngày trả kết quả (one-stop-shop rules, Nghị định 118/2025/NĐ-CP [U: form set not in our
    /// sources]): Sở promises a new return date for a Mẫu 04/06 request in its own step that will miss its due date (due today
    /// or on the next working day) or has missed it. The new date must be a working day after today, and the reason is
    /// written. Not a transition: the status and the legal <see cref="DueDate"/> stay as they are, so a late request stays
    /// late in the on-time statistics; the promise is kept as the history row returned (to store beside the request).
    /// </summary>
    public TimelineEvent PromiseNewReturnDate(DateOnly newDate, string reason, Actor actor, IWorkingDayDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(deadlines);
        var today = VietnamTime.ToDate(actor.AtUtc);
        if (!RequestTypes.SlipsGivenAtReceipt(Type) || !IsOpen || DueDate is not { } due || DueStep is not { } step
            || LegalDeadlines.Holder(step) != DeadlineHolder.ScienceDepartment || due > deadlines.AddWorkingDays(today, 1))
        {
            throw new DomainRuleException(RequestRules.ApologyOnlyForARequestThatMissesItsDueDate,
                "Chỉ lập phiếu xin lỗi và hẹn lại ngày trả kết quả cho yêu cầu Mẫu 04, 06 đang chờ Sở xử lý đã quá hạn, "
                + "đến hạn hôm nay hoặc ngày làm việc tiếp theo.");
        }

        if (newDate <= today || deadlines.AddWorkingDays(newDate.AddDays(-1), 1) != newDate)
        {
            throw new DomainRuleException(RequestRules.NewReturnDateMustBeAWorkingDayAfterToday,
                "Ngày hẹn trả lại phải là một ngày làm việc sau ngày hôm nay.");
        }

        var why = RequiredReason(reason, RequestRules.NewReturnDateNeedsAReason, "Phải nêu lý do hẹn lại ngày trả kết quả.");
        RowVersion = NewVersion();
        return new TimelineEvent(TimelineSubject.Request, Id, actor.AtUtc, actor.DisplayName, PromiseTitle,
            VietnamTime.DateText(due), VietnamTime.DateText(newDate), why);
    }

    /// <summary>The history title of <see cref="PromiseNewReturnDate"/>; the details page finds the latest promise by it.</summary>
    public const string PromiseTitle = "Hẹn lại ngày trả kết quả";
}
