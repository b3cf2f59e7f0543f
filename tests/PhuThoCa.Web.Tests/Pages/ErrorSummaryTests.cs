using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Pages;

/// <summary>
/// Issue 13 item 7: the forms beyond the register forms show the shared error summary (Pages/Shared/_ErrorSummary) on a
/// refused post or filter: "Có N lỗi cần sửa", one entry per error, each field error a link to an element of the page
/// with that id (site.js moves the focus to the summary; the browser test checks that part).
/// </summary>
public partial class ErrorSummaryTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("chuyenvien.skhcn", "/Reports?year=20x6", "year")]
    [InlineData("chuyenvien.skhcn", "/Reports?p=range&from=31/02/2026&to=01/03/2026", "from")]
    [InlineData("chuyenvien.skhcn", "/Requests/Statistics?from=abc", "from")]
    [InlineData("kiemtra", "/Audit?to=13/13/2026", "to")]
    public async Task RefusedFilter_ShowsTheSummary_LinkedToTheField(string userName, string url, string fieldId)
    {
        var client = await portal.CreateClientAsync(userName, Ct);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSummaryLinksTo(await response.Content.ReadAsStringAsync(Ct), fieldId);
    }

    [Theory]
    [InlineData("quantri", "/Admin/Calendar/Edit", "/Admin/Calendar/Edit", "Input.Kind=DayOff|Input.Date=", "Input_Date")]
    [InlineData("quantri", "/Admin/TrustList?handler=Certificate", "/Admin/TrustList", "Name=", "Name")]
    [InlineData("chuyenvien.skhcn", "/Signatures", "/Signatures", "", "Upload")]
    [InlineData("chuyenvien.skhcn", "/Import", "/Import", "register=Subscribers|DryRun=true", "Files")]
    [InlineData("chuyenvien.skhcn", "/Reports/Rounds?handler=Create", "/Reports/Rounds", "Round.Year=abc", "Round_Choice")]
    public async Task RefusedPost_ShowsTheSummary_LinkedToTheField(string userName, string url, string formPage, string fields, string fieldId)
    {
        var client = await portal.CreateClientAsync(userName, Ct);
        var values = fields.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);

        var response = await PortalFactory.PostFormAsync(client, url, values, formPage, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSummaryLinksTo(await response.Content.ReadAsStringAsync(Ct), fieldId);
    }

    [Fact]
    public async Task WrongCurrentPassword_OnProfile_ShowsTheSummary_LinkedToTheCurrentPassword()
    {
        await using var db = portal.CreateDbContext();
        var agencyId = await db.Agencies.Where(a => a.Name == "Sở Y tế tỉnh Phú Thọ").Select(a => a.Id).SingleAsync(Ct);
        var client = await portal.CreateClientAsync(await portal.CreateUserAsync(Roles.AgencyOfficer, agencyId), Ct);

        var response = await PortalFactory.PostFormAsync(client, "/Profile/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "KhongPhaiMatKhau@1",
            ["Input.NewPassword"] = "PhuTho@2027-moi",
            ["Input.ConfirmPassword"] = "PhuTho@2027-moi",
        }, ct: Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        AssertSummaryLinksTo(html, "Input_CurrentPassword");
        Assert.Contains("Có 1 lỗi cần sửa", TestHtml.Text(html), StringComparison.Ordinal);
        Assert.Contains("Mật khẩu hiện tại không đúng.", TestHtml.Text(Summary().Match(html).Value), StringComparison.Ordinal);
        // /Profile, the menu's address of the account pages, leads to the first tab.
        var profile = await client.GetAsync(new Uri("/Profile", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        Assert.Equal("/Profile/Password", profile.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task WrongPassword_OnLogin_ShowsTheSummary_WithTheMessageAndNoLink()
    {
        var client = portal.CreateAnonymousClient();

        var response = await PortalFactory.PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = "canbo.viettri",
            ["Input.Password"] = "SaiMatKhau2026",
        }, ct: Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = Summary().Match(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(summary.Success, "no error summary on the refused sign-in");
        Assert.StartsWith("Có 1 lỗi cần sửa", TestHtml.Text(summary.Value).Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("href=", summary.Value, StringComparison.Ordinal);
    }

    /// <summary>
    /// The page has one summary, its count is its number of entries, it links to <paramref name="fieldId"/>, and every link
    /// leads to an element of the page (by id, or a control named like the field for a group of radio buttons).
    /// </summary>
    private static void AssertSummaryLinksTo(string html, string fieldId)
    {
        Assert.Equal(1, Regex.Count(html, "data-error-summary"));
        var summary = Summary().Match(html);
        Assert.True(summary.Success, "no error summary");
        var entries = Regex.Count(summary.Value, "<li>");
        Assert.Contains($"Có {entries} lỗi cần sửa", TestHtml.Text(summary.Value), StringComparison.Ordinal);
        var links = Link().Matches(summary.Value).ToList();
        Assert.Contains(links, l => l.Groups["id"].Value == fieldId);
        foreach (var link in links)
        {
            var id = link.Groups["id"].Value;
            var field = WebUtility.HtmlDecode(link.Groups["field"].Value);
            Assert.True(html.Contains($"id=\"{id}\"", StringComparison.Ordinal)
                    || Regex.IsMatch(html, $"<(input|select|textarea)[^>]*name=\"{Regex.Escape(field)}\"", RegexOptions.IgnoreCase),
                $"the summary links to #{id} ({field}), which is not on the page");
        }
    }

    [GeneratedRegex("<div[^>]*data-error-summary[\\s\\S]*?</ul>")]
    private static partial Regex Summary();

    [GeneratedRegex("<a href=\"#(?<id>[^\"]+)\"[^>]*data-field=\"(?<field>[^\"]*)\"")]
    private static partial Regex Link();
}
