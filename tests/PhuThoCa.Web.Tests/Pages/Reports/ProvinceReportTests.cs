using System.Net;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Requests.CaPortal;
using PhuThoCa.Web.Requests.Completion;
using PhuThoCa.Web.Requests.Review;
using PhuThoCa.Web.Tests.Pages.Requests;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Pages.Reports;

/// <summary>
/// The Điều 8.4 report over a hand-counted fixture of two fresh agencies, for October and November 2026 (no holiday in
/// either; 02/11/2026 is a Monday). One renewal request is received in October and filed late in November, one issue
/// request waits on the Cục across the boundary: both periods are asserted cell by cell.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public partial class ProvinceReportTests(PortalFactory portal)
{
    private const string Staff = "chuyenvien.skhcn";

    private static readonly string[] CertificateCountColumns = ["C", "D", "E", "F", "G", "H"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Report_OverTwoPeriods_CountsTheHandCountedFixture_OnThePageAndInTheWorkbook()
    {
        var world = await ArrangeAsync();
        var staff = await portal.CreateClientAsync("lanhdao.skhcn", Ct);

        var october = await staff.GetStringAsync(new Uri($"/Reports?p=month-10&year=2026&agency={world.A}", UriKind.Relative), Ct);
        Assert.Contains("Tháng 10 năm 2026", TestHtml.Text(october), StringComparison.Ordinal);
        Assert.Equal(["1", world.AName, "7", "1", "1", "9"], Row(october, "subscribers", world.AName));
        Assert.Equal(["1", world.AName, "1", "0", "0", "2", "0", "9"], Row(october, "certificates", world.AName));
        Assert.Equal(["1", world.AName, "1", "0", "0", "1", "0"], Row(october, "tokens", world.AName));
        Assert.Equal([RevocationReasons.Label(RevocationReason.Resigned), "1"], Row(october, "revocations", RevocationReasons.Label(RevocationReason.Resigned)));
        Assert.Equal("1", Row(october, "revocations", "Không rõ lý do (thu hồi ghi trực tiếp trên sổ chứng thư)")[1]);
        Assert.Equal("2", Row(october, "revocations", "Tổng cộng")[1]);
        Assert.Equal([RequestTypes.Label(RequestType.Renew), "0", "2", "0", "1", "0", "0", "1", "1", "0", "0", "1", "0", "100,0", "0", "—", "—", "0", "0"],
            Row(october, "requests-by-type", RequestTypes.Label(RequestType.Renew)));
        Assert.Equal([RequestTypes.Label(RequestType.Issue), "0", "1", "0", "0", "0", "0", "1", "—", "—", "—", "—", "—", "—", "0", "—", "—", "0", "1"],
            Row(october, "requests-by-type", RequestTypes.Label(RequestType.Issue)));
        Assert.Equal([RequestTypes.Label(RequestType.Revoke), "0", "1", "0", "0", "0", "0", "1", "—", "—", "—", "—", "—", "—", "1", "2,0", "2", "0", "0"],
            Row(october, "requests-by-type", RequestTypes.Label(RequestType.Revoke)));
        Assert.Equal(["Tổng cộng", "0", "4", "0", "1", "0", "0", "3", "1", "0", "0", "1", "0", "100,0", "1", "2,0", "2", "0", "1"],
            Row(october, "requests-by-type", "Tổng cộng"));
        Assert.Equal(["1", world.AName, "5", "1", "6", "0", "0", "0"], Row(october, "plan", world.AName));

        var november = await staff.GetStringAsync(new Uri($"/Reports?p=month-11&year=2026&agency={world.A}", UriKind.Relative), Ct);
        Assert.Equal(["1", world.AName, "0", "1", "0", "0", "1", "8"], Row(november, "certificates", world.AName));
        Assert.Equal(["1", world.AName, "0", "1", "1", "0", "1"], Row(november, "tokens", world.AName));
        Assert.Equal("0", Row(november, "revocations", "Tổng cộng")[1]);
        // The renewal received on 29/10 (due 03/11) is carried over and filed late on 04/11; the issue request waiting on the
        // Cục since 28/10 is refused on 05/11 after 6 working days (expected: 3).
        Assert.Equal([world.AName, "3", "3", "1", "0", "1", "0", "4", "1", "0", "1", "2", "1", "50,0", "1", "6,0", "6", "1", "1"],
            Row(november, "requests-by-agency", world.AName));
        Assert.Equal([RequestTypes.Label(RequestType.Renew), "1", "1", "0", "0", "0", "0", "2", "0", "0", "1", "1", "1", "0,0", "0", "—", "—", "0", "1"],
            Row(november, "requests-by-type", RequestTypes.Label(RequestType.Renew)));
        Assert.Equal([RequestTypes.Label(RequestType.RecoverToken), "0", "1", "1", "0", "0", "0", "0", "1", "0", "0", "0", "0", "100,0", "0", "—", "—", "0", "0"],
            Row(november, "requests-by-type", RequestTypes.Label(RequestType.RecoverToken)));
        Assert.Equal([RequestTypes.Label(RequestType.ChangeInfo), "0", "1", "0", "0", "0", "0", "1", "0", "0", "0", "1", "0", "—", "0", "—", "—", "0", "0"],
            Row(november, "requests-by-type", RequestTypes.Label(RequestType.ChangeInfo)));
        Assert.Equal([RequestTypes.Label(RequestType.Issue), "1", "0", "0", "0", "1", "0", "0", "—", "—", "—", "—", "—", "—", "1", "6,0", "6", "1", "0"],
            Row(november, "requests-by-type", RequestTypes.Label(RequestType.Issue)));

        // The province view lists both agencies, each with its own figures.
        var province = await staff.GetStringAsync(new Uri("/Reports?p=month-11&year=2026", UriKind.Relative), Ct);
        Assert.Equal([world.BName, "0", "1", "0", "0", "0", "0", "1", "0", "0", "0", "1", "1", "—", "0", "—", "—", "0", "0"],
            Row(province, "requests-by-agency", world.BName));
        Assert.Equal([world.AName, "0", "1", "1", "0", "1"], Row(province, "tokens", world.AName)[1..]);

        // The workbook: the same figures as numbers, dates as dates, the period, time and user in the header rows.
        var response = await staff.GetAsync(new Uri($"/Reports?handler=Excel&p=month-10&year=2026&agency={world.A}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var sheets = stream.GetSheetNames();
        Assert.Equal(["Thuê bao", "Chứng thư số", "Thu hồi theo lý do", "Thiết bị lưu khóa bí mật", "Yêu cầu theo loại", "Yêu cầu theo cơ quan",
            "Nhu cầu năm 2027", "Chi tiết nhu cầu năm 2027"], sheets);
        var certificates = stream.Query(sheetName: "Chứng thư số").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Phạm vi: " + world.AName, certificates[1]["A"]);
        Assert.Equal("Kỳ báo cáo: Tháng 10 năm 2026 (từ ngày 01/10/2026 đến ngày 31/10/2026)", certificates[2]["A"]);
        Assert.Matches(@"^Lập lúc \d{2}/\d{2}/\d{4} \d{2}:\d{2} \(giờ Việt Nam\), người lập: ", (string)certificates[3]["A"]!);
        Assert.Equal("Cấp mới", certificates[5]["C"]);
        var rowA = certificates.Single(r => Equals(r["B"], world.AName));
        Assert.IsType<double>(rowA["A"]);
        Assert.Equal([1d, 0d, 0d, 2d, 0d, 9d], CertificateCountColumns.Select(c => Assert.IsType<double>(rowA[c])));
        var byType = stream.Query(sheetName: "Yêu cầu theo loại").Cast<IDictionary<string, object?>>().ToList();
        var revoke = byType.Single(r => Equals(r["A"], RequestTypes.Label(RequestType.Revoke)));
        Assert.Equal(2d, revoke["P"]);
        Assert.Null(revoke["I"]);
        var total = byType.Single(r => Equals(r["A"], "Tổng cộng"));
        Assert.Equal(100d, total["N"]);
        var lines = stream.Query(sheetName: "Chi tiết nhu cầu năm 2027").Cast<IDictionary<string, object?>>().ToList();
        var newIssue = lines.Single(r => Equals(r["D"], world.NewIssueSerial));
        Assert.Equal(new DateTime(2027, 3, 1), Assert.IsType<DateTime>(newIssue["E"]));
        Assert.Equal("Cấp mới", newIssue["F"]);
        Assert.Equal(6, lines.Count(r => Equals(r["B"], world.AName)));
    }

    [Fact]
    public async Task Report_ForAnOfficer_ShowsOnlyTheOwnAgency_AndAnotherAgencysIdIsNotFound()
    {
        var world = await ArrangeAsync();
        var officerB = await portal.CreateClientAsync(world.OfficerB, Ct);

        var own = await officerB.GetStringAsync(new Uri("/Reports?p=month-11&year=2026", UriKind.Relative), Ct);
        Assert.Contains("Phạm vi: " + world.BName, TestHtml.Text(own), StringComparison.Ordinal);
        Assert.DoesNotContain(world.AName, own, StringComparison.Ordinal);
        Assert.Equal([world.BName, "0", "1", "0", "0", "0", "0", "1", "0", "0", "0", "1", "1", "—", "0", "—", "—", "0", "0"],
            Row(own, "requests-by-agency", world.BName));

        var other = await officerB.GetAsync(new Uri($"/Reports?p=month-11&year=2026&agency={world.A}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var otherExcel = await officerB.GetAsync(new Uri($"/Reports?handler=Excel&p=month-10&year=2026&agency={world.A}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, otherExcel.StatusCode);

        var excel = await officerB.GetAsync(new Uri("/Reports?handler=Excel&p=month-11&year=2026", UriKind.Relative), Ct);
        using var stream = new MemoryStream(await excel.Content.ReadAsByteArrayAsync(Ct));
        var byAgency = stream.Query(sheetName: "Yêu cầu theo cơ quan").Cast<IDictionary<string, object?>>().Skip(6).ToList();
        Assert.Equal([world.BName, "Tổng cộng"], byAgency.Select(r => r["A"]));
    }

    [Fact]
    public async Task ReportLetter_PdfAndDocx_CarryTheFiguresAndTheAppendices_AndAreNotForOfficers()
    {
        var world = await ArrangeAsync();
        var staff = await portal.CreateClientAsync(Staff, Ct);
        var query = $"p=month-10&year=2026&agency={world.A}";

        var response = await staff.GetAsync(new Uri($"/Reports?handler=Pdf&{query}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        if (Environment.GetEnvironmentVariable("LETTERS_OUT") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, "bao-cao-dieu-8-4.pdf"), pdf, Ct);
        }

        Assert.Equal(0, Documents.Poppler.QpdfCheck(pdf).ExitCode);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            Assert.True(document.NumberOfPages >= 7, $"{document.NumberOfPages} pages: the letter and six appendices");
        }

        var today = VietnamTime.DateText(VietnamTime.ToDate(portal.Clock.GetUtcNow().UtcDateTime));
        Documents.RequestLetterTests.AssertInOrder(pdf,
        [
            "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "V/v báo cáo tình hình quản lý, sử dụng chữ ký số chuyên dùng công vụ tháng 10 năm 2026",
            "Kính gửi:", "Ủy ban nhân dân tỉnh Phú Thọ", "Ban Cơ yếu Chính phủ",
            "từ ngày 01/10/2026 đến ngày 31/10/2026", "phạm vi: " + world.AName,
            "Số thuê bao đang hoạt động: 9", "cấp mới 1 chứng thư", "thu hồi 2", "còn hiệu lực 9 chứng thư",
            "Tổng số yêu cầu: 4", "trước hạn 1", "tỷ lệ đúng hạn 100,0%", "cần gia hạn 5, cần cấp mới 1",
            "Nơi nhận:", "Phụ lục I", "THUÊ BAO", $"(Kèm theo Công văn số …/SKHCN-CĐS ngày {today} của Sở Khoa học và Công nghệ)",
            world.AName, "Phụ lục II", "Phụ lục III", "Thôi việc", "Phụ lục IV", "Phụ lục V", "Phụ lục VI", "NHU CẦU NĂM 2027",
        ]);

        var docx = await staff.GetAsync(new Uri($"/Reports?handler=Docx&{query}", UriKind.Relative), Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct));
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word, Ct).Select(e => e.Description).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        foreach (var expected in new[] { "Kính gửi:", "Số thuê bao đang hoạt động: 9", "Phụ lục VI", "NHU CẦU NĂM 2027", world.AName })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        var officer = await portal.CreateClientAsync(world.OfficerB, Ct);
        var refused = await officer.GetAsync(new Uri("/Reports?handler=Pdf&p=month-10&year=2026", UriKind.Relative), Ct);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WithBadDates_ShowsTheMessagesNextToTheFields_AndKeepsTheInput()
    {
        var staff = await portal.CreateClientAsync(Staff, Ct);

        var html = await staff.GetStringAsync(new Uri("/Reports?p=range&from=31/02/2026&to=01/01/2026", UriKind.Relative), Ct);
        var text = TestHtml.Text(html);
        Assert.Contains("Nhập ngày bắt đầu theo dạng dd/MM/yyyy.", text, StringComparison.Ordinal);
        Assert.Contains("value=\"31/02/2026\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"report-excel\"", html, StringComparison.Ordinal);

        var reversed = TestHtml.Text(await staff.GetStringAsync(new Uri("/Reports?p=range&from=20/11/2026&to=01/11/2026", UriKind.Relative), Ct));
        Assert.Contains("Ngày kết thúc phải từ ngày bắt đầu trở về sau.", reversed, StringComparison.Ordinal);

        var year = TestHtml.Text(await staff.GetStringAsync(new Uri("/Reports?p=year&year=20x6", UriKind.Relative), Ct));
        Assert.Contains("Năm không hợp lệ", year, StringComparison.Ordinal);
    }

    /// <summary>The cells of the row of table <paramref name="table"/> labelled <paramref name="label"/>, as the page shows them.</summary>
    private static string[] Row(string html, string table, string label)
    {
        var match = Regex.Match(WebUtility.HtmlDecode(html), $"<tr[^>]*data-testid=\"{Regex.Escape($"{table}|{label}")}\"[^>]*>(.*?)</tr>",
            RegexOptions.Singleline);
        Assert.True(match.Success, $"no row “{label}” in table {table}");
        return [.. Regex.Matches(match.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value.Trim())];
    }

    private static DateTime At(int day, int month, int hour, int year = 2026) => VietnamTime.FromLocal(new DateTime(year, month, day, hour, 0, 0));

    private sealed record World(int A, string AName, int B, string BName, string OfficerB, string NewIssueSerial);

    /// <summary>
    /// Agency A: seven requests, five register certificates, three tokens; agency B: one overdue renewal. Counted by hand in
    /// the assertions above.
    /// </summary>
    private async Task<World> ArrangeAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var aName = $"UBND xã Báo Cáo A {unique}";
        var bName = $"UBND xã Báo Cáo B {unique}";
        var a = await NewCommuneAsync(portal, aName, "bca" + unique);
        var b = await NewCommuneAsync(portal, bName, "bcb" + unique);

        var officerA = await portal.CreateUserAsync(Roles.AgencyOfficer, a);
        var officerB = await portal.CreateUserAsync(Roles.AgencyOfficer, b);

        // R1: renewal received Thursday 29/10 (due Tuesday 03/11), accepted 02/11, filed late on 04/11.
        var r1 = await SubmittedAsync(portal, RequestType.Renew, officerA, aName, At(29, 10, 8));
        await ReceiveAsync(portal, r1.RequestId, At(29, 10, 9));
        await PerformAsync<AcceptRequest, NoteInput>(portal, r1.RequestId, new NoteInput(), Staff, At(2, 11, 9));
        await PerformAsync<RecordFiling, FilingInput>(portal, r1.RequestId, new FilingInput { DossierCode = "HS-BC-" + unique }, Staff, At(4, 11, 9));

        // R2: recovery received Monday 02/11 (due 03/11), recovered the same day.
        var r2 = await SubmittedAsync(portal, RequestType.RecoverToken, officerA, aName, At(2, 11, 8));
        await ReceiveAsync(portal, r2.RequestId, At(2, 11, 9));
        await PerformAsync<AcceptRequest, NoteInput>(portal, r2.RequestId, new NoteInput(), Staff, At(2, 11, 10));
        await PerformAsync<RecordRecovery, NoteInput>(portal, r2.RequestId, new NoteInput(), Staff, At(2, 11, 15));

        // R3: renewal received Monday 19/10 (due 22/10), refused on 21/10.
        var r3 = await SubmittedAsync(portal, RequestType.Renew, officerA, aName, At(19, 10, 8));
        await ReceiveAsync(portal, r3.RequestId, At(19, 10, 9));
        await PerformAsync<RejectRequest, RejectInput>(portal, r3.RequestId, new RejectInput { Reason = "Chứng thư đã được gia hạn 01 lần" }, Staff, At(21, 10, 9));

        // R4: change of information received Monday 23/11, due Thursday 26/11 (today): pending in time.
        var r4 = await SubmittedAsync(portal, RequestType.ChangeInfo, officerA, aName, At(23, 11, 8));
        await ReceiveAsync(portal, r4.RequestId, At(23, 11, 9));

        // R5: renewal received Monday 16/11, due 19/11: pending overdue.
        var r5 = await SubmittedAsync(portal, RequestType.Renew, officerA, aName, At(16, 11, 8));
        await ReceiveAsync(portal, r5.RequestId, At(16, 11, 9));

        // R6: issue request, copy received Wednesday 28/10; the Cục refuses on Thursday 05/11.
        var r6 = await SubmittedAsync(portal, RequestType.Issue, officerA, aName, At(28, 10, 8));
        await ReceiveAsync(portal, r6.RequestId, At(28, 10, 9));
        await PerformAsync<RecordCaRejection, CaRejectionInput>(portal, r6.RequestId, new CaRejectionInput { Reason = "Hồ sơ thiếu thông tin" }, Staff, At(5, 11, 9));

        // R8: revocation (reason: resigned) received Tuesday 06/10; the Cục revokes on Thursday 08/10.
        var r8 = await SubmittedAsync(portal, RequestType.Revoke, officerA, aName, At(6, 10, 8));
        await ReceiveAsync(portal, r8.RequestId, At(6, 10, 9));
        await PerformAsync<RecordCaResult, CaResultInput>(portal, r8.RequestId, new CaResultInput { RevokedOn = "08/10/2026" }, Staff, At(8, 10, 10));

        // R7 (agency B): renewal received Tuesday 03/11, due 06/11: pending overdue.
        var r7 = await SubmittedAsync(portal, RequestType.Renew, officerB, bName, At(3, 11, 8));
        await ReceiveAsync(portal, r7.RequestId, At(3, 11, 9));

        var newIssueSerial = "5E" + unique.ToUpperInvariant() + "05";
        await using (var db = portal.CreateDbContext())
        {
            var actorName = "Người Kiểm Thử";
            var organization = new Subscriber(a, new SubscriberDetails(SubscriberKind.Organization, aName, null, null, null, null, null,
                $"vanthu@bca{unique}.phutho.gov.vn", null, "0101234567", "1234567", null, null));
            var device = new Subscriber(a, new SubscriberDetails(SubscriberKind.DeviceServiceSoftware, "Phần mềm quản lý văn bản " + unique, null,
                null, null, null, null, $"qlvb@bca{unique}.phutho.gov.vn", null, "0101234567", "1234567", null, "qlvb.bca.phutho.gov.vn"));
            db.Subscribers.AddRange(organization, device);
            await db.SaveChangesAsync(Ct);

            CertificateDetails Details(string serial, DateTime notBefore, DateTime notAfter) =>
                new(serial, $"CN={aName}, C=VN", "CN=CA phục vụ các cơ quan Nhà nước G2, C=VN", notBefore, notAfter, KeyStorageKind.PkiToken);
            // C1 issued 15/10/2026; P2 renewed as S2 from 10/11/2026; C3 expires 20/11/2026; C4 revoked 05/10/2026 without a
            // request; C5 already renewed once, expires 01/03/2027 (a new issue in the plan).
            var c1 = new Certificate(device.Id, Details("5E" + unique + "01", At(15, 10, 10), At(15, 10, 10, 2029)));
            var p2 = new Certificate(organization.Id, Details("5E" + unique + "02", At(10, 11, 10, 2023), At(10, 12, 10, 2026)));
            var c3 = new Certificate(organization.Id, Details("5E" + unique + "03", At(20, 11, 10, 2023), At(20, 11, 10, 2026)));
            var c4 = new Certificate(organization.Id, Details("5E" + unique + "04", At(1, 1, 10, 2024), At(1, 1, 10, 2027)));
            var c5 = new Certificate(organization.Id, Details(newIssueSerial, At(1, 3, 10, 2024), At(1, 3, 10, 2027)));
            c4.Revoke(At(5, 10, 10), (int)CrlReason.Unspecified);
            // C5's predecessor P5 expired in 2024, before both periods.
            var p5 = new Certificate(organization.Id, Details("5E" + unique + "15", At(1, 3, 10, 2021), At(28, 2, 10, 2024)));
            db.Certificates.AddRange(c1, p2, c3, c4, c5, p5);
            await db.SaveChangesAsync(Ct);
            c5.RecordEarlierRenewal(p5);
            var s2 = p2.RenewAs(Details("5E" + unique + "12", At(10, 11, 10), At(10, 11, 10, 2029)));
            db.Certificates.Add(s2);
            await db.SaveChangesAsync(Ct);
            p2.LinkSuccessor(s2.Id);

            // T1 handed over 20/10, locked 24/11; T2 lost 10/10; T3 returned to the Cục 12/11.
            var t1 = new UsbToken(a, "BC1" + unique, "Bit4id TokenME EVO v2");
            var t2 = new UsbToken(a, "BC2" + unique, "Bit4id TokenME EVO v2");
            var t3 = new UsbToken(a, "BC3" + unique, "Bit4id TokenME EVO v2");
            db.Tokens.AddRange(t1, t2, t3);
            await db.SaveChangesAsync(Ct);
            db.TokenHandovers.Add(t1.HandOver(new TokenHandoverDetails(new DateOnly(2026, 10, 20), "Văn thư", null, aName, null, null,
                "Bàn giao cho cơ quan", null), new Actor("test", actorName, At(20, 10, 10))));
            db.TimelineEvents.Add(t1.ChangeStatus(TokenStatus.Locked, "Nhập sai mã PIN quá số lần quy định", new Actor("test", actorName, At(24, 11, 10))));
            db.TimelineEvents.Add(t2.ChangeStatus(TokenStatus.Lost, "Thất lạc khi đi công tác", new Actor("test", actorName, At(10, 10, 10))));
            db.TimelineEvents.Add(t3.ChangeStatus(TokenStatus.ReturnedToCa, "Nộp lại Cục theo biên bản", new Actor("test", actorName, At(12, 11, 10))));
            await db.SaveChangesAsync(Ct);
        }

        return new World(a, aName, b, bName, officerB, newIssueSerial);
    }
}
