using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using LetterAlignment = PhuThoCa.Documents.Layout.TextAlignment;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;

namespace PhuThoCa.Documents.Nd30;

/// <summary>
/// The same công văn as an editable Word document (for officers who finish it in Word): A4 portrait, ND 30 margins
/// 20/20/30/15 mm, Times New Roman, the two-column borderless header, justified body with a 1 cm first-line indent,
/// bordered tables whose header rows repeat, and the Nơi nhận | signature table; page numbers from page 2.
/// </summary>
public static class OfficialLetterDocx
{
    private const string Font = "Times New Roman";
    private const int TextWidth = 9356; // 165 mm in twips
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static byte[] Write(OfficialLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            AddStyles(main);
            var body = main.Document.Body!;
            body.Append(HeaderTable(letter));
            body.Append(Recipients(letter.Recipients));
            foreach (var block in letter.Body)
            {
                body.Append(Block(block));
            }

            if (!string.IsNullOrWhiteSpace(letter.Closing))
            {
                body.Append(BodyParagraph([new LetterSpan(letter.Closing)], keepNext: true));
            }

            body.Append(FooterTable(letter, main));
            foreach (var appendix in letter.Appendices)
            {
                body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                body.Append(Line(appendix.Label, 14, JustificationValues.Center, bold: true));
                body.Append(Line(appendix.Title.ToUpper(Vietnamese), 14, JustificationValues.Center, bold: true));
                body.Append(Spaced(Line(appendix.Reference, 14, JustificationValues.Center, italic: true), before: 0, after: 120));
                foreach (var block in appendix.Body)
                {
                    body.Append(Block(block));
                }
            }

            body.Append(Section(main));
            main.Document.Save();
            document.PackageProperties.Title = $"V/v {letter.Subject}";
            document.PackageProperties.Creator = letter.Header.IssuingAgency;
        }

