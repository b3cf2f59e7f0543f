using System.Globalization;
using System.Text;
using PhuThoCa.Domain.Calendar;

namespace PhuThoCa.Domain.Tests.Calendar;

public class LunarCalendarTests
{
    // domain-spec §4.5: Tết and Giỗ Tổ 2025–2030 (2025 and 2026 published; the rest from the researcher's port).
    [Theory]
    [InlineData(2025, "2025-01-29", DayOfWeek.Wednesday, "2025-04-07", DayOfWeek.Monday)]
    [InlineData(2026, "2026-02-17", DayOfWeek.Tuesday, "2026-04-26", DayOfWeek.Sunday)]
    [InlineData(2027, "2027-02-06", DayOfWeek.Saturday, "2027-04-16", DayOfWeek.Friday)]
    [InlineData(2028, "2028-01-26", DayOfWeek.Wednesday, "2028-04-04", DayOfWeek.Tuesday)]
    [InlineData(2029, "2029-02-13", DayOfWeek.Tuesday, "2029-04-23", DayOfWeek.Monday)]
    [InlineData(2030, "2030-02-02", DayOfWeek.Saturday, "2030-04-12", DayOfWeek.Friday)]
    public void ToSolar_TetAndGioTo_MatchDomainSpec(
        int year, string tet, DayOfWeek tetWeekday, string gioTo, DayOfWeek gioToWeekday)
    {
        var tetDay = LunarCalendar.ToSolar(1, 1, year);
        var gioToDay = LunarCalendar.ToSolar(10, 3, year);

        Assert.Equal(D(tet), tetDay);
        Assert.Equal(tetWeekday, tetDay.DayOfWeek);
        Assert.Equal(D(gioTo), gioToDay);
        Assert.Equal(gioToWeekday, gioToDay.DayOfWeek);
        Assert.Equal(D(tet), LunarCalendar.GetNewYearDay(year));
        Assert.Equal(new LunarDate(1, 1, year), LunarCalendar.ToLunar(D(tet)));
        Assert.Equal(new LunarDate(10, 3, year), LunarCalendar.ToLunar(D(gioTo)));
    }

    [Theory]
    [InlineData("2026-02-16", 29, 12, 2025, "Ất Tỵ")]
    [InlineData("2025-01-28", 29, 12, 2024, "Giáp Thìn")]
    [InlineData("2026-02-17", 1, 1, 2026, "Bính Ngọ")]
    public void ToLunar_LastDaysOfTheYear_MatchDomainSpec(string solar, int day, int month, int year, string yearName)
    {
        var lunar = LunarCalendar.ToLunar(D(solar));

        Assert.Equal(new LunarDate(day, month, year), lunar);
        Assert.Equal(yearName, lunar.YearName);
    }

    [Fact]
    public void GetDaysInMonth_ThangChapAtTy_Has29Days()
    {
        Assert.Equal(29, LunarCalendar.GetDaysInMonth(2025, 12));
        Assert.False(LunarCalendar.TryToSolar(new LunarDate(30, 12, 2025), out _));
    }

