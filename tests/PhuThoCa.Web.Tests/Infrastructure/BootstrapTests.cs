using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Infrastructure;

/// <summary>A production start: no demo data, the first administrator from configuration.</summary>
public class BootstrapTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartWithoutDemoData_CreatesOnlyTheBootstrapAdministrator_WhoCanSignIn()
    {
        await using var portal = new PortalFactory();
        await using var production = portal.WithWebHostBuilder(b => b
            .UseSetting("Seed:DemoData", "false")
            .UseSetting("Bootstrap:AdminUserName", "admin.tinh")
            .UseSetting("Bootstrap:AdminPassword", "KhoiTao@2026x"));
        var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var login = await PortalFactory.PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = "admin.tinh",
            ["Input.Password"] = "KhoiTao@2026x",
        }, ct: Ct);
        var users = await client.GetAsync(new Uri("/Admin/Users", UriKind.Relative), Ct);
        var enrolment = await client.GetAsync(new Uri("/Profile/TwoFactor", UriKind.Relative), Ct);

        // An administrator must enrol an authenticator app before any other page.
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.Equal("/Profile/TwoFactor", users.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, enrolment.StatusCode);
        await using var db = portal.CreateDbContext();
        Assert.Equal(0, await db.Agencies.CountAsync(Ct));
        Assert.Equal(1, await db.Users.CountAsync(Ct));
        Assert.Equal(2, await db.CalendarOverrides.CountAsync(Ct));
    }
}
