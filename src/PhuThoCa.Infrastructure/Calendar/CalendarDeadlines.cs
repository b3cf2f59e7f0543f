using PhuThoCa.Domain.Calendar;
using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Infrastructure.Calendar;

/// <summary>Lets the request aggregate count working days on the configured calendar (ADR 0007).</summary>
public sealed class CalendarDeadlines(WorkingDayCalendar calendar, RequestDeadlineSettings settings) : IWorkingDayDeadlines
{
    public RequestDeadlineSettings Settings => settings;

    public DateOnly EffectiveStartDay(DateTime localReceivedAt) => calendar.EffectiveStartDay(localReceivedAt);

    public DateOnly AddWorkingDays(DateOnly start, int workingDays) => calendar.AddWorkingDays(start, workingDays);

    public int WorkingDaysBetween(DateOnly startDay, DateOnly endDay) => calendar.WorkingDaysBetween(startDay, endDay);
}
