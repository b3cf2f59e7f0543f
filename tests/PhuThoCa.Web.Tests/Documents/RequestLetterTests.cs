using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Documents.Layout;
using PhuThoCa.Documents.Nd30;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Tests.Support;
using UglyToad.PdfPig;

namespace PhuThoCa.Web.Tests.Documents;

/// <summary>
/// Every printed document of a request, composed from data saved through the domain API and read back from the real
/// PDF with poppler (reading order) and PdfPig (geometry, images, fonts).
/// </summary>
public class RequestLetterTests(PortalFactory portal)
{
    private const double A4Width = 595.276;
    private const double A4Height = 841.89;
    private const string BaseUrl = "https://chukyso.phutho.gov.vn";
    private const string CaDepartment = "Kính gửi: Cục Chứng thực số và Bảo mật thông tin – Ban Cơ yếu Chính phủ";
    private const string ScienceDepartment = "Kính gửi: Sở Khoa học và Công nghệ tỉnh Phú Thọ";
    private const string SoCopy = "- Sở Khoa học và Công nghệ tỉnh Phú Thọ (để biết, theo dõi, tổng hợp);";

    private static readonly DateOnly Today = new(2026, 11, 26);

    private readonly RequestLetterScenarios _scenarios = new(portal);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The letter number of the request last rendered (each scenario request has its own).</summary>
    private string _number = "";

    private string[] Heading(string subject) =>
    [
        "UBND PHƯỜNG VIỆT TRÌ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: " + _number,
        "V/v " + subject,
        "Việt Trì, ngày 20 tháng 11 năm 2026",
    ];

    private static readonly string[] Signature = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hải"];

    [Fact]
    public async Task Form01_Persons_PrintsHeaderContactTableCopyAndSigner()
    {
        var id = await _scenarios.IssueToPersonsAsync();
        var (pdf, lines) = await RenderAsync(id);

        AssertInOrder(pdf,
        [
            .. Heading("đề nghị cấp chứng thư chữ ký số chuyên dùng công vụ cho cá nhân"),
            CaDepartment,
            "Căn cứ Nghị định số 68/2024/NĐ-CP ngày 25/6/2024 của Chính phủ quy định về chữ ký số chuyên dùng công vụ, UBND phường Việt Trì "
                + "đề nghị Cục Chứng thực số và Bảo mật thông tin cấp chứng thư chữ ký số chuyên dùng công vụ cho cá nhân như sau:",
            "1. Thông tin người tiếp nhận chứng thư chữ ký số (thiết bị lưu khóa bí mật)",
            "- Họ và tên: Bùi Thị Hương",
            "- Số định danh cá nhân: 025190001234; ngày cấp: 12/08/2021;",
            "- Địa chỉ thư điện tử công vụ: huongbt@viettri.phutho.gov.vn.",
            "- Địa chỉ tiếp nhận: Phường Việt Trì, tỉnh Phú Thọ.",
            "2. Số lượng và danh sách đăng ký: 02 chứng thư chữ ký số, gồm:",
            "STT", "Họ và tên", "Ngày sinh", "SIM PKI",
            "1", lines[0].SubscriberName, "09/07/1988", "UBND phường Việt Trì", "Phú Thọ", "Chuyên viên", "54010101A1B2C3D4E5F60718",
            "2", lines[1].SubscriberName, "Vinaphone/cs",
            "UBND phường Việt Trì chịu trách nhiệm về tính chính xác của các thông tin trên./.",
            "Nơi nhận:", "- Như trên;", SoCopy, "- Lưu: VT, VP.",
            .. Signature,
        ]);
    }

    [Fact]
    public async Task Form02_Organizations_PrintsTheirTaxAndBudgetCodes()
    {
        var id = await _scenarios.IssueToOrganizationsAsync();
        var (pdf, _) = await RenderAsync(id);

        AssertInOrder(pdf,
        [
            .. Heading("đề nghị cấp chứng thư chữ ký số chuyên dùng công vụ cho cơ quan, tổ chức"),
            CaDepartment,
            "1. Thông tin người tiếp nhận thiết bị lưu khóa bí mật",
            "2. Số lượng và danh sách đăng ký: 02 chứng thư chữ ký số, gồm:",
            "Tên cơ quan, tổ chức", "Mã số thuế", "Mã quan hệ ngân sách",
            "1", "Văn phòng HĐND và UBND phường Việt Trì", "Số 1 đường Hùng Vương", "26000",
            "2", "Trung tâm Phục vụ hành chính công phường Việt Trì",
            "Nơi nhận:", "- Như trên;", SoCopy, "- Lưu: VT, VP.",
            .. Signature,
        ]);
    }