        return stream.ToArray();
    }

    /// <summary>A biên bản (MinutesRecord) as an editable Word document: header, title, body, one signature column per party, Nơi nhận.</summary>
    public static byte[] Write(MinutesRecord minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            AddStyles(main);
            var body = main.Document.Body!;
            body.Append(HeaderTable(minutes.Header, subject: null));
            body.Append(Spaced(Line(minutes.Title.ToUpper(Vietnamese), 14, JustificationValues.Center, bold: true), before: 360, after: 0));
            body.Append(Line(minutes.Subtitle, 14, JustificationValues.Center, bold: true));
            body.Append(Rule(3200));
            foreach (var block in minutes.Body)
            {
                body.Append(Block(block));
            }

            var width = TextWidth / Math.Max(1, minutes.Signatories.Count);
            var columns = minutes.Signatories.Select(signer => (IReadOnlyList<OpenXmlElement>)SignatureLines(signer)).ToList();
            body.Append(Spaced(Line("", 14, JustificationValues.Left), before: 120, after: 0));
            body.Append(PlainTable([.. minutes.Signatories.Select(_ => width)], [columns]));
            if (minutes.CopyTo.Count > 0 || minutes.FirstPageImage is not null)
            {
                var left = new List<OpenXmlElement>();
                if (minutes.CopyTo.Count > 0)
                {
                    left.AddRange(CopyToLines(minutes.CopyTo, minutes.Archive));
                }

                if (minutes.FirstPageImage is { } image)
                {
                    left.Add(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "240" }), new Run(Picture(main, image))));
                }

                body.Append(Spaced(Line("", 12, JustificationValues.Left), before: 120, after: 0));
                body.Append(PlainTable([4210, 5146], [[left, [Line("", 12, JustificationValues.Left)]]]));
            }

            body.Append(Section(main));
            main.Document.Save();
            document.PackageProperties.Title = $"{minutes.Title} {minutes.Subtitle}";
            document.PackageProperties.Creator = minutes.Header.IssuingAgency;
        }

        return stream.ToArray();
    }

    private static List<OpenXmlElement> SignatureLines(LetterSigner signer)
    {
        var lines = new List<OpenXmlElement>();
        foreach (var title in signer.TitleLines)
        {
            lines.Add(Line(title.ToUpper(Vietnamese), 14, JustificationValues.Center, bold: true));
        }

        if (!string.IsNullOrWhiteSpace(signer.Note))
        {
            lines.Add(Line(signer.Note, 14, JustificationValues.Center, italic: true));
        }

        for (var i = 0; i < 4; i++)
        {
            lines.Add(Line("", 14, JustificationValues.Center));
        }

        lines.Add(Line(signer.FullName, 14, JustificationValues.Center, bold: true));
        return lines;
    }

    private static List<OpenXmlElement> CopyToLines(IReadOnlyList<string> copyTo, string archive)
    {
        var lines = new List<OpenXmlElement> { Line("Nơi nhận:", 12, JustificationValues.Left, bold: true, italic: true) };
        foreach (var line in copyTo.Select(l => l.Trim().TrimStart('-').Trim().TrimEnd(';', '.')).Where(l => l.Length > 0))
        {
            lines.Add(Line($"- {line};", 11, JustificationValues.Left));
        }

        lines.Add(Line($"- Lưu: {archive.Trim().TrimEnd('.')}.", 11, JustificationValues.Left));
        return lines;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "28" },
                    new FontSizeComplexScript { Val = "28" },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Styles.Save();
    }

    private static Table HeaderTable(OfficialLetter letter) => HeaderTable(letter.Header, $"V/v {letter.Subject.Trim()}");

    private static Table HeaderTable(LetterHeader h, string? subject)
    {
        var left = new List<OpenXmlElement>();
        if (!string.IsNullOrWhiteSpace(h.ParentAuthority))
        {
            left.Add(Line(h.ParentAuthority.ToUpper(Vietnamese), 13, JustificationValues.Center));
        }

        left.Add(Line(h.IssuingAgency.ToUpper(Vietnamese), 13, JustificationValues.Center, bold: true));
        left.Add(Rule(1300));
        var right = new List<OpenXmlElement>
        {
            // ND 30 allows 12–13 pt; 12 keeps it on one line in Word's metrics with the 30/15 mm margins.
            Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, JustificationValues.Center, bold: true),
            Line("Độc lập - Tự do - Hạnh phúc", 14, JustificationValues.Center, bold: true),
            Rule(1000),
        };
        var number = Spaced(Line(OfficialLetterRenderer.NumberLine(h), 13, JustificationValues.Center), before: 120, after: 0);
        var date = Spaced(Line(VietnameseDates.PlaceAndDate(h.Place, h.Date), 14, JustificationValues.Center, italic: true), before: 120, after: 0);
        IReadOnlyList<OpenXmlElement> numberCell = subject is null ? [number] : [number, Line(subject, 12, JustificationValues.Center)];
        int[] widths = [3836, 5520];
        return PlainTable(widths,
        [
            [left, right],
            [numberCell, [date]],
        ]);
    }

    private static IEnumerable<OpenXmlElement> Recipients(IReadOnlyList<string> recipients)
    {
        var names = recipients.Select(r => r.Trim().TrimEnd(';', '.').Trim()).Where(r => r.Length > 0).ToList();
        if (names.Count == 1)
        {
            yield return Spaced(Line($"Kính gửi: {names[0]}", 14, JustificationValues.Center), before: 360, after: 240);
            yield break;
        }

        if (names.Count == 0)
        {
            yield break;
        }

        yield return Spaced(Line("Kính gửi:", 14, JustificationValues.Left, indentLeft: 1700), before: 360, after: 0);
        for (var i = 0; i < names.Count; i++)
        {
            var line = Line($"- {names[i]}{(i == names.Count - 1 ? "." : ";")}", 14, JustificationValues.Left, indentLeft: 2900);
            yield return Spaced(line, before: 0, after: i == names.Count - 1 ? 240 : 0);
        }
    }

    private static IEnumerable<OpenXmlElement> Block(LetterBlock block)
    {
        switch (block)
        {
            case LetterParagraph p:
                yield return BodyParagraph(p.Spans, firstLineIndent: p.IndentFirstLine, alignment: p.Alignment);
                break;
            case LetterSectionHeading heading:
                yield return BodyParagraph([new LetterSpan(heading.Text, Bold: true)], keepNext: true);
                break;
            case LetterTable table:
                yield return BorderedTable(table);
                yield return new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "120" }));
                break;
            default:
                throw new NotSupportedException($"Unknown letter block {block.GetType().Name}.");
        }
    }

    private static Paragraph BodyParagraph(IEnumerable<LetterSpan> spans, bool keepNext = false, bool firstLineIndent = true,
        LetterAlignment alignment = LetterAlignment.Justify)
    {
        var properties = new ParagraphProperties();
        if (keepNext)
        {
            properties.Append(new KeepNext());
        }

        properties.Append(
            new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto },
            new Indentation { FirstLine = firstLineIndent ? "567" : "0" },
            new Justification { Val = Alignment(alignment) });
        var paragraph = new Paragraph(properties);
        foreach (var span in spans)
        {
            paragraph.Append(TextRun(span.Text, 14, span.Bold, span.Italic, span.Underline));
        }

        return paragraph;
    }

    private static Table BorderedTable(LetterTable table)
    {
        var columns = table.Columns;
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => (int)Math.Round(TextWidth * c.Weight / total)).ToArray();
        var size = table.FontSize;
        var grouped = columns.Any(c => c.Group is not null);
        var result = new Table(new TableProperties(
            new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TableCellLeftMargin { Width = 60, Type = TableWidthValues.Dxa },
                new TableCellRightMargin { Width = 60, Type = TableWidthValues.Dxa })));
        result.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        var top = HeaderRow();
        var sub = HeaderRow();
        for (var i = 0; i < columns.Count; i++)
        {
            var group = columns[i].Group;
            if (group is null)
            {
                top.Append(Cell(widths[i], [Line(columns[i].Header, size, JustificationValues.Center, bold: true)],
                    merge: grouped ? MergedCellValues.Restart : null, middle: true));
                if (grouped)
                {
                    sub.Append(Cell(widths[i], [Line("", size, JustificationValues.Center)], merge: MergedCellValues.Continue, middle: true));
                }

                continue;
            }

            var span = 1;
            while (i + span < columns.Count && columns[i + span].Group == group)
            {
                span++;
            }

            top.Append(Cell(widths[i..(i + span)].Sum(), [Line(group, size, JustificationValues.Center, bold: true)], gridSpan: span, middle: true));
            for (var j = i; j < i + span; j++)
            {
                sub.Append(Cell(widths[j], [Line(columns[j].Header, size, JustificationValues.Center, bold: true)], middle: true));
            }

            i += span - 1;
        }

        result.Append(top);
        if (grouped)
        {
            result.Append(sub);
        }

        foreach (var row in table.Rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < columns.Count; i++)
            {
                var text = i < row.Count ? row[i] : "";
                var lines = text.Split('\n').Select(l => (OpenXmlElement)Line(l, size, Alignment(columns[i].Alignment))).ToList();
                tr.Append(Cell(widths[i], lines));
            }

            result.Append(tr);
        }

        return result;

        static TableRow HeaderRow() => new(new TableRowProperties(new TableHeader(), new CantSplit()));
    }

    private static Table FooterTable(OfficialLetter letter, MainDocumentPart main)
    {
        var left = CopyToLines(letter.CopyTo, letter.Archive);
        if (letter.FirstPageImage is { } image)
        {
            left.Add(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "240" }), new Run(Picture(main, image))));
        }

        var right = SignatureLines(letter.Signer);
        var table = PlainTable([4210, 5146], [[left, right]]);
        table.GetFirstChild<TableProperties>()!.Append(new TableLook { Val = "0000" });
        return table;
    }

    private static Drawing Picture(MainDocumentPart main, LetterMarginImage image)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(image.Png.ToArray(), writable: false))
        {
            part.FeedData(data);
        }

        var id = main.GetIdOfPart(part);
        var emu = (long)(image.SizeMm * 36000);
        return new Drawing(new Dw.Inline(
            new Dw.Extent { Cx = emu, Cy = emu },
            new Dw.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new Dw.DocProperties { Id = 1U, Name = "Mã QR tra cứu trạng thái" },
            new Dw.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(
                        new Pic.NonVisualDrawingProperties { Id = 0U, Name = "qr.png" },
                        new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = emu, Cy = emu }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
    }

    /// <summary>A4 portrait, ND 30 margins, page number centred in the top margin from page 2 (title page without header).</summary>
    private static SectionProperties Section(MainDocumentPart main)
    {
        var numbered = main.AddNewPart<HeaderPart>();
        numbered.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(Props(13, false, false, false), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(Props(13, false, false, false), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Props(13, false, false, false), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(Props(13, false, false, false), new Text("2")),
            new Run(Props(13, false, false, false), new FieldChar { FieldCharType = FieldCharValues.End })));
        numbered.Header.Save();
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph());
        first.Header.Save();
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(numbered) },
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) },
            new PageSize { Width = 11906U, Height = 16838U, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 851U, Header = 454U, Footer = 454U, Gutter = 0U },
            new TitlePage());
    }

    private static Table PlainTable(int[] widths, IReadOnlyList<IReadOnlyList<IReadOnlyList<OpenXmlElement>>> rows)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None },
                new InsideVerticalBorder { Val = BorderValues.None }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa },
                new TableCellRightMargin { Width = 0, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        foreach (var row in rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < row.Count; i++)
            {
                tr.Append(Cell(widths[i], row[i]));
            }

            table.Append(tr);
        }

        return table;
    }

    private static TableCell Cell(int width, IReadOnlyList<OpenXmlElement> content, MergedCellValues? merge = null, int gridSpan = 1,
        bool middle = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (gridSpan > 1)
        {
            properties.Append(new GridSpan { Val = gridSpan });
        }

        if (merge is { } m)
        {
            properties.Append(new VerticalMerge { Val = m });
        }

        properties.Append(new TableCellVerticalAlignment { Val = middle ? TableVerticalAlignmentValues.Center : TableVerticalAlignmentValues.Top });
        var cell = new TableCell(properties);
        cell.Append(content.Count > 0 ? content.Select(e => e.CloneNode(true)) : [new Paragraph()]);
        return cell;
    }

    private static Paragraph Line(string text, float size, JustificationValues alignment, bool bold = false, bool italic = false,
        int indentLeft = 0)
    {
        var properties = new ParagraphProperties();
        if (indentLeft > 0)
        {
            properties.Append(new Indentation { Left = indentLeft.ToString(CultureInfo.InvariantCulture) });
        }

        properties.Append(new Justification { Val = alignment });
        return new Paragraph(properties, TextRun(text, size, bold, italic, false));
    }

    /// <summary>A short solid rule, centred: a bottom border on an empty paragraph narrowed by indents (twips each side).</summary>
    private static Paragraph Rule(int indent) => new(new ParagraphProperties(
        new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1 }),
        new SpacingBetweenLines { After = "0", Line = "120", LineRule = LineSpacingRuleValues.Exact },
        new Indentation { Left = indent.ToString(CultureInfo.InvariantCulture), Right = indent.ToString(CultureInfo.InvariantCulture) }));

    private static Paragraph Spaced(Paragraph paragraph, int before, int after)
    {
        // Schema order: spacing comes before ind and jc.
        paragraph.ParagraphProperties!.PrependChild(new SpacingBetweenLines
        {
            Before = before.ToString(CultureInfo.InvariantCulture),
            After = after.ToString(CultureInfo.InvariantCulture),
        });
        return paragraph;
    }

    private static Run TextRun(string text, float size, bool bold, bool italic, bool underline) =>
        new(Props(size, bold, italic, underline), new Text(text.Normalize(System.Text.NormalizationForm.FormC)) { Space = SpaceProcessingModeValues.Preserve });

    private static RunProperties Props(float size, bool bold, bool italic, bool underline)
    {
        var properties = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        // Schema order: sz and szCs come before u.
        var halfPoints = ((int)Math.Round(size * 2)).ToString(CultureInfo.InvariantCulture);
        properties.Append(new FontSize { Val = halfPoints }, new FontSizeComplexScript { Val = halfPoints });
        if (underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        return properties;
    }

    private static JustificationValues Alignment(LetterAlignment alignment) => alignment switch
    {
        LetterAlignment.Center => JustificationValues.Center,
        LetterAlignment.Right => JustificationValues.Right,
        LetterAlignment.Justify => JustificationValues.Both,
        _ => JustificationValues.Left,
    };
}
