using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// What the trigram index said about the subscribers a text names, read once for a page whose several statements need it
/// (<see cref="SubscriberSearch.MatchesAsync"/>).
/// </summary>
/// <param name="Ids">The matching subscribers' ids, when at most <see cref="SubscriberSearch.SharedIdsLimit"/> match.</param>
/// <param name="Many">More than <see cref="SubscriberSearch.SharedIdsLimit"/> match: a common fragment ("nguyen", an e-mail domain).</param>
public sealed record SubscriberMatches(List<int>? Ids, bool Many)
{
    /// <summary>Not read (SQL Server, a text under three characters): each statement composes the index's query itself.</summary>
    public static SubscriberMatches NotRead { get; } = new(null, false);
}

/// <summary>One search of subscribers for the list and the global search: name or e-mail (accent-insensitive), or a whole CCCD.</summary>
public static class SubscriberSearch
{
    /// <summary>The most ids <see cref="MatchesAsync"/> passes on as a parameter; past it, the text is a common fragment.</summary>
    public const int SharedIdsLimit = 500;

    /// <summary>
    /// The subscribers whose folded name or e-mail contains <paramref name="text"/>, read from the trigram index once for a
    /// page whose several statements need them (the global search's two groups, a list's count and page; each read the
    /// index again: 0.88 ms per read for "pham thi" at 100,000 requests, 283 subscribers). Not read where the index cannot
    /// answer (SQL Server, a text under three characters). When more than <see cref="SharedIdsLimit"/> match ("nguyen":
    /// 3,313 at 100,000 requests; an e-mail domain: all of them), <see cref="SubscriberMatches.Many"/>: so many ids cost more
    /// as a parameter than another read of the index (docs/performance.md, session 24), and reading every match to show the
    /// first 25 or 50 costs more than testing the rows in the page's order until the page is full (session 25).
    /// </summary>
    public static async Task<SubscriberMatches> MatchesAsync(AppDbContext db, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = Text.Fold(text.Trim());
        if (!TextSearch.UsesIndex(db, folded))
        {
            return SubscriberMatches.NotRead;
        }

        var ids = await db.SubscribersWhoseSearchKeyContains(folded).Take(SharedIdsLimit + 1).ToListAsync(ct);
        return ids.Count <= SharedIdsLimit ? new SubscriberMatches(ids, false) : new SubscriberMatches(null, true);
    }

    /// <summary>
    /// The name or e-mail anywhere in the folded search key, through <see cref="TextSearch"/> (the trigram index on SQLite);
    /// <paramref name="query"/> keeps its agency scope, the index only yields ids.
    /// </summary>
    /// <param name="query">The subscribers to search, with their agency scope.</param>
    /// <param name="db">The context whose search index answers.</param>
    /// <param name="text">The text as typed.</param>
    /// <param name="matches">
    /// What <see cref="MatchesAsync"/> read for the text, when the caller has read it; null to read the index here. With
    /// the ids, they are the set; for a common fragment (<see cref="SubscriberMatches.Many"/>), each row's key is tested
    /// where the page's order reaches it (the same test the index answers: the folded text as a substring of the key), so
    /// the first page of "nguyen" reads a few hundred rows of the name index instead of every match (41 → 0.04 ms for an
    /// e-mail domain at 50,000 subscribers; the count reads the table, 4.5 ms there, instead of 19 ms through the index).
    /// </param>
    public static IQueryable<Subscriber> Matching(this IQueryable<Subscriber> query, AppDbContext db, string text, SubscriberMatches? matches = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var wholeNationalId = NationalId.AsWholeNumber(text);
        var folded = Text.Fold(text.Trim());
        if (matches is { Many: true })
        {
            return wholeNationalId is null
                ? query.Where(s => s.SearchKey.Contains(folded))
                : query.Where(s => s.NationalId == wholeNationalId || s.SearchKey.Contains(folded));
        }

        if (matches?.Ids is { } ids)
        {
            return wholeNationalId is null
                ? query.Where(s => EF.Parameter(ids).Contains(s.Id))
                : query.Where(s => s.NationalId == wholeNationalId || EF.Parameter(ids).Contains(s.Id));
        }

        var matching = db.SubscribersWhoseSearchKeyContains(folded);
        return wholeNationalId is null
            ? query.Where(s => matching.Contains(s.Id))
            : query.Where(s => s.NationalId == wholeNationalId || matching.Contains(s.Id));
    }
}
