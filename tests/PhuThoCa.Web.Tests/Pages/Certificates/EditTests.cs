using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Pages.Certificates;

public class EditTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Edit_KeepsThumbprintsFromTheFile_WhateverTheFormPosts()
    {
        int id;
        await using (var db = portal.CreateDbContext())
        {
            var subscriber = await db.Subscribers.FirstAsync(s => s.Agency!.Name == "UBND phường Việt Trì", Ct);
            var certificate = new Certificate(subscriber.Id, new CertificateDetails("EE" + Guid.NewGuid().ToString("N")[..10], "CN=Thử Sửa", "CA G2",
                new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), KeyStorageKind.PkiToken,
                "AA11", "BB22", "RSA 3072"));
            db.Certificates.Add(certificate);
            await db.SaveChangesAsync(Ct);
            id = certificate.Id;
        }

        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        var response = await PortalFactory.PostFormAsync(client, $"/Certificates/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.SerialNumber"] = "EE0000000001" + id.ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SubjectDn"] = "CN=Thử Sửa (đã sửa)",
            ["Input.Issuer"] = "CA G2",
            ["Input.NotBefore"] = "01/01/2026",
            ["Input.NotAfter"] = "31/12/2029",
            ["Input.Storage"] = "PkiToken",
            ["Input.ThumbprintSha1"] = "FF",
            ["Input.KeyAlgorithm"] = "RSA 512",
        }, ct: Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var after = portal.CreateDbContext();
        var saved = await after.Certificates.SingleAsync(c => c.Id == id, Ct);
        Assert.Equal("CN=Thử Sửa (đã sửa)", saved.SubjectDn);
        Assert.Equal("AA11", saved.ThumbprintSha1);
        Assert.Equal("BB22", saved.ThumbprintSha256);
        Assert.Equal("RSA 3072", saved.KeyAlgorithm);
    }
}
