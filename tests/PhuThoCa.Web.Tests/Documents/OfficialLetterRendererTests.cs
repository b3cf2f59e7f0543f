using System.Text;
using PhuThoCa.Documents.Layout;
using PhuThoCa.Documents.Nd30;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace PhuThoCa.Web.Tests.Documents;

/// <summary>Reads the rendered PDFs back with PdfPig and poppler, as a recipient's viewer would.</summary>
public class OfficialLetterRendererTests
{
    private const double A4Width = 595.276;
    private const double A4Height = 841.89;

    private static readonly Lazy<byte[]> OnePagePdf = new(() => OfficialLetterRenderer.Render(SampleLetters.OnePage(), SampleLetters.Options));
    private static readonly Lazy<byte[]> FortyRowsPdf = new(() => OfficialLetterRenderer.Render(SampleLetters.FortyRows(), SampleLetters.Options));

    [Fact]
    public void Render_OnePageLetter_IsOneA4PortraitPage()
    {
        using var pdf = PdfDocument.Open(OnePagePdf.Value);

        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        Assert.Equal(A4Width, page.Width, 1.0);
        Assert.Equal(A4Height, page.Height, 1.0);
    }

    [Fact]
    public void Render_OnePageLetter_IsUnder100KilobytesWithSubsetFonts()
    {
        var bytes = OnePagePdf.Value;

        TestContext.Current.TestOutputHelper?.WriteLine($"one-page letter: {bytes.Length} bytes ({bytes.Length / 1024.0:F1} KB)");
        Assert.True(bytes.Length < 100 * 1024, $"{bytes.Length} bytes");
    }

    [Theory]
    [InlineData("one-page")]
    [InlineData("forty-rows")]
    public void Render_EveryGlyph_IsInsideTheMargins(string sample)
    {
        var margins = Margins.Nd30Default;
        using var pdf = PdfDocument.Open(sample == "one-page" ? OnePagePdf.Value : FortyRowsPdf.Value);

        foreach (var page in pdf.GetPages())
        {
            foreach (var word in page.GetWords().Where(w => !IsPageNumber(w, page)))
            {
                var box = word.BoundingBox;
                Assert.True(box.Left >= margins.Left - 0.5, $"p{page.Number} '{word.Text}' left {box.Left:F1}");
                Assert.True(box.Right <= A4Width - margins.Right + 0.5, $"p{page.Number} '{word.Text}' right {box.Right:F1}");
                Assert.True(A4Height - box.Top >= margins.Top - 0.5, $"p{page.Number} '{word.Text}' top {A4Height - box.Top:F1}");
                Assert.True(box.Bottom >= margins.Bottom - 0.5, $"p{page.Number} '{word.Text}' bottom {box.Bottom:F1}");
            }
        }
    }

    [Fact]
    public void Render_Fonts_AreEmbeddedSubsetsOfPhuThoCaSerif()
    {
        using var pdf = PdfDocument.Open(OnePagePdf.Value);

        var fonts = PdfInspection.Fonts(pdf);

        Assert.NotEmpty(fonts);
        foreach (var font in fonts)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{font.BaseFont}: FontFile2 {font.FontFileLength} bytes, {font.FontFileDecodedLength} decoded");
            Assert.Matches("^[A-Z]{6}\\+PhuThoCaSerif-", font.BaseFont);
            Assert.Equal("Type0", font.Subtype);
            Assert.InRange(font.FontFileLength, 1, 15_000);          // the shipped faces are ~32 KB, ~20 KB compressed
            Assert.InRange(font.FontFileDecodedLength, 1, 25_000);
        }

