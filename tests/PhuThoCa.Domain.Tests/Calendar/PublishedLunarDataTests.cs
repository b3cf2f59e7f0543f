using System.Globalization;
using PhuThoCa.Domain.Calendar;

namespace PhuThoCa.Domain.Tests.Calendar;

/// <summary>
/// Compares the ported algorithm with published month tables (Data/vn-lunar-months-2000-2050.csv; the source is cited
/// in the file's comment header). Every lunar month 2000–2050 is checked: first day, length and leap flag.
/// </summary>
public class PublishedLunarDataTests
{
    private const string MonthsFile = "vn-lunar-months-2000-2050.csv";

    public static TheoryData<int, int, bool, string, int> PublishedMonths()
    {
        var data = new TheoryData<int, int, bool, string, int>();
        foreach (var row in ReadMonths())
        {
            data.Add(row.Year, row.Month, row.IsLeap, row.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Days);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublishedMonths))]
    public void ToSolar_FirstDayOfEveryPublishedMonth_MatchesTheTable(
        int year, int month, bool isLeap, string firstDay, int days)
    {
        var expected = DateOnly.ParseExact(firstDay, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal(expected, LunarCalendar.ToSolar(1, month, year, isLeap));
        Assert.Equal(new LunarDate(1, month, year, isLeap), LunarCalendar.ToLunar(expected));
        Assert.Equal(days, LunarCalendar.GetDaysInMonth(year, month, isLeap));
    }

    [Fact]
    public void PublishedTable_CoversEveryYear2000To2050_WithTetAndLeapMonths()
    {
        var rows = ReadMonths();
        var years = rows.Select(r => r.Year).Distinct().ToList();

        Assert.Equal(Enumerable.Range(2000, 51), years);
        foreach (var year in years)
        {
            var ofYear = rows.Where(r => r.Year == year).ToList();
            var leap = ofYear.SingleOrDefault(r => r.IsLeap);

            Assert.Equal(leap?.Month ?? 0, LunarCalendar.GetLeapMonth(year));
            Assert.Equal(ofYear.Single(r => r.Month == 1 && !r.IsLeap).FirstDay, LunarCalendar.GetNewYearDay(year));
        }
    }

    [Theory]
    [InlineData(2007, "2007-02-17")]
    [InlineData(2030, "2030-02-02")]
    [InlineData(2053, "2053-02-18")]
    public void GetNewYearDay_YearsReportedByThePress_MatchesReport(int year, string tet)
    {
        Assert.Equal(DateOnly.ParseExact(tet, "yyyy-MM-dd", CultureInfo.InvariantCulture), LunarCalendar.GetNewYearDay(year));
    }

    private static List<MonthRow> ReadMonths()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Calendar", "Data", MonthsFile);
        return File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(','))
            .Select(f => new MonthRow(
                int.Parse(f[0], CultureInfo.InvariantCulture),
                int.Parse(f[1], CultureInfo.InvariantCulture),
                f[2] == "1",
                DateOnly.ParseExact(f[3], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                int.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToList();
    }

    private sealed record MonthRow(int Year, int Month, bool IsLeap, DateOnly FirstDay, int Days);
}
