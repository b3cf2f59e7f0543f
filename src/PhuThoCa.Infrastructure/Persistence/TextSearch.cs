using Microsoft.EntityFrameworkCore;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// The one place that answers "which rows contain this text" for the registers' search columns (issue 15 item 3,
/// docs/adr/0027-infix-search-index.md): subscribers' folded search keys, certificate serials, token serials and
/// custodians, and, as a narrowing only, the requests' keys and their lines' serials. Each method returns the ids of the
/// matching rows as a composable query, to be used as <c>ids.Contains(x.Id)</c> on the normal (agency-scoped) DbSet: the
/// ids are not scoped, the outer query is.
/// <para>
/// On SQLite the ids come from an FTS5 table with the <c>trigram</c> tokenizer (<c>case_sensitive 1</c>), an external-content
/// index of the column kept in sync by triggers (migration <c>SearchIndex</c>). A phrase of trigrams matches exactly where the
/// text occurs as a substring, so the result is the same as today's <c>Contains</c> (SQLite <c>instr</c>, case-sensitive),
/// but read from the index instead of scanning the table. The user's text is always one quoted FTS5 phrase (inner quotes
/// doubled), so no FTS syntax in it is ever interpreted.
/// </para>
/// <para>
/// Texts of fewer than three characters (Unicode code points, as the tokenizer counts them) have no trigram and would match
/// nothing in FTS5, so they keep <c>Contains</c> (a scan, as before). SQL Server keeps <c>Contains</c> (LIKE '%…%') for every
/// text: its full-text index matches words and prefixes, never infixes, and is not in the Linux image the tests use.
/// </para>
/// </summary>
public static class TextSearch
{
    /// <summary>The shortest text the trigram index can answer; shorter texts are matched with <c>Contains</c>.</summary>
    public const int MinimumIndexedLength = 3;

    // The FTS5 tables of migration SearchIndex (SQLite only). Constant SQL: only the MATCH expression is a parameter.
    private const string SubscriberKeys = "SELECT rowid AS \"Value\" FROM \"SubscribersSearch\" WHERE \"SubscribersSearch\" MATCH {0}";
    private const string CertificateSerials = "SELECT rowid AS \"Value\" FROM \"CertificatesSearch\" WHERE \"CertificatesSearch\" MATCH {0}";
    private const string TokenColumns = "SELECT rowid AS \"Value\" FROM \"TokensSearch\" WHERE \"TokensSearch\" MATCH {0}";
    private const string RequestKeys = "SELECT rowid AS \"Value\" FROM \"RequestsSearch\" WHERE \"RequestsSearch\" MATCH {0}";
    private const string RequestLineSerials = "SELECT rowid AS \"Value\" FROM \"RequestLinesSearch\" WHERE \"RequestLinesSearch\" MATCH {0}";

    /// <summary>Subscribers whose <c>SearchKey</c> (folded name and e-mail) contains <paramref name="folded"/> (already folded).</summary>
    public static IQueryable<int> SubscribersWhoseSearchKeyContains(this AppDbContext db, string folded)
    {
        ArgumentNullException.ThrowIfNull(db);
        return UsesIndex(db, folded)
            ? db.Database.SqlQueryRaw<int>(SubscriberKeys, Match("SearchKey", folded))
            : db.Subscribers.Where(s => s.SearchKey.Contains(folded)).Select(s => s.Id);
    }

    /// <summary>Certificates whose <c>SerialNumber</c> (upper-case hex) contains <paramref name="serial"/> (already normalised).</summary>
    public static IQueryable<int> CertificatesWhoseSerialContains(this AppDbContext db, string serial)
    {
        ArgumentNullException.ThrowIfNull(db);
        return UsesIndex(db, serial)
            ? db.Database.SqlQueryRaw<int>(CertificateSerials, Match("SerialNumber", serial))
            : db.Certificates.Where(c => c.SerialNumber.Contains(serial)).Select(c => c.Id);
    }

    /// <summary>Tokens whose <c>SerialNumber</c> contains <paramref name="serial"/> (already normalised, upper case).</summary>
    public static IQueryable<int> TokensWhoseSerialContains(this AppDbContext db, string serial)
    {
        ArgumentNullException.ThrowIfNull(db);
        return UsesIndex(db, serial)
            ? db.Database.SqlQueryRaw<int>(TokenColumns, Match("SerialNumber", serial))
            : db.Tokens.Where(t => t.SerialNumber.Contains(serial)).Select(t => t.Id);
    }

    /// <summary>Tokens whose <c>CustodianName</c> contains <paramref name="text"/> as typed (case-sensitive, as before).</summary>
    public static IQueryable<int> TokensWhoseCustodianContains(this AppDbContext db, string text)
    {
        ArgumentNullException.ThrowIfNull(db);
        return UsesIndex(db, text)
            ? db.Database.SqlQueryRaw<int>(TokenColumns, Match("CustodianName", text))
            : db.Tokens.Where(t => t.CustodianName != null && t.CustodianName.Contains(text)).Select(t => t.Id);
    }

    /// <summary>
    /// Candidates for the requests search's own keys: requests whose receipt number, dossier code or letter number contains
    /// one of <paramref name="texts"/>, ignoring case (this index folds case, a superset of SQLite's LIKE, which ignores
    /// ASCII case). Only a narrowing: the caller still applies its exact condition (a prefix, an ending) to these rows.
    /// Null when one of the texts cannot be answered by the index (too short, or not SQLite): check every row then.
    /// </summary>
    public static IQueryable<int>? RequestsWhoseKeysMayMatch(this AppDbContext db, params string[] texts) =>
        AnyOf(db, RequestKeys, texts);

    /// <summary>Candidates for the requests search's line serials (token serial, certificate serial), as <see cref="RequestsWhoseKeysMayMatch"/>.</summary>
    public static IQueryable<int>? RequestLinesWhoseSerialsMayMatch(this AppDbContext db, params string[] texts) =>
        AnyOf(db, RequestLineSerials, texts);

    private static IQueryable<int>? AnyOf(AppDbContext db, string sql, string[] texts)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Length > 0 && texts.All(t => UsesIndex(db, t))
            ? db.Database.SqlQueryRaw<int>(sql, string.Join(" OR ", texts.Distinct(StringComparer.Ordinal).Select(Phrase)))
            : null;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is answered by the trigram index: SQLite, at least three code points, and no NUL
    /// character (FTS5 would end its query string there; such a text keeps <c>Contains</c>, as a short one does).
    /// </summary>
    public static bool UsesIndex(AppDbContext db, string text)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(text);
        return db.Database.IsSqlite() && !text.AsSpan().Contains('\0') && CodePoints(text) >= MinimumIndexedLength;
    }

    /// <summary>
    /// The MATCH expression: our column filter, then the user's text as one FTS5 string (double quotes, inner quotes
    /// doubled), which FTS5 reads as a phrase whatever it contains (<c>*</c>, <c>AND</c>, <c>NEAR(</c>, <c>-</c>, <c>:</c>, …).
    /// </summary>
    public static string Match(string column, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "{" + column + "} : " + Phrase(text);
    }

    /// <summary>The text as one FTS5 string literal.</summary>
    public static string Phrase(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static int CodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
