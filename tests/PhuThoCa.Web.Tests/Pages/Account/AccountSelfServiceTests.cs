using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Infrastructure.Auditing;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Tests.Pages.Account;

/// <summary>
/// Self-service account (issue 13, item 6): own sign-in history (Lịch sử đăng nhập) and own sessions (Phiên đăng nhập),
/// through the real login form and cookies.
/// </summary>
public partial class AccountSelfServiceTests(PortalFactory portal)
{
    private const string ChromeOnWindows =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    private const string FirefoxOnLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInHistory_ListsFailedAndSuccessfulAttempts_NewestFirst_OnlyTheUsersOwn()
    {
        var agencyId = await AgencyIdAsync();
        var userName = await portal.CreateUserAsync(Roles.AgencyOfficer, agencyId);
        var otherName = await portal.CreateUserAsync(Roles.AgencyOfficer, agencyId);
        var client = Client(ChromeOnWindows);

        var failed = await Login(client, userName, "SaiMatKhau2026");
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Login(Client(FirefoxOnLinux), otherName, "SaiCuaNguoiKhac1")).StatusCode);
        await PortalFactory.SignInAsync(client, portal.Services, userName, ct: Ct);

        var rows = await HistoryRowsAsync(client);

        Assert.Equal(2, rows.Count);
        var now = Format.DateTime(portal.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal($"{now} 127.0.0.1 Chrome 131 · Windows Thành công", rows[0]);
        Assert.Equal($"{now} 127.0.0.1 Chrome 131 · Windows Sai mật khẩu", rows[1]);
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$", now);

        // The other account's history holds its own failed attempt only, from its own browser.
        var other = Client(FirefoxOnLinux);
        await PortalFactory.SignInAsync(other, portal.Services, otherName, ct: Ct);
        var otherRows = await HistoryRowsAsync(other);
        Assert.Equal([$"{now} 127.0.0.1 Firefox 133 · Linux Thành công", $"{now} 127.0.0.1 Firefox 133 · Linux Sai mật khẩu"], otherRows);

        // No password ever reaches the trail.
        await using var db = portal.CreateDbContext();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Changes.Contains("SaiMatKhau2026") || (e.Reason != null && e.Reason.Contains("SaiMatKhau2026")), Ct));
    }

    [Fact]
    public async Task SignInHistory_WrongAuthenticatorCode_IsShownAsSuchAndThePasswordStepIsNotAnAttemptOfItsOwn()
    {
        var userName = await portal.CreateUserAsync(Roles.DepartmentStaff);
        var client = Client(ChromeOnWindows);
        var password = await Login(client, userName, PortalFactory.Password);
        Assert.Contains("LoginWith2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var wrong = await PortalFactory.PostFormAsync(client, password.Headers.Location.OriginalString,
            new Dictionary<string, string> { ["Input.Code"] = "000000" }, ct: Ct);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var right = await PortalFactory.PostFormAsync(client, password.Headers.Location.OriginalString,
            new Dictionary<string, string> { ["Input.Code"] = await portal.CurrentTotpAsync(userName) }, ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);

        var results = (await HistoryRowsAsync(client)).Select(r => r[(r.LastIndexOf("Windows ", StringComparison.Ordinal) + 8)..]).ToList();

        Assert.Equal(["Thành công", "Sai mã xác thực"], results);
        Assert.Equal(SignInHistory.Locked, SignInHistory.ResultOf(AuditActions.Lockout, "Sai mật khẩu quá 10 lần"));
        Assert.Equal(SignInHistory.Locked, SignInHistory.ResultOf(AuditActions.SignInFailure, "Tài khoản đang bị khóa."));
        Assert.Equal(SignInHistory.WrongCode, SignInHistory.ResultOf(AuditActions.SignInFailure, "Sai mã khôi phục."));
    }

    [Fact]
    public async Task TwoClients_BothListed_EndingOne_SendsItToLogin_WhileTheOtherWorks()
    {
        var userName = await portal.CreateUserAsync(Roles.AgencyOfficer, await AgencyIdAsync());
        var first = await SignedInAsync(userName, ChromeOnWindows);
        var second = await SignedInAsync(userName, FirefoxOnLinux);

        var sessions = await SessionsAsync(first);
        Assert.Equal(2, sessions.Count);
        var currentRow = Assert.Single(sessions, s => s.Current);
        var current = currentRow.Id;
        Assert.Contains("Chrome 131 · Windows", currentRow.Text, StringComparison.Ordinal);
        Assert.Contains("Phiên hiện tại", currentRow.Text, StringComparison.Ordinal);
        var other = Assert.Single(sessions, s => !s.Current);
        Assert.Contains("Firefox 133 · Linux", other.Text, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", other.Text, StringComparison.Ordinal);
        Assert.Equal(current, (await SessionsAsync(second)).Single(s => !s.Current).Id);

        var end = await PortalFactory.PostFormAsync(first, "/Profile/Sessions?handler=End",
            new Dictionary<string, string> { ["sessionId"] = other.Id }, formPageUrl: "/Profile/Sessions", ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);

        await AssertSentToLoginAsync(second);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal([current], (await SessionsAsync(first)).Select(s => s.Id));

        // The end is audited, by the user.
        await using var db = portal.CreateDbContext();
        var audited = await db.AuditEntries.Where(e => e.EntityType == "UserSession" && e.EntityKey == other.Id && e.Action == AuditActions.Update)
            .SingleAsync(Ct);
        Assert.Contains(AuditEntryText.Changes(audited.Changes), c => c.Field == "EndedUtc");
        Assert.Equal((await db.Users.SingleAsync(u => u.UserName == userName, Ct)).Id, audited.UserId);
    }

    [Fact]
    public async Task AnotherUsersSession_CannotBeEnded_AndKeepsWorking()
    {
        var agencyId = await AgencyIdAsync();
        var victim = await SignedInAsync(await portal.CreateUserAsync(Roles.AgencyOfficer, agencyId), ChromeOnWindows);
        var victimSession = Assert.Single(await SessionsAsync(victim)).Id;
        var attacker = await SignedInAsync(await portal.CreateUserAsync(Roles.AgencyOfficer, agencyId), FirefoxOnLinux);

        var end = await PortalFactory.PostFormAsync(attacker, "/Profile/Sessions?handler=End",
            new Dictionary<string, string> { ["sessionId"] = victimSession }, formPageUrl: "/Profile/Sessions", ct: Ct);

        Assert.Equal(HttpStatusCode.NotFound, end.StatusCode);
        Assert.DoesNotContain(victimSession, await attacker.GetStringAsync(new Uri("/Profile/Sessions", UriKind.Relative), Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task EndAllOthers_KeepsTheCurrentSession_AndEndsEveryOther()
    {
        var userName = await portal.CreateUserAsync(Roles.AgencyOfficer, await AgencyIdAsync());
        var keep = await SignedInAsync(userName, ChromeOnWindows);
        var second = await SignedInAsync(userName, FirefoxOnLinux);
        var third = await SignedInAsync(userName, FirefoxOnLinux);
        var current = (await SessionsAsync(keep)).Single(s => s.Current).Id;
        Assert.Equal(3, (await SessionsAsync(keep)).Count);

        var response = await PortalFactory.PostFormAsync(keep, "/Profile/Sessions?handler=EndOthers", new Dictionary<string, string>(),
            formPageUrl: "/Profile/Sessions", ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await AssertSentToLoginAsync(second);
        await AssertSentToLoginAsync(third);
        var page = await keep.GetAsync(new Uri("/Profile/Sessions", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Không có phiên nào khác đang mở.", TestHtml.Text(html), StringComparison.Ordinal);
        Assert.Equal([(current, true)], Rows(html).Select(s => (s.Id, s.Current)));
    }

    [Fact]
    public async Task ChangingOwnPassword_EndsTheOtherSession_AndKeepsThisOne()
    {
        var userName = await portal.CreateUserAsync(Roles.AgencyOfficer, await AgencyIdAsync());
        var here = await SignedInAsync(userName, ChromeOnWindows);
        var elsewhere = await SignedInAsync(userName, FirefoxOnLinux);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);

        var changed = await PortalFactory.PostFormAsync(here, "/Profile/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = PortalFactory.Password,
            ["Input.NewPassword"] = "MatKhauMoi2026x",
            ["Input.ConfirmPassword"] = "MatKhauMoi2026x",
        }, ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        await AssertSentToLoginAsync(elsewhere);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);
        Assert.True(Assert.Single(await SessionsAsync(here)).Current);
    }

    [Fact]
    public async Task Administrator_SeesAUsersSignInHistory_ReadOnly_OnTheUserPage()
    {
        var userName = await portal.CreateUserAsync(Roles.AgencyOfficer, await AgencyIdAsync());
        await Login(Client(FirefoxOnLinux), userName, "SaiMatKhau2026");
        string id;
        await using (var db = portal.CreateDbContext())
        {
            id = (await db.Users.SingleAsync(u => u.UserName == userName, Ct)).Id;
        }

        var admin = await portal.CreateClientAsync("quantri", Ct);
        var page = await admin.GetStringAsync(new Uri($"/Admin/Users/Edit/{id}", UriKind.Relative), Ct);

        var rows = HistoryRow().Matches(page).Select(m => Regex.Replace(TestHtml.Text(m.Groups[1].Value), @"\s+", " ").Trim()).ToList();
        Assert.Equal([$"{Format.DateTime(portal.Clock.GetUtcNow().UtcDateTime)} 127.0.0.1 Firefox 133 · Linux Sai mật khẩu"], rows);
        // An officer cannot open it.
        var officer = await SignedInAsync(await portal.CreateUserAsync(Roles.AgencyOfficer, await AgencyIdAsync()), ChromeOnWindows);
        Assert.NotEqual(HttpStatusCode.OK, (await officer.GetAsync(new Uri($"/Admin/Users/Edit/{id}", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task AccountMenu_LinksTheSessionAndHistoryPages()
    {
        var client = await SignedInAsync(await portal.CreateUserAsync(Roles.AgencyOfficer, await AgencyIdAsync()), ChromeOnWindows);

        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Contains("href=\"/Profile/Sessions\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/Profile/SignIns\"", home, StringComparison.Ordinal);
        Assert.Contains("Lịch sử đăng nhập", TestHtml.Text(home), StringComparison.Ordinal);
        Assert.Contains("Phiên đăng nhập", TestHtml.Text(home), StringComparison.Ordinal);
    }

    private sealed record SessionRow(string Id, bool Current, string Text);

    private HttpClient Client(string userAgent)
    {
        var client = portal.CreateAnonymousClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    private async Task<HttpClient> SignedInAsync(string userName, string userAgent)
    {
        var client = Client(userAgent);
        await PortalFactory.SignInAsync(client, portal.Services, userName, ct: Ct);
        return client;
    }

    private static Task<HttpResponseMessage> Login(HttpClient client, string userName, string password) =>
        PortalFactory.PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }, ct: Ct);

    private static async Task AssertSentToLoginAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/Requests", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task<List<string>> HistoryRowsAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/Profile/SignIns", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        return HistoryRow().Matches(html).Select(m => Regex.Replace(TestHtml.Text(m.Groups[1].Value), @"\s+", " ").Trim()).ToList();
    }

    private static async Task<List<SessionRow>> SessionsAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/Profile/Sessions", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Rows(await response.Content.ReadAsStringAsync(Ct));
    }

    private static List<SessionRow> Rows(string html) =>
        SessionRowPattern().Matches(html)
            .Select(m => new SessionRow(m.Groups[1].Value, m.Groups[2].Value == "true", Regex.Replace(TestHtml.Text(m.Groups[3].Value), @"\s+", " ").Trim()))
            .ToList();

    private async Task<int> AgencyIdAsync()
    {
        await using var db = portal.CreateDbContext();
        return (await db.Agencies.SingleAsync(a => a.Name == "UBND phường Việt Trì", Ct)).Id;
    }

    [GeneratedRegex("<tr data-result=\"[^\"]*\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex HistoryRow();

    [GeneratedRegex("<tr data-session=\"([0-9a-f]{32})\" data-current=\"(true|false)\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex SessionRowPattern();
}
