using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Domain.Mail;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Mail;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Mail;

/// <summary>
/// The portal with mail on, delivering to <paramref name="smtpPort"/> on this machine. The Quartz delivery job runs once
/// at start-up and then hourly, so tests drive further runs themselves. With <paramref name="databaseFolder"/> it runs on
/// another factory's data (a restart of the same installation).
/// </summary>
public sealed class MailPortalFactory(int smtpPort, string? databaseFolder = null) : PortalFactory
{
    public const string PortalUrl = "https://chukyso.phutho.gov.vn";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Security", "None");
        builder.UseSetting("Mail:PollSeconds", "3600");
        builder.UseSetting("Mail:TimeoutSeconds", "10");
        builder.UseSetting("Mail:PortalUrl", PortalUrl);
        if (databaseFolder is not null)
        {
            builder.UseSetting("Data:Folder", databaseFolder);
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(databaseFolder, "portal.db")}");
        }
    }

    /// <summary>A province-wide context on the database at <paramref name="databasePath"/> (another factory's).</summary>
    public static PhuThoCa.Infrastructure.Persistence.AppDbContext CreateDbContextFor(string databasePath)
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<PhuThoCa.Infrastructure.Persistence.AppDbContext>();
        PhuThoCa.Infrastructure.Persistence.DatabaseSetup.Configure(options, PhuThoCa.Infrastructure.Persistence.DatabaseProvider.Sqlite,
            $"Data Source={databasePath}");
        return PhuThoCa.Infrastructure.Persistence.AppDbContext.Create(options.Options, PhuThoCa.Infrastructure.Persistence.UnrestrictedScope.Instance);
    }

    /// <summary>Waits (at most a minute) until the Quartz job's start-up run has delivered the seeded backlog.</summary>
    public async Task WaitForStartUpDeliveryAsync()
    {
        for (var i = 0; i < 600; i++)
        {
            await using var db = CreateDbContextFor(databaseFolder is null ? DatabasePath : Path.Combine(databaseFolder, "portal.db"));
            if (!await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The start-up delivery run did not finish within a minute.");
    }

    /// <summary>One delivery run, as the Quartz job makes it.</summary>
    public async Task<MailRunResult> DeliverAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailDelivery>().RunOnceAsync();
    }

    /// <summary>A new user with a unique e-mail address; returns the login and the address.</summary>
    public async Task<(string UserName, string Email)> CreateUserWithEmailAsync(string role, int? agencyId = null)
    {
        var userName = await CreateUserAsync(role, agencyId);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        user.Email = userName.Replace(".", "", StringComparison.Ordinal) + "@syt.phutho.gov.vn";
        await users.UpdateAsync(user);
        return (userName, user.Email);
    }
}
