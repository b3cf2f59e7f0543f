using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Domain.Reports;

/// <summary>
/// The figures of the Điều 8.4 report (QĐ-PT: Sở KH&amp;CN reports to UBND tỉnh and Ban Cơ yếu Chính phủ on the management
/// and use of official-use digital signatures, with next year's demand plan) for one agency or, summed, the province.
/// </summary>
public sealed class AgencyFigures(int agencyId, string agencyName)
{
    public int AgencyId { get; } = agencyId;

    public string AgencyName { get; } = agencyName;

    /// <summary>Active subscribers today by kind (the register keeps no creation date: a snapshot, not a period count).</summary>
    public int Persons { get; set; }

    public int Organizations { get; set; }

    public int Devices { get; set; }

    public int Subscribers => Persons + Organizations + Devices;

    /// <summary>Certificates first valid in the period that are not renewals.</summary>
    public int Issued { get; set; }

    /// <summary>Renewed certificates (successors) first valid in the period.</summary>
    public int Renewed { get; set; }

    /// <summary>Certificates whose information change the Cục recorded in the period (Mẫu 04 "TĐTT" lines).</summary>
    public int Changed { get; set; }

    public int Revoked { get; set; }

    /// <summary>Certificates that reached their expiry in the period without being revoked or renewed.</summary>
    public int Expired { get; set; }

    /// <summary>Certificate lines valid at the end of the last day of the period.</summary>
    public int ValidAtEnd { get; set; }

    /// <summary>Token handovers (biên bản bàn giao) dated in the period.</summary>
    public int TokensHandedOver { get; set; }

    public int TokensLocked { get; set; }

    public int TokensRecovered { get; set; }

    public int TokensLost { get; set; }

    public int TokensReturnedToCa { get; set; }

    public RequestFigures Requests { get; } = new();

    /// <summary>Demand plan: valid certificates expiring in the plan year that may still be renewed once.</summary>
    public int PlanRenewals { get; set; }

    /// <summary>Demand plan: valid certificates expiring in the plan year that were already renewed, so need a new issue.</summary>
    public int PlanNewIssues { get; set; }

    public int PlanTotal => PlanRenewals + PlanNewIssues;

    /// <summary>
    /// The agency's own forecast (QĐ-PT Điều 9.6 report, <see cref="AgencyReport"/>): new subscribers needing a certificate, from
    /// its sent or received report counted for the period (docs/reports.md).
    /// </summary>
    public int ForecastNewSubscribers { get; set; }

    /// <summary>The agency's forecast of new key-storage devices.</summary>
    public int ForecastNewTokens { get; set; }

    /// <summary>The agency's forecast of certificates to renew or re-issue.</summary>
    public int ForecastRenewals { get; set; }

    public void Add(AgencyFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Persons += other.Persons;
        Organizations += other.Organizations;
        Devices += other.Devices;
        Issued += other.Issued;
        Renewed += other.Renewed;
        Changed += other.Changed;
        Revoked += other.Revoked;
        Expired += other.Expired;
        ValidAtEnd += other.ValidAtEnd;
        TokensHandedOver += other.TokensHandedOver;
        TokensLocked += other.TokensLocked;
        TokensRecovered += other.TokensRecovered;
        TokensLost += other.TokensLost;
        TokensReturnedToCa += other.TokensReturnedToCa;
        Requests.Add(other.Requests);
        PlanRenewals += other.PlanRenewals;
        PlanNewIssues += other.PlanNewIssues;
        ForecastNewSubscribers += other.ForecastNewSubscribers;
        ForecastNewTokens += other.ForecastNewTokens;
        ForecastRenewals += other.ForecastRenewals;
    }
}

/// <summary>
/// Requests in a period, counted as Vietnamese administrative-procedure reports count dossiers: carried over from before
/// plus newly received; resolved before, on or after the due date; pending in time or overdue at the end. Sở's own step
/// exists only for Mẫu 04 and 06 (<see cref="ScienceDepartmentStep.Applies"/>); the Cục's leg is shown as elapsed
/// working days against the expected period (<see cref="LegalDeadlines"/>, <see cref="DeadlineKind.Expected"/>).
/// </summary>
public sealed class RequestFigures
{
    /// <summary>Kỳ trước chuyển sang: received before the period and still open when it started.</summary>
    public int CarriedOver { get; set; }

    /// <summary>Mới tiếp nhận: first received in the period.</summary>
    public int Received { get; set; }

    public int Total => CarriedOver + Received;

    /// <summary>Closed in the period: completed, refused by Sở, refused by the Cục, withdrawn.</summary>
    public int Completed { get; set; }

    public int RejectedByScienceDepartment { get; set; }

    public int RejectedByCa { get; set; }

    public int Cancelled { get; set; }

