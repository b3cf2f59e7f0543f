using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Account;

namespace PhuThoCa.Web.Tests.Security;

/// <summary>Sign-in that resists attack (issue 14): rate limits, lockout, equal answers, two-factor, sessions, last admin.</summary>
public partial class SignInSecurityTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Credentials(string userName, string password) => new()
    {
        ["Input.UserName"] = userName,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task RateLimits_SixthSignInFromOneIp_AndTooManyForOneAccount_And_AnonymousApi_Get429WithRetryAfter()
    {
        await using var fresh = new PortalFactory();
        await using var limited = fresh.WithWebHostBuilder(b => b
            .UseSetting("RateLimits:SignInPerIpPerMinute", "5")
            .UseSetting("RateLimits:SignInPerAccountPer15Minutes", "3")
            .UseSetting("RateLimits:AnonymousPerIpPerMinute", "5"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? accountLimited = null;
        HttpResponseMessage? ipLimited = null;
        for (var i = 1; i <= 6; i++)
        {
            var response = await PortalFactory.PostFormAsync(client, "/Account/Login", Credentials(i <= 4 ? "kiemtra" : "canbo.syte", "sai-mat-khau"), ct: Ct);
            statuses.Add(response.StatusCode);
            if (i == 4)
            {
                accountLimited = response;
            }

            ipLimited = response;
        }

        // Attempts 1-3 on one account are answered; the 4th on that account is throttled (per account); the 5th (another
        // account) is answered; the 6th from this address is refused by the per-IP limit.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains(RequestLimits.TooManyRequestsMessage, TestHtml.Text(await accountLimited!.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.True(int.Parse(accountLimited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains(RequestLimits.TooManyRequestsMessage, TestHtml.Text(await ipLimited!.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.True(int.Parse(ipLimited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        await using (var db = fresh.CreateDbContext())
        {
            // The throttled attempts never reached the password check: no lockout counted for them.
            Assert.Equal(3, (await db.Users.SingleAsync(u => u.UserName == "kiemtra", Ct)).AccessFailedCount);
        }

        var api = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            api.Add(await client.GetAsync(new Uri("/api/calendar/2026", UriKind.Relative), Ct));
        }

        Assert.All(api.Take(5), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, api[5].StatusCode);
        Assert.True(api[5].Headers.Contains("Retry-After"));
        Assert.Contains(RequestLimits.TooManyRequestsMessage, await api[5].Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUser_WrongPassword_Locked_AndDeactivated_GetTheSamePage()
    {
        var locked = await portal.CreateUserAsync(Roles.AgencyOfficer, await AgencyIdAsync());
        var deactivated = await portal.CreateUserAsync(Roles.AgencyOfficer, await AgencyIdAsync());
        await using (var db = portal.CreateDbContext())
        {
            await db.Users.Where(u => u.UserName == locked).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddHours(1)), Ct);
            await db.Users.Where(u => u.UserName == deactivated).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false), Ct);
        }

        async Task<(HttpStatusCode Status, string Page)> AttemptAsync(string userName, string password)
        {
            var response = await PortalFactory.PostFormAsync(portal.CreateAnonymousClient(), "/Account/Login", Credentials(userName, password), ct: Ct);
            var html = await response.Content.ReadAsStringAsync(Ct);
            // The only differences allowed: the antiforgery token and the user name typed back into the form.
            return (response.StatusCode, Token().Replace(html, "").Replace(userName, "USER", StringComparison.Ordinal));
        }

        var unknown = await AttemptAsync("khong.ton.tai", "SaiMatKhau123");
        var wrong = await AttemptAsync("canbo.viettri", "SaiMatKhau123");
        var lockedOut = await AttemptAsync(locked, PortalFactory.Password);
        var inactive = await AttemptAsync(deactivated, PortalFactory.Password);

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Contains(LoginModel.FailureMessage, TestHtml.Text(unknown.Page), StringComparison.Ordinal);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, lockedOut);
        Assert.Equal(unknown, inactive);
    }

    [Fact]
    public async Task LockedAccount_UnlocksOnSchedule_AndByAnAdministrator()
    {
        var agency = await AgencyIdAsync();
        var byAdmin = await portal.CreateUserAsync(Roles.AgencyOfficer, agency);
        var bySchedule = await portal.CreateUserAsync(Roles.AgencyOfficer, agency);
        foreach (var user in new[] { byAdmin, bySchedule })
        {
            var client = portal.CreateAnonymousClient();
            for (var i = 0; i < 10; i++)
            {
                await PortalFactory.PostFormAsync(client, "/Account/Login", Credentials(user, "SaiMatKhau" + i), ct: Ct);
            }

            var refused = await PortalFactory.PostFormAsync(client, "/Account/Login", Credentials(user, PortalFactory.Password), ct: Ct);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        await using (var db = portal.CreateDbContext())
        {
            var end = (await db.Users.SingleAsync(u => u.UserName == bySchedule, Ct)).LockoutEnd!.Value;
            Assert.InRange(end - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
            // The lockout period passes.
            await db.Users.Where(u => u.UserName == bySchedule).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddSeconds(-1)), Ct);
        }

        var admin = await portal.CreateClientAsync("quantri", Ct);
        string id;
        await using (var db = portal.CreateDbContext())
        {
            id = (await db.Users.SingleAsync(u => u.UserName == byAdmin, Ct)).Id;
        }

        var edit = TestHtml.Text(await admin.GetStringAsync(new Uri($"/Admin/Users/Edit/{id}", UriKind.Relative), Ct));
        Assert.Contains("Tài khoản đang tạm khóa do đăng nhập sai nhiều lần.", edit, StringComparison.Ordinal);
        var unlock = await PortalFactory.PostFormAsync(admin, $"/Admin/Users/Edit/{id}?handler=Unlock", new Dictionary<string, string>(),
            formPageUrl: $"/Admin/Users/Edit/{id}", ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);

        foreach (var user in new[] { byAdmin, bySchedule })
        {
            var response = await PortalFactory.PostFormAsync(portal.CreateAnonymousClient(), "/Account/Login", Credentials(user, PortalFactory.Password), ct: Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    [Fact]
    public async Task SoUser_ReachesNoPage_BeforeTheAuthenticatorCode()
    {
        var client = portal.CreateAnonymousClient();
        var password = await PortalFactory.PostFormAsync(client, "/Account/Login", Credentials("lanhdao.skhcn", PortalFactory.Password), ct: Ct);
        Assert.StartsWith("/Account/LoginWith2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);

        foreach (var url in new[] { "/", "/Requests", "/Requests/Inbox", "/Subscribers", "/Profile/TwoFactor", "/Profile/Password" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var wrong = await PortalFactory.PostFormAsync(client, password.Headers.Location.OriginalString, new Dictionary<string, string> { ["Input.Code"] = "000000" }, ct: Ct);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Mã xác thực không đúng", TestHtml.Text(await wrong.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var right = await PortalFactory.PostFormAsync(client, password.Headers.Location.OriginalString,
            new Dictionary<string, string> { ["Input.Code"] = await portal.CurrentTotpAsync("lanhdao.skhcn") }, ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Requests/Inbox", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task StaffWithoutAuthenticator_MustEnrol_ThenSignsInWithCodeOrRecoveryCode()
    {
        var userName = "enrol." + Guid.NewGuid().ToString("N")[..8];
        using (var scope = portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, FullName = "Người Cài Đặt" };
            Assert.True((await users.CreateAsync(user, PortalFactory.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.DepartmentStaff);
        }

        var client = portal.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.PostFormAsync(client, "/Account/Login", Credentials(userName, PortalFactory.Password), ct: Ct)).StatusCode);
        var home = await client.GetAsync(new Uri("/Requests", UriKind.Relative), Ct);
        Assert.Equal("/Profile/TwoFactor", home.Headers.Location!.OriginalString);

        var start = await PortalFactory.PostFormAsync(client, "/Profile/TwoFactor?handler=Start", new Dictionary<string, string>(),
            formPageUrl: "/Profile/TwoFactor", ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var page = await client.GetStringAsync(new Uri("/Profile/TwoFactor", UriKind.Relative), Ct);
        Assert.Contains("data:image/png;base64,", page, StringComparison.Ordinal);
        var key = SharedKey().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        var enable = await PortalFactory.PostFormAsync(client, "/Profile/TwoFactor?handler=Enable",
            new Dictionary<string, string> { ["Input.Code"] = PortalFactory.Totp(key) }, formPageUrl: "/Profile/TwoFactor", ct: Ct);
        var enabled = await enable.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        var codes = RecoveryCode().Matches(enabled).Select(m => m.Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Requests", UriKind.Relative), Ct)).StatusCode);

        var again = portal.CreateAnonymousClient();
        var step = await PortalFactory.PostFormAsync(again, "/Account/Login", Credentials(userName, PortalFactory.Password), ct: Ct);
        Assert.StartsWith("/Account/LoginWith2fa", step.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var recovered = await PortalFactory.PostFormAsync(again, step.Headers.Location.OriginalString, new Dictionary<string, string> { ["Input.Code"] = codes[0] }, ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(new Uri("/Requests", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task SignOut_ACopyOfTheCookieReplayedAfterwards_GetsTheLoginPage()
    {
        var jar = new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler();
        var client = portal.CreateDefaultClient(jar);
        await PortalFactory.SignInAsync(client, portal.Services, "canbo.viettri", ct: Ct);
        var home = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var stolen = jar.Container.GetCookieHeader(portal.Server.BaseAddress);
        Assert.Contains("PhuThoCa.Auth=", stolen, StringComparison.Ordinal);

        var logout = await PortalFactory.PostFormAsync(client, "/Account/Logout", new Dictionary<string, string>(), formPageUrl: "/", ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var replay = portal.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Requests", UriKind.Relative));
        request.Headers.Add("Cookie", stolen);
        var response = await replay.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_EndsAtItsAbsoluteLifetime_EvenWhenKeptActive()
    {
        await using var own = new PortalFactory();
        var client = await own.CreateClientAsync("canbo.viettri", Ct);
        own.Clock.Advance(TimeSpan.FromHours(7));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);
        own.Clock.Advance(TimeSpan.FromHours(5.5));

        var response = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastActiveAdministrator_CannotDemoteOrDeactivateItself()
    {
        await using var own = new PortalFactory();
        var admin = await own.CreateClientAsync("quantri", Ct);
        string id;
        await using (var db = own.CreateDbContext())
        {
            id = (await db.Users.SingleAsync(u => u.UserName == "quantri", Ct)).Id;
        }

        foreach (var (role, active) in new[] { (Roles.DepartmentStaff, "true"), (Roles.Administrator, "false") })
        {
            var response = await PortalFactory.PostFormAsync(admin, $"/Admin/Users/Edit/{id}", new Dictionary<string, string>
            {
                ["Input.FullName"] = "Nguyễn Quốc Hưng",
                ["Input.Role"] = role,
                ["Input.IsActive"] = active,
            }, ct: Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(AccountRules.LastAdministratorMessage, TestHtml.Text(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }

        using var scope = own.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var quantri = (await users.FindByNameAsync("quantri"))!;
        Assert.True(quantri.IsActive);
        Assert.True(await users.IsInRoleAsync(quantri, Roles.Administrator));
    }

    [Fact]
    public async Task PasswordSetByAnAdministrator_MustBeChangedAtTheNextSignIn()
    {
        var userName = await portal.CreateUserAsync(Roles.AgencyOfficer, await AgencyIdAsync());
        string id;
        await using (var db = portal.CreateDbContext())
        {
            id = (await db.Users.SingleAsync(u => u.UserName == userName, Ct)).Id;
        }

        var admin = await portal.CreateClientAsync("quantri", Ct);
        var saved = await PortalFactory.PostFormAsync(admin, $"/Admin/Users/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Người Kiểm Thử",
            ["Input.Role"] = Roles.AgencyOfficer,
            ["Input.AgencyId"] = (await AgencyIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Password"] = "QuanTriDat2026",
            ["Input.IsActive"] = "true",
        }, ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var client = portal.CreateAnonymousClient();
        await PortalFactory.SignInAsync(client, portal.Services, userName, "QuanTriDat2026", Ct);
        var home = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal("/Profile/Password", home.Headers.Location!.OriginalString);
        var form = await client.GetStringAsync(new Uri("/Profile/Password", UriKind.Relative), Ct);
        Assert.Contains("Mật khẩu của bạn do quản trị hệ thống đặt", TestHtml.Text(form), StringComparison.Ordinal);

        var mismatch = await PortalFactory.PostFormAsync(client, "/Profile/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "QuanTriDat2026",
            ["Input.NewPassword"] = "CuaToi2026abc",
            ["Input.ConfirmPassword"] = "CuaToi2026abX",
        }, ct: Ct);
        Assert.Contains("Nhập lại mật khẩu mới chưa khớp.", TestHtml.Text(await mismatch.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var changed = await PortalFactory.PostFormAsync(client, "/Profile/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "QuanTriDat2026",
            ["Input.NewPassword"] = "CuaToi2026abc",
            ["Input.ConfirmPassword"] = "CuaToi2026abc",
        }, ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);

        var next = portal.CreateAnonymousClient();
        await PortalFactory.SignInAsync(next, portal.Services, userName, "CuaToi2026abc", Ct);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);
    }

    /// <summary>A production start without an administrator and without demo data says what to set and exits non-zero.</summary>
    [Fact]
    public async Task ProductionStart_WithoutAdministratorOrSettings_ExplainsAndExitsNonZero()
    {
        var data = Path.Combine(Path.GetTempPath(), "phuthoca-tests", "prod-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        try
        {
            var missingHosts = await RunPortalAsync(data, new Dictionary<string, string?> { ["AllowedHosts"] = "" });
            Assert.NotEqual(0, missingHosts.ExitCode);
            Assert.Contains("AllowedHosts", missingHosts.Output, StringComparison.Ordinal);
            Assert.Contains("Letters:PublicBaseUrl", missingHosts.Output, StringComparison.Ordinal);

            var noAdmin = await RunPortalAsync(data, new Dictionary<string, string?>
            {
                ["AllowedHosts"] = "chukyso.phutho.gov.vn",
                ["Letters__PublicBaseUrl"] = "https://chukyso.phutho.gov.vn",
            });
            Assert.NotEqual(0, noAdmin.ExitCode);
            Assert.Contains("Bootstrap__AdminUserName", noAdmin.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunPortalAsync(string dataFolder, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "PhuThoCa.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Data__Folder"] = dataFolder;
        start.Environment["Seed__DemoData"] = "false";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await error);
    }

    private async Task<int> AgencyIdAsync()
    {
        await using var db = portal.CreateDbContext();
        return (await db.Agencies.SingleAsync(a => a.Name == "UBND phường Việt Trì", Ct)).Id;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex Token();

    [GeneratedRegex("data-testid=\"shared-key\">([A-Z2-7 ]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("\\b[a-z0-9]{5}-[a-z0-9]{5}\\b", RegexOptions.IgnoreCase)]
    private static partial Regex RecoveryCode();
}
