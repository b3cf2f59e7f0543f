using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>One search of subscribers for the list and the global search: name or e-mail (accent-insensitive), or a whole CCCD.</summary>
public static class SubscriberSearch
{
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