    [Fact]
    public async Task Form03_Devices_UsesTheConfiguredDefaultColumns()
    {
        var id = await _scenarios.IssueToDevicesAsync();
        var (pdf, _) = await RenderAsync(id);

        AssertInOrder(pdf,
        [
            .. Heading("đề nghị cấp chứng thư chữ ký số chuyên dùng công vụ cho thiết bị, dịch vụ, phần mềm"),
            CaDepartment,
            "2. Số lượng và danh sách đăng ký: 01 chứng thư chữ ký số, gồm:",
            "Tên thiết bị, dịch vụ, phần mềm", "Phiên bản/Địa chỉ (tên miền, IP)",
            "1", "Hệ thống quản lý văn bản và điều hành", "v3.2 / qlvb.viettri.phutho.gov.vn",
            SoCopy,
            .. Signature,
        ]);
    }

    [Fact]
    public async Task Form03_ConfiguredColumns_ReplaceTheDefault()
    {
        var id = await _scenarios.IssueToDevicesAsync();
        var options = new RequestLetterOptions
        {
            Form03Columns = [new("Tên hệ thống", Form03Field.Name, 2f), new("Tên miền", Form03Field.VersionOrAddress, 2f)],
        };
        var (pdf, _) = await RenderAsync(id, new RequestLetterComposer(options));

        var text = Poppler.Squash(Poppler.PdfToText(pdf, PdfTextMode.Raw));
        Assert.Contains("Tên hệ thống", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mã quan hệ ngân sách", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form04_Renewal_MarksGiaHanUnderTheTwoLevelHeader()
    {
        var id = await _scenarios.RenewAsync();
        var (pdf, lines) = await RenderAsync(id);

        AssertInOrder(pdf,
        [
            .. Heading("đề nghị gia hạn, thay đổi nội dung thông tin chứng thư chữ ký số chuyên dùng công vụ"),
            ScienceDepartment,
            "đề nghị Sở Khoa học và Công nghệ gia hạn chứng thư chữ ký số chuyên dùng công vụ như sau:",
            "1. Thông tin người tiếp nhận chứng thư chữ ký số",
            "Dịch vụ yêu cầu", "Gia hạn", "TĐTT",
            "1", lines[0].SubscriberName, lines[0].CertificateSerial!, "×",
            "Nơi nhận:", "- Như trên;", "- Lưu: VT, VP.",
            .. Signature,
        ]);
        Assert.DoesNotContain("để biết, theo dõi, tổng hợp", Poppler.PdfToText(pdf, PdfTextMode.Raw), StringComparison.Ordinal);
        AssertMarkUnder(pdf, "Gia hạn");
    }

    [Fact]
    public async Task Form04_ChangeOfInformation_PrintsOldAndNewValuesAndMarksTdtt()
    {
        var id = await _scenarios.ChangeInfoAsync();
        var (pdf, lines) = await RenderAsync(id);

        AssertInOrder(pdf,
        [
            ScienceDepartment,
            "đề nghị Sở Khoa học và Công nghệ thay đổi nội dung thông tin chứng thư chữ ký số chuyên dùng công vụ như sau:",
            "1", lines[0].SubscriberName, lines[0].CertificateSerial!, "(SĐT ký số:",
            "Địa chỉ thư điện tử công vụ: " + lines[0].OldValue, lines[0].NewValue!, "×",
            "- Như trên;", "- Lưu: VT, VP.",
        ]);
        AssertMarkUnder(pdf, "TĐTT");
    }

    [Fact]
    public async Task Form05_Revocation_PrintsTokenAndReasonAndTheSoCopyLine()
    {
        var id = await _scenarios.RevokeAsync();
        var (pdf, lines) = await RenderAsync(id);

        AssertInOrder(pdf,
        [
            .. Heading("đề nghị thu hồi chứng thư chữ ký số chuyên dùng công vụ"),
            CaDepartment,
            "1. Thông tin đầu mối phối hợp thu hồi thiết bị lưu khóa bí mật",
            "- Địa chỉ thu hồi: Phường Việt Trì, tỉnh Phú Thọ.",
            "2. Số lượng và danh sách thu hồi: 01 chứng thư chữ ký số, gồm:",
            "Lý do thu hồi",
            "1", lines[0].SubscriberName, lines[0].CertificateSerial!, lines[0].TokenSerial!, "Nghỉ hưu: Nghỉ hưu từ ngày 01/11/2026",
            "Nơi nhận:", "- Như trên;", SoCopy, "- Lưu: VT, VP.",
            .. Signature,
        ]);
    }

    [Fact]
    public async Task Form06_Recovery_PrintsTheMergedSubscriberHeaderAndNoEmailInMuc1()
    {
        var id = await _scenarios.RecoverAsync();
        var (pdf, lines) = await RenderAsync(id);

        AssertInOrder(pdf,
        [
            .. Heading("đề nghị khôi phục thiết bị lưu khóa bí mật"),
            ScienceDepartment,
            "1. Thông tin người phối hợp thực hiện khôi phục thiết bị lưu khóa bí mật",
            "- Cơ quan, tổ chức công tác: UBND phường Việt Trì.",
            "- Số điện thoại di động: 0912345678.",
            "2. Thông tin thiết bị lưu khóa bí mật cần khôi phục:",
            "Thông tin của thuê bao", "Tên chứng thư chữ ký số",
            "1", lines[0].TokenSerial!, lines[0].SubscriberName,
            "2", lines[1].TokenSerial!, lines[1].SubscriberName,
            "- Như trên;", "- Lưu: VT, VP.",
            .. Signature,
        ]);
        var muc1 = Poppler.Squash(Poppler.PdfToText(pdf, PdfTextMode.Raw)).Split("2. Thông tin thiết bị")[0];
        Assert.DoesNotContain("thư điện tử", muc1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectionNotice_IsSosLetterToTheAgencyWithTheReasons()
    {
        var id = await _scenarios.RejectedRenewalAsync();
        using var scope = portal.Services.CreateScope();
        var letters = scope.ServiceProvider.GetRequiredService<RequestLetterService>();
        var data = (await letters.LoadAsync(id, Ct))!;
        var letter = letters.RejectionNotice(data, new RejectionNoticeDetails("7", Today) { SignerName = "Trần Minh Đức" }, BaseUrl);
        var pdf = RequestLetterService.RenderPdf(letter, PortalFactory.DefaultNow);

        AssertInOrder(pdf,
        [
            "UBND TỈNH PHÚ THỌ", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: 07/SKHCN-CĐS", "V/v thông báo không chấp nhận đề nghị gia hạn chứng thư chữ ký số chuyên dùng công vụ",
            "Phú Thọ, ngày 26 tháng 11 năm 2026",
            "Kính gửi: UBND phường Việt Trì",
            $"Sở Khoa học và Công nghệ nhận được Văn bản số {data.Request.Letter.Number} ngày 20/11/2026 của UBND phường Việt Trì",
            $"(số tiếp nhận {data.Request.ReceiptNumber})",
            "Căn cứ Nghị định số 68/2024/NĐ-CP", "căn cứ Điều 5 khoản 4 điểm b của Quy chế quản lý, sử dụng chữ ký số chuyên dùng công vụ, "
                + "chứng thư chữ ký số chuyên dùng công vụ, thiết bị lưu khóa bí mật và dịch vụ chứng thực chữ ký số chuyên dùng công vụ "
                + "thuộc phạm vi quản lý của Chủ tịch UBND tỉnh Phú Thọ ban hành kèm theo Quyết định số …/2025/QĐ-CTUBND ngày 20/10/2025",
            "thông báo không chấp nhận đề nghị nêu trên với lý do như sau:",
            "- Chứng thư số đã được gia hạn một lần",
            "- Văn bản đề nghị chưa ghi địa chỉ thư điện tử công vụ",
            data.Request.Lines[0].CertificateSerial!,
            "Sở Khoa học và Công nghệ thông báo để UBND phường Việt Trì biết, thực hiện./.",
            "Nơi nhận:", "- Như trên;", "- Lưu: VT, CĐS.",
            "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Minh Đức",
        ]);
    }

    [Fact]
    public async Task RejectionNotice_CitesTheConfiguredDecisionNumberAndTheRecoveryClauseForMau06()
    {
        var id = await _scenarios.RejectedRenewalAsync();
        using var scope = portal.Services.CreateScope();
        var letters = scope.ServiceProvider.GetRequiredService<RequestLetterService>();
        var data = (await letters.LoadAsync(id, Ct))!;
        var composer = new RejectionNoticeComposer(new RequestLetterOptions { RegulationNumber = " 25 " });

        var pdf = RequestLetterService.RenderPdf(composer.Compose(data, new RejectionNoticeDetails("7", Today)), PortalFactory.DefaultNow);

        AssertInOrder(pdf, ["căn cứ Điều 5 khoản 4 điểm b của Quy chế", "ban hành kèm theo Quyết định số 25/2025/QĐ-CTUBND ngày 20/10/2025"]);
        Assert.DoesNotContain("…/2025", Poppler.PdfToText(pdf, PdfTextMode.Raw), StringComparison.Ordinal);
        Assert.Equal("Điều 6 khoản 3 của ", RejectionNoticeComposer.ClauseApplied(RequestType.RecoverToken));
        Assert.Equal("", RejectionNoticeComposer.ClauseApplied(RequestType.Issue));
    }

    [Fact]
    public async Task HandoverRecord_PrintsBothSidesTheTokenAndTwoSignatureColumns()
    {
        var handoverId = await _scenarios.HandoverAsync();
        var pdf = await RenderHandoverAsync(handoverId);

        await using var db = portal.CreateDbContext();
        var handover = await db.TokenHandovers.SingleAsync(h => h.Id == handoverId, Ct);
        var token = await db.Tokens.SingleAsync(t => t.Id == handover.TokenId, Ct);
        AssertInOrder(pdf,
        [
            "UBND PHƯỜNG VIỆT TRÌ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số:", "/BB-UBND", "Việt Trì, ngày 25 tháng 11 năm 2026",
            "BIÊN BẢN", "Giao, nhận thiết bị lưu khóa bí mật",
            "Hôm nay, ngày 25 tháng 11 năm 2026, tại UBND phường Việt Trì, chúng tôi gồm:",
            "1. Bên giao", "- Họ và tên: Bùi Thị Hương", "- Chức vụ: Văn thư",
            "2. Bên nhận", "- Họ và tên: Nguyễn Thu Trang", "- Chức vụ: Phó Chủ tịch UBND",
            "Số hiệu thiết bị lưu khóa bí mật", "1", token.SerialNumber, "Bit4id TokenME EVO v2", "01", "Mới, còn nguyên niêm phong",
            "Lý do bàn giao: Cấp thiết bị lưu khóa bí mật cho lãnh đạo mới được bổ nhiệm.",
            "BÊN GIAO", "(Ký, ghi rõ họ tên)", "Bùi Thị Hương",
            "Nơi nhận:", "- Bên giao (01 bản);", "- Bên nhận (01 bản);", "- Lưu: VT, hồ sơ quản lý thiết bị.",
        ]);
        var layout = Poppler.PdfToText(pdf, PdfTextMode.Layout).Split('\n');
        Assert.Contains(layout, l => l.Contains("BÊN GIAO", StringComparison.Ordinal) && l.Contains("BÊN NHẬN", StringComparison.Ordinal));
        Assert.Contains(layout, l => l.Contains("Bùi Thị Hương", StringComparison.Ordinal) && l.Contains("Nguyễn Thu Trang", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FortyPersons_SpanPagesWithTheHeaderRepeatedAndPageNumbersFromPage2()
    {
        var id = await _scenarios.IssueToPersonsAsync(40);
        var (pdf, lines) = await RenderAsync(id);
        using var document = PdfDocument.Open(pdf);

        Assert.True(document.NumberOfPages >= 3, $"{document.NumberOfPages} pages");
        var top = Margins.Nd30Default.Top;
        Assert.DoesNotContain(document.GetPage(1).GetWords(), w => A4Height - w.BoundingBox.Top < top);
        for (var p = 2; p <= document.NumberOfPages; p++)
        {
            var number = Assert.Single(document.GetPage(p).GetWords(), w => A4Height - w.BoundingBox.Top < top);
            Assert.Equal(p.ToString(System.Globalization.CultureInfo.InvariantCulture), number.Text);
        }

        // Page 2 starts with the repeated table header, then continues the rows (the page number is drawn last).
        var page2 = Poppler.Squash(Poppler.PdfToText(pdf, PdfTextMode.Raw, 2, 2));
        Assert.StartsWith("STT Họ và tên Ngày sinh", page2, StringComparison.Ordinal);
        var text = Poppler.Squash(Poppler.PdfToText(pdf, PdfTextMode.Raw));
        Assert.Contains("2. Số lượng và danh sách đăng ký: 40 chứng thư chữ ký số, gồm:", text, StringComparison.Ordinal);
        Assert.Contains(lines[39].SubscriberName, text, StringComparison.Ordinal);
        Assert.EndsWith("Nguyễn Văn Hải " + document.NumberOfPages.ToString(System.Globalization.CultureInfo.InvariantCulture), text,
            StringComparison.Ordinal);
    }

    public static TheoryData<string> Documents() => new("01", "02", "03", "04-renew", "04-change", "05", "06", "rejection", "handover", "40", "receipt", "supplement");

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task EveryDocument_IsA4WithSubsetFontsAndEveryGlyphInsideTheNd30Margins(string document)
    {
        var pdf = await DocumentAsync(document);
        AssertNd30Page(pdf, document);
    }

    /// <summary>A4 pages, subset fonts, every word inside the ND 30 margins (page numbers excepted), a valid PDF.</summary>
    internal static void AssertNd30Page(byte[] pdf, string document)
    {
        var margins = Margins.Nd30Default;
        using var pdfDocument = PdfDocument.Open(pdf);

        foreach (var page in pdfDocument.GetPages())
        {
            Assert.Equal(A4Width, page.Width, 1.0);
            Assert.Equal(A4Height, page.Height, 1.0);
            foreach (var word in page.GetWords().Where(w => !(page.Number > 1 && A4Height - w.BoundingBox.Top < margins.Top)))
            {
                var box = word.BoundingBox;
                Assert.True(box.Left >= margins.Left - 0.5, $"p{page.Number} '{word.Text}' left {box.Left:F1}");
                Assert.True(box.Right <= A4Width - margins.Right + 0.5, $"p{page.Number} '{word.Text}' right {box.Right:F1}");
                Assert.True(A4Height - box.Top >= margins.Top - 0.5, $"p{page.Number} '{word.Text}' top {A4Height - box.Top:F1}");
                Assert.True(box.Bottom >= margins.Bottom - 0.5, $"p{page.Number} '{word.Text}' bottom {box.Bottom:F1}");
            }
        }

        foreach (var font in PdfInspection.Fonts(pdfDocument))
        {
            Assert.Matches("^[A-Z]{6}\\+PhuThoCa(Serif|Symbols)-", font.BaseFont);
            Assert.InRange(font.FontFileLength, 1, 15_000);
        }

        foreach (var line in Poppler.PdfFonts(pdf).Split('\n').Where(l => l.Contains("PhuThoCa", StringComparison.Ordinal)))
        {
            Assert.Matches(@"CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", line);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{document}: {pdf.Length} bytes, {pdfDocument.NumberOfPages} page(s)");
        if (Poppler.IsInstalled("qpdf"))
        {
            var (exit, output) = Poppler.QpdfCheck(pdf);
            Assert.True(exit == 0, output);
        }
    }

    [Fact]
    public async Task QrCode_ScansToTheRequestsStatusPage_FromThePrintedPage()
    {
        var id = await _scenarios.RenewAsync(receive: true);
        var (pdf, _) = await RenderAsync(id);

        using var document = PdfDocument.Open(pdf);
        var codes = Poppler.QrCodesOnPage(pdf, document.NumberOfPages);

        var links = portal.Services.GetRequiredService<StatusLinks>();
        Assert.Equal([links.UrlFor(id, BaseUrl)], codes);
    }

    [Fact]
    public async Task QrCode_InThePdfHasOnePixelPerModule_AndTheDocxKeepsTheLargerPng()
    {
        var id = await _scenarios.RenewAsync(receive: true);
        var (pdf, _) = await RenderAsync(id);

        using var document = PdfDocument.Open(pdf);
        var image = Assert.Single(document.GetPages().SelectMany(p => p.GetImages()));
        var png = StatusLinks.QrPng(portal.Services.GetRequiredService<StatusLinks>().UrlFor(id, BaseUrl), 1);
        var side = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)); // IHDR width
        Assert.Equal(side, image.WidthInSamples);
        Assert.Equal(side, image.HeightInSamples);
    }

    [Fact]
    public async Task QrCode_IsOneImageInsideTheTextAreaUnderNoiNhanOnTheLastPage()
    {
        var id = await _scenarios.IssueToPersonsAsync(40);
        var (pdf, _) = await RenderAsync(id);
        using var document = PdfDocument.Open(pdf);

        var last = document.GetPage(document.NumberOfPages);
        var image = Assert.Single(last.GetImages());
        var box = image.BoundingBox;
        var margins = Margins.Nd30Default;
        Assert.True(box.Left >= margins.Left - 0.5, $"QR left edge {box.Left:F1} is in the binding margin");
        Assert.True(box.Right <= A4Width - margins.Right + 0.5, $"QR right edge {box.Right:F1} is in the right margin");
        Assert.True(box.Bottom >= margins.Bottom - 0.5, $"QR bottom {box.Bottom:F1} in the bottom margin");
        Assert.True(box.Top <= A4Height - margins.Top + 0.5, $"QR top {box.Top:F1} in the top margin");
        Assert.Equal(Units.Mm(18), box.Width, 1.0);
        var noiNhan = last.GetWords().First(w => w.Text.StartsWith("Lưu", StringComparison.Ordinal));
        Assert.True(noiNhan.BoundingBox.Bottom > box.Top, "the QR code is under the Nơi nhận lines");
        Assert.True(box.Left < (margins.Left + A4Width - margins.Right) / 2, "the QR code is in the left (Nơi nhận) column");
        for (var p = 1; p < document.NumberOfPages; p++)
        {
            Assert.Empty(document.GetPage(p).GetImages());
        }
    }

    [Fact]
    public async Task StatusLinks_RoundTripAndRejectForgedTokens()
    {
        using var scope = portal.Services.CreateScope();
        var links = scope.ServiceProvider.GetRequiredService<StatusLinks>();

        var token = links.TokenFor(4217);

        Assert.Equal(22, token.Length);
        Assert.Equal(4217, links.RequestIdOf(token));
        Assert.Null(links.RequestIdOf(new StatusLinks(new byte[32]).TokenFor(4217)));
        Assert.Null(links.RequestIdOf(token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..]));
        Assert.Null(links.RequestIdOf(token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(links.RequestIdOf(token[..^1] + "+"));
        Assert.Null(links.RequestIdOf("4217"));
        Assert.Null(links.RequestIdOf(null));
        Assert.Equal($"{BaseUrl}/Status/{token}", links.UrlFor(4217, BaseUrl + "/"));
    }

    // --------------------------------------------------------------------------------------------------------------

    private async Task<byte[]> DocumentAsync(string name) => name switch
    {
        "01" => (await RenderAsync(await _scenarios.IssueToPersonsAsync())).Pdf,
        "02" => (await RenderAsync(await _scenarios.IssueToOrganizationsAsync())).Pdf,
        "03" => (await RenderAsync(await _scenarios.IssueToDevicesAsync())).Pdf,
        "04-renew" => (await RenderAsync(await _scenarios.RenewAsync())).Pdf,
        "04-change" => (await RenderAsync(await _scenarios.ChangeInfoAsync())).Pdf,
        "05" => (await RenderAsync(await _scenarios.RevokeAsync())).Pdf,
        "06" => (await RenderAsync(await _scenarios.RecoverAsync())).Pdf,
        "40" => (await RenderAsync(await _scenarios.IssueToPersonsAsync(40))).Pdf,
        "rejection" => await RenderRejectionAsync(await _scenarios.RejectedRenewalAsync()),
        "handover" => await RenderHandoverAsync(await _scenarios.HandoverAsync()),
        "receipt" => await StoredSlipAsync(await _scenarios.RenewAsync(receive: true), LetterKinds.ReceiptSlip),
        "supplement" => await StoredSlipAsync(await _scenarios.ReturnedRenewalAsync(), LetterKinds.SupplementSlip),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>The one-stop-shop slip of <paramref name="kind"/> stored with the request, as the file store serves it.</summary>
    private async Task<byte[]> StoredSlipAsync(int requestId, string kind)
    {
        using var scope = portal.Services.CreateScope();
        var letters = scope.ServiceProvider.GetRequiredService<RequestLetterService>();
        return await letters.ReadAsync((await letters.LatestAsync(requestId, kind, Ct))!, Ct);
    }

    private async Task<(byte[] Pdf, IReadOnlyList<RequestLine> Lines)> RenderAsync(int requestId, RequestLetterComposer? composer = null)
    {
        using var scope = portal.Services.CreateScope();
        var letters = scope.ServiceProvider.GetRequiredService<RequestLetterService>();
        var data = (await letters.LoadAsync(requestId, Ct))!;
        _number = data.Request.Letter.Number!;
        var letter = composer is null
            ? letters.RequestLetter(data, Today, BaseUrl)
            : composer.Compose(data, Today);
        return (RequestLetterService.RenderPdf(letter, PortalFactory.DefaultNow), data.Request.Lines);
    }

    private async Task<byte[]> RenderRejectionAsync(int requestId)
    {
        using var scope = portal.Services.CreateScope();
        var letters = scope.ServiceProvider.GetRequiredService<RequestLetterService>();
        var data = (await letters.LoadAsync(requestId, Ct))!;
        return RequestLetterService.RenderPdf(letters.RejectionNotice(data, new RejectionNoticeDetails(null, Today), BaseUrl), PortalFactory.DefaultNow);
    }

    private async Task<byte[]> RenderHandoverAsync(int handoverId)
    {
        await using var db = portal.CreateDbContext();
        var handover = await db.TokenHandovers.SingleAsync(h => h.Id == handoverId, Ct);
        var token = await db.Tokens.SingleAsync(t => t.Id == handover.TokenId, Ct);
        var agency = await db.Agencies.SingleAsync(a => a.Id == token.AgencyId, Ct);
        var composer = portal.Services.GetRequiredService<HandoverRecordComposer>();
        return OfficialLetterRenderer.Render(composer.Compose(handover, token, agency), new LetterRenderOptions(PortalFactory.DefaultNow));
    }

    /// <summary>
    /// Each text appears in the content-stream text (pdftotext -raw) after the previous one. White space is ignored on both
    /// sides, so a serial wrapped inside a narrow table cell still matches.
    /// </summary>
    internal static void AssertInOrder(byte[] pdf, IEnumerable<string> expected)
    {
        var raw = NoSpaces(Poppler.PdfToText(pdf, PdfTextMode.Raw));
        var at = 0;
        foreach (var text in expected.Select(NoSpaces))
        {
            var found = raw.IndexOf(text, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{text}' not found after position {at} in: {raw}");
            at = found + text.Length;
        }
    }

    private static string NoSpaces(string text) => string.Concat(Poppler.Squash(text).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>With LETTERS_OUT=/some/folder, writes every document as PDF there (docs/letters/README.md).</summary>
    [Fact]
    public async Task WriteSamples_WhenLettersOutIsSet()
    {
        var folder = Environment.GetEnvironmentVariable("LETTERS_OUT");
        Assert.SkipWhen(string.IsNullOrEmpty(folder), "LETTERS_OUT is not set");
        Directory.CreateDirectory(folder!);
        foreach (var name in new[] { "01", "02", "03", "04-renew", "04-change", "05", "06", "rejection", "handover", "40", "receipt", "supplement" })
        {
            await File.WriteAllBytesAsync(Path.Combine(folder!, $"mau-{name}.pdf"), await DocumentAsync(name), Ct);
        }
    }

    /// <summary>The "×" of the first row stands under the sub-header <paramref name="column"/> ("Gia hạn" or "TĐTT").</summary>
    private static void AssertMarkUnder(byte[] pdf, string column)
    {
        using var document = PdfDocument.Open(pdf);
        var words = document.GetPage(1).GetWords().ToList();
        var header = words.First(w => w.Text == (column == "TĐTT" ? "TĐTT" : "Gia"));
        var mark = Assert.Single(words, w => w.Text == "×");
        Assert.InRange(mark.BoundingBox.Centroid.X, header.BoundingBox.Left - 20, header.BoundingBox.Right + 20);
    }
}
