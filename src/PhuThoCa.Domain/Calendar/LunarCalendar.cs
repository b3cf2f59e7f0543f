namespace PhuThoCa.Domain.Calendar;

/// <summary>
/// Vietnamese lunar calendar (âm lịch) by Hồ Ngọc Đức's astronomical algorithm, computed for UTC+7, the time zone of
/// Vietnam since 1967/1975. Not <see cref="System.Globalization.ChineseLunisolarCalendar"/>: that one is computed for
/// UTC+8 and disagrees with the Vietnamese calendar in some months (e.g. Tết 2007 and 2030). See docs/adr/0005.
/// </summary>
public static class LunarCalendar
{
    /// <summary>UTC+7, Giờ Đông Dương (Quyết định 121-CP 1967; applied country-wide since 1975).</summary>
    public const double TimeZoneHours = 7.0;

    /// <summary>First solar day supported (and tested) by the conversions.</summary>
    public static readonly DateOnly MinSupportedDate = new(1900, 1, 1);

    /// <summary>Last solar day supported (and tested) by the conversions.</summary>
    public static readonly DateOnly MaxSupportedDate = new(2199, 12, 31);

    /// <summary>Lunar years whose months may be converted: 1899 (its last months cover January 1900) to 2199.</summary>
    public const int MinLunarYear = 1899;

    public const int MaxLunarYear = 2199;

    private static readonly string[] Can = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"];

    private static readonly string[] Chi =
        ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"];

    /// <summary>The lunar date of a solar (Gregorian) date.</summary>
    public static LunarDate ToLunar(DateOnly date)
    {
        if (date < MinSupportedDate || date > MaxSupportedDate)
        {
            throw new ArgumentOutOfRangeException(
                nameof(date), date, "The lunar calendar is supported from 01/01/1900 to 31/12/2199.");
        }

        var (day, month, year, leap) =
            HoNgocDucAlgorithm.ConvertSolar2Lunar(date.Day, date.Month, date.Year, TimeZoneHours);
        return new LunarDate(day, month, year, leap);
    }

    /// <summary>The solar date of a lunar date; throws if the lunar date does not exist.</summary>
    public static DateOnly ToSolar(LunarDate lunarDate) =>
        TryToSolar(lunarDate, out var solar)
            ? solar
            : throw new ArgumentOutOfRangeException(
                nameof(lunarDate), lunarDate, "This lunar date does not exist (day, month or leap month out of range).");

    /// <summary>The solar date of day/month/year of the lunar calendar.</summary>
    public static DateOnly ToSolar(int day, int month, int year, bool isLeapMonth = false) =>
        ToSolar(new LunarDate(day, month, year, isLeapMonth));

    /// <summary>
    /// The solar date of a lunar date, or false when it does not exist: month outside 1–12, a leap month that is not
    /// this year's leap month, day 30 of a 29-day month, or a year outside <see cref="MinLunarYear"/>–<see cref="MaxLunarYear"/>.
    /// </summary>
    public static bool TryToSolar(LunarDate lunarDate, out DateOnly solarDate)
    {
        solarDate = default;
        if (lunarDate.Year is < MinLunarYear or > MaxLunarYear
            || lunarDate.Month is < 1 or > 12
            || lunarDate.Day is < 1 or > 30)
        {
            return false;
        }

        var start = HoNgocDucAlgorithm.GetLunarMonthStart(
            lunarDate.Month, lunarDate.Year, lunarDate.IsLeapMonth, TimeZoneHours);
        if (start is not { } s)
        {
            return false;
        }

        var length = HoNgocDucAlgorithm.GetNewMoonDay(s.K + 1, TimeZoneHours) - s.MonthStart;
        if (lunarDate.Day > length)
        {
            return false;
        }

        var (day, month, year) = HoNgocDucAlgorithm.JdToDate(s.MonthStart + lunarDate.Day - 1);
        solarDate = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Number of days (29 or 30) of a lunar month; throws if the month does not exist.</summary>
    public static int GetDaysInMonth(int lunarYear, int month, bool isLeapMonth = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarYear, MinLunarYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarYear, MaxLunarYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        var start = HoNgocDucAlgorithm.GetLunarMonthStart(month, lunarYear, isLeapMonth, TimeZoneHours)
            ?? throw new ArgumentOutOfRangeException(nameof(isLeapMonth), "This lunar year has no such leap month.");
        return HoNgocDucAlgorithm.GetNewMoonDay(start.K + 1, TimeZoneHours) - start.MonthStart;
    }

    /// <summary>The leap month (tháng nhuận) of a lunar year, 1–12, or 0 when the year has twelve months.</summary>
    public static int GetLeapMonth(int lunarYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarYear, MinLunarYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarYear, MaxLunarYear);

        // Months 1–10 of lunar year Y lie between month 11 of solar year Y-1 and month 11 of solar year Y;
        // months 11–12 lie after month 11 of solar year Y.
        for (var month = 1; month <= 12; month++)
        {
            if (HoNgocDucAlgorithm.GetLunarMonthStart(month, lunarYear, true, TimeZoneHours) is not null)
            {
                return month;
            }
        }

        return 0;
    }

    /// <summary>Mùng 1 tháng Giêng (the first day of Tết Nguyên đán) of a lunar year.</summary>
    public static DateOnly GetNewYearDay(int lunarYear) => ToSolar(1, 1, lunarYear);

    /// <summary>Can-chi (sexagenary) name of a lunar year in Vietnamese, e.g. 2025 → "Ất Tỵ", 2026 → "Bính Ngọ".</summary>
    public static string GetCanChiYearName(int lunarYear) =>
        $"{Can[Mod(lunarYear + 6, 10)]} {Chi[Mod(lunarYear + 8, 12)]}";

    private static int Mod(int value, int modulus) => ((value % modulus) + modulus) % modulus;
}
