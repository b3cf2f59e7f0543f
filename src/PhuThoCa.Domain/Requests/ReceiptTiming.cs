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
}
