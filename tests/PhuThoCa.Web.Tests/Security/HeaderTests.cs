using System.Net;
using System.Text.RegularExpressions;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Security;

/// <summary>Security headers on every response of every page for every role; no inline script anywhere.</summary>
public partial class HeaderTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryPageOfEveryRole_CarriesTheSecurityHeaders_AndHasNoInlineScript()
    {
        var pages = PageCrawl.PageUrls(portal).Concat(["/api/calendar/2026", "/healthz", "/css/site.css", "/no-such-page"]).ToList();
        var failures = new List<string>();
        var checkedResponses = 0;
        foreach (var (role, client) in await PageCrawl.ClientsAsync(portal, Ct))
        {
            foreach (var url in pages)
            {
                var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
                checkedResponses++;
                var problems = HeaderProblems(response);
                if (response.Content.Headers.ContentType?.MediaType == "text/html")
                {
                    var html = await response.Content.ReadAsStringAsync(Ct);
                    if (InlineScript().IsMatch(html) || EventAttribute().IsMatch(html))
                    {
                        problems.Add("inline script or on… attribute");
                    }
                }

                if ((int)response.StatusCode >= 500)
                {
                    problems.Add($"status {(int)response.StatusCode}");
                }

                failures.AddRange(problems.Select(p => $"{role} GET {url}: {p}"));
            }
        }

        Assert.True(checkedResponses > 200, $"only {checkedResponses} responses");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task OverHttps_HstsIsSent_AndTheAuthCookieIsSecure()
    {
        var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://chukyso.phutho.test"),
        });
        var login = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), Ct);
        var response = await PortalFactory.PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = "canbo.syte",
            ["Input.Password"] = PortalFactory.Password,
        }, ct: Ct);

        Assert.Contains("max-age=", string.Join(",", login.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PhuThoCa.Auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OverHttp_NoHsts()
    {
        var response = await portal.CreateAnonymousClient().GetAsync(new Uri("/Account/Login", UriKind.Relative), Ct);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    /// <summary>
    /// A page that neither received nor leaves a status message answers without a TempData cookie (the layout reads the
    /// message on every page); a message left by an action travels in the cookie to the next page, which shows it once and
    /// deletes the cookie.
    /// </summary>
    [Fact]
    public async Task TheTempDataCookie_IsSentOnlyWithAMessage_AndDeletedOnceShown()
    {
        var client = await portal.CreateClientAsync(await portal.CreateUserAsync(Roles.Auditor), Ct);
        const string message = "Đã đăng xuất tất cả phiên khác";

        var plain = await client.GetAsync(new Uri("/Profile/Sessions", UriKind.Relative), Ct);
        var ended = await PortalFactory.PostFormAsync(client, "/Profile/Sessions?handler=EndOthers", new Dictionary<string, string>(), ct: Ct);
        var written = TempDataCookies(ended);
        var shown = await client.GetAsync(ended.Headers.Location, Ct);
        var shownHtml = await shown.Content.ReadAsStringAsync(Ct);
        var deleted = TempDataCookies(shown);
        var after = await client.GetAsync(new Uri("/Profile/Sessions", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Empty(TempDataCookies(plain));
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.DoesNotContain("1970", Assert.Single(written), StringComparison.Ordinal);
        Assert.Contains(message, shownHtml, StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", Assert.Single(deleted), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Empty(TempDataCookies(after));
        Assert.DoesNotContain(message, await after.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static List<string> TempDataCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? [.. values.Where(v => v.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal))]
            : [];

    /// <summary>The sources hold no inline script and no on… attribute (the CSP would block them).</summary>
    [Fact]
    public void RazorSources_HaveNoInlineScript()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PhuThoCa.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var views = Directory.GetFiles(Path.Combine(dir.FullName, "src", "PhuThoCa.Web", "Pages"), "*.cshtml", SearchOption.AllDirectories);
        Assert.NotEmpty(views);
        var offenders = views.Where(v => InlineScript().IsMatch(File.ReadAllText(v)) || EventAttribute().IsMatch(File.ReadAllText(v))).ToList();
        Assert.Empty(offenders);
    }

    public static List<string> HeaderProblems(HttpResponseMessage response)
    {
        var problems = new List<string>();
        string? Header(string name) => response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
            : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : null;
        var csp = Header("Content-Security-Policy");
        if (csp is null || !csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal) || !csp.Contains("script-src 'self'", StringComparison.Ordinal)
            || ScriptSrc(csp).Contains("unsafe-inline", StringComparison.Ordinal) || csp.Contains("unsafe-eval", StringComparison.Ordinal))
        {
            problems.Add("CSP: " + csp);
        }

        if (Header("X-Frame-Options") != "DENY")
        {
            problems.Add("X-Frame-Options: " + Header("X-Frame-Options"));
        }

        if (Header("X-Content-Type-Options") != "nosniff")
        {
            problems.Add("X-Content-Type-Options");
        }

        if (Header("Referrer-Policy") is null)
        {
            problems.Add("Referrer-Policy");
        }

        if (Header("Permissions-Policy") is null)
        {
            problems.Add("Permissions-Policy");
        }

        return problems;
    }

    private static string ScriptSrc(string csp) =>
        csp.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("script-src ", StringComparison.Ordinal)) ?? "";

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventAttribute();
}
