using System.Net;
using MiniExcelLibs;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Pages;

/// <summary>"Xuất Excel" exports the filtered set, all pages, within the user's scope, with the filter in the file.</summary>
public class ExportTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(List<IDictionary<string, object>> Rows, List<IDictionary<string, object>> Filter)> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var rows = stream.Query(useHeaderRow: true, sheetName: "Danh sách").Cast<IDictionary<string, object>>().ToList();
        stream.Position = 0;
        var filter = stream.Query(useHeaderRow: true, sheetName: "Điều kiện lọc").Cast<IDictionary<string, object>>().ToList();
        return (rows, filter);
    }

    [Fact]
    public async Task Certificates_ExpiringIn30Days_ExportsAllPagesWithTheFilter()
    {
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var page = TestHtml.Text(await client.GetStringAsync(new Uri("/Certificates?expiry=30", UriKind.Relative), Ct));
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(page, "trên tổng số (\\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var (rows, filter) = await DownloadAsync(client, "/Certificates?handler=Export&expiry=30");

        Assert.True(total > 25, "the filtered list spans more than one page");
        // Every page is exported; tests running in parallel may add a certificate in between, never remove one.
        Assert.InRange(rows.Count, total, total + 10);
        Assert.All(rows, r => Assert.Equal("Còn hiệu lực", r["Trạng thái"]));
        Assert.Contains(filter, f => (string)f["Nội dung"] == "Lọc: Hết hạn trong (ngày)" && f["Giá trị"]?.ToString() == "30");
        Assert.Contains(filter, f => (string)f["Nội dung"] == "Người xuất" && (string)f["Giá trị"] == "Lê Thị Thu Hà");
    }

    [Fact]
    public async Task Subscribers_ExportForAnOfficer_HoldsOnlyTheOwnAgencyAndMasksIds()
    {
        var client = await portal.CreateClientAsync("canbo.syte", Ct);

        var (rows, _) = await DownloadAsync(client, "/Subscribers?handler=Export");

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Sở Y tế tỉnh Phú Thọ", r["Cơ quan"]));
        Assert.All(rows.Where(r => (string)r["Loại"] == "Cá nhân"), r => Assert.StartsWith("••••", (string)r["Số định danh (4 số cuối)"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tokens_ExportByStatus_ListsOnlyThatStatus()
    {
        var client = await portal.CreateClientAsync("kiemtra", Ct);

        var (rows, _) = await DownloadAsync(client, "/Tokens?handler=Export&status=Locked");

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Bị khóa", r["Trạng thái"]));
    }
}
