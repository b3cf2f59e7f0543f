using System.Globalization;
using PhuThoCa.Documents.Layout;

namespace PhuThoCa.Documents.Nd30;

/// <summary>
/// Lays out công văn and biên bản per ND 30/2020/NĐ-CP Phụ lục I (type sizes from §5.3 of the domain spec)
/// and writes them as PDF through <see cref="LetterPdfWriter"/>.
/// </summary>
public static class OfficialLetterRenderer
{
    private const string NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    private const string Motto = "Độc lập - Tự do - Hạnh phúc";

    // Header column weights: the right column must hold the Quốc hiệu on one line.
    private const float LeftWeight = 0.41f;
    private const float RightWeight = 0.59f;

    public static byte[] Render(OfficialLetter letter, LetterRenderOptions options) =>
        LetterPdfWriter.Write(Compose(letter, options));

    public static byte[] Render(MinutesRecord minutes, LetterRenderOptions options) =>
        LetterPdfWriter.Write(Compose(minutes, options));

    public static LayoutDocument Compose(OfficialLetter letter, LetterRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(options);
        var blocks = new List<LayoutBlock>();
        blocks.AddRange(Header(letter.Header, $"V/v {letter.Subject.Trim()}"));
        blocks.AddRange(Recipients(letter.Recipients, options));
        blocks.AddRange(Body(letter.Body, options));
        if (!string.IsNullOrWhiteSpace(letter.Closing))
        {
            // The signature block never starts a page on its own: the closing sentence goes with it.
            blocks.AddRange(Body([new LetterParagraph(letter.Closing)], options)
                .Select(b => b is Paragraph p ? p with { KeepWithNext = true } : b));
        }

        blocks.Add(new ColumnsBlock(
        [
            new Column(0.45f, [.. CopyTo(letter.CopyTo, letter.Archive), .. StatusCode(letter.FirstPageImage)]),
            new Column(0.55f, Signature(letter.Signer, options)),
        ])
        { SpaceBefore = 6f });

        foreach (var appendix in letter.Appendices)
        {
            blocks.Add(new PageBreak());
            blocks.Add(Paragraph(appendix.Label, new TextStyle(options.BodySize, Bold: true), TextAlignment.Center));
            blocks.Add(Paragraph(appendix.Title.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), new TextStyle(options.BodySize, Bold: true), TextAlignment.Center));
            blocks.Add(Paragraph(appendix.Reference, new TextStyle(options.BodySize, Italic: true), TextAlignment.Center) with { SpaceAfter = 6f });
            blocks.AddRange(Body(appendix.Body, options));
        }

