using System.Net;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Seeding;

namespace PhuThoCa.Web.Tests.Pages.Account;

public class LoginTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Home_WhenAnonymous_RedirectsToVietnameseLoginPage()
    {
        var client = portal.CreateAnonymousClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        var login = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("Đăng nhập", login, StringComparison.Ordinal);
        Assert.Contains("Mật khẩu", login, StringComparison.Ordinal);
        Assert.Contains("lang=\"vi\"", login, StringComparison.Ordinal);
    }

    public static TheoryData<string> DemoLogins() => new(DemoData.Logins.Select(l => l.UserName));

    [Theory]
    [MemberData(nameof(DemoLogins))]
    public async Task Login_EveryDemoUser_LandsOnAPageFittingTheRole(string userName)
    {
        var login = DemoData.Logins.Single(l => l.UserName == userName);
        var client = await portal.CreateClientAsync(userName, Ct);

        var home = TestHtml.Text(await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct));

        Assert.Contains(login.FullName, home, StringComparison.Ordinal);
        if (login.AgencyName is not null)
        {
            Assert.Contains("Số liệu của cơ quan: " + login.AgencyName, home, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Số liệu toàn tỉnh", home, StringComparison.Ordinal);
        }

        Assert.Equal(login.Role == PhuThoCa.Infrastructure.Identity.Roles.Administrator, home.Contains("Người dùng", StringComparison.Ordinal));
        Assert.Equal(login.Role == PhuThoCa.Infrastructure.Identity.Roles.Auditor, home.Contains("Chế độ chỉ xem", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsVietnameseErrorAndKeepsUserName()
    {
        var client = portal.CreateAnonymousClient();

        var response = await PortalFactory.PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = "kiemtra",
            ["Input.Password"] = "sai-mat-khau",
        }, ct: Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PhuThoCa.Web.Pages.Account.LoginModel.FailureMessage, TestHtml.Text(html), StringComparison.Ordinal);
        Assert.Equal("kiemtra", TestHtml.InputValue(html, "Input.UserName"));
    }

    [Fact]
    public async Task Login_TenFailures_LockTheAccountEvenForTheRightPassword_WithTheSameAnswer()
    {
        var userName = await portal.CreateUserAsync(PhuThoCa.Infrastructure.Identity.Roles.DepartmentStaff);
        var client = portal.CreateAnonymousClient();
        for (var i = 0; i < 10; i++)
        {
            await PortalFactory.PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
            {
                ["Input.UserName"] = userName,
                ["Input.Password"] = "sai" + i,
            }, ct: Ct);
        }

        var response = await PortalFactory.PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = PortalFactory.Password,
        }, ct: Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PhuThoCa.Web.Pages.Account.LoginModel.FailureMessage, TestHtml.Text(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        Assert.NotNull(db.Users.Single(u => u.UserName == userName).LockoutEnd);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        var client = portal.CreateAnonymousClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "quantri", ["Input.Password"] = PortalFactory.Password });

        var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
