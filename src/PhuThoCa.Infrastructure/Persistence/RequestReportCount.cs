using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// The requests section of the Điều 8.4 report for a calendar period that reaches today, kept as counts per agency, type
/// and Vietnam month (yyyyMM) of the events the report counts (ADR 0037). Only requests Sở has received
/// (<c>FirstReceivedAtUtc</c> set) are counted, as the report counts them. Kept by database triggers on Requests, created by
/// the migration <c>RequestReportCounts</c> of each provider, which also counts the existing register; the portal only
/// reads them. Under the agency query filter.
/// <para>
/// What each <see cref="Measure"/> keys by:
/// <list type="bullet">
/// <item><see cref="Received"/>: the month of the first receipt.</item>
/// <item><see cref="Closed"/>: the month of closing, the final <see cref="Status"/>, and <see cref="Value"/> 1 when Sở's
/// step was never resolved (<c>ResolvedAtUtc</c> null), else 0.</item>
/// <item><see cref="Resolved"/>: the month of Sở's first resolution and its <see cref="ResolutionTiming"/> as
/// <see cref="Value"/>.</item>
/// <item><see cref="CaAnswered"/>: the month of the Cục's first answer of a request whose Cục period started, and the
/// period's working days (<c>CaWorkingDays</c>) as <see cref="Value"/>, or <see cref="UnknownDays"/> for an answer recorded
/// without them (before the column existed, or by a script).</item>
/// <item><see cref="Open"/>: a request not closed: its current <see cref="Status"/>, <see cref="Month"/> the month of the
/// Cục's first answer of a request waiting on the Cục (status 7, <see cref="RequestStatus.AwaitingCaResult"/>; 0 for the
/// others and if none: the report needs it only to tell an answer in the period from a wait at its end), and <see cref="Value"/> the sum of <see cref="OpenUnresolved"/>,
/// <see cref="OpenHasDueDate"/> and <see cref="OpenCaStarted"/>.</item>
/// </list>
/// The four event measures (<see cref="Received"/> to <see cref="CaAnswered"/>) are kept twice: under their month, and
/// under their Vietnam year's key yyyy00 (<see cref="YearKey"/>), so that a report reads a whole year as one cell per key
/// instead of twelve (<see cref="PeriodKeys"/>).
/// </para>
/// </summary>
public sealed class RequestReportCount
{
    /// <summary>The trigger's name on SQL Server (declared to EF, which then saves Requests without an OUTPUT clause).</summary>
    public const string Trigger = "TR_Requests_ReportCounts";

    public const int Received = 1;
    public const int Closed = 2;
    public const int Resolved = 3;
    public const int CaAnswered = 4;
    public const int Open = 5;

    /// <summary><see cref="Value"/> of a <see cref="CaAnswered"/> key without stored working days.</summary>
    public const int UnknownDays = -1;

    /// <summary><see cref="Value"/> bit of an <see cref="Open"/> key: Sở's step not resolved.</summary>
    public const int OpenUnresolved = 1;

    /// <summary><see cref="Value"/> bit of an <see cref="Open"/> key: a due date is set.</summary>
    public const int OpenHasDueDate = 2;

    /// <summary><see cref="Value"/> bit of an <see cref="Open"/> key: the Cục's period started (<c>CaWaitStartedAtUtc</c> set).</summary>
    public const int OpenCaStarted = 4;

    private RequestReportCount()
    {
    }

    public int Measure { get; private set; }

    /// <summary>
    /// The Vietnam month of the measure's event as yyyyMM (<see cref="RequestMonthCount.MonthKey"/>), or its year as yyyy00
    /// (<see cref="YearKey"/>); 0 where there is none.
    /// </summary>
    public int Month { get; private set; }

    public int AgencyId { get; private set; }

    public RequestType Type { get; private set; }

    /// <summary>The <see cref="RequestStatus"/> of <see cref="Closed"/> and <see cref="Open"/> keys; 0 for the others.</summary>
    public int Status { get; private set; }

    public int Value { get; private set; }

    public int Count { get; private set; }

    /// <summary>The key of a whole Vietnam year's cells of the event measures: yyyy00.</summary>
    public static int YearKey(int year) => year * 100;

    /// <summary>
    /// The keys whose cells of an event measure sum to the months of <paramref name="from"/> to <paramref name="to"/>:
    /// the year's key for each calendar year the months cover whole, the month's key for each other month.
    /// </summary>
    public static List<int> PeriodKeys(DateOnly from, DateOnly to)
    {
        var keys = new List<int>();
        var last = new DateOnly(to.Year, to.Month, 1);
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= last;)
        {
            if (month.Month == 1 && month.AddMonths(11) <= last)
            {
                keys.Add(YearKey(month.Year));
                month = month.AddYears(1);
            }
            else
            {
                keys.Add(RequestMonthCount.MonthKey(month));
                month = month.AddMonths(1);
            }
        }

        return keys;
    }
}
