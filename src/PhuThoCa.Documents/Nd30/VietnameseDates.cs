using System.Globalization;

namespace PhuThoCa.Documents.Nd30;

/// <summary>Dates as ND 30/2020 prints them in the place/date line (ô 4).</summary>
public static class VietnameseDates
{
    /// <summary>
    /// "ngày 05 tháng 02 năm 2026", "ngày 15 tháng 3 năm 2026". ND 30/2020 Phụ lục I: days below 10 and
    /// months 1 and 2 get a leading zero (so "tháng 01" is never read as "tháng 10–12"); months from 3 do not.
    /// </summary>
    public static string LongForm(DateOnly date)
    {
        var day = date.Day.ToString("00", CultureInfo.InvariantCulture);
        var month = date.Month <= 2
            ? date.Month.ToString("00", CultureInfo.InvariantCulture)
            : date.Month.ToString(CultureInfo.InvariantCulture);
        return $"ngày {day} tháng {month} năm {date.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>"Phú Thọ, ngày 05 tháng 02 năm 2026" (địa danh, then a comma).</summary>
    public static string PlaceAndDate(string place, DateOnly date)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(place);
        return $"{place.Trim()}, {LongForm(date)}";
    }
}
