using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>One search of subscribers for the list and the global search: name or e-mail (accent-insensitive), or a whole CCCD.</summary>
public static class SubscriberSearch
{
    /// <summary>The most ids <see cref="IdsToShareAsync"/> passes on as a parameter.</summary>
    public const int SharedIdsLimit = 500;

    /// <summary>
    /// The subscribers whose folded name or e-mail contains <paramref name="text"/>, read from the trigram index once for a
    /// page whose several statements need them (the global search's two groups, a list's count and page; each read the
    /// index again: 0.88 ms per read for "pham thi" at 100,000 requests, 283 subscribers). Null where the index cannot
    /// answer (SQL Server, a text under three characters) or when more than <see cref="SharedIdsLimit"/> match ("nguyen":
    /// 3,313 at 100,000 requests): so many ids cost more as a parameter than another read of the index (docs/performance.md,
    /// session 24), and each statement composes the index's query itself.
    /// </summary>
    public static async Task<List<int>?> IdsToShareAsync(AppDbContext db, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = Text.Fold(text.Trim());
        if (!TextSearch.UsesIndex(db, folded))
        {
            return null;
        }

        var ids = await db.SubscribersWhoseSearchKeyContains(folded).Take(SharedIdsLimit + 1).ToListAsync(ct);
        return ids.Count <= SharedIdsLimit ? ids : null;
    }

    /// <summary>
    /// The name or e-mail anywhere in the folded search key, through <see cref="TextSearch"/> (the trigram index on SQLite);
    /// <paramref name="query"/> keeps its agency scope, the index only yields ids.
    /// </summary>
    /// <param name="query">The subscribers to search, with their agency scope.</param>
    /// <param name="db">The context whose search index answers.</param>
    /// <param name="text">The text as typed.</param>
    /// <param name="ids">The ids <see cref="TextSearch"/> gave for the text, when the caller has read them already; null to read them here.</param>
    public static IQueryable<Subscriber> Matching(this IQueryable<Subscriber> query, AppDbContext db, string text, IReadOnlyCollection<int>? ids = null)
    {
        var wholeNationalId = NationalId.AsWholeNumber(text);
        if (ids is not null)
        {
            return wholeNationalId is null
                ? query.Where(s => EF.Parameter(ids).Contains(s.Id))
                : query.Where(s => s.NationalId == wholeNationalId || EF.Parameter(ids).Contains(s.Id));
        }

        var matching = db.SubscribersWhoseSearchKeyContains(Text.Fold(text.Trim()));
        return wholeNationalId is null
            ? query.Where(s => matching.Contains(s.Id))
            : query.Where(s => s.NationalId == wholeNationalId || matching.Contains(s.Id));
    }
}
