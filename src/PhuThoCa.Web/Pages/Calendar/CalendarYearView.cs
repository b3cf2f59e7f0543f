using System.Globalization;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Web.Api;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Calendar;

/// <summary>What a cell of the wall calendar shows about its day.</summary>
public enum CalendarDayKind
{
    Working,
    WeeklyRest,
    DayOff,
    ExtraWorkingDay,
}

/// <summary>One day of a month grid: the solar day with the lunar day beneath it, as on a Vietnamese wall calendar.</summary>
public sealed record CalendarCell(
    DateOnly Date, LunarDate Lunar, string LunarLabel, bool LunarMonthStarts, CalendarDayKind Kind, string? Name, string? LegalBasis,
    bool IsToday)
{
    /// <summary>Tooltip: weekday, date, full lunar date, and the name and legal basis of a day off or extra working day.</summary>
    public string Title
    {
        get
        {
            var title = $"{CalendarLabels.DayOfWeekName(Date.DayOfWeek)}, {Format.Date(Date)} – âm lịch {CalendarLabels.LunarDateText(Lunar)}";
            return Name is null ? title : $"{title}\n{Name}\nCăn cứ: {LegalBasis}";
        }
    }

    public string Iso => Date.ToString(CalendarApi.DateFormat, CultureInfo.InvariantCulture);
}

/// <summary>A month as weeks of seven cells, Monday first; null cells pad the first and last weeks.</summary>
public sealed record CalendarMonth(int Year, int Month, IReadOnlyList<CalendarCell?[]> Weeks)
{
    public string Title => string.Create(CultureInfo.InvariantCulture, $"Tháng {Month}");
}

/// <summary>A named day of the year for the legend table: a day off (holiday, compensatory, official, provincial) or an extra working day.</summary>
public sealed record CalendarLegendRow(DateOnly Date, string Name, string LegalBasis, string KindLabel, bool IsExtraWorkingDay)
{
    public string WeekDay => CalendarLabels.DayOfWeekName(Date.DayOfWeek);

    public string LunarText => CalendarLabels.LunarDateText(LunarCalendar.ToLunar(Date));
}

/// <summary>Builds the wall-calendar view of one year from a <see cref="WorkingDayCalendar"/>.</summary>
public static class CalendarYearView
{
    public static IReadOnlyList<CalendarMonth> Months(WorkingDayCalendar calendar, int year, DateOnly today)
    {
        var extra = calendar.GetExtraWorkingDays(year).ToDictionary(d => d.Date);
        var months = new List<CalendarMonth>(12);
        for (var month = 1; month <= 12; month++)
        {
            var first = new DateOnly(year, month, 1);
            var days = DateTime.DaysInMonth(year, month);
            var weeks = new List<CalendarCell?[]>();
            var week = new CalendarCell?[7];
            var column = MondayFirstColumn(first.DayOfWeek);
            for (var day = 1; day <= days; day++)
            {
                var date = first.AddDays(day - 1);
                week[column] = Cell(calendar, extra, date, today);
                column++;
                if (column == 7)
                {
                    weeks.Add(week);
                    week = new CalendarCell?[7];
                    column = 0;
                }
            }

            if (column > 0)
            {
                weeks.Add(week);
            }

            months.Add(new CalendarMonth(year, month, weeks));
        }

        return months;
    }

    /// <summary>Named days off (weekend holidays included) and extra working days of the year, in date order.</summary>
    public static IReadOnlyList<CalendarLegendRow> Legend(WorkingDayCalendar calendar, int year) =>
        calendar.GetNonWorkingDays(year)
            .Select(d => new CalendarLegendRow(d.Date, d.Name, d.LegalBasis, CalendarLabels.KindLabel(d.Kind), false))
            .Concat(calendar.GetExtraWorkingDays(year)
                .Select(d => new CalendarLegendRow(d.Date, d.Name, d.LegalBasis, CalendarLabels.ExtraWorkingDayLabel(d.IsProvincial), true)))
            .OrderBy(r => r.Date)
            .ToList();

    /// <summary>Working days of the whole year.</summary>
    public static int WorkingDayCount(WorkingDayCalendar calendar, int year) =>
        calendar.WorkingDaysBetween(new DateOnly(year, 1, 1).AddDays(-1), new DateOnly(year, 12, 31));

    private static CalendarCell Cell(WorkingDayCalendar calendar, Dictionary<DateOnly, ExtraWorkingDay> extra, DateOnly date, DateOnly today)
    {
        var lunar = LunarCalendar.ToLunar(date);
        var lunarMonthStarts = lunar.Day == 1;

        // Wall calendars print the lunar month on its first day (and on the first solar day of the month for context).
        var label = lunarMonthStarts || date.Day == 1
            ? CalendarLabels.LunarDayMonth(lunar)
            : lunar.Day.ToString(CultureInfo.InvariantCulture);

        if (extra.TryGetValue(date, out var worked))
        {
            return new CalendarCell(date, lunar, label, lunarMonthStarts, CalendarDayKind.ExtraWorkingDay, worked.Name, worked.LegalBasis, date == today);
        }

        var off = calendar.FindNonWorkingDay(date);
        if (off is null)
        {
            return new CalendarCell(date, lunar, label, lunarMonthStarts, CalendarDayKind.Working, null, null, date == today);
        }

        return off.Kind == NonWorkingDayKind.WeeklyRest
            ? new CalendarCell(date, lunar, label, lunarMonthStarts, CalendarDayKind.WeeklyRest, null, null, date == today)
            : new CalendarCell(date, lunar, label, lunarMonthStarts, CalendarDayKind.DayOff, off.Name, off.LegalBasis, date == today);
    }

    private static int MondayFirstColumn(DayOfWeek day) => ((int)day + 6) % 7;
}
