namespace PhuThoCa.Domain.Calendar;

/// <summary>What a <see cref="CalendarOverride"/> does to its date.</summary>
public enum CalendarOverrideKind
{
    /// <summary>An extra day off on a weekday (e.g. a swapped bridge day, an official Tết day, a provincial day off).</summary>
    DayOff = 0,

    /// <summary>A Saturday or Sunday that is worked (ngày làm bù), usually the other half of a swap.</summary>
    WorkingDay = 1,
}