    /// <summary>Open at the end of the period.</summary>
    public int OpenAtEnd { get; set; }

    public int Early { get; set; }

    public int OnDueDay { get; set; }

    public int Late { get; set; }

    public int Resolved => Early + OnDueDay + Late;

    /// <summary>Sở's step still running at the end of the period, in time and overdue.</summary>
    public int Pending { get; set; }

    public int PendingOverdue { get; set; }

    public double? OnTimeRate => ScienceDepartmentStep.OnTimeRate(Early, OnDueDay, Late);

    /// <summary>Requests whose Cục leg ended (result or refusal recorded) in the period.</summary>
    public int CaFinished { get; set; }

    public int CaWorkingDaysSum { get; set; }

    public int CaWorkingDaysMax { get; set; }

    /// <summary>Of <see cref="CaFinished"/>, those that took longer than the expected period.</summary>
    public int CaBeyondExpected { get; set; }

    /// <summary>Requests still waiting for the Cục at the end of the period.</summary>
    public int CaWaitingAtEnd { get; set; }

    public double? CaAverageWorkingDays => CaFinished == 0 ? null : Math.Round((double)CaWorkingDaysSum / CaFinished, 1);

    /// <summary>Adds <paramref name="count"/> requests closed in the period in <paramref name="status"/> (the closed statuses counted).</summary>
    public void AddClosed(RequestStatus status, int count = 1)
    {
        switch (status)
        {
            case RequestStatus.Completed: Completed += count; break;
            case RequestStatus.Rejected: RejectedByScienceDepartment += count; break;
            case RequestStatus.RejectedByCa: RejectedByCa += count; break;
            case RequestStatus.Cancelled: Cancelled += count; break;
        }
    }

    /// <summary>Adds <paramref name="count"/> of Sở's steps with <paramref name="outcome"/>; a withdrawn step, or none, is not counted.</summary>
    public void AddOutcome(StepOutcome? outcome, int count = 1)
    {
        switch (outcome)
        {
            case StepOutcome.Early: Early += count; break;
            case StepOutcome.OnDueDay: OnDueDay += count; break;
            case StepOutcome.Late: Late += count; break;
            case StepOutcome.Pending: Pending += count; break;
            case StepOutcome.PendingOverdue: Pending += count; PendingOverdue += count; break;
        }
    }

    /// <summary>Adds <paramref name="count"/> Cục legs that ended in the period after <paramref name="workingDays"/>, against the expected period.</summary>
    public void AddCaFinished(int workingDays, int expectedWorkingDays, int count = 1)
    {
        CaFinished += count;
        CaWorkingDaysSum += workingDays * count;
        CaWorkingDaysMax = Math.Max(CaWorkingDaysMax, workingDays);
        if (workingDays > expectedWorkingDays)
        {
            CaBeyondExpected += count;
        }
    }

    public void Add(RequestFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CarriedOver += other.CarriedOver;
        Received += other.Received;
        Completed += other.Completed;
        RejectedByScienceDepartment += other.RejectedByScienceDepartment;
        RejectedByCa += other.RejectedByCa;
        Cancelled += other.Cancelled;
        OpenAtEnd += other.OpenAtEnd;
        Early += other.Early;
        OnDueDay += other.OnDueDay;
        Late += other.Late;
        Pending += other.Pending;
        PendingOverdue += other.PendingOverdue;
        CaFinished += other.CaFinished;
        CaWorkingDaysSum += other.CaWorkingDaysSum;
        CaWorkingDaysMax = Math.Max(CaWorkingDaysMax, other.CaWorkingDaysMax);
        CaBeyondExpected += other.CaBeyondExpected;
        CaWaitingAtEnd += other.CaWaitingAtEnd;
    }
}

/// <summary>One certificate of the demand plan: it expires in the plan year and will need a renewal or a new issue.</summary>
public sealed record DemandPlanLine(string AgencyName, string SubscriberName, string SerialNumber, DateOnly ExpiresOn, bool CanBeRenewed);

/// <summary>
/// The whole report: per agency, the province total, requests by type, revocations by reason, the plan's lines
/// (<paramref name="DemandPlan"/> holds the first lines only when the report was asked for a preview;
/// <paramref name="DemandPlanCount"/> is always the whole list's length).
/// </summary>
public sealed record ProvinceReport(
    ReportPeriod Period,
    DateOnly AsOf,
    IReadOnlyList<AgencyFigures> Agencies,
    AgencyFigures Total,
    IReadOnlyList<(RequestType Type, RequestFigures Figures)> RequestsByType,
    IReadOnlyList<(string Reason, int Count)> RevokedByReason,
    IReadOnlyList<DemandPlanLine> DemandPlan,
    int DemandPlanCount);
