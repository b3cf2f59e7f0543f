namespace PhuThoCa.Domain.Calendar;

/// <summary>
/// Configuration of the working-day calendar. Every value here is a policy choice the spec marks [U]
/// (domain-spec §4.2–4.3); the defaults are the researcher's suggestion, to be confirmed with Sở KH&amp;CN.
/// </summary>
public sealed record CalendarSettings
{
    // Interpretation, see docs/adr/0005: office hours of the receiving office (Sở KH&CN), not a cited rule.
    public static readonly TimeOnly DefaultOfficeHoursStart = new(7, 30);
    public static readonly TimeOnly DefaultOfficeHoursEnd = new(17, 0);

    public static CalendarSettings Default { get; } = new();

    /// <summary>Start of office hours (local time, UTC+7).</summary>
    public TimeOnly OfficeHoursStart { get; init; } = DefaultOfficeHoursStart;

    /// <summary>End of office hours (local time, UTC+7); a request received at or after it counts from the next working day.</summary>
    public TimeOnly OfficeHoursEnd { get; init; } = DefaultOfficeHoursEnd;

    /// <summary>
    /// Observe Ngày Văn hóa Việt Nam (24/11) as a public holiday. Off by default: as of 02/2026 it is policy
    /// (Nghị quyết 80-NQ/TW, Nghị quyết 30/NQ-CP) awaiting an amendment of BLLĐ 2019 Điều 112 khoản 1. Turn it on when
    /// the amended Code is in force.
    /// </summary>
    public bool CultureDayEnabled { get; init; }

    /// <summary>
    /// Interpretation, see docs/adr/0005 (domain-spec §4.2 [U]): a request received on a non-working day or after office
    /// hours counts as received on the next working day, which then is day X ("kể từ ngày X", not counted). When false,
    /// day X is simply the calendar day of receipt.
    /// </summary>
    public bool CountOutOfHoursReceiptFromNextWorkingDay { get; init; } = true;

    /// <summary>
    /// Default for the second Quốc khánh day ("01 ngày liền kề trước hoặc sau", BLLĐ 2019 Điều 112 khoản 1 điểm đ)
    /// when no official schedule is entered. The day before (01/9) matches the 2025 and 2026 schedules.
    /// </summary>
    public NationalDayAdjacentDay NationalDayAdjacentDay { get; init; } = NationalDayAdjacentDay.DayBefore;
}

/// <summary>Which day next to 02/9 is the second Quốc khánh day.</summary>
public enum NationalDayAdjacentDay
{
    /// <summary>01/9.</summary>
    DayBefore = 0,

    /// <summary>03/9.</summary>
    DayAfter = 1,
}
