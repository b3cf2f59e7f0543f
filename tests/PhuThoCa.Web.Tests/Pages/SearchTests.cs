using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Pages;

/// <summary>Issue 13 item 2: the global search finds every kind by every key, with and without diacritics, within scope.</summary>
public class SearchTests(PortalFactory portal)
{
    private const string OfficerAgency = "UBND phường Việt Trì";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_FoundByWholeReceiptNumber_ByItsLastDigits_AndByDossierCode()
    {
        await using var db = portal.CreateDbContext();
        var request = await db.Requests.AsNoTracking().Where(r => r.ReceiptNumber != null && r.CaDossierCode != null)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.ReceiptNumber, r.CaDossierCode }).FirstAsync(Ct);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var link = $"/Requests/Details/{request.Id}\"";
        var digits = request.ReceiptNumber![^6..];
        var shortDigits = int.Parse(digits, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

        foreach (var q in new[] { request.ReceiptNumber, request.ReceiptNumber.ToLowerInvariant(), digits, shortDigits, request.CaDossierCode! })
        {
            var html = await staff.GetStringAsync(new Uri("/Search?q=" + Uri.EscapeDataString(q), UriKind.Relative), Ct);
            Assert.True(html.Contains(link, StringComparison.Ordinal), $"“{q}” does not find request {request.ReceiptNumber}");
        }

        var whole = await staff.GetStringAsync(new Uri("/Search?q=" + Uri.EscapeDataString(request.ReceiptNumber), UriKind.Relative), Ct);
        var requests = Section(whole, "requests");
        Assert.Equal(request.Id, FirstId(requests, "/Requests/Details/"));
    }

    [Fact]
    public async Task Certificate_FoundBySerialWithColonsSpacesAndAnyCase()
    {
        await using var db = portal.CreateDbContext();
        var certificate = await db.Certificates.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.SerialNumber }).FirstAsync(Ct);
        var pairs = Enumerable.Range(0, certificate.SerialNumber.Length / 2).Select(i => certificate.SerialNumber.Substring(i * 2, 2)).ToList();
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        foreach (var q in new[] { string.Join(':', pairs).ToLowerInvariant(), string.Join(' ', pairs), certificate.SerialNumber.ToLowerInvariant()[..8] })
        {
            var html = await staff.GetStringAsync(new Uri("/Search?q=" + Uri.EscapeDataString(q), UriKind.Relative), Ct);
            Assert.True(Section(html, "certificates").Contains($"/Certificates/Details/{certificate.Id}\"", StringComparison.Ordinal), $"“{q}” does not find the certificate");
        }
    }

    [Theory]
    [InlineData("pham thi")]
    [InlineData("Phạm Thị")]
    [InlineData("Đặng")]
    [InlineData("dang")]
    public async Task Subscribers_FoundWithAndWithoutDiacritics(string q)
    {
        await using var db = portal.CreateDbContext();
        var folded = Text.Fold(q);
        var expected = (await db.Subscribers.AsNoTracking().Select(s => new { s.Id, s.SearchKey }).ToListAsync(Ct))
            .Where(s => s.SearchKey.Contains(folded, StringComparison.Ordinal)).Select(s => s.Id).ToList();
        Assert.NotEmpty(expected);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var html = Section(await staff.GetStringAsync(new Uri("/Search?q=" + Uri.EscapeDataString(q), UriKind.Relative), Ct), "subscribers");

        Assert.Contains(expected, id => html.Contains($"/Subscribers/Details/{id}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Officer_NeverSeesAnotherAgencysRequests()
    {
        await using var db = portal.CreateDbContext();
        var foreign = await db.Requests.AsNoTracking().Where(r => r.ReceiptNumber != null && !db.Agencies.Any(a => a.Id == r.AgencyId && a.Name == OfficerAgency))
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.ReceiptNumber }).FirstAsync(Ct);
        var officer = await portal.CreateClientAsync("canbo.viettri", Ct);

        var html = await officer.GetStringAsync(new Uri("/Search?q=" + Uri.EscapeDataString(foreign.ReceiptNumber!), UriKind.Relative), Ct);

        Assert.DoesNotContain($"/Requests/Details/{foreign.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy kết quả nào", TestHtml.Text(html), StringComparison.Ordinal);
    }

    /// <summary>
    /// A name matched across agencies: the officer's search reads the name index once and passes its ids on unscoped
    /// (SubscriberSearch.MatchesAsync); the requests and subscribers it lists are still the officer's agency's only.
    /// </summary>
    [Fact]
    public async Task Officer_SearchingAName_SeesOnlyTheirAgencysRequestsAndSubscribers()
    {
        await using var db = portal.CreateDbContext();
        var officerAgency = await db.Agencies.AsNoTracking().Where(a => a.Name == OfficerAgency).Select(a => a.Id).SingleAsync(Ct);
        Assert.True(await db.Subscribers.AsNoTracking().AnyAsync(s => s.AgencyId != officerAgency && s.SearchKey.Contains("tran"), Ct),
            "the demo data has no other agency's Trần");
        var officer = await portal.CreateClientAsync("canbo.viettri", Ct);

        var html = await officer.GetStringAsync(new Uri("/Search?q=tran", UriKind.Relative), Ct);

        var subscriberIds = Ids(html, "/Subscribers/Details/");
        var requestIds = Ids(html, "/Requests/Details/");
        Assert.NotEmpty(subscriberIds);
        Assert.All(await db.Subscribers.AsNoTracking().Where(s => subscriberIds.Contains(s.Id)).Select(s => s.AgencyId).ToListAsync(Ct),
            agency => Assert.Equal(officerAgency, agency));
        Assert.All(await db.Requests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).Select(r => r.AgencyId).ToListAsync(Ct),
            agency => Assert.Equal(officerAgency, agency));
    }

    private static List<int> Ids(string html, string prefix) =>
        System.Text.RegularExpressions.Regex.Matches(html, System.Text.RegularExpressions.Regex.Escape(prefix) + "(\\d+)\"")
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();

    private static string Section(string html, string kind)
    {
        var start = html.IndexOf($"data-kind=\"{kind}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {kind} group");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private static int FirstId(string html, string prefix)
    {
        var at = html.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length;
        var end = html.IndexOf('"', at);
        return int.Parse(html[at..end], CultureInfo.InvariantCulture);
    }
}
