using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Domain.Tests.Requests;

public class RecalculateDeadlineTests
{
    private readonly RequestWorld _world = new();

    private static DateTime At(int day, int hour) => new(2026, 3, day, hour, 0, 0);

    /// <summary>The weekend-only calendar with one extra day off, as after an admin adds a provincial day off.</summary>
    private sealed class CalendarWithDayOff(DateOnly dayOff) : IWorkingDayDeadlines
    {
        private readonly WeekendOnlyCalendar _inner = new();

        public RequestDeadlineSettings Settings => _inner.Settings;

        public DateOnly EffectiveStartDay(DateTime localReceivedAt) => _inner.EffectiveStartDay(localReceivedAt);

        public DateOnly AddWorkingDays(DateOnly start, int workingDays)
        {
            var day = start;
            for (var left = workingDays; left > 0;)
            {
                day = day.AddDays(1);
                if (WeekendOnlyCalendar.IsWorkingDay(day) && day != dayOff)
                {
                    left--;
                }
            }

            return day;
        }

        public int WorkingDaysBetween(DateOnly startDay, DateOnly endDay) => _inner.WorkingDaysBetween(startDay, endDay);
    }

    private Request ReceivedRenewal()
    {
        var certificate = _world.NewCertificate(_world.Person, new DateOnly(2026, 9, 1));
        var request = RequestWorld.NewDraft(RequestType.Renew, At(6, 8));
        request.AddRenewLine(_world.Person, certificate);
        request.Submit(RequestWorld.AgencyUser(At(6, 9)), RequestSubjects.Of(certificate), accuracyConfirmed: true, RequestWorld.SentToCa(At(6, 9)));
        request.Receive(RequestWorld.Staff(At(6, 10)), new WeekendOnlyCalendar(), 1);
        return request;
    }

    [Fact]
    public void RecalculateDeadline_ADayOffInsideThePeriod_MovesTheDueDateAndReturnsAHistoryRow()
    {
        var request = ReceivedRenewal();
        var version = request.RowVersion;

        var change = request.RecalculateDeadline(new CalendarWithDayOff(new DateOnly(2026, 3, 10)), RequestWorld.Staff(At(9, 8)), "Thêm ngày nghỉ 10/03/2026");

        Assert.Equal(new DateOnly(2026, 3, 12), request.DueDate);
        Assert.Equal(RequestStatus.Received, request.Status);
        Assert.NotNull(change);
        Assert.Equal("11/03/2026", change.FromState);
        Assert.Equal("12/03/2026", change.ToState);
        Assert.NotEqual(version, request.RowVersion);
    }

    [Fact]
    public void RecalculateDeadline_ADayOffOutsideThePeriod_ChangesNothing()
    {
        var request = ReceivedRenewal();

        var change = request.RecalculateDeadline(new CalendarWithDayOff(new DateOnly(2026, 4, 1)), RequestWorld.Staff(At(9, 8)), "Thêm ngày nghỉ");

        Assert.Null(change);
        Assert.Equal(new DateOnly(2026, 3, 11), request.DueDate);
    }

    [Fact]
    public void RecalculateDeadline_ADraft_HasNoDeadlineToMove()
    {
        var request = RequestWorld.NewDraft(RequestType.Renew, At(6, 8));

        Assert.Null(request.RecalculateDeadline(new WeekendOnlyCalendar(), RequestWorld.Staff(At(9, 8)), "x"));
        Assert.Null(request.DueDate);
    }
}
