using PhuThoCa.Domain.Subscribers;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// How many subscribers an agency has of one kind, in use or not. Kept by database triggers on Subscribers (an insert, a
/// delete, and an update of AgencyId, Kind or IsActive change it in the same statement, whoever writes: the portal, an
/// import, a script), created by the migration <c>SubscriberCounts</c> of each provider, which also counts the existing
/// rows. The portal only reads it: the dashboard's subscribers in use and the subscribers list's total without a search
/// are sums over at most agencies × kinds × 2 rows instead of a count of the register (issue 15: maintained counters).
/// Agency-scoped like the subscribers themselves.
/// </summary>
public sealed class SubscriberCount
{
    /// <summary>The name the triggers have on each provider (declared to EF, which then saves Subscribers without an OUTPUT clause on SQL Server).</summary>
    public const string Trigger = "TR_Subscribers_Counts";

    private SubscriberCount()
    {
    }

    public int AgencyId { get; private set; }

    public SubscriberKind Kind { get; private set; }

    public bool IsActive { get; private set; }

    public int Count { get; private set; }
}
