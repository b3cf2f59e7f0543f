using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Pages.Certificates;

public class CreateTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Dictionary<string, string>> ValidFormAsync(string serial)
    {
        await using var db = portal.CreateDbContext();
        var subscriberId = await db.Subscribers.Where(s => s.Agency!.Name == "UBND phường Việt Trì").Select(s => s.Id).FirstAsync(Ct);
        return new Dictionary<string, string>
        {
            ["Input.SubscriberId"] = subscriberId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SerialNumber"] = serial,
            ["Input.SubjectDn"] = "CN=Người Thử, O=UBND tỉnh Phú Thọ, L=Phú Thọ, C=VN",
            ["Input.Issuer"] = "CN=CA phục vụ các cơ quan Nhà nước G2, O=Ban Cơ yếu Chính phủ, C=VN",
            ["Input.NotBefore"] = "01/12/2026",
            ["Input.NotAfter"] = "30/11/2031",
            ["Input.Storage"] = "PkiToken",
        };
    }

    [Fact]
    public async Task Create_NotAfterBeforeNotBefore_IsRefusedWithTypedValuesKept()
    {
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        var serial = "AB" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var form = await ValidFormAsync(serial);
        form["Input.NotAfter"] = "30/11/2025";

        var response = await PortalFactory.PostFormAsync(client, "/Certificates/Create", form, ct: Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ngày hết hạn phải sau ngày bắt đầu hiệu lực.", TestHtml.Text(html), StringComparison.Ordinal);
        Assert.Equal("30/11/2025", TestHtml.InputValue(html, "Input.NotAfter"));
        Assert.Equal(serial, TestHtml.InputValue(html, "Input.SerialNumber"));
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Certificates.AnyAsync(c => c.SerialNumber == serial, Ct));
    }

    [Fact]
    public async Task Create_DuplicateSerial_IsRefusedNamingTheSerial()
    {
        await using var db = portal.CreateDbContext();
        var existing = await db.Certificates.Select(c => c.SerialNumber).FirstAsync(Ct);
        // Other test classes add certificates in parallel: count only what this form could have added.
        const string subject = "CN=Người Thử, O=UBND tỉnh Phú Thọ, L=Phú Thọ, C=VN";
        var count = await db.Certificates.CountAsync(c => c.SubjectDn == subject, Ct);
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var form = await ValidFormAsync(string.Join(':', existing.Chunk(2).Select(p => new string(p)).ToArray()).ToLowerInvariant());

        var response = await PortalFactory.PostFormAsync(client, "/Certificates/Create", form, ct: Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Số hiệu chứng thư {existing} đã có trong sổ đăng ký.", TestHtml.Text(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        await using var after = portal.CreateDbContext();
        Assert.Equal(count, await after.Certificates.CountAsync(c => c.SubjectDn == subject, Ct));
        Assert.Equal(1, await after.Certificates.CountAsync(c => c.SerialNumber == existing, Ct));
    }

    [Fact]
    public async Task Create_Valid_SavesNormalisedSerialAndVietnamDates()
    {
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        var serial = "cd" + Guid.NewGuid().ToString("N")[..10];

        var response = await PortalFactory.PostFormAsync(client, "/Certificates/Create", await ValidFormAsync(serial), ct: Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = portal.CreateDbContext();
        var normalized = serial.ToUpperInvariant();
        var saved = await db.Certificates.SingleAsync(c => c.SerialNumber == normalized, Ct);
        Assert.Equal(new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc), saved.NotBeforeUtc);
        Assert.Equal(new DateOnly(2031, 11, 30), PhuThoCa.Domain.Common.VietnamTime.ToDate(saved.NotAfterUtc));
    }
}
