using System.Globalization;
using PhuThoCa.Domain.Calendar;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>Vietnamese labels of the working-day calendar: weekdays, lunar dates, kinds of days off and overrides.</summary>
public static class CalendarLabels
{
    public const string DayOffOverride = "Ngày nghỉ (nghỉ bù, hoán đổi)";
    public const string WorkingDayOverride = "Ngày làm việc bù (thứ Bảy, Chủ nhật)";

    /// <summary>Column headers of a month grid, Monday first as on Vietnamese wall calendars.</summary>
    public static readonly IReadOnlyList<string> ShortWeekDays = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"];

    public static string DayOfWeekName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        DayOfWeek.Sunday => "Chủ nhật",
    };

    /// <summary>"1/6" or "1/6 nhuận": the lunar day and month as printed on wall calendars.</summary>
    public static string LunarDayMonth(LunarDate lunar) =>
        string.Create(CultureInfo.InvariantCulture, $"{lunar.Day}/{lunar.Month}{(lunar.IsLeapMonth ? " nhuận" : "")}");

    /// <summary>"29/12 năm Ất Tỵ", "01/06 (tháng nhuận) năm Ất Tỵ".</summary>
    public static string LunarDateText(LunarDate lunar) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{lunar.Day:00}/{lunar.Month:00}{(lunar.IsLeapMonth ? " (tháng nhuận)" : "")} năm {lunar.YearName}");

    public static string KindLabel(NonWorkingDayKind kind) => kind switch
    {
        NonWorkingDayKind.PublicHoliday => "Nghỉ lễ, Tết",
        NonWorkingDayKind.CompensatoryDayOff => "Nghỉ bù",
        NonWorkingDayKind.OfficialDayOff => "Nghỉ theo lịch của Chính phủ",
        NonWorkingDayKind.ProvincialDayOff => "Nghỉ theo quyết định của tỉnh",
        NonWorkingDayKind.WeeklyRest => "Nghỉ hằng tuần",
    };

    public static string ExtraWorkingDayLabel(bool isProvincial) =>
        isProvincial ? "Làm việc bù theo quyết định của tỉnh" : "Làm việc bù";

    public static string OverrideKindLabel(CalendarOverrideKind kind) => kind switch
    {
        CalendarOverrideKind.DayOff => DayOffOverride,
        CalendarOverrideKind.WorkingDay => WorkingDayOverride,
    };
}
