using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Pages.Requests;

namespace PhuThoCa.Web.Tests.Pages;

/// <summary>
/// "Xuất Excel" / "Xuất CSV" on every list (issue 13 item 4): the whole filtered set within the user's agency scope, dates
/// as Excel dates and counts as numbers (read back by cell type), widths set and the header frozen; the CSV with a BOM and
/// formula-looking text neutralised.
/// </summary>
public partial class ListExportTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_ExportForAnOfficer_IsTheWholeFilteredSetOfTheOwnAgencyWithTypedCells()
    {
        var world = await OfficerWorld.CreateAsync(portal, Ct);
        var received = await world.AddReceivedIssueRequestAsync(new DateTime(2026, 11, 23, 9, 0, 0), Ct);
        await AddDraftsAsync(world, 30);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var total = await TotalAsync(client, "/Requests?state=open");

        var (rows, filter) = await DownloadAsync(client, "/Requests?handler=Export&state=open");
        var page = await client.GetStringAsync(new Uri("/Requests?state=open", UriKind.Relative), Ct);

        Assert.Equal(31, total);
        Assert.Equal(total, rows.Count);
        Assert.All(rows, r => Assert.Equal(world.AgencyName, r["Cơ quan"]));
        Assert.All(rows, r => Assert.IsType<DateTime>(r["Ngày lập"]));
        Assert.All(rows, r => Assert.Equal(1d, Convert.ToDouble(r["Số dòng"], CultureInfo.InvariantCulture)));
        // Sorted as the page: dated rows first, so the received request (due Thu 26/11, the Cục's expected period) leads.
        var first = rows[0];
        Assert.Equal(received.ReceiptNumber, first["Số tiếp nhận"]);
        Assert.Equal(new DateTime(2026, 11, 26), Assert.IsType<DateTime>(first["Hạn xử lý"]));
        Assert.Equal(new DateTime(2026, 11, 23, 9, 0, 0), Assert.IsType<DateTime>(first["Ngày gửi"]).AddHours(2));
        Assert.Equal(0d, Convert.ToDouble(first["Số ngày làm việc còn lại"], CultureInfo.InvariantCulture));
        Assert.Contains("Nguyễn Văn An", (string)first["Danh sách đề nghị"], StringComparison.Ordinal);
        Assert.Contains(filter, f => (string)f["Nội dung"] == "Lọc: Tình trạng" && (string)f["Giá trị"] == "Đang xử lý");
        Assert.Contains("data-testid=\"export-csv\"", page, StringComparison.Ordinal);
        Assert.Matches("href=\"/Requests\\?[^\"]*(state=open[^\"]*handler=Export|handler=Export[^\"]*state=open)", page);
    }

    [Fact]
    public async Task Requests_ExportForSoStaff_FilteredByAgency_MatchesThePageTotal()
    {
        var world = await OfficerWorld.CreateAsync(portal, Ct);
        await AddDraftsAsync(world, 27);
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var agency = world.AgencyId.ToString(CultureInfo.InvariantCulture);
        var total = await TotalAsync(client, "/Requests?agency=" + agency);

        var (rows, filter) = await DownloadAsync(client, "/Requests?handler=Export&sort=new&agency=" + agency);
        var csv = await DownloadCsvAsync(client, "/Requests?handler=Export&format=csv&agency=" + agency);

        Assert.Equal(27, total);
        Assert.Equal(total, rows.Count);
        Assert.Contains(filter, f => (string)f["Nội dung"] == "Lọc: Cơ quan" && (string)f["Giá trị"] == world.AgencyName);
        Assert.Equal(total + 1, csv.Count);
        Assert.Matches(@"^\d{2}/\d{2}/2026 \d{2}:\d{2}$", csv[1][8]);
    }

    [Fact]
    public async Task Certificates_Export_WritesDatesAsDates_WithWidthsAndAFrozenHeader()
    {
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var bytes = await BytesAsync(client, "/Certificates?handler=Export&expiry=30", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true, sheetName: "Danh sách").Cast<IDictionary<string, object>>().ToList();
        var sheet = SheetXml(bytes, "xl/worksheets/sheet1.xml");

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.IsType<DateTime>(r["Hiệu lực đến"]));
        Assert.All(rows, r => Assert.IsType<DateTime>(r["Hiệu lực từ"]));
        Assert.Contains("ySplit=\"1\"", sheet, StringComparison.Ordinal);
        Assert.Matches("<x:col [^>]*width=\"42(\\.\\d+)?\"", sheet);
        // The rows are made as they are written; the sheet still states its extent: the header and every row.
        Assert.Matches($"<x:dimension ref=\"A1:[A-Z]+{rows.Count + 1}\"", sheet);
    }

    [Fact]
    public async Task Agencies_ExportAndCsv_CountAsNumbers_AndNeutraliseAFormulaName()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using (var db = portal.CreateDbContext())
        {
            db.Agencies.Add(new Agency(AgencyKind.CommuneCommittee, $"=HYPERLINK(\"http://x\",\"Xã {tag}\")", "XA", "Xã Kiểm Thử, tỉnh Phú Thọ",
                $"f{tag}.phutho.gov.vn"));
            db.Agencies.Add(new Agency(AgencyKind.CommuneCommittee, $"UBND xã Bình Thường {tag}", "UBND", "Xã Kiểm Thử, tỉnh Phú Thọ",
                $"b{tag}.phutho.gov.vn"));
            await db.SaveChangesAsync(Ct);
        }

        var client = await portal.CreateClientAsync("quantri", Ct);
        // The total first: agencies added by parallel tests after it can only add rows to the export, never fewer.
        var total = await TotalAsync(client, "/Agencies");
        var (rows, _) = await DownloadAsync(client, "/Agencies?handler=Export");
        var raw = await BytesAsync(client, "/Agencies?handler=Export&format=csv&q=" + tag, "text/csv");
        var csv = ParseCsv(raw);

        Assert.True(total > 30, "the agencies list spans more than one page");
        // Tests running in parallel may add agencies in between, never remove one.
        Assert.InRange(rows.Count, total, total + 20);
        Assert.All(rows, r => Assert.IsType<double>(r["Số thuê bao"]));
        Assert.Equal([0xEF, 0xBB, 0xBF], raw[..3]);
        Assert.Equal("Tên cơ quan", csv[0][0]);
        Assert.Equal(3, csv.Count);
        Assert.Contains(csv, line => line[0] == $"'=HYPERLINK(\"http://x\",\"Xã {tag}\")");
        Assert.Contains(csv, line => line[0] == $"UBND xã Bình Thường {tag}");
        Assert.Contains($"\"'=HYPERLINK(\"\"http://x\"\",\"\"Xã {tag}\"\")\"", Encoding.UTF8.GetString(raw), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribers_Csv_NeutralisesANameStartingWithEquals_ForTheOfficerOnly()
    {
        var world = await OfficerWorld.CreateAsync(portal, Ct);
        await using (var db = portal.CreateDbContext())
        {
            db.Subscribers.Add(new Subscriber(world.AgencyId, new SubscriberDetails(SubscriberKind.Organization, "=1+2 Tổ công tác", null, null, null, null,
                null, $"tct{Guid.NewGuid():N}"[..20] + "@phutho.gov.vn", "0210381234", null, null, "Phú Thọ", null)));
            await db.SaveChangesAsync(Ct);
        }

        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var csv = ParseCsv(await BytesAsync(client, "/Subscribers?handler=Export&format=csv", "text/csv"));

        Assert.Contains(csv, line => line[0] == "'=1+2 Tổ công tác");
        Assert.All(csv.Skip(1), line => Assert.Equal(world.AgencyName, line[5]));
        Assert.Equal(5, csv.Count);
    }

    [Fact]
    public async Task Audit_Export_IsForAuditorsOnly_WithTimesAsDates()
    {
        var auditor = await portal.CreateClientAsync("kiemtra", Ct);
        var officer = await portal.CreateClientAsync("canbo.syte", Ct);
        var total = await TotalAsync(auditor, "/Audit?entity=Subscriber&action=Insert");

        var (rows, _) = await DownloadAsync(auditor, "/Audit?handler=Export&entity=Subscriber&action=Insert");
        var refused = await officer.GetAsync(new Uri("/Audit?handler=Export", UriKind.Relative), Ct);
        var badDate = await auditor.GetAsync(new Uri("/Audit?handler=Export&from=31/02/2026", UriKind.Relative), Ct);

        Assert.True(total > 50, "the audit list spans more than one page");
        Assert.InRange(rows.Count, total, total + 20);
        Assert.All(rows, r => Assert.IsType<DateTime>(r["Thời gian"]));
        Assert.All(rows, r => Assert.Equal("Thuê bao", r["Đối tượng"]));
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, badDate.StatusCode);
        Assert.Contains("Ngày bắt đầu phải có dạng dd/MM/yyyy.", TestHtml.Text(await badDate.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+84912", "'+84912")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("Nguyễn Văn An", "Nguyễn Văn An")]
    public void CsvField_NeutralisesFormulasAndQuotes(string value, string expected) =>
        Assert.Equal(expected, Web.Infrastructure.ListExport.CsvField(value));

    private static async Task AddDraftsAsync(OfficerWorld world, int count)
    {
        await using var db = world.Portal.CreateDbContext();
        var subscriber = await db.Subscribers.FindAsync([world.PersonB], Ct);
        var actor = await WorkflowArrange.ActorAsync(db, world.Officer, PortalFactory.DefaultNow.UtcDateTime.AddDays(-1));
        for (var i = 0; i < count; i++)
        {
            var request = new Request(RequestType.Issue, world.AgencyId, actor);
            request.AddIssueLine(subscriber!);
            db.Requests.Add(request);
        }

        await db.SaveChangesAsync(Ct);
    }

    private static async Task<int> TotalAsync(HttpClient client, string url)
    {
        var text = TestHtml.Text(await client.GetStringAsync(new Uri(url, UriKind.Relative), Ct));
        return int.Parse(Total().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task<byte[]> BytesAsync(HttpClient client, string url, string mediaType)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private static async Task<(List<IDictionary<string, object>> Rows, List<IDictionary<string, object>> Filter)> DownloadAsync(HttpClient client, string url)
    {
        using var stream = new MemoryStream(await BytesAsync(client, url, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        var rows = stream.Query(useHeaderRow: true, sheetName: "Danh sách").Cast<IDictionary<string, object>>().ToList();
        stream.Position = 0;
        var filter = stream.Query(useHeaderRow: true, sheetName: "Điều kiện lọc").Cast<IDictionary<string, object>>().ToList();
        return (rows, filter);
    }

    private static async Task<List<string[]>> DownloadCsvAsync(HttpClient client, string url) => ParseCsv(await BytesAsync(client, url, "text/csv"));

    private static string SheetXml(byte[] xlsx, string entry)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>An RFC 4180 reader (quoted fields, doubled quotes, CRLF records) for the assertions; the BOM is skipped.</summary>
    private static List<string[]> ParseCsv(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return records;
    }

    [GeneratedRegex(@"trên tổng số (\d+)")]
    private static partial Regex Total();
}
