using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>One search of subscribers for the list and the global search: name or e-mail (accent-insensitive), or a whole CCCD.</summary>
public static class SubscriberSearch
{
    public static IQueryable<Subscriber> Matching(this IQueryable<Subscriber> query, string text)
    {
        var folded = Text.Fold(text.Trim());
        var wholeNationalId = NationalId.AsWholeNumber(text);
        return wholeNationalId is null
            ? query.Where(s => s.SearchKey.Contains(folded))
            : query.Where(s => s.NationalId == wholeNationalId || s.SearchKey.Contains(folded));
    }
}