        var number = string.IsNullOrWhiteSpace(letter.Header.Number) ? "…" : NumberLine(letter.Header)[4..].Split('/')[0];
        var info = new DocumentInfo($"Công văn số {number}/{letter.Header.Symbol.Trim()} - V/v {letter.Subject.Trim()}", options.CreationDate)
        {
            Author = options.Author ?? letter.Header.IssuingAgency,
            Subject = $"V/v {letter.Subject.Trim()}",
        };
        return new LayoutDocument(blocks, info) { Margins = options.Margins };
    }

    public static LayoutDocument Compose(MinutesRecord minutes, LetterRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(options);
        var blocks = new List<LayoutBlock>();
        blocks.AddRange(Header(minutes.Header, subject: null));
        // ô 5a: type name UPPER bold 14 and trích yếu bold 14, a short rule under it.
        blocks.Add(Paragraph(minutes.Title.ToUpper(Vietnamese), new TextStyle(14, Bold: true), TextAlignment.Center) with
        {
            SpaceBefore = 18f,
        });
        blocks.Add(Paragraph(minutes.Subtitle, new TextStyle(14, Bold: true), TextAlignment.Center) with
        {
            Rule = new RuleBelow(0.4f),
            SpaceAfter = 12f,
        });
        blocks.AddRange(Body(minutes.Body, options));
        var columns = minutes.Signatories
            .Select(s => new Column(1f, Signature(s, options)))
            .ToList();
        blocks.Add(new ColumnsBlock(columns) { SpaceBefore = 12f });
        if (minutes.CopyTo.Count > 0 || minutes.FirstPageImage is not null)
        {
            var left = minutes.CopyTo.Count > 0 ? CopyTo(minutes.CopyTo, minutes.Archive) : [];
            blocks.Add(new ColumnsBlock([new Column(0.45f, [.. left, .. StatusCode(minutes.FirstPageImage)]), new Column(0.55f, [])]) { SpaceBefore = 12f });
        }

        var info = new DocumentInfo($"{Capitalise(minutes.Title)} {minutes.Subtitle.Trim()}", options.CreationDate)
        {
            Author = options.Author ?? minutes.Header.IssuingAgency,
            Subject = minutes.Subtitle.Trim(),
        };
        return new LayoutDocument(blocks, info) { Margins = options.Margins };
    }

    /// <summary>"Số: 05/SKHCN-CĐS"; numbers below 10 get a leading zero (ND 30); a blank number leaves room.</summary>
    public static string NumberLine(LetterHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var number = header.Number?.Trim();
        if (string.IsNullOrEmpty(number))
        {
            // No-break spaces survive the layout's space collapsing: room to write the number by hand.
            return $"Số:{new string('\u00A0', 10)}/{header.Symbol.Trim()}";
        }

        if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < 10)
        {
            number = n.ToString("00", CultureInfo.InvariantCulture);
        }

        return $"Số: {number}/{header.Symbol.Trim()}";
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// The QR code to the public status page, inside the text area under "Nơi nhận" (not in the binding margin), where
    /// the DOCX puts it too; the module image keeps it sharp, and decodable at 300 dpi.
    /// </summary>
    private static List<LayoutBlock> StatusCode(LetterMarginImage? image) =>
        image is null ? [] : [new ImageBlock(image.ModulePng ?? image.Png, Units.Mm(image.SizeMm)) { SpaceBefore = 8f }];

    private static IEnumerable<LayoutBlock> Header(LetterHeader header, string? subject)
    {
        // Row 1: agency names | Quốc hiệu and Tiêu ngữ. Row 2: number (and V/v) | place and date, so that
        // "Số" and the date share a baseline as in the ND 30 sample.
        var left = new List<LayoutBlock>();
        if (!string.IsNullOrWhiteSpace(header.ParentAuthority))
        {
            left.Add(Paragraph(header.ParentAuthority.ToUpper(Vietnamese), new TextStyle(13), TextAlignment.Center) with
            {
                Balanced = true,
            });
        }

        left.Add(Paragraph(header.IssuingAgency.ToUpper(Vietnamese), new TextStyle(13, Bold: true), TextAlignment.Center) with
        {
            Rule = new RuleBelow(0.4f),
            Balanced = true,
        });
        var right = new List<LayoutBlock>
        {
            // ND 30: Quốc hiệu 12–13 bold, Tiêu ngữ 13–14 bold; both stay on one line even with wider margins.
            Paragraph(NationalName, new TextStyle(13, Bold: true), TextAlignment.Center) with { MinSizeToFit = 11.5f },
            Paragraph(Motto, new TextStyle(14, Bold: true), TextAlignment.Center) with
            {
                Rule = new RuleBelow(1f),
                MinSizeToFit = 12.5f,
            },
        };
        yield return new ColumnsBlock([new Column(LeftWeight, left), new Column(RightWeight, right)]);

        var numberColumn = new List<LayoutBlock>
        {
            Paragraph(NumberLine(header), new TextStyle(13), TextAlignment.Center),
        };
        if (subject is not null)
        {
            numberColumn.Add(Paragraph(subject, new TextStyle(12), TextAlignment.Center) with { SpaceBefore = 2f, Balanced = true });
        }

        var date = Paragraph(VietnameseDates.PlaceAndDate(header.Place, header.Date), new TextStyle(14, Italic: true),
            TextAlignment.Center) with
        { MinSizeToFit = 13f };
        yield return new ColumnsBlock([new Column(LeftWeight, numberColumn), new Column(RightWeight, [date])])
        {
            SpaceBefore = 6f,
        };
    }

    private static IEnumerable<LayoutBlock> Recipients(IReadOnlyList<string> recipients, LetterRenderOptions options)
    {
        var style = new TextStyle(options.BodySize);
        var names = recipients.Select(r => r.Trim().TrimEnd(';', '.').Trim()).Where(r => r.Length > 0).ToList();
        if (names.Count == 0)
        {
            yield break;
        }

        if (names.Count == 1)
        {
            yield return Paragraph($"Kính gửi: {names[0]}", style, TextAlignment.Center) with
            {
                SpaceBefore = 18f,
                SpaceAfter = 12f,
            };
            yield break;
        }

        // Several: "Kính gửi:" then one "- …;" line each, the last ending with ".", aligned under the first.
        var lines = names.Select((n, i) => Paragraph($"- {n}{(i == names.Count - 1 ? "." : ";")}", style, TextAlignment.Left) with
        {
            LeftIndent = 5f,
        }).ToList<LayoutBlock>();
        yield return new ColumnsBlock(
        [
            new Column(0.30f, [Paragraph("Kính gửi:", style, TextAlignment.Right)]),
            new Column(0.70f, lines),
        ])
        {
            SpaceBefore = 18f,
            SpaceAfter = 12f,
        };
    }

    private static IEnumerable<LayoutBlock> Body(IReadOnlyList<LetterBlock> body, LetterRenderOptions options)
    {
        var size = options.BodySize;
        foreach (var block in body)
        {
            switch (block)
            {
                case LetterParagraph p:
                    yield return new Paragraph(p.Spans.Select(s => new TextRun(s.Text, new TextStyle(size, s.Bold, s.Italic, s.Underline))).ToList())
                    {
                        Alignment = p.Alignment,
                        FirstLineIndent = p.IndentFirstLine ? Units.Cm(1) : 0,
                        SpaceAfter = 6f,
                        LineSpacing = options.LineSpacing,
                    };
                    break;
                case LetterSectionHeading h:
                    yield return new Paragraph([new TextRun(h.Text, new TextStyle(size, Bold: true))])
                    {
                        Alignment = TextAlignment.Justify,
                        FirstLineIndent = Units.Cm(1),
                        SpaceBefore = 3f,
                        SpaceAfter = 6f,
                        LineSpacing = options.LineSpacing,
                        KeepWithNext = true,
                    };
                    break;
                case LetterTable t:
                    yield return Table(t);
                    break;
                default:
                    throw new NotSupportedException($"Unknown letter block {block.GetType().Name}.");
            }
        }
    }

    private static Table Table(LetterTable table)
    {
        var headStyle = new TextStyle(table.FontSize, Bold: true);
        var cellStyle = new TextStyle(table.FontSize);
        var columns = table.Columns;
        var grouped = columns.Any(c => c.Group is not null);
        var top = new List<TableCell>();
        var sub = new List<TableCell>();
        for (var i = 0; i < columns.Count; i++)
        {
            var group = columns[i].Group;
            if (group is null)
            {
                top.Add(HeaderCell(columns[i].Header, headStyle) with { RowSpan = grouped ? 2 : 1 });
                continue;
            }

            var span = 1;
            while (i + span < columns.Count && columns[i + span].Group == group)
            {
                span++;
            }

            top.Add(HeaderCell(group, headStyle) with { ColSpan = span });
            for (var j = i; j < i + span; j++)
            {
                sub.Add(HeaderCell(columns[j].Header, headStyle));
            }

            i += span - 1;
        }

        var header = grouped ? new List<TableRow> { new(top), new(sub) } : [new TableRow(top)];
        var rows = table.Rows.Select(r => new TableRow(
            columns.Select((c, i) => TableCell.Of(i < r.Count ? r[i] : string.Empty, cellStyle, c.Alignment)).ToList())).ToList();
        return new Table(columns.Select(c => c.Weight).ToList(), header, rows) { SpaceBefore = 2f, SpaceAfter = 8f };
    }

    private static TableCell HeaderCell(string text, TextStyle style) =>
        TableCell.Of(text, style, TextAlignment.Center) with { VerticalAlignment = VerticalAlignment.Middle };

    private static List<LayoutBlock> CopyTo(IReadOnlyList<string> copyTo, string archive)
    {
        var blocks = new List<LayoutBlock>
        {
            Paragraph("Nơi nhận:", new TextStyle(12, Bold: true, Italic: true), TextAlignment.Left),
        };
        var lineStyle = new TextStyle(11);
        foreach (var line in copyTo.Select(l => l.Trim().TrimStart('-').Trim().TrimEnd(';', '.')).Where(l => l.Length > 0))
        {
            blocks.Add(Paragraph($"- {line};", lineStyle, TextAlignment.Left));
        }

        blocks.Add(Paragraph($"- Lưu: {archive.Trim().TrimEnd('.')}.", lineStyle, TextAlignment.Left));
        return blocks;
    }

    private static List<LayoutBlock> Signature(LetterSigner signer, LetterRenderOptions options)
    {
        var blocks = new List<LayoutBlock>();
        var titleStyle = new TextStyle(options.BodySize, Bold: true);
        foreach (var line in signer.TitleLines)
        {
            blocks.Add(Paragraph(line.ToUpper(Vietnamese), titleStyle, TextAlignment.Center));
        }

        if (!string.IsNullOrWhiteSpace(signer.Note))
        {
            blocks.Add(Paragraph(signer.Note, new TextStyle(options.BodySize, Italic: true), TextAlignment.Center));
        }

        // Room for the handwritten or digital signature and the seal (ô 7b, 8).
        blocks.Add(new Spacer(Units.Cm(2.6f)));
        blocks.Add(Paragraph(signer.FullName, titleStyle, TextAlignment.Center));
        return blocks;
    }

    private static Paragraph Paragraph(string text, TextStyle style, TextAlignment alignment) =>
        Layout.Paragraph.Of(text, style, alignment);

    private static string Capitalise(string title)
    {
        var lower = title.Trim().ToLower(Vietnamese);
        return lower.Length == 0 ? lower : char.ToUpper(lower[0], Vietnamese) + lower[1..];
    }
}
