using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Infrastructure;

public class OperationsTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthz_ChecksTheDatabase_AndAnswersWithoutLogin()
    {
        var client = portal.CreateAnonymousClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task DemoData_IsARealisticProvince()
    {
        _ = portal.Services;
        await using var db = portal.CreateDbContext();

        Assert.True(await db.Agencies.CountAsync(Ct) >= 30);
        Assert.True(await db.Subscribers.CountAsync(Ct) >= 300);
        Assert.Contains(await db.Agencies.Select(a => a.Name).ToListAsync(Ct), n => n == "UBND phường Việt Trì");
        var statuses = await db.Tokens.Select(t => t.Status).Distinct().ToListAsync(Ct);
        Assert.Equal(Enum.GetValues<PhuThoCa.Domain.Tokens.TokenStatus>().Order(), statuses.Order());
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var valid = db.Certificates.Where(c => c.Status == PhuThoCa.Domain.Certificates.CertificateStatus.Valid);
        Assert.True(await valid.CountAsync(c => c.NotAfterUtc > now && c.NotAfterUtc < now.AddDays(30), Ct) > 0);
        Assert.True(await valid.CountAsync(c => c.NotAfterUtc <= now, Ct) > 0);
        Assert.True(await db.Certificates.CountAsync(c => c.RenewalCount == 1, Ct) > 0);
        Assert.True(await db.Users.CountAsync(Ct) >= 5);
        // The seeded 2026 swap; other tests add and remove overrides in other years, so no exact count here.
        var seeded = await db.CalendarOverrides.Where(o => o.Date >= new DateOnly(2026, 1, 1) && o.Date <= new DateOnly(2026, 12, 31)).Select(o => o.Date).ToListAsync(Ct);
        Assert.Equal([new DateOnly(2026, 8, 22), new DateOnly(2026, 8, 31)], seeded.Order());
    }

    [Fact]
    public async Task UnknownPage_GivesVietnameseNotFound()
    {
        var client = await portal.CreateClientAsync("kiemtra", Ct);

        var response = await client.GetAsync(new Uri("/Khong/Ton/Tai", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang hoặc bản ghi", TestHtml.Text(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }
}
