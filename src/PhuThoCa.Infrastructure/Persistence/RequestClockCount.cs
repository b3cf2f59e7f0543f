using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// How many open requests of an agency, in one status, have a clock running: a legal or expected step with its due date
/// (<see cref="Clock"/> is the <see cref="DeadlineStep"/>), or, for a sent request, the wait for Sở's receipt timed from
/// its sending (<see cref="Clock"/> = <see cref="WaitingForReceipt"/>). Kept by database triggers on Requests, created
/// by the migration <c>RequestClockCounts</c> of each provider, which also counts the existing rows; the portal only
/// reads it (ADR 0034).
/// <para>
/// The counts of Sở's work queue (overdue, late to receive, the Cục beyond its expected time) are then this total less
/// the requests not yet past their limit: an index range over the last days' requests only, whatever the size of the
/// register or of its backlog (issue 15: the dashboard counted every overdue request on every view).
/// </para>
/// </summary>
public sealed class RequestClockCount
{
    /// <summary>The name the triggers have on each provider (declared to EF, which then saves Requests without an OUTPUT clause on SQL Server).</summary>
    public const string Trigger = "TR_Requests_ClockCounts";

    /// <summary>The clock of a sent request waiting for Sở's receipt (status Submitted, no due date, a sending time).</summary>
    public const int WaitingForReceipt = 0;

    private RequestClockCount()
    {
    }

    public int AgencyId { get; private set; }

    public RequestStatus Status { get; private set; }

    /// <summary><see cref="WaitingForReceipt"/>, or the running <see cref="DeadlineStep"/> of a request with a due date.</summary>
    public int Clock { get; private set; }

    public int Count { get; private set; }

    /// <summary>The clock value of a running step.</summary>
    public static int Of(DeadlineStep step) => (int)step;
}
