using PhuThoCa.Domain.Tokens;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// How many tokens an agency has in one status. Kept by database triggers on Tokens (an insert, a delete, and an update
/// of AgencyId or Status change it in the same statement, whoever writes: the portal, an import, a script), created by the
/// migration <c>TokenCounts</c> of each provider, which also counts the existing rows. The portal only reads it: the
/// tokens list's total without a search is a sum over at most agencies × statuses rows instead of a count of the register
/// (issue 15: maintained counters, as <see cref="SubscriberCount"/>). Agency-scoped like the tokens themselves.
/// </summary>
public sealed class TokenCount
{
    /// <summary>The name the triggers have on each provider (declared to EF, which then saves Tokens without an OUTPUT clause on SQL Server).</summary>
    public const string Trigger = "TR_Tokens_Counts";

    private TokenCount()
    {
    }

    public int AgencyId { get; private set; }

    public TokenStatus Status { get; private set; }

    public int Count { get; private set; }
}
