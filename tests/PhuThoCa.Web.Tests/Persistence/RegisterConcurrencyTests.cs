using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>Issue 10 item 7: the registers carry a row version, so neither a concurrent save nor a stale form overwrites a newer change.</summary>
public class RegisterConcurrencyTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> NewTokenAsync()
    {
        await using var db = portal.CreateDbContext();
        var agencyId = await db.Agencies.Where(a => a.Name == "UBND phường Việt Trì").Select(a => a.Id).SingleAsync(Ct);
        var token = new UsbToken(agencyId, "RV-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), "Bit4id TokenME EVO v2");
        db.Tokens.Add(token);
        await db.SaveChangesAsync(Ct);
        return token.Id;
    }

    private static byte[] VersionIn(AppDbContext db, object entity) => (byte[])db.Entry(entity).Property(RegisterVersions.Property).CurrentValue!;

    [Fact]
    public async Task EverySave_RenewsTheVersion_AndTwoSavesOfTheSameLoadedRow_CannotBothWin()
    {
        var id = await NewTokenAsync();
        await using var first = portal.CreateDbContext();
        await using var second = portal.CreateDbContext();
        var mine = await first.Tokens.SingleAsync(t => t.Id == id, Ct);
        var theirs = await second.Tokens.SingleAsync(t => t.Id == id, Ct);
        var loaded = VersionIn(first, mine);
        Assert.Equal(RegisterVersions.Length, loaded.Length);

        mine.Update(mine.SerialNumber, "SafeNet eToken 5110", "đổi bởi người thứ nhất");
        await first.SaveChangesAsync(Ct);
        Assert.NotEqual(loaded, VersionIn(first, mine));

        theirs.Update(theirs.SerialNumber, "Bit4id TokenME EVO v2", "đổi bởi người thứ hai");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));

        await using var check = portal.CreateDbContext();
        var saved = await check.Tokens.SingleAsync(t => t.Id == id, Ct);
        Assert.Equal("SafeNet eToken 5110", saved.Model);
        Assert.Equal("đổi bởi người thứ nhất", saved.Notes);
    }

    [Fact]
    public async Task StaleEditForm_IsRefusedWithTheVietnameseMessage_AndTheNewerChangeIsKept_ThenAFreshFormSaves()
    {
        var id = await NewTokenAsync();
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        var form = await (await client.GetAsync(new Uri($"/Tokens/Edit/{id}", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        var shown = TestHtml.InputValue(form, "Version");
        var serial = TestHtml.InputValue(form, "Input.SerialNumber");
        Assert.False(string.IsNullOrEmpty(shown));

        await using (var db = portal.CreateDbContext())
        {
            var token = await db.Tokens.SingleAsync(t => t.Id == id, Ct);
            token.Update(token.SerialNumber, token.Model, "ghi chú của đồng nghiệp");
            await db.SaveChangesAsync(Ct);
        }

        Dictionary<string, string> Fields(string version) => new()
        {
            ["Version"] = version,
            ["Input.SerialNumber"] = serial!,
            ["Input.Model"] = "SafeNet eToken 5110",
            ["Input.Notes"] = "ghi chú của tôi",
        };
        var stale = await PortalFactory.PostFormAsync(client, $"/Tokens/Edit/{id}", Fields(shown!), ct: Ct);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await stale.Content.ReadAsStringAsync(Ct);
        Assert.Contains(DomainRuleFilter.ConcurrencyMessage, TestHtml.Text(page), StringComparison.Ordinal);
        Assert.Equal("ghi chú của tôi", TestHtml.InputValue(page, "Input.Notes")); // the form keeps what was typed
        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal("ghi chú của đồng nghiệp", (await db.Tokens.SingleAsync(t => t.Id == id, Ct)).Notes);
        }

        var fresh = TestHtml.InputValue(await (await client.GetAsync(new Uri($"/Tokens/Edit/{id}", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct), "Version");
        Assert.NotEqual(shown, fresh);
        var saved = await PortalFactory.PostFormAsync(client, $"/Tokens/Edit/{id}", Fields(fresh!), ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal("ghi chú của tôi", (await db.Tokens.SingleAsync(t => t.Id == id, Ct)).Notes);
        }
    }

    [Fact]
    public async Task MalformedVersion_IsTakenAsStale_NeverA500()
    {
        int id;
        await using (var db = portal.CreateDbContext())
        {
            id = await db.Certificates.Where(c => c.Subscriber!.Agency!.Name == "UBND phường Việt Trì" && c.Status == CertificateStatus.Valid)
                .Select(c => c.Id).FirstAsync(Ct);
        }

        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        var form = await (await client.GetAsync(new Uri($"/Certificates/Edit/{id}", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        var fields = new Dictionary<string, string>
        {
            ["Version"] = "%%không-phải-base64%%",
            ["Input.SerialNumber"] = TestHtml.InputValue(form, "Input.SerialNumber")!,
            ["Input.SubjectDn"] = TestHtml.InputValue(form, "Input.SubjectDn") + " (sửa)",
            ["Input.Issuer"] = TestHtml.InputValue(form, "Input.Issuer")!,
            ["Input.NotBefore"] = TestHtml.InputValue(form, "Input.NotBefore")!,
            ["Input.NotAfter"] = TestHtml.InputValue(form, "Input.NotAfter")!,
            ["Input.Storage"] = "PkiToken",
        };
        var response = await PortalFactory.PostFormAsync(client, $"/Certificates/Edit/{id}", fields, ct: Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(DomainRuleFilter.ConcurrencyMessage, TestHtml.Text(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        await using var check = portal.CreateDbContext();
        Assert.DoesNotContain("(sửa)", (await check.Certificates.SingleAsync(c => c.Id == id, Ct)).SubjectDn, StringComparison.Ordinal);
    }
}
