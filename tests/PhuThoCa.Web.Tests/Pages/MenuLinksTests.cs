using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Tests.Pages;

/// <summary>
/// The layout's menu takes its links from <see cref="PageLinks"/> (generated once per page instead of on every render,
/// issue 15): each link a user is shown opens its page, and a portal served under a path prefix links under it.
/// </summary>
public partial class MenuLinksTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("canbo.viettri", 9)]
    [InlineData("chuyenvien.skhcn", 12)]
    [InlineData("quantri", 18)]
    public async Task EveryMenuLink_OpensItsPage(string user, int atLeast)
    {
        var client = await portal.CreateClientAsync(user, Ct);
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var nav = html[html.IndexOf("<nav", StringComparison.Ordinal)..html.IndexOf("</nav>", StringComparison.Ordinal)];
        var links = Href().Matches(nav).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(h => h.StartsWith('/')).Distinct().ToList();

        Assert.True(links.Count >= atLeast, $"{user}: {links.Count} links in the menu: {string.Join(", ", links)}");
        Assert.Contains("/Requests", links);
        foreach (var link in links)
        {
            var response = await client.GetAsync(new Uri(link, UriKind.Relative), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user}: {link} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public void UnderAPathPrefix_ALinkCarriesThePrefix()
    {
        var links = portal.Services.GetRequiredService<PageLinks>();
        var root = new DefaultHttpContext();
        var prefixed = new DefaultHttpContext();
        prefixed.Request.PathBase = "/chukyso";

        Assert.Equal("/Requests", links.To(root, "/Requests/Index"));
        Assert.Equal("/chukyso/Requests", links.To(prefixed, "/Requests/Index"));
        Assert.Equal("/", links.To(root, "/Index"));
        Assert.Equal("/Profile/Password", links.To(root, "/Profile/Password"));
        Assert.Throws<InvalidOperationException>(() => links.To(root, "/No/Such/Page"));
    }

    /// <summary>A record's link (the lists' rows) is the path the link generator makes for that id, under the prefix too.</summary>
    [Theory]
    [InlineData("/Certificates/Details")]
    [InlineData("/Subscribers/Details")]
    [InlineData("/Requests/Details")]
    [InlineData("/Tokens/Details")]
    [InlineData("/Agencies/Details")]
    public void ARecordsLink_IsTheGeneratedPathForItsId(string page)
    {
        var links = portal.Services.GetRequiredService<PageLinks>();
        var generator = portal.Services.GetRequiredService<LinkGenerator>();
        var prefixed = new DefaultHttpContext();
        prefixed.Request.PathBase = "/chukyso";

        foreach (var id in new[] { 1, 7, 12345, int.MaxValue })
        {
            var expected = generator.GetPathByPage(page, handler: null, values: new RouteValueDictionary { ["id"] = id });
            Assert.Equal(expected, links.To(new DefaultHttpContext(), page, id));
            Assert.Equal("/chukyso" + expected, links.To(prefixed, page, id));
        }
    }

    [Fact]
    public void APageTakingNoIdInItsPath_IsRefusedARecordLink()
    {
        var links = portal.Services.GetRequiredService<PageLinks>();

        Assert.Throws<InvalidOperationException>(() => links.To(new DefaultHttpContext(), "/Requests/Index", 5));
    }

    [GeneratedRegex("href=\"([^\"#]+)\"")]
    private static partial Regex Href();
}
