using PhuThoCa.Domain.Calendar;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Domain.Tests.Requests;

/// <summary>
/// <see cref="ReceiptWait.LateIfSentBefore"/> is the SQL form of <see cref="ReceiptWait.IsLate"/> (issue 15 item 3, the
/// inbox): for every day around New Year 2027 and Tết Đinh Mùi (holidays and weekends of the real calendar), a request sent
/// before the cutoff is late and one sent at or after it is not, exactly as <see cref="ReceiptWait.For"/> says.
/// </summary>
public class ReceiptWaitCutoffTests
{
    /// <summary>The real calendar (computed holidays) behind the interface the domain uses.</summary>
    private sealed class RealCalendar(CalendarSettings calendar, RequestDeadlineSettings settings) : IWorkingDayDeadlines
    {
        private readonly WorkingDayCalendar _calendar = new(calendar, []);

        public RequestDeadlineSettings Settings => settings;

        public DateOnly EffectiveStartDay(DateTime localReceivedAt) => _calendar.EffectiveStartDay(localReceivedAt);

        public DateOnly AddWorkingDays(DateOnly start, int workingDays) => _calendar.AddWorkingDays(start, workingDays);

        public int WorkingDaysBetween(DateOnly startDay, DateOnly endDay) => _calendar.WorkingDaysBetween(startDay, endDay);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, true)]
    [InlineData(3, true)]
    [InlineData(1, false)]
    public void EveryInstant_IsLateExactlyWhenSentBeforeTheCutoff(int lateAfterWorkingDays, bool outOfHoursCountsFromNextDay)
    {
        var deadlines = new RealCalendar(new CalendarSettings { CountOutOfHoursReceiptFromNextWorkingDay = outOfHoursCountsFromNextDay },
            new RequestDeadlineSettings { ReceiptLateAfterWorkingDays = lateAfterWorkingDays });
        for (var today = new DateOnly(2026, 12, 24); today <= new DateOnly(2027, 2, 28); today = today.AddDays(1))
        {
            var cutoff = ReceiptWait.LateIfSentBefore(deadlines, today);
            Assert.Equal(DateTimeKind.Utc, cutoff.Kind);
            Assert.True(IsLate(cutoff.AddTicks(-1), deadlines, today), $"{today}: just before {cutoff:o}");
            Assert.False(IsLate(cutoff, deadlines, today), $"{today}: at {cutoff:o}");
            // Every quarter hour of the 40 days before today and today itself, in Vietnam time.
            var from = VietnamTime.FromLocal(today.AddDays(-40).ToDateTime(TimeOnly.MinValue));
            for (var sent = from; sent < from.AddDays(41); sent = sent.AddMinutes(15))
            {
                if (IsLate(sent, deadlines, today) != sent < cutoff)
                {
                    Assert.Fail($"{today}: sent {sent:o}, cutoff {cutoff:o}");
                }
            }
        }
    }

    [Fact]
    public void AfterNewYear_TheLimitOfOneWorkingDay_RunsOverTheHolidayAndTheWeekend()
    {
        var deadlines = new RealCalendar(CalendarSettings.Default, RequestDeadlineSettings.Default);
        var monday = new DateOnly(2027, 1, 4);

        var cutoff = ReceiptWait.LateIfSentBefore(deadlines, monday);

        // Friday 01/01 is Tết Dương lịch, then the weekend: sent on Wednesday 30/12 before 17:00 it has waited Thursday and
        // Monday (2 working days, late); at 17:00 it counts from Thursday and has waited Monday only (1, the limit).
        Assert.Equal(VietnamTime.FromLocal(new DateTime(2026, 12, 30, 17, 0, 0)), cutoff);
        Assert.Equal(2, ReceiptWait.For(RequestStatus.Submitted, cutoff.AddTicks(-1), deadlines, monday)!.WorkingDaysWaiting);
        Assert.Equal(1, ReceiptWait.For(RequestStatus.Submitted, cutoff, deadlines, monday)!.WorkingDaysWaiting);
    }

    [Fact]
    public void ANegativeSetting_MakesEverySentRequestLate()
    {
        var deadlines = new RealCalendar(CalendarSettings.Default, new RequestDeadlineSettings { ReceiptLateAfterWorkingDays = -1 });

        Assert.Equal(DateTime.MaxValue, ReceiptWait.LateIfSentBefore(deadlines, new DateOnly(2027, 1, 4)));
    }

    private static bool IsLate(DateTime sentUtc, IWorkingDayDeadlines deadlines, DateOnly today) =>
        ReceiptWait.For(RequestStatus.Submitted, sentUtc, deadlines, today) is { IsLate: true };
}