    [Theory]
    [InlineData(2025, 6, "2025-07-25")]
    [InlineData(2028, 5, "2028-06-23")]
    public void GetLeapMonth_LeapYears_MatchDomainSpec(int year, int leapMonth, string leapMonthStart)
    {
        Assert.Equal(leapMonth, LunarCalendar.GetLeapMonth(year));
        Assert.Equal(D(leapMonthStart), LunarCalendar.ToSolar(1, leapMonth, year, isLeapMonth: true));
        Assert.Equal(new LunarDate(1, leapMonth, year, IsLeapMonth: true), LunarCalendar.ToLunar(D(leapMonthStart)));
        Assert.Equal(new LunarDate(30, leapMonth, year), LunarCalendar.ToLunar(D(leapMonthStart).AddDays(-1)));
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void GetLeapMonth_CommonYears_IsZero(int year)
    {
        Assert.Equal(0, LunarCalendar.GetLeapMonth(year));
    }

    [Theory]
    [InlineData(1900, "Canh Tý")]
    [InlineData(1945, "Ất Dậu")]
    [InlineData(2000, "Canh Thìn")]
    [InlineData(2024, "Giáp Thìn")]
    [InlineData(2025, "Ất Tỵ")]
    [InlineData(2026, "Bính Ngọ")]
    [InlineData(2027, "Đinh Mùi")]
    [InlineData(2028, "Mậu Thân")]
    [InlineData(2023, "Quý Mão")]
    [InlineData(2031, "Tân Hợi")]
    [InlineData(2039, "Kỷ Mùi")]
    [InlineData(2032, "Nhâm Tý")]
    [InlineData(2021, "Tân Sửu")]
    [InlineData(2022, "Nhâm Dần")]
    [InlineData(2029, "Kỷ Dậu")]
    [InlineData(2030, "Canh Tuất")]
    public void GetCanChiYearName_KnownYears_ReturnsVietnameseName(int year, string expected)
    {
        var name = LunarCalendar.GetCanChiYearName(year);

        Assert.Equal(expected, name);
        Assert.True(name.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData(5, 2025)] // 2025 has month 6 nhuận, not 5
    [InlineData(6, 2026)] // 2026 has no leap month
    public void TryToSolar_LeapMonthThatDoesNotExist_ReturnsFalse(int month, int year)
    {
        Assert.False(LunarCalendar.TryToSolar(new LunarDate(1, month, year, IsLeapMonth: true), out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(1, month, year, isLeapMonth: true));
    }

    [Theory]
    [InlineData(0, 1, 2026)]
    [InlineData(31, 1, 2026)]
    [InlineData(1, 0, 2026)]
    [InlineData(1, 13, 2026)]
    [InlineData(1, 1, 1898)]
    [InlineData(1, 1, 2200)]
    public void TryToSolar_OutOfRange_ReturnsFalse(int day, int month, int year)
    {
        Assert.False(LunarCalendar.TryToSolar(new LunarDate(day, month, year), out _));
    }

    [Fact]
    public void ToLunar_OutsideSupportedRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToLunar(new DateOnly(1899, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToLunar(new DateOnly(2200, 1, 1)));
    }

    [Fact]
    public void ToString_LeapMonthDate_IsShortVietnameseForm()
    {
        Assert.Equal("01/06 nhuận Ất Tỵ", new LunarDate(1, 6, 2025, IsLeapMonth: true).ToString());
        Assert.Equal("29/12 Ất Tỵ", LunarCalendar.ToLunar(new DateOnly(2026, 2, 16)).ToString());
    }

    /// <summary>
    /// Why the portal does not use <see cref="ChineseLunisolarCalendar"/>: it follows Beijing time (UTC+8). The published
    /// Vietnamese dates for 2007 and 2030 (see the comment header of the CSV) are one day earlier than the Chinese ones.
    /// </summary>
    [Theory]
    [InlineData(2007, "2007-02-17", "2007-02-18")]
    [InlineData(2030, "2030-02-02", "2030-02-03")]
    public void GetNewYearDay_YearsWhereChinaDiffers_FollowsUtcPlus7(int year, string vietnamese, string chinese)
    {
        var china = new ChineseLunisolarCalendar();
        var chineseNewYear = DateOnly.FromDateTime(china.ToDateTime(year, 1, 1, 0, 0, 0, 0));

        Assert.Equal(D(chinese), chineseNewYear);
        Assert.Equal(D(vietnamese), LunarCalendar.GetNewYearDay(year));
    }

    [Fact]
    public void ToLunarAndBack_EveryDay1900To2199_RoundTripsAndMonthsAreContiguous()
    {
        var previous = LunarCalendar.ToLunar(LunarCalendar.MinSupportedDate);
        Assert.Equal(new LunarDate(1, 12, 1899), previous); // 01/01/1900 = mùng 1 tháng Chạp Kỷ Hợi
        var failures = new List<string>();

        for (var d = LunarCalendar.MinSupportedDate.AddDays(1); d <= LunarCalendar.MaxSupportedDate; d = d.AddDays(1))
        {
            var lunar = LunarCalendar.ToLunar(d);
            var back = LunarCalendar.ToSolar(lunar);
            var continues = lunar.Day == previous.Day + 1
                && lunar.Month == previous.Month && lunar.Year == previous.Year && lunar.IsLeapMonth == previous.IsLeapMonth;
            var startsMonth = lunar.Day == 1 && previous.Day is 29 or 30;
            if (back != d || !(continues || startsMonth))
            {
                failures.Add(FormattableString.Invariant($"{d:yyyy-MM-dd}: {lunar} (previous {previous}) -> {back:yyyy-MM-dd}"));
            }

            previous = lunar;
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void GetNewYearDay_EveryYear1900To2199_FallsBetween21JanuaryAnd20February()
    {
        for (var year = 1900; year <= 2199; year++)
        {
            var tet = LunarCalendar.GetNewYearDay(year);

            Assert.InRange(tet, new DateOnly(year, 1, 21), new DateOnly(year, 2, 20));
        }
    }

    [Fact]
    public void JdFromDate_AgreesWithDayNumber_AndJdToDateInvertsIt()
    {
        const int JulianDayOf0001_01_01 = 1721426;
        for (var d = new DateOnly(1899, 1, 1); d <= new DateOnly(2201, 1, 1); d = d.AddDays(1))
        {
            var jd = HoNgocDucAlgorithm.JdFromDate(d.Day, d.Month, d.Year);

            Assert.Equal(d.DayNumber + JulianDayOf0001_01_01, jd);
            Assert.Equal((d.Day, d.Month, d.Year), HoNgocDucAlgorithm.JdToDate(jd));
        }
    }

    [Fact]
    public void NewMoon_MeeusExample49a_IsWithinMinutes()
    {
        // Meeus, Astronomical Algorithms, example 49.a: the new moon of 18/02/1977 at JDE 2443192.65118
        // (k = -283 counted from 2000, i.e. 954 counted from 1900 as here); the truncated series is good to minutes.
        Assert.InRange(HoNgocDucAlgorithm.NewMoon(954), 2443192.65118 - 0.005, 2443192.65118 + 0.005);
    }

    [Theory]
    [InlineData("2054-05-07")]
    [InlineData("2062-04-09")]
    public void ToLunar_LastDayOfMonthWhereTheOriginalReturnsDayZero_IsTheLastDayOfTheMonth(string solar)
    {
        var lunar = LunarCalendar.ToLunar(D(solar));
        var next = LunarCalendar.ToLunar(D(solar).AddDays(1));

        Assert.InRange(lunar.Day, 29, 30);
        Assert.Equal(1, next.Day);
        Assert.Equal(D(solar), LunarCalendar.ToSolar(lunar));
    }

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
