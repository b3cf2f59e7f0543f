using System.Globalization;

namespace PhuThoCa.Domain.Calendar;

/// <summary>
/// A date of the Vietnamese lunisolar calendar (âm lịch). <see cref="Year"/> is the lunar year number, i.e. the
/// solar year in which its mùng 1 tháng Giêng falls (Tết Bính Ngọ, 17/02/2026, starts lunar year 2026).
/// <see cref="IsLeapMonth"/> marks the intercalary month (tháng nhuận), which repeats the number of the month before it.
/// </summary>
public readonly record struct LunarDate(int Day, int Month, int Year, bool IsLeapMonth = false)
{
    /// <summary>Can-chi name of the lunar year, e.g. "Bính Ngọ".</summary>
    public string YearName => LunarCalendar.GetCanChiYearName(Year);

    /// <summary>Short Vietnamese form, e.g. "29/12 Ất Tỵ" or "01/06 nhuận Ất Tỵ".</summary>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Day:00}/{Month:00}{(IsLeapMonth ? " nhuận" : "")} {YearName}");
}
