using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Notifications;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Persistence;
using Quartz;

namespace PhuThoCa.Web.Tests.Infrastructure;

/// <summary>
/// The background jobs on Quartz's persistent job store (issue 15, item 4): the tables come with the migrations, a daily
/// firing missed while the portal was down is caught up once, and two portals over one database write each reminder once.
/// </summary>
public class JobStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheMigrations_CreateTheJobStore_AndThePortalStoresItsFourTriggers()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();

        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath}");
        await connection.OpenAsync(Ct);
        var tables = await ColumnAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'QRTZ_%' ORDER BY name");
        var triggers = await ColumnAsync(connection, "SELECT TRIGGER_NAME || ' ' || TRIGGER_TYPE FROM QRTZ_TRIGGERS WHERE SCHED_NAME = 'PhuThoCa' AND TRIGGER_NAME = JOB_NAME ORDER BY TRIGGER_NAME");

        Assert.Equal(QuartzSchema.TablesChildrenFirst(DatabaseProvider.Sqlite).Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
        Assert.Contains("QRTZ_LOCKS", tables);
        Assert.Contains("QRTZ_FIRED_TRIGGERS", tables);
        Assert.Equal(["agency-report-reminders CRON", "deadline-mail CRON", "expiry-reminders CRON", "mail-delivery SIMPLE"], triggers);
    }

    [Fact]
    public void TheSqlServerJobStore_ComesFromTheQuartzScript_WithEveryTable()
    {
        var statements = QuartzSchema.CreateStatements(DatabaseProvider.SqlServer);
        var tables = QuartzSchema.TablesChildrenFirst(DatabaseProvider.SqlServer);

        Assert.Contains(statements, s => s.Contains("CREATE TABLE QRTZ_TRIGGERS", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.Contains("{0}", StringComparison.Ordinal) || s.Contains("--;;", StringComparison.Ordinal));
        Assert.Equal(tables.Order(StringComparer.Ordinal), QuartzSchema.TablesChildrenFirst(DatabaseProvider.Sqlite).Order(StringComparer.Ordinal));
        Assert.Equal("QRTZ_JOB_DETAILS", tables[^1]); // the parent of the trigger tables is dropped last
    }

    [Fact]
    public async Task ADailyFiringMissedWhileThePortalWasDown_IsCaughtUpOnce_WhenItComesBack()
    {
        // The installation's database as it was when the portal stopped (the test portal's own folder goes with it).
        var folder = Path.Combine(Path.GetTempPath(), "phuthoca-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        int certificate;
        await using (var first = new PortalFactory())
        {
            await first.InitializeAsync();
            certificate = await ExpiringCertificateAsync(first, daysLeft: 5);
            await using var connection = new SqliteConnection($"Data Source={first.DatabasePath};Pooling=False");
            await connection.OpenAsync(Ct);
            await using var copy = connection.CreateCommand();
            copy.CommandText = $"VACUUM INTO '{Path.Combine(folder, "portal.db")}'";
            await copy.ExecuteNonQueryAsync(Ct);
        }

        // The portal was down over the 07:00 of the day before the test clock's day: the stored trigger still waits for it.
        var missed = VietnamTime.FromLocal(VietnamTime.ToDate(PortalFactory.DefaultNow.UtcDateTime).AddDays(-1).ToDateTime(new TimeOnly(7, 0)));
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "portal.db")};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = $t WHERE TRIGGER_NAME = 'expiry-reminders'";
            update.Parameters.AddWithValue("$t", new DateTimeOffset(missed, TimeSpan.Zero).UtcTicks);
            Assert.Equal(1, await update.ExecuteNonQueryAsync(Ct));
        }

        await using var again = new PortalFactory { DataFolder = folder };
        await again.InitializeAsync();
        var reminders = await WaitForRemindersAsync(again, certificate, atLeast: 1);
        var next = await NextFireTicksAsync(again.DatabasePath, "expiry-reminders");

        var officers = await OfficerCountAsync(again, certificate);
        Assert.Equal(officers, reminders);
        Assert.True(officers > 0);
        // Then it proceeds on schedule: the next 07:00 in Vietnam (the scheduler keeps real time; the job reads the portal's clock).
        var nextUtc = new DateTime(next, DateTimeKind.Utc);
        Assert.InRange(nextUtc, DateTime.UtcNow, DateTime.UtcNow.AddDays(1));
        Assert.Equal(new TimeOnly(7, 0), TimeOnly.FromDateTime(VietnamTime.ToLocal(nextUtc)));
    }

    [Fact]
    public async Task TwoPortalsOverOneDatabase_RunningTheReminderJobAtTheSameMoment_WriteEachReminderOnce()
    {
        await using var a = new PortalFactory();
        await a.InitializeAsync();
        await using var b = new PortalFactory { DataFolder = a.DataFolder };
        await b.InitializeAsync();
        var certificates = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            certificates.Add(await ExpiringCertificateAsync(a, daysLeft: 20 + i));
        }

        var now = PortalFactory.DefaultNow.UtcDateTime;
        // Every run must finish (none refused by the database or timed out waiting for the other node's write).
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => RunRemindersAsync(i % 2 == 0 ? a : b, now)));

        await using var db = a.CreateDbContext();
        var keys = certificates.Select(c => $"certificate-expiry:{c.ToString(CultureInfo.InvariantCulture)}:30").ToList();
        var rows = await db.Notifications.Where(n => n.Key != null && keys.Contains(n.Key)).Select(n => new { n.UserId, n.Key }).ToListAsync(Ct);
        var officers = await OfficerCountAsync(a, certificates[0]);
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(officers * certificates.Count, rows.Count);
    }

    [Fact]
    public async Task TwoClusteredNodesOnSqlServer_WriteEachReminderOnce()
    {
        await using (var container = SqlServerContainer.CreateOrSkip())
        {
            await container.StartAsync(Ct);
            var connectionString = container.GetConnectionString();
            await using var a = new SqlServerPortal(connectionString);
            await a.InitializeAsync();
            await using var b = new SqlServerPortal(connectionString);
            await b.InitializeAsync();
            var certificate = await ExpiringCertificateAsync(a, daysLeft: 20);

            await Task.WhenAll(Enumerable.Range(0, 6).Select(i => RunRemindersAsync(i % 2 == 0 ? a : b, PortalFactory.DefaultNow.UtcDateTime)));
            var nodes = await (await a.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct)).QueryClusterNodes(Ct);

            await using var db = ContextFor(a);
            var key = $"certificate-expiry:{certificate.ToString(CultureInfo.InvariantCulture)}:30";
            var rows = await db.Notifications.CountAsync(n => n.Key == key, Ct);
            Assert.Equal(await OfficerCountAsync(a, certificate), rows);
            Assert.Equal(2, nodes.Count); // both portals check in as nodes of one cluster
        }
    }

    private static AppDbContext ContextFor(PortalFactory portal) => portal is SqlServerPortal sqlServer ? sqlServer.CreateSqlServerContext() : portal.CreateDbContext();

    private static async Task<int> RunRemindersAsync(PortalFactory portal, DateTime nowUtc)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await ExpiryReminders.RunAsync(db, scope.ServiceProvider.GetRequiredService<ExpiryReminderSettings>(), nowUtc, Ct);
    }

    private static async Task<int> ExpiringCertificateAsync(PortalFactory portal, int daysLeft)
    {
        await using var db = ContextFor(portal);
        var agencyId = await db.Agencies.Where(a => a.Name == "Sở Y tế tỉnh Phú Thọ").Select(a => a.Id).SingleAsync(Ct);
        var unique = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var subscriber = new Subscriber(agencyId, new SubscriberDetails(SubscriberKind.Person, "Lê Văn Lịch " + unique, "Chuyên viên",
            "0251" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), null, null, null,
            $"lich{unique.ToLowerInvariant()}@syt.phutho.gov.vn", "0912345678", null, null, null, null));
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync(Ct);
        var notAfter = VietnamTime.FromLocal(VietnamTime.ToDate(PortalFactory.DefaultNow.UtcDateTime).AddDays(daysLeft).ToDateTime(new TimeOnly(16, 0)));
        var certificate = new Certificate(subscriber.Id, new CertificateDetails("54AB" + unique, $"CN={subscriber.Name}, C=VN",
            "CN=CA phục vụ các cơ quan Nhà nước G2, O=Ban Cơ yếu Chính phủ, C=VN", notAfter.AddYears(-3), notAfter, KeyStorageKind.PkiToken), null);
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(Ct);
        return certificate.Id;
    }

    private static async Task<int> OfficerCountAsync(PortalFactory portal, int certificateId)
    {
        await using var db = ContextFor(portal);
        var agencyId = await db.Certificates.Where(c => c.Id == certificateId).Select(c => c.Subscriber!.AgencyId).SingleAsync(Ct);
        return (await NotificationRecipients.AgencyOfficersAsync(db, agencyId, Ct)).Count;
    }

    private static async Task<int> WaitForRemindersAsync(PortalFactory portal, int certificateId, int atLeast)
    {
        for (var i = 0; i < 300; i++)
        {
            await using var db = ContextFor(portal);
            var count = await db.Notifications.CountAsync(n => n.CertificateId == certificateId && n.Key != null, Ct);
            if (count >= atLeast)
            {
                await Task.Delay(500, Ct); // a second firing, if there were one, would have written nothing new: the count stays
                return await db.Notifications.CountAsync(n => n.CertificateId == certificateId && n.Key != null, Ct);
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException("The missed daily firing was not caught up within 30 seconds.");
    }

    private static async Task<long> NextFireTicksAsync(string databasePath, string trigger)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = $n";
        command.Parameters.AddWithValue("$n", trigger);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> ColumnAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>A portal node on a shared SQL Server database (the production shape: clustered Quartz).</summary>
    private sealed class SqlServerPortal(string connectionString) : PortalFactory
    {
        public AppDbContext CreateSqlServerContext()
        {
            var options = new DbContextOptionsBuilder<AppDbContext>();
            DatabaseSetup.Configure(options, DatabaseProvider.SqlServer, connectionString);
            return AppDbContext.Create(options.Options, UnrestrictedScope.Instance);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
        }
    }
}
