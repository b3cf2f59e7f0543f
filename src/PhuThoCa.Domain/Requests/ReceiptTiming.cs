using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Requests;

/// <summary>
/// How the moment a request reached Sở (or was received by Sở) is counted: the instant in Vietnam time and day X of
/// "kể từ ngày X", which the calendar may move to the next working day for an arrival after office hours or on a day
/// off (domain-spec §4.2 [U], setting <c>Calendar:OfficeHoursEnd</c>). Day X itself is not counted (BLDS 2015 Điều 147).
/// </summary>
public sealed record ReceiptDay(DateTime LocalAt, DateOnly CountedAs, bool OnDayOff)
{
    /// <summary>True when the arrival was after office hours or on a day off and counts from a later working day.</summary>
    public bool MovedToNextWorkingDay => CountedAs != DateOnly.FromDateTime(LocalAt);

    public static ReceiptDay Of(DateTime utc, IWorkingDayDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var local = DateTime.SpecifyKind(VietnamTime.ToLocal(utc), DateTimeKind.Unspecified);
        var counted = deadlines.EffectiveStartDay(local);
        // Midnight is before office hours: a working day counts as itself, a day off moves.
        var onDayOff = deadlines.EffectiveStartDay(local.Date) != DateOnly.FromDateTime(local);
        return new ReceiptDay(local, counted, onDayOff);
    }
}

/// <summary>
/// A sent request waiting for Sở's "Tiếp nhận" (issue 11 item 4): the working days it has waited since it arrived and
/// whether that is beyond <see cref="RequestDeadlineSettings.ReceiptLateAfterWorkingDays"/>. No legal period runs before
/// receipt (QĐ-PT Điều 5.4c and 6.4 count from "ngày tiếp nhận"), so this is Sở's own expectation [U], shown so that a
/// request cannot wait unseen: it is never called "quá hạn".
/// </summary>
public sealed record ReceiptWait(ReceiptDay Arrival, int WorkingDaysWaiting, int LateAfterWorkingDays)
{
    /// <summary>Late to receive: more working days than the setting have passed since the day of arrival.</summary>
    public bool IsLate => WorkingDaysWaiting > LateAfterWorkingDays;

    /// <summary>The wait of a request in <paramref name="status"/> sent at <paramref name="submittedAtUtc"/>; null unless it waits for receipt.</summary>
    public static ReceiptWait? For(RequestStatus status, DateTime? submittedAtUtc, IWorkingDayDeadlines deadlines, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        if (status != RequestStatus.Submitted || submittedAtUtc is not { } sent)
        {
            return null;
        }

        var arrival = ReceiptDay.Of(sent, deadlines);
        var waiting = Math.Max(0, deadlines.WorkingDaysBetween(arrival.CountedAs, today));
        return new ReceiptWait(arrival, waiting, deadlines.Settings.ReceiptLateAfterWorkingDays);
    }

    /// <summary>
    /// The instant (UTC) that splits the sent requests on <paramref name="today"/>: one sent before it is late to receive
    /// (<see cref="For"/> says <see cref="IsLate"/>), one sent at or after it is not. Lets a list count and sort the late
    /// ones with one comparison on the stored sending time (<c>SubmittedAtUtc &lt; cutoff</c>) instead of classifying
    /// every request, while <see cref="For"/> stays the only rule. <see cref="DateTime.MinValue"/> when none can be late,
    /// <see cref="DateTime.MaxValue"/> when every one is (a negative setting).
    /// </summary>
    /// <remarks>
    /// Lateness only ever turns off as the sending time moves later: the counted day of arrival
    /// (<see cref="IWorkingDayDeadlines.EffectiveStartDay"/>) never moves back for a later instant, and fewer working days
    /// then lie between it and today. So the cutoff is found by bisection over the instants with <see cref="For"/> itself,
    /// to the tick (the precision of the stored times): about 60 evaluations, once per page.
    /// </remarks>
    public static DateTime LateIfSentBefore(IWorkingDayDeadlines deadlines, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        bool IsLateIfSentAt(long ticks) => For(RequestStatus.Submitted, new DateTime(ticks, DateTimeKind.Utc), deadlines, today) is { IsLate: true };

        // Sent after the end of today (Vietnam time) it has not waited a single working day.
        var notLate = VietnamTime.StartUtc(today.AddDays(1)).Ticks;
        if (IsLateIfSentAt(notLate))
        {
            return DateTime.MaxValue;
        }

        var span = TimeSpan.FromDays((7 * (Math.Max(0, deadlines.Settings.ReceiptLateAfterWorkingDays) + 1)) + 31).Ticks;
        var late = notLate - span;
        var earliest = VietnamTime.FromLocal(new DateTime(Calendar.WorkingDayCalendar.MinSupportedYear + 1, 1, 1)).Ticks;
        while (!IsLateIfSentAt(late))
        {
            if (late <= earliest)
            {
                return DateTime.MinValue;
            }

            span *= 2;
            late = Math.Max(earliest, notLate - span);
        }

        while (notLate - late > 1)
        {
            var middle = late + ((notLate - late) / 2);
            if (IsLateIfSentAt(middle))
            {
                late = middle;
            }
            else
            {
                notLate = middle;
            }
        }

        return new DateTime(notLate, DateTimeKind.Utc);
    }
}
