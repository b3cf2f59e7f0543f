using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Reports;

/// <summary>The rules of the agencies' reports to Sở (QĐ-PT Điều 9.6), named as <see cref="DomainRuleException.Rule"/>.</summary>
public static class AgencyReportRules
{
    public const string DeadlineNotBeforePeriodStart = nameof(DeadlineNotBeforePeriodStart);
    public const string OnlyADraftChanges = nameof(OnlyADraftChanges);
    public const string OnlyASentReportIsReceived = nameof(OnlyASentReportIsReceived);
    public const string ForecastIsNotNegative = nameof(ForecastIsNotNegative);
}

/// <summary>
/// Kỳ báo cáo: a period for which Sở KH&amp;CN asks every agency for its report (QĐ-PT Điều 9.6: "định kỳ hoặc đột xuất báo
/// cáo Sở Khoa học và Công nghệ"), with the day by which it is due (hạn nộp) and an optional note. Sở defines it; the
/// regulation sets no date, so the deadline is Sở's choice.
/// </summary>
public sealed class ReportingRound : Entity
{
    public const int NoteMaxLength = 1000;

    private ReportingRound()
    {
        CreatedBy = "";
    }

    public ReportingRound(ReportPeriod period, DateOnly deadline, string? note, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(actor);
        if (deadline < period.From)
        {
            throw new DomainRuleException(AgencyReportRules.DeadlineNotBeforePeriodStart,
                $"Hạn nộp báo cáo không được trước ngày bắt đầu kỳ báo cáo ({VietnamTime.DateText(period.From)}).");
        }

        PeriodKind = period.Kind;
        From = period.From;
        To = period.To;
        Deadline = deadline;
        Note = Text.CleanOrNull(note);
        CreatedAtUtc = actor.AtUtc;
        CreatedBy = actor.DisplayName;
    }

    public ReportPeriodKind PeriodKind { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    /// <summary>Hạn nộp: the last day (Vietnam date) on which a report counts as sent in time.</summary>
    public DateOnly Deadline { get; private set; }

    public string? Note { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; }

    public ReportPeriod Period => new(PeriodKind, From, To);

    /// <summary>A report sent on <paramref name="sentOn"/> is late when that day is after the deadline.</summary>
    public bool IsLate(DateOnly sentOn) => sentOn > Deadline;
}

/// <summary>Nháp → Đã gửi → Sở đã tiếp nhận. Values are stored: never renumber.</summary>
public enum AgencyReportStatus
{
    /// <summary>Nháp: the agency is writing it; the figures are live.</summary>
    Draft = 1,

    /// <summary>Đã gửi: sent to Sở; the figures are frozen.</summary>
    Sent = 2,

    /// <summary>Sở đã tiếp nhận.</summary>
    Received = 3,
}

/// <summary>
/// The agency's forecast for the year after the round's period (Điều 8.4 asks Sở for "kế hoạch, nhu cầu sử dụng của năm
/// tiếp theo", which it builds from what the agencies report under Điều 9.6): new subscribers needing a certificate, new
/// key-storage devices, certificates to renew or re-issue. Whole numbers, none negative.
/// </summary>
public sealed record AgencyForecast(int NewSubscribers, int NewTokens, int Renewals, string? Note)
{
    public const int NoteMaxLength = 2000;

    public static AgencyForecast None { get; } = new(0, 0, 0, null);
}

/// <summary>
/// Báo cáo của cơ quan gửi Sở (QĐ-PT Điều 9.6): one per round and agency. The figures are the agency's part of the Điều 8.4
/// tables, live while it is a draft and frozen as JSON (<see cref="FiguresJson"/>) when it is sent, so the report Sở
/// receives never changes afterwards. Sent after the round's deadline is recorded as late: a fact, not a refusal.
/// </summary>
public sealed class AgencyReport : Entity
{
    private AgencyReport()
    {
        UpdatedBy = "";
    }

    public AgencyReport(ReportingRound round, int agencyId, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(actor);
        RoundId = round.Id;
        AgencyId = agencyId;
        Status = AgencyReportStatus.Draft;
        UpdatedAtUtc = actor.AtUtc;
        UpdatedBy = actor.DisplayName;
    }

    public int RoundId { get; private set; }

    public int AgencyId { get; private set; }

    public AgencyReportStatus Status { get; private set; }

