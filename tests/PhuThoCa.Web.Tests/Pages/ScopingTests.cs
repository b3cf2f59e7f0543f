using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Pages;

/// <summary>An officer of agency A gets 404 for any id of agency B, on GET and on POST, and nothing changes (features G11.2).</summary>
public class ScopingTests(PortalFactory portal)
{
    private const string OfficerAgency = "UBND phường Việt Trì";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> ForeignGetUrls() => new(
        "/Subscribers/Details/{s}", "/Subscribers/Edit/{s}", "/Certificates/Details/{c}", "/Certificates/Edit/{c}",
        "/Tokens/Details/{t}", "/Tokens/Edit/{t}", "/Tokens/Handover/{t}", "/Agencies/Details/{a}");

    [Theory]
    [MemberData(nameof(ForeignGetUrls))]
    public async Task Get_IdOfAnotherAgency_Is404(string template)
    {
        var (s, c, t) = await ForeignIdsAsync();
        await using var db = portal.CreateDbContext();
        var a = await db.Agencies.Where(x => x.Name == "Sở Y tế tỉnh Phú Thọ").Select(x => x.Id).SingleAsync(Ct);
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);

        var response = await client.GetAsync(new Uri(Fill(template, s, c, t, a), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ForeignGetUrls))]
    public async Task Get_IdOfOwnAgency_IsShown(string template)
    {
        await using var db = portal.CreateDbContext();
        var agencyId = await db.Agencies.Where(a => a.Name == OfficerAgency).Select(a => a.Id).SingleAsync(Ct);
        var s = await db.Subscribers.Where(x => x.AgencyId == agencyId).Select(x => x.Id).FirstAsync(Ct);
        var c = await db.Certificates.Where(x => x.Subscriber!.AgencyId == agencyId).Select(x => x.Id).FirstAsync(Ct);
        var t = await db.Tokens.Where(x => x.AgencyId == agencyId && x.Status == PhuThoCa.Domain.Tokens.TokenStatus.InStock).Select(x => x.Id).FirstAsync(Ct);
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);

        var response = await client.GetAsync(new Uri(Fill(template, s, c, t, agencyId), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_EditSubscriberOfAnotherAgency_Is404AndChangesNothing()
    {
        var (s, _, _) = await ForeignIdsAsync();
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        await using var before = portal.CreateDbContext();
        var original = await before.Subscribers.AsNoTracking().SingleAsync(x => x.Id == s, Ct);

        var response = await PortalFactory.PostFormAsync(client, $"/Subscribers/Edit/{s}", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Person",
            ["Input.Name"] = "Kẻ Xâm Nhập",
            ["Input.Position"] = "Chuyên viên",
            ["Input.NationalId"] = "025123456789",
            ["Input.Email"] = "x@viettri.phutho.gov.vn",
            ["Input.AgencyId"] = "1",
        }, formPageUrl: "/Subscribers/Create", ct: Ct);

        await using var after = portal.CreateDbContext();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(original.Name, (await after.Subscribers.SingleAsync(x => x.Id == s, Ct)).Name);
    }

    [Fact]
    public async Task Post_TokenStatusOfAnotherAgency_Is404AndChangesNothing()
    {
        var (_, _, t) = await ForeignIdsAsync();
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        await using var before = portal.CreateDbContext();
        var status = (await before.Tokens.SingleAsync(x => x.Id == t, Ct)).Status;

        var response = await PortalFactory.PostFormAsync(client, $"/Tokens/Details/{t}?handler=ChangeStatus", new Dictionary<string, string>
        {
            ["Input.Status"] = "Lost",
            ["Input.Reason"] = "thử truy cập trái phép",
        }, formPageUrl: "/Tokens/Create", ct: Ct);

        await using var after = portal.CreateDbContext();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(status, (await after.Tokens.SingleAsync(x => x.Id == t, Ct)).Status);
    }

    [Fact]
    public async Task Lists_ForAnOfficer_ShowOnlyTheOwnAgency()
    {
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);

        var subscribers = TestHtml.Text(await client.GetStringAsync(new Uri("/Subscribers", UriKind.Relative), Ct));
        var search = TestHtml.Text(await client.GetStringAsync(new Uri("/Search?q=nguyen", UriKind.Relative), Ct));

        Assert.Contains(OfficerAgency, subscribers, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Y tế", subscribers, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Y tế", search, StringComparison.Ordinal);
    }

    /// <summary>
    /// The requests search reads the lines alone for a subscriber's name or a serial (their request ids, unscoped); the
    /// scoped requests around them drop another agency's: its requests are found by Sở, never by the officer.
    /// </summary>
    [Theory]
    [InlineData("/Requests?q={q}")]
    [InlineData("/Search?q={q}")]
    public async Task RequestsSearch_ByANameOnAnotherAgencysLine_FindsNothingOfThatAgency_ForAnOfficer(string template)
    {
        await using var db = portal.CreateDbContext();
        var own = await db.Agencies.Where(a => a.Name == OfficerAgency).Select(a => a.Id).SingleAsync(Ct);
        var foreign = await db.Requests.Where(r => r.AgencyId != own && r.Lines.Any())
            .Select(r => new { r.Id, Name = r.Lines.Select(l => l.SubscriberName).First() }).FirstAsync(Ct);
        var url = new Uri(template.Replace("{q}", Uri.EscapeDataString(foreign.Name), StringComparison.Ordinal), UriKind.Relative);
        var details = $"/Requests/Details/{foreign.Id}\"";
        var officer = await portal.CreateClientAsync("canbo.viettri", Ct);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var seenByOfficer = await officer.GetStringAsync(url, Ct);
        var seenByStaff = await staff.GetStringAsync(url, Ct);

        Assert.Contains(details, seenByStaff, StringComparison.Ordinal);
        Assert.DoesNotContain(details, seenByOfficer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auditor_CanReadButNotCreate()
    {
        var client = await portal.CreateClientAsync("kiemtra", Ct);

        var list = await client.GetAsync(new Uri("/Certificates", UriKind.Relative), Ct);
        var create = await client.GetAsync(new Uri("/Subscribers/Create", UriKind.Relative), Ct);
        var admin = await client.GetAsync(new Uri("/Admin/Users", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", create.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }

    private static string Fill(string template, int s, int c, int t, int a) =>
        template.Replace("{a}", a.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("{s}", s.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{c}", c.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{t}", t.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private async Task<(int Subscriber, int Certificate, int Token)> ForeignIdsAsync()
    {
        await using var db = portal.CreateDbContext();
        var foreign = await db.Agencies.Where(a => a.Name == "Sở Y tế tỉnh Phú Thọ").Select(a => a.Id).SingleAsync(Ct);
        return (await db.Subscribers.Where(x => x.AgencyId == foreign).Select(x => x.Id).FirstAsync(Ct),
            await db.Certificates.Where(x => x.Subscriber!.AgencyId == foreign).Select(x => x.Id).FirstAsync(Ct),
            await db.Tokens.Where(x => x.AgencyId == foreign && x.Status == PhuThoCa.Domain.Tokens.TokenStatus.InStock).Select(x => x.Id).FirstAsync(Ct));
    }
}
