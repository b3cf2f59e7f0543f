using CsCheck;
using PhuThoCa.Domain.Calendar;
using static PhuThoCa.Domain.Tests.Calendar.CalendarTestData;

namespace PhuThoCa.Domain.Tests.Calendar;

/// <summary>Properties of deadline arithmetic, on the official calendar and on calendars with random overrides.</summary>
public class WorkingDayCalendarPropertyTests
{
    private const long Iterations = 2_000;

    private static readonly WorkingDayCalendar Shipped = Official();

    private static readonly Gen<DateOnly> GenStart = Gen.DateOnly[new DateOnly(2020, 1, 1), new DateOnly(2035, 12, 31)];

    private static readonly Gen<int> GenWorkingDays = Gen.Int[1, 400];

    /// <summary>Random weekday days off and worked weekends in 2020–2036, at most one per date.</summary>
    private static readonly Gen<WorkingDayCalendar> GenCalendar =
        Gen.Select(
            Gen.DateOnly[new DateOnly(2020, 1, 1), new DateOnly(2036, 12, 31)].HashSet[0, 60],
            Gen.Bool,
            Gen.Bool,
            (dates, cultureDay, dayAfter) => new WorkingDayCalendar(
                CalendarSettings.Default with
                {
                    CultureDayEnabled = cultureDay,
                    NationalDayAdjacentDay = dayAfter ? NationalDayAdjacentDay.DayAfter : NationalDayAdjacentDay.DayBefore,
                },
                dates.Select(d => CalendarYear.IsWeekend(d)
                    ? CalendarOverride.CreateWorkingDay(d, "Làm bù", "Văn bản thử")
                    : CalendarOverride.CreateDayOff(d, "Nghỉ", "Văn bản thử", isProvincial: d.Day % 2 == 0))));

    [Fact]
    public void AddWorkingDays_AnyStartAndCount_IsAWorkingDay()
    {
        Gen.Select(GenCalendar, GenStart, GenWorkingDays).Sample(
            (calendar, start, n) => Assert.True(calendar.IsWorkingDay(calendar.AddWorkingDays(start, n))),
            iter: Iterations);
    }

    [Fact]
    public void AddWorkingDays_NThenM_EqualsNPlusM()
    {
        Gen.Select(GenCalendar, GenStart, GenWorkingDays, Gen.Int[0, 400]).Sample(
            (calendar, start, n, m) =>
                Assert.Equal(calendar.AddWorkingDays(start, n + m), calendar.AddWorkingDays(calendar.AddWorkingDays(start, n), m)),
            iter: Iterations);
    }

    [Fact]
    public void AddWorkingDays_LaterStart_NeverGivesAnEarlierDueDate()
    {
        Gen.Select(GenStart, Gen.Int[0, 60], GenWorkingDays).Sample(
            (start, delay, n) => Assert.True(Shipped.AddWorkingDays(start.AddDays(delay), n) >= Shipped.AddWorkingDays(start, n)),
            iter: Iterations);
    }

    [Fact]
    public void AddWorkingDays_AnyCalendar_MatchesTheDayByDayAlgorithmOfTheSpec()
    {
        // domain-spec §4.2: deadline = X; count = 0; while count < N: deadline += 1 day; if IsWorkingDay(deadline): count++.
        Gen.Select(GenCalendar, GenStart, Gen.Int[0, 120]).Sample(
            (calendar, start, n) =>
            {
                var deadline = start;
                for (var count = 0; count < n;)
                {
                    deadline = deadline.AddDays(1);
                    if (calendar.IsWorkingDay(deadline))
                    {
                        count++;
                    }
                }

                Assert.Equal(deadline, calendar.AddWorkingDays(start, n));
            },
            iter: Iterations);
    }

    [Fact]
    public void WorkingDaysBetween_StartAndItsDueDate_IsTheNumberOfWorkingDays()
    {
        Gen.Select(GenCalendar, GenStart, Gen.Int[0, 400]).Sample(
            (calendar, start, n) => Assert.Equal(n, calendar.WorkingDaysBetween(start, calendar.AddWorkingDays(start, n))),
            iter: Iterations);
    }

    [Fact]
    public void WorkingDaysBetween_ThreeDates_IsAdditiveAndAntisymmetric()
    {
        Gen.Select(GenStart, GenStart, GenStart).Sample(
            (a, b, c) =>
            {
                Assert.Equal(Shipped.WorkingDaysBetween(a, c), Shipped.WorkingDaysBetween(a, b) + Shipped.WorkingDaysBetween(b, c));
                Assert.Equal(-Shipped.WorkingDaysBetween(a, b), Shipped.WorkingDaysBetween(b, a));
            },
            iter: Iterations);
    }

    [Fact]
    public void EffectiveStartDay_AnyReceipt_IsAWorkingDayNotBeforeTheReceipt()
    {
        Gen.Select(GenStart, Gen.Int[0, (24 * 60) - 1]).Sample(
            (day, minute) =>
            {
                var receivedAt = day.ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute)));
                var dayX = Shipped.EffectiveStartDay(receivedAt);

                Assert.True(Shipped.IsWorkingDay(dayX));
                Assert.InRange(dayX, day, Shipped.NextWorkingDay(day));
            },
            iter: Iterations);
    }

    [Fact]
    public void LunarCalendar_RandomDays_RoundTrip()
    {
        Gen.DateOnly[LunarCalendar.MinSupportedDate, LunarCalendar.MaxSupportedDate].Sample(
            d => Assert.Equal(d, LunarCalendar.ToSolar(LunarCalendar.ToLunar(d))),
            iter: Iterations);
    }
}
