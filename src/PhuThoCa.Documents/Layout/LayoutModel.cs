namespace PhuThoCa.Documents.Layout;

// The block model the layout engine lays out. All lengths are PDF points (1/72 inch); use Units.Mm for mm.

public enum TextAlignment
{
    Left,
    Center,
    Right,
    Justify,
}

public enum VerticalAlignment
{
    Top,
    Middle,
    Bottom,
}

public static class Units
{
    public static float Mm(float millimetres) => millimetres * 72f / 25.4f;

    public static float Cm(float centimetres) => Mm(centimetres * 10f);
}

/// <summary>Character style of a run. Size is in points.</summary>
public sealed record TextStyle(float Size = 14f, bool Bold = false, bool Italic = false, bool Underline = false)
{
    public TextStyle WithBold(bool bold = true) => this with { Bold = bold };
}

/// <summary>
/// A piece of text with one style. Spaces separate words (several collapse into one); use U+00A0 for
/// spaces that must be kept; "\n" forces a line break.
/// </summary>
public sealed record TextRun(string Text, TextStyle Style);

/// <summary>A solid rule under the last line of a paragraph, centred under the text.</summary>
/// <param name="Fraction">Length as a fraction of the paragraph's longest line (ND 30: 1/3–1/2 under the agency name, 1 under the motto).</param>
/// <param name="Thickness">Stroke width in points.</param>
public sealed record RuleBelow(float Fraction, float Thickness = 0.6f);

public abstract record LayoutBlock;

public sealed record Paragraph(IReadOnlyList<TextRun> Runs) : LayoutBlock
{
    public TextAlignment Alignment { get; init; } = TextAlignment.Left;

    public float FirstLineIndent { get; init; }

    public float LeftIndent { get; init; }

    public float SpaceBefore { get; init; }

    public float SpaceAfter { get; init; }

    /// <summary>Multiple of the font's single line height (ND 30 allows 1 to 1.5).</summary>
    public float LineSpacing { get; init; } = 1f;

    public RuleBelow? Rule { get; init; }

    /// <summary>
    /// Makes wrapped lines about equally long (as a clerk does by hand in a header: "SỞ NÔNG NGHIỆP / VÀ MÔI
    /// TRƯỜNG") instead of filling the first line. Useful for centred paragraphs.
    /// </summary>
    public bool Balanced { get; init; }

    /// <summary>
    /// When set, a paragraph that would wrap is set smaller, in 0.5 pt steps down to this size, to stay on
    /// one line (the Quốc hiệu with wider margins).
    /// </summary>
    public float? MinSizeToFit { get; init; }

    /// <summary>Keeps all lines on one page together with the start of the next block (headings).</summary>
    public bool KeepWithNext { get; init; }

    public static Paragraph Of(string text, TextStyle style, TextAlignment alignment = TextAlignment.Left) =>
        new([new TextRun(text, style)]) { Alignment = alignment };
}

/// <summary>Vertical white space; dropped at the top of a page.</summary>
public sealed record Spacer(float Height) : LayoutBlock;

/// <summary>Forces the next block onto a new page.</summary>
public sealed record PageBreak : LayoutBlock;

/// <summary>
/// A square raster image (PNG or JPEG) in the text flow, at the left of its column: the QR code to the public status
/// page under "Nơi nhận", inside the text area. Size is the side in points.
/// </summary>
public sealed record ImageBlock(ReadOnlyMemory<byte> EncodedImage, float Size) : LayoutBlock
{
    public float SpaceBefore { get; init; }
}

/// <summary>
/// Borderless side-by-side columns (letter header and footer). Kept together on one page.
/// Widths are relative weights of the text width.
/// </summary>
public sealed record ColumnsBlock(IReadOnlyList<Column> Columns) : LayoutBlock
{
    public float SpaceBefore { get; init; }

    public float SpaceAfter { get; init; }
}

public sealed record Column(float Weight, IReadOnlyList<LayoutBlock> Blocks);

/// <summary>
/// A bordered table. Column widths are relative weights of the text width. Header rows (which may merge
/// cells with ColSpan/RowSpan) repeat on every page the table reaches. A body row moves to the next page
/// whole; only a row taller than a page is split, and then between lines, never through one.
/// </summary>
public sealed record Table(IReadOnlyList<float> ColumnWeights, IReadOnlyList<TableRow> HeaderRows, IReadOnlyList<TableRow> Rows)
    : LayoutBlock
{
    public float BorderWidth { get; init; } = 0.5f;

    public float CellPaddingX { get; init; } = 3f;

    public float CellPaddingY { get; init; } = 2f;

    public float SpaceBefore { get; init; }

    public float SpaceAfter { get; init; } = 6f;
}

public sealed record TableRow(IReadOnlyList<TableCell> Cells);

public sealed record TableCell(IReadOnlyList<Paragraph> Content)
{
    public int ColSpan { get; init; } = 1;

    /// <summary>Only header cells may span rows.</summary>
    public int RowSpan { get; init; } = 1;

    public VerticalAlignment VerticalAlignment { get; init; } = VerticalAlignment.Top;

    public static TableCell Of(string text, TextStyle style, TextAlignment alignment = TextAlignment.Left) =>
        new([Paragraph.Of(text, style, alignment)]);
}

/// <summary>Page margins in points. ND 30/2020 Phụ lục I: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.</summary>
public sealed record Margins(float Top, float Bottom, float Left, float Right)
{
    public static Margins Nd30Default { get; } = new(Units.Mm(20), Units.Mm(20), Units.Mm(30), Units.Mm(15));
}

/// <summary>PDF document information. Strings may be Vietnamese.</summary>
public sealed record DocumentInfo(string Title, DateTimeOffset CreationDate)
{
    public string? Author { get; init; }

    public string? Subject { get; init; }

    public string? Keywords { get; init; }

    public string Creator { get; init; } = "PhuThoCa";

    public string Producer { get; init; } = "PhuThoCa (SkiaSharp, HarfBuzz)";
}

/// <summary>
/// A raster image (PNG or JPEG bytes) at a fixed place of one page, outside the text flow: the QR code to the
/// public status page. Page is 1-based; X and Y (top-left corner), Width and Height are in points.
/// </summary>
public sealed record PlacedImage(int Page, ReadOnlyMemory<byte> EncodedImage, float X, float Y, float Width, float Height);

/// <summary>A document to lay out on A4 portrait pages.</summary>
public sealed record LayoutDocument(IReadOnlyList<LayoutBlock> Blocks, DocumentInfo Info)
{
    public const float A4Width = 595.276f;
    public const float A4Height = 841.89f;

    public Margins Margins { get; init; } = Margins.Nd30Default;

    /// <summary>ND 30: Arabic page numbers, 13–14 pt, centred in the top margin, from page 2 on.</summary>
    public float PageNumberSize { get; init; } = 13f;

    public bool NumberPagesFromSecond { get; init; } = true;

    /// <summary>Images drawn over the laid-out pages (an image for a page the document does not reach is dropped).</summary>
    public IReadOnlyList<PlacedImage> Images { get; init; } = [];
}
