using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// How many requests an agency has of one type in one status. Kept by database triggers on Requests (an insert, a delete,
/// and an update of AgencyId, Type or Status change it in the same statement, whoever writes: the portal, an import, a
/// script), created by the migration <c>RequestCounts</c> of each provider, which also counts the existing rows. The
/// portal only reads it: totals that would otherwise count most of the register on every view (the requests list's
/// undated rows) are sums over at most agencies × types × statuses rows, whatever the register's size (issue 15:
/// maintained counters).
/// </summary>
public sealed class RequestCount
{
    /// <summary>The name the triggers have on each provider (declared to EF, which then saves Requests without an OUTPUT clause on SQL Server).</summary>
    public const string Trigger = "TR_Requests_Counts";

    private RequestCount()
    {
    }

    public int AgencyId { get; private set; }

    public RequestType Type { get; private set; }

    public RequestStatus Status { get; private set; }

    public int Count { get; private set; }
}
