namespace PhuThoCa.Domain.Requests;

/// <summary>
/// What a request needs to compute its deadlines without reading a clock: working-day arithmetic and the configured
/// periods. The web layer implements it with an adapter over <c>PhuThoCa.Domain.Calendar.WorkingDayCalendar</c> plus
/// <see cref="RequestDeadlineSettings"/> from configuration (docs/adr/0007-request-state-machine.md); tests use a fake.
/// </summary>
public interface IWorkingDayDeadlines
{
    RequestDeadlineSettings Settings { get; }

    /// <summary>
    /// Day X of "kể từ ngày X" (itself not counted) for something received at <paramref name="localReceivedAt"/>, Vietnam
    /// local time with <see cref="DateTimeKind.Unspecified"/> kind. Receipt on a non-working day or after office hours
    /// may count from the next working day: the calendar decides.
    /// </summary>
    DateOnly EffectiveStartDay(DateTime localReceivedAt);

    /// <summary>The end day of "N ngày làm việc kể từ ngày <paramref name="start"/>" (BLDS 2015 Điều 147–148): start excluded.</summary>
    DateOnly AddWorkingDays(DateOnly start, int workingDays);

    /// <summary>Working days in (<paramref name="startDay"/>, <paramref name="endDay"/>]: used to pause the clock while a request is returned.</summary>
    int WorkingDaysBetween(DateOnly startDay, DateOnly endDay);
}