        var pdffonts = Poppler.PdfFonts(OnePagePdf.Value);
        foreach (var line in pdffonts.Split('\n').Where(l => l.Contains("PhuThoCa", StringComparison.Ordinal)))
        {
            Assert.Matches(@"CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", line);
        }
    }

    [Fact]
    public void Render_Metadata_IsVietnamese()
    {
        using var pdf = PdfDocument.Open(OnePagePdf.Value);

        var info = pdf.Information;
        Assert.Equal("Công văn số 15/SNNMT-VP - V/v đề nghị khôi phục thiết bị lưu khóa bí mật", info.Title);
        Assert.Equal("Sở Nông nghiệp và Môi trường", info.Author);
        Assert.Equal("V/v đề nghị khôi phục thiết bị lưu khóa bí mật", info.Subject);
        Assert.Equal("PhuThoCa", info.Creator);
        Assert.StartsWith("PhuThoCa", info.Producer, StringComparison.Ordinal);
        Assert.Equal(SampleLetters.Options.CreationDate, info.GetCreatedDateTimeOffset());
    }

    [Fact]
    public void Render_OnePageLetter_ExtractsInReadingOrder()
    {
        var raw = Poppler.Squash(Poppler.PdfToText(OnePagePdf.Value, PdfTextMode.Raw));

        string[] expected =
        [
            "UBND TỈNH PHÚ THỌ",
            "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 15/SNNMT-VP",
            "V/v đề nghị khôi phục thiết bị lưu khóa bí mật",
            "Phú Thọ, ngày 05 tháng 02 năm 2026",
            "Kính gửi: Sở Khoa học và Công nghệ tỉnh Phú Thọ",
            "Căn cứ Nghị định số 68/2024/NĐ-CP ngày 25/6/2024",
            "1. Thông tin người phối hợp thực hiện khôi phục thiết bị lưu khóa bí mật",
            "Thông tin của thuê bao",
            "huongntt.snnmt@",
            "chịu trách nhiệm về tính chính xác của các thông tin trên./.",
            "Nơi nhận:",
            "- Như trên;",
            "- Lưu: VT, VP.",
            "KT. GIÁM ĐỐC",
            "PHÓ GIÁM ĐỐC",
            "Trần Quang Huy",
        ];
        var at = 0;
        foreach (var text in expected)
        {
            var found = raw.IndexOf(text, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{text}' not found after position {at} in: {raw}");
            at = found + text.Length;
        }
    }

    [Fact]
    public void Render_OnePageLetter_LayoutTextKeepsHeaderColumnsSideBySide()
    {
        var lines = Poppler.PdfToText(OnePagePdf.Value, PdfTextMode.Layout).Split('\n');

        Assert.Contains(lines, l => l.Contains("UBND TỈNH PHÚ THỌ", StringComparison.Ordinal)
            && l.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", StringComparison.Ordinal)
            && l.IndexOf("UBND", StringComparison.Ordinal) < l.IndexOf("CỘNG", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Số: 15/SNNMT-VP", StringComparison.Ordinal)
            && l.Contains("Phú Thọ, ngày 05 tháng 02 năm 2026", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Nơi nhận:", StringComparison.Ordinal)
            && l.Contains("KT. GIÁM ĐỐC", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_DecomposedInput_RendersAndExtractsAsComposed()
    {
        var nfc = SampleLetters.OnePage();
        var nfd = Decompose(nfc);
        Assert.NotEqual(nfc.Header.IssuingAgency, nfd.Header.IssuingAgency); // really decomposed

        var nfdPdf = OfficialLetterRenderer.Render(nfd, SampleLetters.Options);

        Assert.Equal(OnePagePdf.Value, nfdPdf);
        var text = Poppler.Squash(Poppler.PdfToText(nfdPdf, PdfTextMode.Raw));
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Thu Hường", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0323", text, StringComparison.Ordinal); // no loose combining dot below
    }

    [Fact]
    public void Render_SameInputTwice_GivesIdenticalBytes()
    {
        var first = OfficialLetterRenderer.Render(SampleLetters.FortyRows(), SampleLetters.Options);
        var second = OfficialLetterRenderer.Render(SampleLetters.FortyRows(), SampleLetters.Options);
        var otherDate = OfficialLetterRenderer.Render(
            SampleLetters.FortyRows(), SampleLetters.Options with { CreationDate = SampleLetters.Options.CreationDate.AddDays(1) });

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherDate);
    }

    [Fact]
    public void Render_FortyRowTable_SpansPagesWithRepeatedHeaderAndPageNumbers()
    {
        var bytes = FortyRowsPdf.Value;
        using var pdf = PdfDocument.Open(bytes);

        Assert.True(pdf.NumberOfPages >= 2, $"{pdf.NumberOfPages} pages");

        // Page 1: no page number in the top margin. Page 2: "2", centred in the top margin.
        var page1 = pdf.GetPage(1);
        Assert.DoesNotContain(page1.GetWords(), w => A4Height - w.BoundingBox.Top < Margins.Nd30Default.Top);
        var page2 = pdf.GetPage(2);
        var number = Assert.Single(page2.GetWords(), w => A4Height - w.BoundingBox.Top < Margins.Nd30Default.Top);
        Assert.Equal("2", number.Text);
        var textCentre = (Margins.Nd30Default.Left + (A4Width - Margins.Nd30Default.Right)) / 2;
        Assert.Equal(textCentre, (number.BoundingBox.Left + number.BoundingBox.Right) / 2, 1.0);

        // The table header is repeated at the top of page 2.
        var page2Text = Poppler.PdfToText(bytes, PdfTextMode.Layout, 2, 2);
        var lines = page2Text.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        Assert.Equal("2", lines[0].Trim());
        var header = string.Join('\n', lines.Skip(1).TakeWhile(l => !l.Contains("canbo", StringComparison.Ordinal)));
        Assert.Contains("STT", header, StringComparison.Ordinal);
        Assert.Contains("Họ và tên", header, StringComparison.Ordinal);
        Assert.Contains("Địa chỉ thư điện", header, StringComparison.Ordinal);
        Assert.Contains("Số định danh", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FortyRowTable_NeverSplitsARowAcrossPages()
    {
        var bytes = FortyRowsPdf.Value;
        using var pdf = PdfDocument.Open(bytes);
        var pages = Enumerable.Range(1, pdf.NumberOfPages)
            .Select(p => Poppler.Squash(Poppler.PdfToText(bytes, PdfTextMode.Raw, p, p)))
            .ToList();

        for (var i = 1; i <= 40; i++)
        {
            var email = $"canbo{i:00}.snnmt@";
            var onPages = pages.Select((t, p) => (t, p)).Where(x => x.t.Contains(email, StringComparison.Ordinal)).Select(x => x.p).ToList();
            var page = Assert.Single(onPages);
            Assert.Contains("phutho.gov.vn", pages[page][pages[page].IndexOf(email, StringComparison.Ordinal)..], StringComparison.Ordinal);
        }

        Assert.Contains("Lê Minh Tuấn", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MultipleRecipients_PrintsDashLinesEndingWithAPeriod()
    {
        var text = Poppler.Squash(Poppler.PdfToText(FortyRowsPdf.Value, PdfTextMode.Layout, 1, 1));

        Assert.Contains("Kính gửi: - Cục Chứng thực số và Bảo mật thông tin - Ban Cơ yếu", text, StringComparison.Ordinal);
        Assert.Contains("- Sở Khoa học và Công nghệ tỉnh Phú Thọ.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Minutes_HasTitleAndBothSignatureColumns()
    {
        var bytes = OfficialLetterRenderer.Render(SampleLetters.Handover(), SampleLetters.Options);

        var lines = Poppler.PdfToText(bytes, PdfTextMode.Layout).Split('\n');
        var text = Poppler.Squash(string.Join('\n', lines));
        Assert.Contains("BIÊN BẢN Giao, nhận thiết bị lưu khóa bí mật", text, StringComparison.Ordinal);
        Assert.Contains("Số: 03/BB-SKHCN", text, StringComparison.Ordinal);
        Assert.Contains("Phú Thọ, ngày 12 tháng 3 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("BÊN GIAO", StringComparison.Ordinal) && l.Contains("BÊN NHẬN", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Phạm Đức Thắng", StringComparison.Ordinal) && l.Contains("Nguyễn Thị Thu Hường", StringComparison.Ordinal));
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal("Biên bản Giao, nhận thiết bị lưu khóa bí mật", pdf.Information.Title);
    }

    [Fact]
    public void Render_WidestNd30Margins_KeepsTheNationalNameOnOneLine()
    {
        var wide = SampleLetters.Options with { Margins = new Margins(Units.Mm(25), Units.Mm(25), Units.Mm(35), Units.Mm(20)) };

        var bytes = OfficialLetterRenderer.Render(SampleLetters.OnePage(), wide);

        var lines = Poppler.PdfToText(bytes, PdfTextMode.Layout).Split('\n');
        Assert.Contains(lines, l => l.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Độc lập - Tự do - Hạnh phúc", StringComparison.Ordinal));
        using var pdf = PdfDocument.Open(bytes);
        Assert.All(pdf.GetPage(1).GetWords(), w => Assert.True(w.BoundingBox.Right <= A4Width - Units.Mm(20) + 0.5, w.Text));
    }

    [Fact]
    public async Task Render_InParallel_GivesTheSameBytes()
    {
        var renders = Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => OfficialLetterRenderer.Render(SampleLetters.OnePage(), SampleLetters.Options), TestContext.Current.CancellationToken));

        var results = await Task.WhenAll(renders);

        Assert.All(results, r => Assert.Equal(OnePagePdf.Value, r));
    }

    [Fact]
    public async Task Render_ManyTimesAcrossCompactingCollections_GivesTheSameBytes()
    {
        // Guards the font memory HarfBuzz reads for the whole process: handed over as a managed array the GC may move
        // or free, it garbled glyph positions after a few dozen renders.
        for (var round = 0; round < 6; round++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var renders = Enumerable.Range(0, 4).Select(_ => Task.Run(
                () => OfficialLetterRenderer.Render(SampleLetters.OnePage(), SampleLetters.Options), TestContext.Current.CancellationToken));

            var results = await Task.WhenAll(renders);

            Assert.All(results, r => Assert.Equal(OnePagePdf.Value, r));
        }
    }

    [Fact]
    public void Render_OnePageLetter_PassesQpdfCheck()
    {
        Assert.SkipUnless(Poppler.IsInstalled("qpdf"), "qpdf is not installed (apt-get install qpdf)");

        var (exit, output) = Poppler.QpdfCheck(OnePagePdf.Value);

        Assert.True(exit == 0, output);
        Assert.Contains("No syntax or stream encoding errors", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("15", "Số: 15/SNNMT-VP")]
    [InlineData("5", "Số: 05/SNNMT-VP")]
    [InlineData("123", "Số: 123/SNNMT-VP")]
    public void NumberLine_PadsNumbersBelowTen(string number, string expected) =>
        Assert.Equal(expected, OfficialLetterRenderer.NumberLine(SampleLetters.Header(number)));

    [Fact]
    public void NumberLine_BlankNumber_LeavesRoomBeforeTheSlash()
    {
        var line = OfficialLetterRenderer.NumberLine(SampleLetters.Header(number: null));

        Assert.Matches("^Số:\u00A0{6,}/SNNMT-VP$", line);
        var pdf = OfficialLetterRenderer.Render(SampleLetters.OnePage() with { Header = SampleLetters.Header(number: null) }, SampleLetters.Options);
        Assert.Matches(@"Số:\s{4,}/SNNMT-VP", Poppler.PdfToText(pdf, PdfTextMode.Layout));
    }

    private static bool IsPageNumber(Word word, Page page) =>
        page.Number >= 2 && A4Height - word.BoundingBox.Top < Margins.Nd30Default.Top && word.Text.All(char.IsAsciiDigit);

    private static OfficialLetter Decompose(OfficialLetter letter)
    {
        static string D(string s) => s.Normalize(NormalizationForm.FormD);
        return letter with
        {
            Header = letter.Header with
            {
                IssuingAgency = D(letter.Header.IssuingAgency),
                ParentAuthority = D(letter.Header.ParentAuthority!),
                Place = D(letter.Header.Place),
                Symbol = D(letter.Header.Symbol),
            },
            Subject = D(letter.Subject),
            Recipients = letter.Recipients.Select(D).ToList(),
            Body = letter.Body.Select(b => b switch
            {
                LetterParagraph p => p with { Spans = p.Spans.Select(s => s with { Text = D(s.Text) }).ToList() },
                LetterSectionHeading h => new LetterSectionHeading(D(h.Text)),
                LetterTable t => t with
                {
                    Columns = t.Columns.Select(c => c with { Header = D(c.Header), Group = c.Group is null ? null : D(c.Group) }).ToList(),
                    Rows = t.Rows.Select(r => (IReadOnlyList<string>)r.Select(D).ToList()).ToList(),
                },
                _ => b,
            }).ToList(),
            CopyTo = letter.CopyTo.Select(D).ToList(),
            Archive = D(letter.Archive),
            Closing = D(letter.Closing!),
            Signer = letter.Signer with { TitleLines = letter.Signer.TitleLines.Select(D).ToList(), FullName = D(letter.Signer.FullName) },
        };
    }
}
