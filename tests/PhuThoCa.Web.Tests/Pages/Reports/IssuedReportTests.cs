using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Pages.Requests;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Pages.Reports;

/// <summary>
/// "Ban hành công văn" (QĐ-PT Điều 8.4): the công văn báo cáo is numbered and stored as PDF and DOCX; issuing again for the
/// same period and scope is version 2 beside version 1, both downloadable byte for byte as issued.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public class IssuedReportTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Issue_Twice_StoresTwoNumberedVersions_BothDownloadableAsIssued()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var name = $"UBND xã Ban Hành {unique}";
        var agency = await NewCommuneAsync(portal, name, "bh" + unique);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var query = $"p=month-10&year=2026&agency={agency}";

        for (var i = 0; i < 2; i++)
        {
            var response = await PortalFactory.PostFormAsync(staff, $"/Reports?handler=Issue&{query}", new Dictionary<string, string>(), $"/Reports?{query}", Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        List<Domain.Reports.IssuedReport> issued;
        await using (var db = portal.CreateDbContext())
        {
            issued = await db.IssuedReports.Where(r => r.AgencyId == agency).OrderBy(r => r.Version).ToListAsync(Ct);
        }

        Assert.Equal([1, 2], issued.Select(r => r.Version));
        Assert.All(issued, r => Assert.Equal(new DateOnly(2026, 10, 1), r.From));
        Assert.NotEqual(issued[0].Number, issued[1].Number);
        Assert.NotEqual(issued[0].PdfKey, issued[1].PdfKey);

        var page = TestHtml.Text(await staff.GetStringAsync(new Uri($"/Reports?{query}", UriKind.Relative), Ct));
        Assert.Contains("Công văn báo cáo đã ban hành", page, StringComparison.Ordinal);
        foreach (var version in issued)
        {
            var pdf = await GetBytesAsync(staff, $"/Reports?handler=Issued&id={version.Id}&format=pdf", "application/pdf");
            Assert.Equal(version.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(pdf)));
            Assert.Equal(pdf, await GetBytesAsync(staff, $"/Reports?handler=Issued&id={version.Id}&format=pdf", "application/pdf"));
            // ND 30: a number below 10 is printed with a leading zero.
            Documents.RequestLetterTests.AssertInOrder(pdf, [$"Số: {version.Number.PadLeft(2, '0')}/SKHCN-CĐS", "Kính gửi:", "phạm vi: " + name]);

            var docx = await GetBytesAsync(staff, $"/Reports?handler=Issued&id={version.Id}&format=docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            Assert.Equal(version.DocxSha256, Convert.ToHexStringLower(SHA256.HashData(docx)));
            using var stream = new MemoryStream(docx);
            using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
            Assert.Contains($"{version.Number.PadLeft(2, '0')}/SKHCN-CĐS", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
            Assert.Contains($"data-testid=\"issued|{version.Id}\"", await staff.GetStringAsync(new Uri($"/Reports?{query}", UriKind.Relative), Ct),
                StringComparison.Ordinal);
        }

        // Officers neither issue nor download the Sở's letter.
        var officer = await portal.CreateClientAsync(await portal.CreateUserAsync(Roles.AgencyOfficer, agency), Ct);
        var refused = await officer.GetAsync(new Uri($"/Reports?handler=Issued&id={issued[0].Id}&format=pdf", UriKind.Relative), Ct);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"issue-report\"", await officer.GetStringAsync(new Uri("/Reports?p=month-10&year=2026", UriKind.Relative), Ct),
            StringComparison.Ordinal);
    }

    private static async Task<byte[]> GetBytesAsync(HttpClient client, string url, string contentType)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }
}
