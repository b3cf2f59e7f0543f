using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages;

/// <summary>
/// One search box (features G10.1, issue 13 item 2): requests by receipt number (whole or last digits), dossier code,
/// letter number; certificate and token serials in any spelling; subscriber and agency names without diacritics.
/// Results are grouped by kind, best match first (exact, then prefix, then word), capped per group with a link to the
/// list with the query applied. Agency scope comes from the context's query filters.
/// </summary>
public class SearchModel(AppDbContext db) : PageModel
{
    public const int Limit = 8;

    private const int Candidates = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public Group<(int Id, string Receipt, string Agency, RequestStatus Status)> Requests { get; private set; } = Group.None<(int, string, string, RequestStatus)>();

    public Group<(int Id, string Serial, string Holder)> Certificates { get; private set; } = Group.None<(int, string, string)>();

    public Group<(int Id, string Serial, TokenStatus Status)> Tokens { get; private set; } = Group.None<(int, string, TokenStatus)>();

    public Group<(int Id, string Name, string Agency)> Subscribers { get; private set; } = Group.None<(int, string, string)>();

    public Group<(int Id, string Name)> Agencies { get; private set; } = Group.None<(int, string)>();

    public int Total => Requests.Items.Count + Certificates.Items.Count + Tokens.Items.Count + Subscribers.Items.Count + Agencies.Items.Count;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Query) || Query.Trim().Length < 2)
        {
            return;
        }

        var text = Text.Clean(Query);
        var folded = Text.Fold(text);
        var hex = Certificate.NormalizeSerial(text);
        var tokenSerial = UsbToken.NormalizeSerial(text);

        // Receipt numbers ending with the digits typed come first, before the candidates are cut: a common fragment ("24")
        // also matches many names and serials, and the newest 50 of those must not push the request it names out.
        var (_, ending) = RequestReceiptNumber.SearchKeys(text);
        // What the subscribers' index says about the text, read once for the requests' group and the subscribers'
        // (SubscriberSearch.MatchesAsync): their ids when few match, or that the text is a common fragment, when both groups
        // test the rows in their own order and stop at the candidates they keep.
        var subscriberMatches = await SubscriberSearch.MatchesAsync(db, text, ct);
        // The agency's name is joined to the 50 candidates after they are cut, not looked up for every match before the
        // sort (744 lookups for "pham thi" at 100,000 requests, 0.4 ms of the statement's 2.3 ms; docs/performance.md).
        // Without digits to end a receipt number, the order is the creation time's alone: EF writes the other key as a
        // constant then, which keeps SQLite from reading the requests in the creation time's index order and stopping at 50.
        var matching = db.Requests.AsNoTracking().Matching(db, text, subscriberMatches);
        var ordered = ending is null
            ? matching.OrderByDescending(r => r.CreatedAtUtc)
            : matching.OrderByDescending(r => r.ReceiptNumber != null && r.ReceiptNumber.EndsWith(ending)).ThenByDescending(r => r.CreatedAtUtc);
        var candidates = ordered.Take(Candidates);
        var requests = await (from r in candidates
                              join a in db.Agencies on r.AgencyId equals a.Id into named
                              from a in named.DefaultIfEmpty()
                              select new { r.Id, r.ReceiptNumber, r.CaDossierCode, LetterNumber = r.Letter.Number, r.Status, Agency = a == null ? null : a.Name })
            .ToListAsync(ct);
        Requests = Group.Of(requests.OrderBy(r => RequestSearch.Rank(text, r.ReceiptNumber, r.CaDossierCode, r.LetterNumber))
            .Select(r => (r.Id, r.ReceiptNumber ?? r.LetterNumber ?? $"#{r.Id}", r.Agency ?? "", r.Status)));

        if (hex.Length >= 4 && Certificate.IsValidSerial(text))
        {
            // A prefix as a range on the unique index of SerialNumber: SQLite's LIKE (what StartsWith becomes) ignores case and
            // so cannot use a BINARY index, and scanned every certificate. Stored serials are upper-case hex (NormalizeSerial),
            // so those starting with hex sort from hex up to, not including, hex + "G" ('G' follows '0'-'9' and 'A'-'F' in
            // SQLite's binary order and in SQL Server's collations alike). Expression tree: EF translates string.Compare.
            var pastPrefix = hex + "G";
#pragma warning disable CA1309, CA1310
            var certificates = await db.Certificates.AsNoTracking()
                .Where(c => string.Compare(c.SerialNumber, hex) >= 0 && string.Compare(c.SerialNumber, pastPrefix) < 0)
#pragma warning restore CA1309, CA1310
                .OrderBy(c => c.SerialNumber).Take(Candidates)
                .Select(c => new { c.Id, c.SerialNumber, Holder = c.Subscriber!.Name }).ToListAsync(ct);
            Certificates = Group.Of(certificates.OrderBy(c => c.SerialNumber == hex ? 0 : 1).Select(c => (c.Id, c.SerialNumber, c.Holder)));
        }

        // Token serials are free text: a prefix is a LIKE, which SQLite's BINARY unique index cannot serve; the serials that
        // contain the text (TextSearch, the trigram index) narrow it to a few rows first.
        var tokenIds = db.TokensWhoseSerialContains(tokenSerial);
        var tokens = await db.Tokens.AsNoTracking().Where(t => tokenIds.Contains(t.Id) && t.SerialNumber.StartsWith(tokenSerial)).OrderBy(t => t.SerialNumber).Take(Candidates)
            .Select(t => new { t.Id, t.SerialNumber, t.Status }).ToListAsync(ct);
        Tokens = Group.Of(tokens.OrderBy(t => t.SerialNumber == tokenSerial ? 0 : 1).Select(t => (t.Id, t.SerialNumber, t.Status)));

        var subscribers = await db.Subscribers.AsNoTracking().Matching(db, text, subscriberMatches).OrderBy(s => s.SortKey).Take(Candidates)
            .Select(s => new { s.Id, s.Name, s.SearchKey, Agency = s.Agency!.Name }).ToListAsync(ct);
        Subscribers = Group.Of(subscribers.OrderBy(s => WordRank(s.SearchKey, folded)).Select(s => (s.Id, s.Name, s.Agency)));

        var agencies = await db.Agencies.AsNoTracking().Where(a => a.SearchKey.Contains(folded)).OrderBy(a => a.SortKey).Take(Candidates)
            .Select(a => new { a.Id, a.Name, a.SearchKey }).ToListAsync(ct);
        Agencies = Group.Of(agencies.OrderBy(a => WordRank(a.SearchKey, folded)).Select(a => (a.Id, a.Name)));
    }

    /// <summary>0 when the folded key is the query, 1 when it starts with it, 2 when a word starts with it, 3 otherwise.</summary>
    public static int WordRank(string key, string folded) =>
        key == folded ? 0
        : key.StartsWith(folded, StringComparison.Ordinal) ? 1
        : key.Contains(" " + folded, StringComparison.Ordinal) ? 2
        : 3;

    public sealed record Group<T>(IReadOnlyList<T> Items, bool More);

    private static class Group
    {
        public static Group<T> None<T>() => new([], false);

        public static Group<T> Of<T>(IEnumerable<T> ranked)
        {
            var list = ranked.Take(Limit + 1).ToList();
            return new Group<T>(list.Take(Limit).ToList(), list.Count > Limit);
        }
    }
}
