using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Pages.Import;

/// <summary>Templates, CSV, token stock, certificates from files, agencies, and the role and agency scope of imports.</summary>
[Collection(ImportPortal.Collection)]
public class RegisterImportTests(ImportPortal portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Unique => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public async Task Template_HasVietnameseHeadersOneExampleRowAndNotes_AndItsExampleRowPassesTheDryRun()
    {
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);

        var response = await client.GetAsync(new Uri("/Import?handler=Template&register=Subscribers", UriKind.Relative), Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("mau-nhap-thue-bao.xlsx", response.Content.Headers.ContentDisposition!.FileName);
        using var stream = new MemoryStream(bytes);
        Assert.Equal(["Thuê bao", "Hướng dẫn"], stream.GetSheetNames());
        var rows = stream.Query(useHeaderRow: true, sheetName: "Thuê bao").Cast<IDictionary<string, object>>().ToList();
        var example = Assert.Single(rows);
        Assert.Equal("Nguyễn Văn An", example["Họ và tên / Tên thuê bao"]);
        Assert.Equal("025190012345", example["Số định danh cá nhân (CCCD)"]);
        var notes = stream.Query(useHeaderRow: true, sheetName: "Hướng dẫn").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(notes, n => (string)n["Cột"] == "Thư điện tử công vụ" && (string)n["Bắt buộc"] == "Có");

        var dryRun = await ImportClient.UploadAsync(client, "Subscribers", dryRun: true, Ct, ("mau.xlsx", bytes));

        Assert.Empty(dryRun.Problems);
        Assert.Equal(1, dryRun.Added + dryRun.Updated + dryRun.Unchanged);
        Assert.Contains("handler=Import", dryRun.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenStock_FromASemicolonCsvWithBom_DryRunThenImportThenReimportChangesNothing()
    {
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var batch = Unique;
        var csv = new StringBuilder("Số hiệu thiết bị;Chủng loại;Cơ quan quản lý;Ghi chú\n");
        for (var i = 1; i <= 30; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"BT{batch}{i:D3};Bit4id TokenME EVO v2;Sở Y tế tỉnh Phú Thọ;Lô giao {batch}\n");
        }

        var file = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();

        var dryRun = await ImportClient.UploadAsync(client, "Tokens", dryRun: true, Ct, ("giao-nhan.csv", file));
        Assert.Equal((30, 0), (dryRun.Added, dryRun.Refused));
        await using (var db = portal.CreateDbContext())
        {
            Assert.False(await db.Tokens.AnyAsync(t => t.SerialNumber.StartsWith("BT" + batch), Ct));
        }

        // "Nhập dữ liệu" after the dry run imports the same file without uploading it again.
        var confirm = await PortalFactory.PostFormAsync(client, dryRun.JobUrl + "&handler=Import", new Dictionary<string, string>(), dryRun.JobUrl, Ct);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var imported = await ImportClient.WaitAsync(client, confirm.Headers.Location!.OriginalString, Ct);
        Assert.Equal(30, imported.Added);

        var again = await ImportClient.UploadAsync(client, "Tokens", dryRun: false, Ct, ("giao-nhan.csv", file));
        Assert.Equal((0, 0, 30), (again.Added, again.Updated, again.Unchanged));
        await using var check = portal.CreateDbContext();
        var tokens = await check.Tokens.Where(t => t.SerialNumber.StartsWith("BT" + batch)).ToListAsync(Ct);
        Assert.Equal(30, tokens.Count);
        Assert.All(tokens, t => Assert.Equal(PhuThoCa.Domain.Tokens.TokenStatus.InStock, t.Status));
        Assert.Equal(30, await check.TimelineEvents.CountAsync(e => e.Subject == TimelineSubject.Token && e.Action == "Nhập kho từ tệp" && e.Note!.Contains("giao-nhan.csv"), Ct));
    }

    [Fact]
    public async Task Officer_ImportsOnlyIntoTheOwnAgency_AndCannotImportAgencies()
    {
        var client = await portal.CreateClientAsync("canbo.syte", Ct);
        var serial = "BT" + Unique;
        var file = ImportClient.Xlsx([
            new Dictionary<string, object?> { ["Số hiệu thiết bị"] = serial + "A", ["Chủng loại"] = "ePass2003", ["Cơ quan quản lý"] = "UBND phường Việt Trì" },
            new Dictionary<string, object?> { ["Số hiệu thiết bị"] = serial + "B", ["Chủng loại"] = "ePass2003", ["Cơ quan quản lý"] = null },
        ]);

        var result = await ImportClient.UploadAsync(client, "Tokens", dryRun: false, Ct, ("tb.xlsx", file));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("Dòng 2", "Cơ quan quản lý", "UBND phường Việt Trì", "Cán bộ cơ quan chỉ được nhập dữ liệu của cơ quan mình."), problem);
        await using (var db = portal.CreateDbContext())
        {
            Assert.False(await db.Tokens.AnyAsync(t => t.SerialNumber.StartsWith(serial), Ct));
        }

        var page = await client.GetStringAsync(new Uri("/Import", UriKind.Relative), Ct);
        Assert.DoesNotContain("value=\"Agencies\"", page, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var crafted = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent("Agencies"), "register" },
            { new ByteArrayContent(file), "Files", "cq.xlsx" },
        };
        var agencies = await client.PostAsync(new Uri("/Import", UriKind.Relative), crafted, Ct);
        Assert.Equal(HttpStatusCode.OK, agencies.StatusCode);
        Assert.Contains("Bạn không có quyền nhập danh mục này.", TestHtml.Text(await agencies.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        // Another user cannot see the officer's job.
        var other = await portal.CreateClientAsync("canbo.viettri", Ct);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(result.JobUrl, UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Agencies_ByAnAdministrator_AddsNewAndUpdatesByName()
    {
        var client = await portal.CreateClientAsync("quantri", Ct);
        var name = "UBND xã Nhập Thử " + Unique;
        Dictionary<string, object?> Row(string phone) => new()
        {
            ["Tên cơ quan"] = name,
            ["Tên viết tắt"] = "UBND",
            ["Loại cơ quan"] = "UBND xã, phường",
            ["Cơ quan chủ quản"] = "UBND TỈNH PHÚ THỌ",
            ["Địa chỉ"] = "Xã Nhập Thử, tỉnh Phú Thọ",
            ["Tên miền thư điện tử"] = "nhapthu.phutho.gov.vn",
            ["Điện thoại"] = phone,
        };

        var added = await ImportClient.UploadAsync(client, "Agencies", dryRun: false, Ct, ("cq.xlsx", ImportClient.Xlsx([Row("0210 111 222")])));
        var updated = await ImportClient.UploadAsync(client, "Agencies", dryRun: false, Ct, ("cq.xlsx", ImportClient.Xlsx([Row("0210 333 444")])));
        var bad = await ImportClient.UploadAsync(client, "Agencies", dryRun: false, Ct, ("cq.xlsx", ImportClient.Xlsx([new Dictionary<string, object?>(Row("1")) { ["Tên miền thư điện tử"] = "gmail.com" }])));

        Assert.Equal((1, 0), (added.Added, added.Refused));
        Assert.Equal((0, 1), (updated.Added, updated.Updated));
        Assert.Equal("Tên miền thư điện tử phải là tên miền của cơ quan nhà nước (…gov.vn).", Assert.Single(bad.Problems).Rule);
        await using var db = portal.CreateDbContext();
        Assert.Equal("0210 333 444", (await db.Agencies.SingleAsync(a => a.Name == name, Ct)).Phone);
    }

    [Fact]
    public async Task Certificates_FromAZipAndAPemFile_AreMatchedToSubscribersByEmailAndCccd()
    {
        await using var db = portal.CreateDbContext();
        var people = await db.Subscribers.Where(s => s.Agency!.Name == "UBND phường Việt Trì" && s.Kind == SubscriberKind.Person).Take(2).ToListAsync(Ct);
        using var byEmail = Issue(people[0].Email, null);
        using var byCccd = Issue(null, "CCCD:" + people[1].NationalId);
        using var stranger = Issue("nguoila@syt.phutho.gov.vn", null);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = archive.CreateEntry("lo1/" + people[0].Email + ".cer").Open();
            await entry.WriteAsync(byEmail.Export(X509ContentType.Cert), Ct);
        }

        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        var files = new[] { ("lo1.zip", zip.ToArray()), ("b.pem", Encoding.ASCII.GetBytes(byCccd.ExportCertificatePem())) };

        var refused = await ImportClient.UploadAsync(client, "Certificates", dryRun: true, Ct, [.. files, ("c.der", stranger.Export(X509ContentType.Cert))]);
        var imported = await ImportClient.UploadAsync(client, "Certificates", dryRun: false, Ct, files);
        var again = await ImportClient.UploadAsync(client, "Certificates", dryRun: false, Ct, files);

        var problem = Assert.Single(refused.Problems);
        Assert.Equal(("Tệp c.der", "Thuê bao (CCCD hoặc thư điện tử)"), (problem.Row, problem.Column));
        Assert.StartsWith("Không tìm thấy thuê bao", problem.Rule, StringComparison.Ordinal);
        Assert.Equal((2, 0), (imported.Added, imported.Refused));
        Assert.Equal((0, 2), (again.Added, again.Unchanged));
        await using var check = portal.CreateDbContext();
        Assert.Equal(people[0].Id, (await check.Certificates.SingleAsync(c => c.SerialNumber == byEmail.SerialNumber, Ct)).SubscriberId);
        Assert.Equal(people[1].Id, (await check.Certificates.SingleAsync(c => c.SerialNumber == byCccd.SerialNumber, Ct)).SubscriberId);
    }

    private static X509Certificate2 Issue(string? email, string? uid)
    {
        using var key = RSA.Create(2048);
        var name = new X500DistinguishedNameBuilder();
        if (email is not null)
        {
            name.Add("1.2.840.113549.1.9.1", email, System.Formats.Asn1.UniversalTagNumber.IA5String);
        }

        if (uid is not null)
        {
            name.Add("0.9.2342.19200300.100.1.1", uid, System.Formats.Asn1.UniversalTagNumber.UTF8String);
        }

        name.AddCommonName("Người Nhận Chứng Thư");
        name.AddCountryOrRegion("VN");
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var serial = RandomNumberGenerator.GetBytes(8);
        serial[0] = 0x54;
        using var self = request.CreateSelfSigned(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2031, 1, 4, 8, 0, 0, TimeSpan.FromHours(7)));
        return request.Create(self.SubjectName, X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1),
            new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2031, 1, 4, 8, 0, 0, TimeSpan.FromHours(7)), serial);
    }
}
