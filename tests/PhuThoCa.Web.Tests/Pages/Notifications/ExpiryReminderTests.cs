using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Notifications;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Pages.Requests;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Pages.Notifications;

/// <summary>Certificate expiry reminders (features G5.1–G5.3) on the real database, run as the daily job runs them.</summary>
[Collection(WorkflowSerialGroup.Name)]
public class ExpiryReminderTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reminders_ReachTheAgencysOfficersOncePerThreshold_AndSkipCertificatesAlreadyBeingRenewed()
    {
        var agencyId = await AgencyIdAsync();
        var officer = await portal.CreateUserAsync(Roles.AgencyOfficer, agencyId);
        var a = await CertificateAsync(agencyId, daysLeft: 25);
        var b = await CertificateAsync(agencyId, daysLeft: 45);
        var c = await CertificateAsync(agencyId, daysLeft: 200);
        var renewing = await SubmittedAsync(portal, RequestType.Renew, certificateDaysLeft: 50);
        var now = NowUtc(portal);

        await RunAsync(now);
        var first = await RemindersAsync(officer);
        await RunAsync(now.AddHours(3));
        var again = await RemindersAsync(officer);
        await RunAsync(now.AddDays(20));
        var later = await RemindersAsync(officer);

        Assert.Equal([$"certificate-expiry:{a}:30", $"certificate-expiry:{b}:60"], first.Where(n => n.CertificateId == a || n.CertificateId == b).Select(n => n.Key).Order());
        Assert.DoesNotContain(first, n => n.CertificateId == c || n.CertificateId == renewing.CertificateId);
        var reminderA = first.Single(n => n.CertificateId == a);
        Assert.Equal("Chứng thư số sắp hết hạn: còn 25 ngày", reminderA.Title);
        Assert.Contains("Đã quá hạn đề nghị gia hạn (phải còn ít nhất 30 ngày hiệu lực): đề nghị cấp mới", reminderA.Detail, StringComparison.Ordinal);
        var renewableUntil = VietnamTime.ToDate(NowUtc(portal)).AddDays(45 - 30).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        Assert.Contains($"Đề nghị gia hạn (Mẫu 04) chậm nhất ngày {renewableUntil}", first.Single(n => n.CertificateId == b).Detail, StringComparison.Ordinal);
        Assert.Equal(first.Count, again.Count);
        Assert.Contains(later, n => n.Key == $"certificate-expiry:{a}:7" && n.Title == "Chứng thư số sắp hết hạn: còn 5 ngày");
        Assert.Contains(later, n => n.Key == $"certificate-expiry:{b}:30");
        await using var db = portal.CreateDbContext();
        var otherAgency = await db.Notifications.Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { n.CertificateId, u.UserName })
            .AnyAsync(x => x.UserName == "canbo.viettri" && (x.CertificateId == a || x.CertificateId == b), Ct);
        Assert.False(otherAgency);
    }

    [Fact]
    public async Task Reminder_OpensTheCertificate_ForItsOfficerOnly()
    {
        var agencyId = await AgencyIdAsync();
        var officer = await portal.CreateUserAsync(Roles.AgencyOfficer, agencyId);
        var certificate = await CertificateAsync(agencyId, daysLeft: 6);
        await RunAsync(NowUtc(portal));
        var reminder = Assert.Single(await RemindersAsync(officer), n => n.CertificateId == certificate);
        var client = await portal.CreateClientAsync(officer, Ct);
        var other = await portal.CreateClientAsync("canbo.viettri", Ct);

        var list = TestHtml.Text(await client.GetStringAsync(new Uri("/Notifications", UriKind.Relative), Ct));
        var foreign = await PortalFactory.PostFormAsync(other, $"/Notifications?id={reminder.Id}&handler=Open", new Dictionary<string, string>(), "/Notifications", Ct);
        var open = await PortalFactory.PostFormAsync(client, $"/Notifications?id={reminder.Id}&handler=Open", new Dictionary<string, string>(), "/Notifications", Ct);

        Assert.Contains("Chứng thư số sắp hết hạn: còn 6 ngày", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal($"/Certificates/Details/{certificate}", open.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("2026-11-26T01:59:00Z", (22 * 60) + 1)] // 08:59 in Vietnam: tomorrow's 07:00
    [InlineData("2026-11-25T23:30:00Z", 30)] // 06:30 in Vietnam: today's 07:00
    [InlineData("2026-11-26T00:00:00Z", 24 * 60)] // 07:00 sharp: the run just happened, next is tomorrow
    public void DailyJob_WaitsUntilSevenInTheMorningVietnamTime(string nowUtc, int minutes)
    {
        var now = DateTime.Parse(nowUtc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

        var wait = PhuThoCa.Web.Infrastructure.Jobs.PortalSchedule.NextDailyRun(new DateTimeOffset(now, TimeSpan.Zero)).UtcDateTime - now;

        Assert.Equal(TimeSpan.FromMinutes(minutes), wait);
        Assert.Equal(new TimeOnly(7, 0), TimeOnly.FromDateTime(VietnamTime.ToLocal(now + wait)));
    }

    private async Task RunAsync(DateTime nowUtc)
    {
        await using var db = portal.CreateDbContext();
        await ExpiryReminders.RunAsync(db, new ExpiryReminderSettings(), nowUtc, Ct);
    }

    private async Task<List<Domain.Notifications.Notification>> RemindersAsync(string userName)
    {
        await using var db = portal.CreateDbContext();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Ct);
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.Key != null).ToListAsync(Ct);
    }

    private async Task<int> AgencyIdAsync()
    {
        await using var db = portal.CreateDbContext();
        return await db.Agencies.Where(a => a.Name == Agency).Select(a => a.Id).SingleAsync(Ct);
    }

    private async Task<int> CertificateAsync(int agencyId, int daysLeft)
    {
        await using var db = portal.CreateDbContext();
        var unique = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var subscriber = new Subscriber(agencyId, new SubscriberDetails(SubscriberKind.Person, "Trần Văn Nhắc " + unique, "Chuyên viên",
            "0251" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), null, null, null,
            $"nhac{unique.ToLowerInvariant()}@syt.phutho.gov.vn", "0912345678", null, null, null, null));
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync(Ct);
        var notAfter = VietnamTime.FromLocal(VietnamTime.ToDate(NowUtc(portal)).AddDays(daysLeft).ToDateTime(new TimeOnly(16, 0)));
        var certificate = new Certificate(subscriber.Id, new CertificateDetails("54EE" + unique, $"CN={subscriber.Name}, C=VN",
            "CN=CA phục vụ các cơ quan Nhà nước G2, O=Ban Cơ yếu Chính phủ, C=VN", notAfter.AddYears(-3), notAfter, KeyStorageKind.PkiToken), null);
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(Ct);
        return certificate.Id;
    }
}
