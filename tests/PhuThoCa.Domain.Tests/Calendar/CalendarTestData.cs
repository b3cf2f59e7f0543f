using System.Globalization;
using PhuThoCa.Domain.Calendar;

namespace PhuThoCa.Domain.Tests.Calendar;

internal static class CalendarTestData
{
    /// <summary>The calendar the portal ships: default settings and the official 2026 schedule.</summary>
    public static WorkingDayCalendar Official() => new(CalendarSettings.Default, OfficialCalendarSeed.Create());

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTime Local(string isoDateTime) =>
        DateTime.ParseExact(isoDateTime, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
