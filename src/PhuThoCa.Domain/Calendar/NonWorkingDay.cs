namespace PhuThoCa.Domain.Calendar;

/// <summary>A day off with its Vietnamese name and the legal basis that makes it one.</summary>
public sealed record NonWorkingDay(DateOnly Date, string Name, string LegalBasis, NonWorkingDayKind Kind);

/// <summary>A Saturday or Sunday that is worked (ngày làm bù), from a <see cref="CalendarOverride"/>.</summary>
public sealed record ExtraWorkingDay(DateOnly Date, string Name, string LegalBasis, bool IsProvincial);

/// <summary>Why a day is not worked.</summary>
public enum NonWorkingDayKind
{
    /// <summary>Holiday of BLLĐ 2019 Điều 112 (it may fall on a weekend).</summary>
    PublicHoliday = 0,

    /// <summary>Compensatory day for a holiday on a weekend (BLLĐ 2019 Điều 111 khoản 3).</summary>
    CompensatoryDayOff = 1,

    /// <summary>A day off from a national schedule (<see cref="CalendarOverride"/>, not provincial).</summary>
    OfficialDayOff = 2,

    /// <summary>A day off decided by the province (<see cref="CalendarOverride.IsProvincial"/>).</summary>
    ProvincialDayOff = 3,

    /// <summary>An ordinary Saturday or Sunday.</summary>
    WeeklyRest = 4,
}
