using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// One search of requests for the requests list and the global search: receipt number (whole or its last digits),
/// the Cục's dossier code and the agency's letter number (as typed, or their prefix), a certificate serial in any
/// spelling (colons, spaces, case), a token serial, or a subscriber's name without diacritics.
/// </summary>
public static class RequestSearch
{
    public static IQueryable<Request> Matching(this IQueryable<Request> query, IQueryable<Domain.Subscribers.Subscriber> subscribers, string text)
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
        return query.Where(r => (ending != null && r.ReceiptNumber != null && r.ReceiptNumber.EndsWith(ending))
            || (r.CaDossierCode != null && (r.CaDossierCode.StartsWith(cleaned) || r.CaDossierCode.StartsWith(upper)))
            || (r.Letter.Number != null && r.Letter.Number.StartsWith(cleaned))
            || r.Lines.Any(l => (serial != "" && l.CertificateSerial != null && l.CertificateSerial.StartsWith(serial))
                || (l.TokenSerial != null && l.TokenSerial.StartsWith(upper))
                || subscribers.Any(s => s.Id == l.SubscriberId && s.SearchKey.Contains(folded))));
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
