using PhuThoCa.Documents.Fonts;
using PhuThoCa.Documents.Layout;
using PhuThoCa.Documents.Pdf;
using SkiaSharp;
using UglyToad.PdfPig;

namespace PhuThoCa.Web.Tests.Documents;

/// <summary>The layout engine on its own: blocks in, laid-out pages (and PDF) out.</summary>
public class LetterLayoutTests
{
    private static readonly DocumentInfo Info = new("Kiểm thử bố cục", new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
    private static readonly TextStyle Body = new(14);

    private static List<PageLayout> Layout(params LayoutBlock[] blocks)
    {
        var shaper = new TextShaper();
        return new LayoutEngine(shaper).Layout(new LayoutDocument(blocks, Info));
    }

    private static string LongText(int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(i => i % 3 == 0 ? "Phú Thọ" : i % 3 == 1 ? "chữ ký số" : "công vụ"));

    [Fact]
    public void Justify_FullLinesEndAtTheRightMargin_LastLineDoesNot()
    {
        var pdf = LetterPdfWriter.Write(new LayoutDocument(
            [new Paragraph([new TextRun(LongText(60), Body)]) { Alignment = TextAlignment.Justify, FirstLineIndent = Units.Cm(1) }], Info));
        using var document = PdfDocument.Open(pdf);
        var right = LayoutDocument.A4Width - Margins.Nd30Default.Right;

        var lines = document.GetPage(1).GetWords()
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .OrderByDescending(g => g.Key)
            .Select(g => g.Max(w => w.BoundingBox.Right))
            .ToList();

        Assert.True(lines.Count >= 3, $"{lines.Count} lines");
        foreach (var lineRight in lines.SkipLast(1))
        {
            Assert.Equal(right, lineRight, 1.0);
        }

        Assert.True(lines[^1] < right - 20);
    }

    [Fact]
    public void Rule_IsTheGivenFractionOfTheLongestLineAndCentred()
    {
        var pages = Layout(new Paragraph([new TextRun("SỞ KHOA HỌC VÀ CÔNG NGHỆ", Body.WithBold())])
        {
            Alignment = TextAlignment.Center,
            Rule = new RuleBelow(0.5f),
        });

        var text = pages[0].Ops.OfType<GlyphRunOp>().ToList();
        var rule = Assert.Single(pages[0].Ops.OfType<LineOp>());
        var left = text.Min(t => t.X);
        var right = text.Max(t => t.X + t.Width);
        Assert.Equal((right - left) / 2, rule.X2 - rule.X1, 0.5);
        Assert.Equal((left + right) / 2, (rule.X1 + rule.X2) / 2, 0.5);
        Assert.True(rule.Y1 > text.Max(t => t.Y) + 3, "the rule sits under the descenders");
    }

    [Fact]
    public void MinSizeToFit_ShrinksALineThatWouldWrap()
    {
        var national = Paragraph.Of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", new TextStyle(13, Bold: true), TextAlignment.Center);
        static ColumnsBlock Narrow(Paragraph p) => new([new Column(0.46f, []), new Column(0.54f, [p])]);

        var wrapped = Layout(Narrow(national))[0].Ops.OfType<GlyphRunOp>().ToList();
        var shrunk = Layout(Narrow(national with { MinSizeToFit = 11.5f }))[0].Ops.OfType<GlyphRunOp>().ToList();

        Assert.True(wrapped.Select(g => g.Y).Distinct().Count() > 1, "13 pt wraps in 54 % of the text width");
        Assert.Single(shrunk.Select(g => g.Y).Distinct());
        Assert.All(shrunk, g => Assert.InRange(g.Size, 11.5f, 12.5f));
    }

    [Fact]
    public void Underline_DrawsOneLineUnderConsecutiveUnderlinedWords()
    {
        var pages = Layout(new Paragraph(
        [
            new TextRun("Kính gửi ", Body),
            new TextRun("Sở Khoa học và Công nghệ", Body with { Underline = true }),
            new TextRun(" tỉnh Phú Thọ", Body),
        ]));

        var line = Assert.Single(pages[0].Ops.OfType<LineOp>());
        var underlined = pages[0].Ops.OfType<GlyphRunOp>().Skip(2).Take(6).ToList(); // "Sở" … "nghệ"
        Assert.Equal(underlined[0].X, line.X1, 0.01);
        Assert.Equal(underlined[^1].X + underlined[^1].Width, line.X2, 0.01);
    }

    [Fact]
    public void LongWord_IsCutToFitANarrowCell()
    {
        var table = new Table([1f, 1f, 1f, 1f, 1f, 1f], [], [new TableRow(
            Enumerable.Range(0, 6).Select(_ => TableCell.Of("nguyenvanthanh.phongchuyendoiso@phutho.gov.vn", new TextStyle(11))).ToList())]);

        var pages = Layout(table);

        var columnRight = Margins.Nd30Default.Left + ((LayoutDocument.A4Width - Margins.Nd30Default.Left - Margins.Nd30Default.Right) / 6);
        var firstCell = pages[0].Ops.OfType<GlyphRunOp>().Where(g => g.X < columnRight).ToList();
        Assert.True(firstCell.Count >= 2, "the address wraps");
        Assert.All(firstCell, g => Assert.True(g.X + g.Width <= columnRight, $"{g.X + g.Width} > {columnRight}"));
    }

    [Fact]
    public void Table_RowTallerThanAPage_IsCutBetweenLinesAndKeepsTheHeader()
    {
        var header = new TableRow([TableCell.Of("STT", Body.WithBold()), TableCell.Of("Nội dung", Body.WithBold())]);
        var tall = new TableRow([TableCell.Of("1", Body), TableCell.Of(string.Join('\n', Enumerable.Range(1, 80).Select(i => $"Dòng {i}")), Body)]);

        var pages = Layout(new Table([1f, 5f], [header], [tall]));

        Assert.True(pages.Count >= 2);
        var bottom = LayoutDocument.A4Height - Margins.Nd30Default.Bottom;
        foreach (var page in pages)
        {
            var runs = page.Ops.OfType<GlyphRunOp>().Where(g => g.Y > Margins.Nd30Default.Top).ToList();
            Assert.All(runs, g => Assert.True(g.Y < bottom, $"baseline {g.Y} below the bottom margin"));
            // "STT" heads every page.
            var top = runs.MinBy(g => g.Y)!;
            Assert.Equal(Glyphs("STT", FontFace.Bold), top.Glyphs);
        }

        // Every line is drawn exactly once: "Dòng" appears 80 times over all pages.
        var dong = Glyphs("Dòng", FontFace.Regular);
        Assert.Equal(80, pages.SelectMany(p => p.Ops.OfType<GlyphRunOp>()).Count(g => g.Glyphs.SequenceEqual(dong)));
    }

    [Theory]
    [InlineData("2. Danh sách", 1)]
    [InlineData("2. Danh sách các cá nhân đề nghị cấp chứng thư chữ ký số chuyên dùng công vụ của Sở Nông nghiệp và Môi trường", 2)]
    public void KeepWithNext_MovesAWholeHeadingAtThePageBottomToTheNextPage(string heading, int headingLines)
    {
        var filler = new Paragraph([new TextRun("Dòng đệm", Body)]);
        var blocks = new List<LayoutBlock>();
        while (Layout([.. blocks, filler]).Count == 1)
        {
            blocks.Add(filler);
        }

        // Leave room for exactly the heading's lines, so that only the line after it does not fit.
        blocks.RemoveRange(blocks.Count - headingLines, headingLines);
        blocks.Add(new Paragraph([new TextRun(heading, Body.WithBold())]) { Alignment = TextAlignment.Justify, KeepWithNext = true });
        blocks.Add(filler);

        var pages = Layout([.. blocks]);

        Assert.Equal(2, pages.Count);
        Assert.DoesNotContain(pages[0].Ops.OfType<GlyphRunOp>(), g => g.Face == FontFace.Bold);
        Assert.Equal(headingLines, pages[1].Ops.OfType<GlyphRunOp>().Where(g => g.Face == FontFace.Bold).Select(g => g.Y).Distinct().Count());
    }

    [Fact]
    public void CharacterMissingFromTheSerifFace_FallsBackToTheSymbolFace()
    {
        var pdf = LetterPdfWriter.Write(new LayoutDocument([Paragraph.Of("Gia hạn ✓ Thay đổi ✗", Body)], Info));

        var text = Poppler.Squash(Poppler.PdfToText(pdf, PdfTextMode.Raw));
        Assert.Contains("Gia hạn ✓ Thay đổi ✗", text, StringComparison.Ordinal);
        using var document = PdfDocument.Open(pdf);
        Assert.Contains(PdfInspection.Fonts(document), f => f.BaseFont.EndsWith("+PhuThoCaSymbols-Regular", StringComparison.Ordinal));
    }

    [Fact]
    public void PageNumbers_StartOnPageTwoCentredInTheTopMargin()
    {
        var pages = Layout(Enumerable.Range(0, 120).Select(i => (LayoutBlock)Paragraph.Of($"Dòng {i}", Body)).ToArray());

        Assert.True(pages.Count >= 3);
        Assert.DoesNotContain(pages[0].Ops.OfType<GlyphRunOp>(), g => g.Y < Margins.Nd30Default.Top);
        foreach (var page in pages.Skip(1))
        {
            var number = Assert.Single(page.Ops.OfType<GlyphRunOp>(), g => g.Y < Margins.Nd30Default.Top);
            Assert.Equal(Glyphs(page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), FontFace.Regular), number.Glyphs);
            Assert.Equal(13f, number.Size);
            var centre = (Margins.Nd30Default.Left + LayoutDocument.A4Width - Margins.Nd30Default.Right) / 2;
            Assert.Equal(centre, number.X + (number.Width / 2), 0.01);
        }
    }

