using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>
/// Issue 15 item 3, the infix search index (docs/adr/0027-infix-search-index.md): on SQLite, <see cref="TextSearch"/> reads
/// FTS5 trigram tables kept in sync by triggers. It must return exactly the rows <c>Contains</c> (instr) returns, for any
/// text a user can type, and follow every write made through the portal.
/// </summary>
public sealed partial class SearchIndexTests(SearchIndexTests.Portal portal) : IClassFixture<SearchIndexTests.Portal>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A portal of its own: this class adds rows with unusual names and serials that other classes should not see.</summary>
    public sealed class Portal : PortalFactory
    {
        public SemaphoreSlim Seeding { get; } = new(1, 1);

        public bool Seeded { get; set; }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Seeding.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>The bundled SQLite (SQLitePCLRaw's e_sqlite3) has FTS5 and its trigram tokenizer with case_sensitive.</summary>
    [Fact]
    public async Task BundledSqlite_HasFts5WithTheTrigramTokenizer()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram case_sensitive 1');"
            + "INSERT INTO t(x) VALUES ('nguyen pham thi lan'), ('Pham Thi');"
            + "SELECT group_concat(rowid) FROM t WHERE t MATCH '\"pham thi\"';";

        Assert.Equal("1", (string?)await command.ExecuteScalarAsync(Ct));
    }

    [Theory]
    [InlineData("pham", "\"pham\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("\"", "\"\"\"\"")]
    [InlineData("x* AND NEAR(y", "\"x* AND NEAR(y\"")]
    public void Phrase_IsOneQuotedFts5String(string text, string phrase) => Assert.Equal(phrase, TextSearch.Phrase(text));

    public static TheoryData<string> Queries => new(
        // infix, prefix, suffix of folded names and e-mails
        "pham thi", "ham th", "nguyen", "lan", "ngoc anh", "@viettri", "phutho.gov.vn", "duc", "thi ", " van ",
        // 2 and 3 characters (2: Contains fallback; 3: the shortest indexed text)
        "ph", "th", "am", "pha", "hi ", "d'a",
        // unfolded, mixed case, unicode (the column is folded, so these match what instr matches: mostly nothing)
        "Phạm", "PHAM", "Đặng", "đặng", "ặng", "nguyễn", "ü", "日本語", "😀😀", "a😀b", "😀a",
        // quotes, FTS syntax, operators, punctuation
        "\"", "\"pham", "pham\"", "\"\"", "'", "o'brien", "*", "pha*", "pham*", "AND", "pham AND thi", "pham OR lan", "NOT lan",
        "NEAR(pham thi)", "NEAR(", "-", "-pham", "pham -thi", "^pham", "{SearchKey} : pham", "SearchKey:pham", ":", "(", ")", "%",
        "_", "pham%", "ph_m", "\\", "a;b", "x' OR 1=1 --",
        // serial fragments (upper-case hex), with colons and lower case (the serials are stored without them)
        "54EE", "EE0", "0A:1B", "0A1B", "0a1b", "A1B2C3", "B2C", "FF", "F", "5403",
        // whitespace only inside
        "   ", "a  b");

    /// <summary>Subscribers' search keys: the index path returns the same ids as Contains, for folded and raw texts.</summary>
    [Theory]
    [MemberData(nameof(Queries))]
    public async Task SubscriberKeys_SameIdsAsContains(string query)
    {
        await SeedAsync();
        await using var db = portal.CreateDbContext();

        foreach (var text in new[] { query, Text.Fold(query.Trim()) }.Distinct())
        {
            var expected = await db.Subscribers.Where(s => s.SearchKey.Contains(text)).Select(s => s.Id).OrderBy(id => id).ToListAsync(Ct);
            var actual = await db.SubscribersWhoseSearchKeyContains(text).OrderBy(id => id).ToListAsync(Ct);

            Assert.Equal(expected, actual);
        }

        // The search the pages run, in each of its three ways: the index's query in the statement, the ids read once, and
        // each row's key tested (a common fragment); with a whole CCCD also the subscriber it names.
        var folded = Text.Fold(query.Trim());
        var nationalId = NationalId.AsWholeNumber(query);
        var expectedRows = await db.Subscribers.Where(s => (nationalId != null && s.NationalId == nationalId) || s.SearchKey.Contains(folded)).Select(s => s.Id).OrderBy(id => id).ToListAsync(Ct);
        foreach (var matches in new SubscriberMatches?[] { null, await SubscriberSearch.MatchesAsync(db, query, Ct), new SubscriberMatches(null, Many: true) })
        {
            Assert.Equal(expectedRows, await db.Subscribers.Matching(db, query, matches).Select(s => s.Id).OrderBy(id => id).ToListAsync(Ct));
        }
    }

    /// <summary>Certificate serials: the same, for the normalised serial the pages pass and the raw text.</summary>
    [Theory]
    [MemberData(nameof(Queries))]
    public async Task CertificateSerials_SameIdsAsContains(string query)
    {
        await SeedAsync();
        await using var db = portal.CreateDbContext();

        foreach (var text in new[] { query, Certificate.NormalizeSerial(query) }.Distinct())
        {
            var expected = await db.Certificates.Where(c => c.SerialNumber.Contains(text)).Select(c => c.Id).OrderBy(id => id).ToListAsync(Ct);
            var actual = await db.CertificatesWhoseSerialContains(text).OrderBy(id => id).ToListAsync(Ct);

            Assert.Equal(expected, actual);
        }
    }

    /// <summary>Token serials and custodians (case-sensitive as typed, as before).</summary>
    [Theory]
    [MemberData(nameof(Queries))]
    public async Task TokenSerialsAndCustodians_SameIdsAsContains(string query)
    {
        await SeedAsync();
        await using var db = portal.CreateDbContext();
        var serial = UsbToken.NormalizeSerial(query);
        var text = Text.Clean(query);

        var expectedSerials = await db.Tokens.Where(t => t.SerialNumber.Contains(serial)).Select(t => t.Id).OrderBy(id => id).ToListAsync(Ct);
        var expectedCustodians = await db.Tokens.Where(t => t.CustodianName != null && t.CustodianName.Contains(text)).Select(t => t.Id).OrderBy(id => id).ToListAsync(Ct);

        Assert.Equal(expectedSerials, await db.TokensWhoseSerialContains(serial).OrderBy(id => id).ToListAsync(Ct));
        Assert.Equal(expectedCustodians, await db.TokensWhoseCustodianContains(text).OrderBy(id => id).ToListAsync(Ct));
    }

    /// <summary>
    /// The requests search (global search and requests list): narrowed by the requests' and lines' trigram indexes, it
    /// returns the same requests as the same conditions checked on every row (the search before the index).
    /// </summary>
    [Theory]
    [MemberData(nameof(RequestQueries))]
    public async Task RequestSearch_SameRequestsAsEveryRowChecked(string query)
    {
        await SeedAsync();
        await using var db = portal.CreateDbContext();
        await AssertRequestSearchAsTheRowByRowCheckAsync(db, query);
    }

    /// <summary>The same, for keys taken from the data: dossier codes, letter numbers, line serials, whole and in part.</summary>
    [Fact]
    public async Task RequestSearch_SameRequestsAsEveryRowChecked_ForTheDatasOwnKeys()
    {
        await SeedAsync();
        await using var db = portal.CreateDbContext();
        var codes = await db.Requests.Where(r => r.CaDossierCode != null).OrderBy(r => r.Id).Select(r => r.CaDossierCode!).Take(3).ToListAsync(Ct);
        var letters = await db.Requests.Where(r => r.Letter.Number != null).OrderBy(r => r.Id).Select(r => r.Letter.Number!).Take(3).ToListAsync(Ct);
        var tokens = await db.Requests.SelectMany(r => r.Lines).Where(l => l.TokenSerial != null).OrderBy(l => l.Id).Select(l => l.TokenSerial!).Take(3).ToListAsync(Ct);
        var serials = await db.Requests.SelectMany(r => r.Lines).Where(l => l.CertificateSerial != null).OrderBy(l => l.Id).Select(l => l.CertificateSerial!).Take(3).ToListAsync(Ct);
        var keys = codes.Concat(letters).Concat(tokens).Concat(serials).ToList();
        Assert.True(codes.Count > 0 && letters.Count > 0 && tokens.Count > 0 && serials.Count > 0, string.Join(", ", keys));

        foreach (var key in keys.SelectMany(k => new[] { k, k.ToLowerInvariant(), k[..Math.Min(k.Length, 5)], k[..Math.Min(k.Length, 3)], k.Length > 4 ? k[2..] : k }))
        {
            await AssertRequestSearchAsTheRowByRowCheckAsync(db, key);
        }
    }

    private static async Task AssertRequestSearchAsTheRowByRowCheckAsync(AppDbContext db, string query)
    {
        var cleaned = Text.Clean(query);
        var upper = cleaned.ToUpperInvariant();
        var folded = Text.Fold(cleaned);
        var (whole, ending) = RequestReceiptNumber.SearchKeys(cleaned);
        var hex = Certificate.NormalizeSerial(cleaned);
        var serial = hex.Length >= 6 && Certificate.IsValidSerial(cleaned) ? hex : "";
        if (whole is not null)
        {
            return; // a whole receipt number is an equality on its unique index, not this search
        }

#pragma warning disable CA1310
        var expected = await db.Requests.Where(r => (ending != null && r.ReceiptNumber != null && r.ReceiptNumber.EndsWith(ending))
                || (r.CaDossierCode != null && (r.CaDossierCode.StartsWith(cleaned) || r.CaDossierCode.StartsWith(upper)))
                || (r.Letter.Number != null && r.Letter.Number.StartsWith(cleaned))
                || r.Lines.Any(l => (serial != "" && l.CertificateSerial != null && l.CertificateSerial.StartsWith(serial))
                    || (l.TokenSerial != null && l.TokenSerial.StartsWith(upper))
                    || db.Subscribers.Any(s => s.Id == l.SubscriberId && s.SearchKey.Contains(folded))))
            .Select(r => r.Id).OrderBy(id => id).ToListAsync(Ct);
#pragma warning restore CA1310

        // Each way the pages search: the index's query in the statement, the subscribers' ids read once, and each request's
        // lines' subscribers tested (a common fragment, SubscriberMatches.Many).
        foreach (var matches in new SubscriberMatches?[] { null, await SubscriberSearch.MatchesAsync(db, query, Ct), new SubscriberMatches(null, Many: true) })
        {
            var actual = await db.Requests.Matching(db, query, matches).Select(r => r.Id).OrderBy(id => id).ToListAsync(Ct);

            Assert.True(expected.SequenceEqual(actual), $"“{query}” ({matches}): expected {expected.Count} requests, found {actual.Count}");
        }
    }

    /// <summary>Texts for the requests search, with the demo data's own keys (receipt endings, dossier codes, letter numbers, serials).</summary>
    public static TheoryData<string> RequestQueries => new(
        "000040", "40", "0004", "-000040", "SKHCN", "skhcn-", "2026-0000", "pham thi", "PHAM", "ph", "Phạm", "54", "5403", "54:03:00",
        "54 03 00 71", "0071", "TK", "tk-2026", "TK-2026-0", "ePass", "\"", "NEAR(", "* AND -", "UBND", "ubnd", "/", "/UBND", "CV-", "HS",
        "hs", "000", "12", "a😀b", "ngoc anh");

    /// <summary>The seeded and added rows really are in the index (not an equivalence of two empty answers).</summary>
    [Fact]
    public async Task Index_AnswersFromTheFtsTable_ForThreeCharactersOrMore()
    {
        await SeedAsync();
        await using var db = portal.CreateDbContext();

        Assert.True(TextSearch.UsesIndex(db, "pha"));
        Assert.False(TextSearch.UsesIndex(db, "ph"));
        Assert.False(TextSearch.UsesIndex(db, "😀a"));
        Assert.False(TextSearch.UsesIndex(db, "ab\0c"));
        Assert.True(await db.SubscribersWhoseSearchKeyContains("pham thi").CountAsync(Ct) >= 3);
        Assert.True(await db.CertificatesWhoseSerialContains("A1B2C3").CountAsync(Ct) >= 2);
        var sql = db.SubscribersWhoseSearchKeyContains("pham thi").ToQueryString();
        Assert.Contains("\"SubscribersSearch\" MATCH", sql, StringComparison.Ordinal);
    }

    /// <summary>Crafted input never reaches FTS5 as syntax: every page that searches answers 200.</summary>
    [Theory]
    [InlineData("\"")]
    [InlineData("pham\" OR \"lan")]
    [InlineData("NEAR(")]
    [InlineData("* AND -")]
    [InlineData("{SearchKey}:x")]
    [InlineData("ab\0cd")]
    [InlineData("a😀b")]
    public async Task Pages_AnswerCraftedText_WithoutAnError(string q)
    {
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        foreach (var page in new[] { "/Search", "/Subscribers", "/Certificates", "/Tokens", "/Requests" })
        {
            var response = await staff.GetAsync(new Uri($"{page}?q={Uri.EscapeDataString(q)}", UriKind.Relative), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}?q={q}: {(int)response.StatusCode}");
        }
    }

    /// <summary>
    /// A subscriber created and renamed through the real pages (the triggers follow EF's writes) is found by an infix of
    /// its new name and no longer by its old one; a deleted row leaves the index.
    /// </summary>
    [Fact]
    public async Task Triggers_KeepTheIndexInSync_ThroughThePortalsOwnWrites()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var officer = await portal.CreateClientAsync("canbo.viettri", Ct);
        var name = $"Võ Thị Xuyến{unique}";
        var created = await PortalFactory.PostFormAsync(officer, "/Subscribers/Create", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Person",
            ["Input.Name"] = name,
            ["Input.Position"] = "Chuyên viên",
            ["Input.NationalId"] = "0251" + System.Security.Cryptography.RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.NationalIdIssuedOn"] = "15/03/2022",
            ["Input.DateOfBirth"] = "02/09/1990",
            ["Input.Email"] = $"xuyen{unique}@viettri.phutho.gov.vn",
            ["Input.Phone"] = "0912345678",
        }, ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        int id;
        await using (var db = portal.CreateDbContext())
        {
            id = await db.Subscribers.Where(s => s.Name == name).Select(s => s.Id).SingleAsync(Ct);
        }

        // Found by an infix of the folded name, on the list and on the global search.
        var infix = $"xuyen{unique}"[2..];
        Assert.Contains($"/Subscribers/Details/{id}\"", await officer.GetStringAsync(new Uri($"/Subscribers?q=thi%20xuy", UriKind.Relative), Ct), StringComparison.Ordinal);
        Assert.Contains($"/Subscribers/Details/{id}\"", await officer.GetStringAsync(new Uri($"/Search?q={infix}", UriKind.Relative), Ct), StringComparison.Ordinal);

        // Renamed through the real edit page: the new name is found, the old one is not.
        var (agencyId, nationalId) = await AgencyAndNationalIdOfAsync(id);
        var edited = await PortalFactory.PostFormAsync(officer, $"/Subscribers/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.AgencyId"] = agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Kind"] = "Person",
            ["Input.Name"] = $"Võ Thị Quỳnh{unique}",
            ["Input.Position"] = "Chuyên viên",
            ["Input.NationalId"] = nationalId!,
            ["Input.Email"] = $"quynh{unique}@viettri.phutho.gov.vn",
        }, ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var afterEdit = await officer.GetStringAsync(new Uri($"/Subscribers?q=quynh{unique}", UriKind.Relative), Ct);
        Assert.Contains($"/Subscribers/Details/{id}\"", afterEdit, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Subscribers/Details/{id}\"", await officer.GetStringAsync(new Uri($"/Subscribers?q={infix}", UriKind.Relative), Ct), StringComparison.Ordinal);
        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(new[] { id }, await db.SubscribersWhoseSearchKeyContains($"quynh{unique}").ToListAsync(Ct));
            Assert.Empty(await db.SubscribersWhoseSearchKeyContains($"xuyen{unique}").ToListAsync(Ct));

            // The portal has no delete of a subscriber; a row deleted by SQL leaves the index too (the delete trigger).
            var token = new UsbToken((await db.Agencies.FirstAsync(Ct)).Id, $"DEL-{unique}", "ePass");
            db.Tokens.Add(token);
            await db.SaveChangesAsync(Ct);
            Assert.Equal(new[] { token.Id }, await db.TokensWhoseSerialContains($"DEL-{unique}".ToUpperInvariant()).ToListAsync(Ct));
            db.Tokens.Remove(token);
            await db.SaveChangesAsync(Ct);
            Assert.Empty(await db.TokensWhoseSerialContains($"DEL-{unique}".ToUpperInvariant()).ToListAsync(Ct));
        }

        await AssertIndexesIntactAsync();
    }

    /// <summary>An officer's search through the index still sees only their own agency (the outer query is scoped).</summary>
    [Fact]
    public async Task Officer_SearchThroughTheIndex_StaysInTheAgency()
    {
        await SeedAsync();
        await using var db = portal.CreateDbContext();
        var foreign = await db.Subscribers.AsNoTracking().Where(s => s.Agency!.Name != "UBND phường Việt Trì" && s.SearchKey.Contains("pham thi")
                && db.Certificates.Any(c => c.SubscriberId == s.Id))
            .OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Ct);
        var ownIds = (await db.Subscribers.AsNoTracking().Where(s => s.Agency!.Name == "UBND phường Việt Trì").Select(s => s.Id).ToListAsync(Ct)).ToHashSet();
        var foreignCertificate = await db.Certificates.AsNoTracking().Where(c => c.SubscriberId == foreign).Select(c => new { c.Id, c.SerialNumber }).FirstAsync(Ct);
        var officer = await portal.CreateClientAsync("canbo.viettri", Ct);

        foreach (var url in new[] { "/Subscribers?q=pham%20thi", "/Search?q=pham%20thi", "/Certificates?q=pham%20thi", $"/Certificates?q={foreignCertificate.SerialNumber[2..10]}" })
        {
            var html = await officer.GetStringAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.DoesNotContain($"/Subscribers/Details/{foreign}\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"/Certificates/Details/{foreignCertificate.Id}\"", html, StringComparison.Ordinal);
            var listed = SubscriberLink().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.All(listed, subscriberId => Assert.Contains(subscriberId, ownIds));
            if (url.StartsWith("/Subscribers", StringComparison.Ordinal) || url.StartsWith("/Search", StringComparison.Ordinal))
            {
                Assert.NotEmpty(listed); // the officer's own "Phạm Thị …" are found
            }
        }

        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        Assert.Contains($"/Certificates/Details/{foreignCertificate.Id}\"",
            await staff.GetStringAsync(new Uri($"/Certificates?q={foreignCertificate.SerialNumber[2..10]}", UriKind.Relative), Ct), StringComparison.Ordinal);
    }

    /// <summary>
    /// An officer searching a common fragment: each request is tested by its lines' subscribers, whose keys are read without
    /// the agency scope, as the index's ids are. A subscriber who has since moved to another agency still names the requests
    /// their former agency filed (the request keeps its agency; the officer sees it through the request's scope), in every way
    /// the search runs; and no other agency's request is found.
    /// </summary>
    [Fact]
    public async Task Officer_CommonFragment_FindsTheSameRequestsAsTheIndex_EvenForAMovedSubscriber()
    {
        await SeedAsync();
        await using var staffDb = portal.CreateDbContext();
        var viettri = await staffDb.Agencies.Where(a => a.Name == "UBND phường Việt Trì").Select(a => a.Id).SingleAsync(Ct);
        var other = await staffDb.Agencies.Where(a => a.Id != viettri).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct);
        var line = await staffDb.Requests.Where(r => r.AgencyId == viettri).SelectMany(r => r.Lines)
            .OrderBy(l => l.Id).Select(l => new { l.SubscriberId, RequestId = EF.Property<int>(l, "RequestId") }).FirstAsync(Ct);
        var key = await staffDb.Subscribers.Where(s => s.Id == line.SubscriberId).Select(s => s.SearchKey).SingleAsync(Ct);
        var name = key.Split(' ')[0] + " " + key.Split(' ')[1];

        await using var db = portal.CreateDbContext(new AgencyScope(viettri));
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE \"Subscribers\" SET \"AgencyId\" = {other} WHERE \"Id\" = {line.SubscriberId}", Ct);

        var byIndex = await db.Requests.Matching(db, name).Select(r => r.Id).OrderBy(id => id).ToListAsync(Ct);
        var byRow = await db.Requests.Matching(db, name, new SubscriberMatches(null, Many: true)).Select(r => r.Id).OrderBy(id => id).ToListAsync(Ct);
        var agencies = await staffDb.Requests.Where(r => byRow.Contains(r.Id)).Select(r => r.AgencyId).Distinct().ToListAsync(Ct);
        await transaction.RollbackAsync(Ct);

        Assert.Contains(line.RequestId, byIndex);
        Assert.Equal(byIndex, byRow);
        Assert.Equal([viettri], agencies);
    }

    /// <summary>
    /// A common fragment (more subscribers match than <see cref="SubscriberSearch.SharedIdsLimit"/>; here "phutho", in every
    /// official e-mail) through the pages: the global search lists the newest requests and the first subscribers by name,
    /// the subscribers list its first page and its total, exactly as the index's sets give them; an officer's global search
    /// lists only the officer's agency's requests.
    /// </summary>
    [Fact]
    public async Task CommonFragment_Pages_ListTheSameRowsAsTheIndex()
    {
        await SeedAsync();
        await using var db = portal.CreateDbContext();
        var viettri = await db.Agencies.Where(a => a.Name == "UBND phường Việt Trì").Select(a => a.Id).SingleAsync(Ct);
        var present = await db.SubscribersWhoseSearchKeyContains("phutho").CountAsync(Ct);
        if (present <= SubscriberSearch.SharedIdsLimit)
        {
            db.Subscribers.AddRange(Enumerable.Range(0, SubscriberSearch.SharedIdsLimit + 1 - present).Select(i => new Subscriber(viettri,
                new SubscriberDetails(SubscriberKind.Person, $"Lò Văn Chung {i:D3}", "Chuyên viên", $"0252{i:D8}", null, null, null,
                    $"chung{i:D3}@viettri.phutho.gov.vn", null, null, null, null, null))));
            await db.SaveChangesAsync(Ct);
        }

        Assert.True((await SubscriberSearch.MatchesAsync(db, "phutho", Ct)).Many);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        // Rows of equal creation time or name may come in either order, so the pages' rows are compared by what orders them.
        var search = await staff.GetStringAsync(new Uri("/Search?q=phutho", UriKind.Relative), Ct);
        var matching = db.Requests.Matching(db, "phutho");
        var newest = await matching.OrderByDescending(r => r.CreatedAtUtc).Select(r => r.CreatedAtUtc).Take(SearchModel.Limit).ToListAsync(Ct);
        var shownRequests = Links(RequestLink(), search);
        Assert.Equal(SearchModel.Limit, newest.Count);
        Assert.Equal(newest, await matching.Where(r => shownRequests.Contains(r.Id)).OrderByDescending(r => r.CreatedAtUtc).Select(r => r.CreatedAtUtc).ToListAsync(Ct));
        var byName = (await db.Subscribers.Matching(db, "phutho").OrderBy(s => s.SortKey).Select(s => new { s.SortKey, s.SearchKey }).Take(50).ToListAsync(Ct))
            .OrderBy(s => SearchModel.WordRank(s.SearchKey, "phutho")).Select(s => s.SortKey).Take(SearchModel.Limit).ToList();
        var shownSubscribers = Links(SubscriberLink(), search);
        Assert.Equal(byName, (await db.Subscribers.Where(s => shownSubscribers.Contains(s.Id)).Select(s => new { s.Id, s.SortKey }).ToListAsync(Ct))
            .OrderBy(s => shownSubscribers.IndexOf(s.Id)).Select(s => s.SortKey).ToList());

        var list = await staff.GetStringAsync(new Uri("/Subscribers?q=phutho", UriKind.Relative), Ct);
        var firstPage = await db.Subscribers.Matching(db, "phutho").OrderBy(s => s.SortKey).Select(s => s.SortKey).Take(25).ToListAsync(Ct);
        var total = await db.Subscribers.Matching(db, "phutho").CountAsync(Ct);
        var listedPage = Links(SubscriberLink(), list);
        Assert.Equal(firstPage, (await db.Subscribers.Where(s => listedPage.Contains(s.Id)).Select(s => new { s.Id, s.SortKey }).ToListAsync(Ct))
            .OrderBy(s => listedPage.IndexOf(s.Id)).Select(s => s.SortKey).ToList());
        Assert.Contains($"trên tổng số {total}<", list, StringComparison.Ordinal);

        var officer = await portal.CreateClientAsync("canbo.viettri", Ct);
        var own = await officer.GetStringAsync(new Uri("/Search?q=phutho", UriKind.Relative), Ct);
        var listed = Links(RequestLink(), own);
        Assert.NotEmpty(listed);
        Assert.All(await db.Requests.Where(r => listed.Contains(r.Id)).Select(r => r.AgencyId).ToListAsync(Ct), agency => Assert.Equal(viettri, agency));
    }

    /// <summary>The migration created the five indexes and their triggers (a later table rebuild would drop the triggers).</summary>
    [Fact]
    public async Task Migration_CreatesTheIndexesAndTheirTriggers()
    {
        _ = portal.Services;
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%Search\\_%' ESCAPE '\\' ORDER BY name)";

        Assert.Equal("CertificatesSearch_Delete CertificatesSearch_Insert CertificatesSearch_Update RequestLinesSearch_Delete RequestLinesSearch_Insert "
            + "RequestLinesSearch_Update RequestsSearch_Delete RequestsSearch_Insert RequestsSearch_Update SubscribersSearch_Delete SubscribersSearch_Insert "
            + "SubscribersSearch_Update TokensSearch_Delete TokensSearch_Insert TokensSearch_Update", (string?)await command.ExecuteScalarAsync(Ct));
        await AssertIndexesIntactAsync();
    }

    private async Task<(int AgencyId, string? NationalId)> AgencyAndNationalIdOfAsync(int id)
    {
        await using var db = portal.CreateDbContext();
        var row = await db.Subscribers.Where(s => s.Id == id).Select(s => new { s.AgencyId, s.NationalId }).SingleAsync(Ct);
        return (row.AgencyId, row.NationalId);
    }

    /// <summary>FTS5's own check that each external-content index matches its table.</summary>
    private async Task AssertIndexesIntactAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath}");
        await connection.OpenAsync(Ct);
        foreach (var index in new[] { "SubscribersSearch", "CertificatesSearch", "TokensSearch", "RequestsSearch", "RequestLinesSearch" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO \"{index}\"(\"{index}\", rank) VALUES ('integrity-check', 1)";
            await command.ExecuteNonQueryAsync(Ct);
        }
    }

    /// <summary>Rows with diacritics, mixed case, quotes, symbols and hex serials, added once through EF (so through the triggers).</summary>
    private async Task SeedAsync()
    {
        await portal.Seeding.WaitAsync(Ct);
        try
        {
            if (portal.Seeded)
            {
                return;
            }

            await using var db = portal.CreateDbContext();
            var viettri = await db.Agencies.Where(a => a.Name == "UBND phường Việt Trì").Select(a => a.Id).SingleAsync(Ct);
            var agencies = await db.Agencies.Where(a => a.Id != viettri).OrderBy(a => a.Id).Select(a => a.Id).Take(2).ToListAsync(Ct);
            string[] names =
            [
                "Phạm Thị Lan", "Nguyễn Phạm Thị Ngọc Anh", "PHẠM THỊ HOA", "Đặng Văn Đức", "Lê  Văn   Ba", "O'Brien Đoàn", "Trần \"Tí\" Văn",
                "Hoàng Thị Ánh-Nguyệt", "Bùi (Thư ký) Minh", "Ngô 50% Sơn", "Vũ_Thị_Mai", "Đinh Thị Hà*", "Lý Thị Ü", "日本語 Tanaka",
                "Phan AND Thị", "NEAR Phạm", "Dương Thị Thu Hà", "Phạm Thị Đào", "Quách Thị Yến",
            ];
            var subscribers = names.Select((name, i) => new Subscriber(i % 3 == 0 ? viettri : agencies[i % agencies.Count],
                new SubscriberDetails(SubscriberKind.Organization, name, null, null, null, null, null, $"ts{i}.{Guid.NewGuid().ToString("N")[..4]}@viettri.phutho.gov.vn",
                    null, "0101234567", "1234567", null, null))).ToList();
            db.Subscribers.AddRange(subscribers);
            await db.SaveChangesAsync(Ct);

            string[] serials = ["54EE0A1B2C3D", "0A1B2C3D4E5F", "A1B2C3A1B2C3", "FFFF", "5403007100A2", "EE00EE00", "B2CB2C", "0A1B"];
            var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var certificates = serials.Select((serial, i) => new Certificate(subscribers[i % subscribers.Count].Id,
                new CertificateDetails(serial + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant(), "CN=Thử", "CA G2", at, at.AddYears(3), KeyStorageKind.PkiToken))).ToList();
            db.Certificates.AddRange(certificates);
            string[] tokens = ["TK-2026-ÀB", "tk-54ee-0a1b", "A1B2C3", "ePass \"2003\"", "NEAR(1)", "Ü-Token"];
            db.Tokens.AddRange(tokens.Select(serial => new UsbToken(viettri, serial + "-" + Guid.NewGuid().ToString("N")[..4], "ePass")));
            await db.SaveChangesAsync(Ct);
            portal.Seeded = true;
        }
        finally
        {
            portal.Seeding.Release();
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("/Subscribers/Details/(\\d+)\"")]
    private static partial System.Text.RegularExpressions.Regex SubscriberLink();

    /// <summary>The ids of the links <paramref name="link"/> finds in the page, in the page's order, each once.</summary>
    private static List<int> Links(System.Text.RegularExpressions.Regex link, string html) =>
        link.Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();

    [System.Text.RegularExpressions.GeneratedRegex("/Requests/Details/(\\d+)\"")]
    private static partial System.Text.RegularExpressions.Regex RequestLink();
}
