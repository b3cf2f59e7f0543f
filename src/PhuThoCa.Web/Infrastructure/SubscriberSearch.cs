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
    public static IQueryable<Subscriber> Matching(this IQueryable<Subscriber> query, AppDbContext db, string text)
    {
        var folded = Text.Fold(text.Trim());
        var wholeNationalId = NationalId.AsWholeNumber(text);
        var ids = db.SubscribersWhoseSearchKeyContains(folded);
        return wholeNationalId is null
            ? query.Where(s => ids.Contains(s.Id))
            : query.Where(s => s.NationalId == wholeNationalId || ids.Contains(s.Id));
    }
}
