using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// One search of requests for the requests list and the global search: receipt number (whole or its last digits),
/// the Cục's dossier code and the agency's letter number (as typed, or their prefix), a certificate serial in any
/// spelling (colons, spaces, case), a token serial, or a subscriber's name without diacritics.
/// </summary>
public static class RequestSearch
{
    /// <param name="query">The requests to search, with their agency scope.</param>
    /// <param name="db">The context whose search indexes answer.</param>
    /// <param name="text">The text as typed.</param>
    /// <param name="subscribers">
    /// What the subscribers' index said about the text, when the caller has read it (<see cref="SubscriberSearch.MatchesAsync"/>:
    /// the global search reads it once for its two groups); null to read the index here. For a common fragment
    /// (<see cref="SubscriberMatches.Many"/>) each request is tested by its lines' subscribers' keys, so a query that reads
    /// the requests in its own order (the global search's newest first) stops when it has its rows, instead of reading the
    /// requests of every matching line to sort them: at 100,000 requests "nguyen" (3,313 subscribers) 14 → 2.4 ms, an
    /// e-mail domain (every subscriber) 156 → 0.2 ms (docs/performance.md, session 25). Only for such a query: a count still
    /// reads them all, and a rare name is faster from the index's few ids.
    /// </param>
    public static IQueryable<Request> Matching(this IQueryable<Request> query, AppDbContext db, string text, SubscriberMatches? subscribers = null)
    {
        var cleaned = Text.Clean(text);
        var upper = cleaned.ToUpperInvariant();
        var folded = Text.Fold(cleaned);
        var (whole, ending) = RequestReceiptNumber.SearchKeys(cleaned);
        var hex = Certificate.NormalizeSerial(cleaned);
        var serial = hex.Length >= 6 && Certificate.IsValidSerial(cleaned) ? hex : "";
        if (whole is not null)
        {
            return query.Where(r => r.ReceiptNumber == whole);
        }

        // Expression trees: EF translates the one-argument StartsWith to an indexable prefix test (CA1310 does not apply).
#pragma warning disable CA1310
        // Each kind of key is one uncorrelated set of request ids (SQL "Id IN (…)", built once), not an EXISTS evaluated for
        // every request: a search for a name took 1.5 s at 100k requests that way (docs/performance.md). On SQLite each set
        // is driven from an index (TextSearch, docs/adr/0027): the subscribers' folded keys through the trigram index (or the
        // ids the caller read from it) and the lines' (SubscriberId, RequestId) index; the requests' own keys and the lines' serials through trigram indexes that only narrow
        // the rows, the exact conditions below still decide. A text too short for the index checks every row, as before.
        // The index yields unscoped ids; the requests (query) are scoped.
        var keyCandidates = ending is null ? db.RequestsWhoseKeysMayMatch(cleaned) : db.RequestsWhoseKeysMayMatch(cleaned, ending);
        var keyRows = keyCandidates is null ? query : query.Where(r => keyCandidates.Contains(r.Id));
        var byKey = keyRows.Where(r => (ending != null && r.ReceiptNumber != null && r.ReceiptNumber.EndsWith(ending))
                || (r.CaDossierCode != null && (r.CaDossierCode.StartsWith(cleaned) || r.CaDossierCode.StartsWith(upper)))
                || (r.Letter.Number != null && r.Letter.Number.StartsWith(cleaned)))
            .Select(r => r.Id);
        // The lines' sets read the lines alone and yield their requests' ids: the outer query is scoped, so an id of another
        // agency's request is dropped there. Joining each line to its request only to scope it was one request lookup per
        // matching line (744 for "pham thi" at 100,000 requests, a quarter of the statement's time).
        var lines = db.Set<RequestLine>().AsNoTracking();
        var lineCandidates = serial != "" ? db.RequestLinesWhoseSerialsMayMatch(upper, serial) : db.RequestLinesWhoseSerialsMayMatch(upper);
        var lineRows = lineCandidates is null ? lines : lines.Where(l => lineCandidates.Contains(l.Id));
        var bySerial = lineRows.Where(l => (serial != "" && l.CertificateSerial != null && l.CertificateSerial.StartsWith(serial))
                || (l.TokenSerial != null && l.TokenSerial.StartsWith(upper)))
            .Select(l => EF.Property<int>(l, "RequestId"));
        if (subscribers is { Many: true })
        {
            // The row's own test, unscoped like the index's ids (SubscriberSearchKeys): each request's lines by the request's
            // id, each line's subscriber by its key. The keys' and serials' sets are small and built once.
            var keysOrSerials = byKey.Union(bySerial);
            var keys = db.SubscriberSearchKeys;
            return query.Where(r => keysOrSerials.Contains(r.Id)
                || lines.Any(l => EF.Property<int>(l, "RequestId") == r.Id && keys.Any(k => k.Id == l.SubscriberId && k.SearchKey.Contains(folded))));
        }

        IQueryable<RequestLine> subscriberLines;
        if (subscribers?.Ids is { } subscriberIds)
        {
            subscriberLines = lines.Where(l => EF.Parameter(subscriberIds).Contains(l.SubscriberId));
        }
        else
        {
            var matchingSubscribers = db.SubscribersWhoseSearchKeyContains(folded);
            subscriberLines = lines.Where(l => matchingSubscribers.Contains(l.SubscriberId));
        }
        var bySubscriber = subscriberLines.Select(l => EF.Property<int>(l, "RequestId"));
        // One set of ids (SQL UNION), not three IN tests joined by OR: with OR, SQLite looked each set's requests up and then
        // tested every one of them against all three sets again (4.4 ms against 1.9 ms for "pham thi" at 100k requests).
        var matching = byKey.Union(bySerial).Union(bySubscriber);
        return query.Where(r => matching.Contains(r.Id));
#pragma warning restore CA1310
    }

    /// <summary>0 for an exact receipt number, dossier code or letter number, 1 for a prefix or ending, 2 otherwise.</summary>
    public static int Rank(string text, string? receiptNumber, string? dossierCode, string? letterNumber)
    {
        var cleaned = Text.Clean(text);
        var (whole, ending) = RequestReceiptNumber.SearchKeys(cleaned);
        if ((whole is not null && receiptNumber == whole)
            || string.Equals(dossierCode, cleaned, StringComparison.OrdinalIgnoreCase)
            || string.Equals(letterNumber, cleaned, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        return (ending is not null && receiptNumber?.EndsWith(ending, StringComparison.Ordinal) == true)
            || dossierCode?.StartsWith(cleaned, StringComparison.OrdinalIgnoreCase) == true
            || letterNumber?.StartsWith(cleaned, StringComparison.OrdinalIgnoreCase) == true ? 1 : 2;
    }
}