    [Fact]
    public void Subset_KeepsUsedGlyphsAndTheirComponents_EmptiesTheRest()
    {
        var full = LetterFonts.FileBytes(FontFace.Bold);
        var shaper = new TextShaper();
        var used = shaper.Shape(FontFace.Bold, 12, "Ộ").Glyphs;
        var unused = shaper.Shape(FontFace.Bold, 12, "Z").Glyphs[0];

        var subset = TrueTypeSubsetter.Subset(full.Span, used);

        Assert.True(subset.Length < full.Length / 3, $"{subset.Length} of {full.Length} bytes");
        using var typeface = SKTypeface.FromStream(new MemoryStream(subset));
        Assert.NotNull(typeface);
        Assert.Equal(LetterFonts.Typeface(FontFace.Bold).GlyphCount, typeface.GlyphCount);
        using var font = new SKFont(typeface, 100);
        using var full100 = new SKFont(LetterFonts.Typeface(FontFace.Bold), 100);
        // "Ộ" is a composite (O + circumflex + dot below): same outline as in the full font.
        using var kept = font.GetGlyphPath(used[0]);
        using var original = full100.GetGlyphPath(used[0]);
        Assert.False(kept.IsEmpty);
        Assert.Equal(original.Bounds, kept.Bounds);
        using var dropped = font.GetGlyphPath(unused);
        Assert.True(dropped.IsEmpty);
        Assert.Equal(full100.GetGlyphWidths([used[0]])[0], font.GetGlyphWidths([used[0]])[0]);
    }

    private static ushort[] Glyphs(string text, FontFace face)
    {
        var shaper = new TextShaper();
        return shaper.Shape(face, 12, text).Glyphs;
    }
}