    /// <summary>Số thuê bao mới dự kiến cần cấp chứng thư số.</summary>
    public int ForecastNewSubscribers { get; private set; }

    /// <summary>Số thiết bị lưu khóa bí mật cần cấp mới.</summary>
    public int ForecastNewTokens { get; private set; }

    /// <summary>Số chứng thư cần gia hạn hoặc cấp lại.</summary>
    public int ForecastRenewals { get; private set; }

    public string? ForecastNote { get; private set; }

    /// <summary>The figures as sent (<see cref="ReportSnapshot"/>); null while a draft.</summary>
    public string? FiguresJson { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public string? SentBy { get; private set; }

    /// <summary>Sent after the round's deadline (a fact recorded at sending).</summary>
    public bool SentLate { get; private set; }

    public DateTime? ReceivedAtUtc { get; private set; }

    public string? ReceivedBy { get; private set; }

    public AgencyForecast Forecast => new(ForecastNewSubscribers, ForecastNewTokens, ForecastRenewals, ForecastNote);

    /// <summary>Saves the forecast of a draft; a sent report never changes (Điều 9.6: what the agency reported stands).</summary>
    public void SaveDraft(AgencyForecast forecast, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureDraft();
        if (forecast.NewSubscribers < 0 || forecast.NewTokens < 0 || forecast.Renewals < 0)
        {
            throw new DomainRuleException(AgencyReportRules.ForecastIsNotNegative, "Số dự kiến không được âm.");
        }

        ForecastNewSubscribers = forecast.NewSubscribers;
        ForecastNewTokens = forecast.NewTokens;
        ForecastRenewals = forecast.Renewals;
        ForecastNote = Text.CleanOrNull(forecast.Note);
        UpdatedAtUtc = actor.AtUtc;
        UpdatedBy = actor.DisplayName;
    }

    /// <summary>
    /// Sends the draft to Sở with its figures frozen (<paramref name="figuresJson"/>); late when the Vietnam date of sending is
    /// after the round's deadline (recorded, never refused: a late report is still a report).
    /// </summary>
    public void Send(ReportingRound round, string figuresJson, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentException.ThrowIfNullOrWhiteSpace(figuresJson);
        ArgumentNullException.ThrowIfNull(actor);
        EnsureDraft();
        FiguresJson = figuresJson;
        Status = AgencyReportStatus.Sent;
        SentAtUtc = actor.AtUtc;
        SentBy = actor.DisplayName;
        SentLate = round.IsLate(VietnamTime.ToDate(actor.AtUtc));
        UpdatedAtUtc = actor.AtUtc;
        UpdatedBy = actor.DisplayName;
    }

    /// <summary>Sở records that it has received the report; only a sent report, once.</summary>
    public void Receive(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status != AgencyReportStatus.Sent)
        {
            throw new DomainRuleException(AgencyReportRules.OnlyASentReportIsReceived,
                Status == AgencyReportStatus.Received ? "Sở đã tiếp nhận báo cáo này." : "Cơ quan chưa gửi báo cáo này.");
        }

        Status = AgencyReportStatus.Received;
        ReceivedAtUtc = actor.AtUtc;
        ReceivedBy = actor.DisplayName;
    }

    public static string Label(AgencyReportStatus? status) => status is { } known ? Label(known) : "Chưa lập";

    public static string Label(AgencyReportStatus status) => status switch
    {
        AgencyReportStatus.Draft => "Nháp",
        AgencyReportStatus.Sent => "Đã gửi",
        AgencyReportStatus.Received => "Sở đã tiếp nhận",
    };

    private void EnsureDraft()
    {
        if (Status != AgencyReportStatus.Draft)
        {
            throw new DomainRuleException(AgencyReportRules.OnlyADraftChanges,
                "Báo cáo đã gửi Sở nên không sửa được nữa.");
        }
    }
}

/// <summary>
/// Nhắc hạn nộp báo cáo: one row per round and agency once the reminder was written, so a job that runs twice (or on two
/// days of the reminder window) reminds once.
/// </summary>
public sealed class ReportReminder
{
    private ReportReminder()
    {
    }

    public ReportReminder(int roundId, int agencyId, DateTime atUtc)
    {
        RoundId = roundId;
        AgencyId = agencyId;
        AtUtc = atUtc;
    }

    public int RoundId { get; private set; }

    public int AgencyId { get; private set; }

    public DateTime AtUtc { get; private set; }
}
