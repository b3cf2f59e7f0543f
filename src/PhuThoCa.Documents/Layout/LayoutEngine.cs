using PhuThoCa.Documents.Fonts;

namespace PhuThoCa.Documents.Layout;

/// <summary>One laid-out page: ops in absolute page coordinates (points, origin top-left).</summary>
internal sealed record PageLayout(int Number, List<DrawOp> Ops);

/// <summary>
/// Turns blocks into bands (ParagraphLayout, columns, tables) and flows the bands onto A4 pages:
/// page breaks fall only between bands, table headers repeat, page numbers go in the top margin from page 2.
/// </summary>
internal sealed class LayoutEngine(TextShaper shaper)
{
    private const float Epsilon = 0.01f;
    private readonly ParagraphLayout _paragraphs = new(shaper);

    public List<PageLayout> Layout(LayoutDocument document)
    {
        var margins = document.Margins;
        var width = LayoutDocument.A4Width - margins.Left - margins.Right;
        var bodyHeight = LayoutDocument.A4Height - margins.Top - margins.Bottom;
        var bands = LayoutBlocks(document.Blocks, margins.Left, width, bodyHeight);
        var pages = Flow(bands, margins.Top, bodyHeight);
        if (document.NumberPagesFromSecond)
        {
            foreach (var page in pages.Where(p => p.Number >= 2))
            {
                page.Ops.Add(PageNumber(page.Number, document, width));
            }
        }

        return pages;
    }

    private GlyphRunOp PageNumber(int number, LayoutDocument document, float width)
    {
        var size = document.PageNumberSize;
        var shaped = shaper.Shape(FontFace.Regular, size, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var m = TextShaper.Metrics(FontFace.Regular, size);
        var x = document.Margins.Left + ((width - shaped.Width) / 2);
        // Centre the digits' height (about the ascent's 0.75) in the top margin.
        var baseline = (document.Margins.Top / 2) + (m.Ascent * 0.75f / 2);
        return new GlyphRunOp(FontFace.Regular, size, shaped.Glyphs, shaped.Positions, x, baseline, shaped.Width);
    }

    private static List<PageLayout> Flow(List<Band> bands, float top, float bodyHeight)
    {
        var pages = new List<PageLayout> { new(1, []) };
        var y = 0f;

        void NewPage()
        {
            pages.Add(new PageLayout(pages.Count + 1, []));
            y = 0f;
        }

        void Put(Band band)
        {
            foreach (var op in band.Ops)
            {
                pages[^1].Ops.Add(op.Offset(0, top + y));
            }

            y += band.Height;
        }

        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            if (band.IsPageBreak)
            {
                NewPage();
                continue;
            }

            if (band.IsSpace)
            {
                if (y > 0 && y + band.Height <= bodyHeight + Epsilon)
                {
                    y += band.Height;
                }

                continue;
            }

            var needed = band.KeepWithNext ? ChainHeight(bands, i) : band.Height;
            if (needed > bodyHeight)
            {
                needed = band.Height; // a keep-together chain longer than a page cannot be honoured
            }

            if (y > 0 && y + needed > bodyHeight + Epsilon)
            {
                NewPage();
                if (band.RepeatHeader is { } header)
                {
                    Put(header);
                }
            }

            Put(band);
        }

        return pages;
    }

    /// <summary>
    /// Height of the bands that must share a page with this one: it, every following keep-with-next band
    /// (all lines of a heading, a table header) and the first ordinary band after them, spacing included.
    /// </summary>
    private static float ChainHeight(List<Band> bands, int index)
    {
        var height = 0f;
        for (var j = index; j < bands.Count && !bands[j].IsPageBreak; j++)
        {
            height += bands[j].Height;
            if (!bands[j].IsSpace && !bands[j].KeepWithNext)
            {
                break;
            }
        }

        return height;
    }

    private List<Band> LayoutBlocks(IReadOnlyList<LayoutBlock> blocks, float x, float width, float bodyHeight)
    {
        var bands = new List<Band>();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph paragraph:
                    bands.AddRange(_paragraphs.Layout(paragraph, x, width));
                    break;
                case Spacer spacer:
                    bands.Add(Band.Space(spacer.Height));
                    break;
                case PageBreak:
                    bands.Add(new Band(0, []) { IsPageBreak = true });
                    break;
                case ImageBlock image:
                    if (image.SpaceBefore > 0)
                    {
                        bands.Add(Band.Space(image.SpaceBefore));
                    }

                    bands.Add(new Band(image.Size, [new ImageOp(image.EncodedImage, x, 0, image.Size, image.Size)]));
                    break;
                case ColumnsBlock columns:
                    bands.AddRange(LayoutColumns(columns, x, width, bodyHeight));
                    break;
                case Table table:
                    bands.AddRange(new TableLayout(this, table, x, width, bodyHeight).Layout());
                    break;
                default:
                    throw new NotSupportedException($"Unknown block {block.GetType().Name}.");
            }
        }

        return bands;
    }

    /// <summary>Lays out blocks without page breaks and returns them stacked (for columns and cells).</summary>
    internal (List<DrawOp> Ops, float Height) LayoutStacked(IReadOnlyList<LayoutBlock> blocks, float x, float width, float bodyHeight)
    {
        var bands = LayoutBlocks(blocks, x, width, bodyHeight);
        // Spacing at the very start and end of a column or cell would only add padding.
        while (bands.Count > 0 && bands[0].IsSpace)
        {
            bands.RemoveAt(0);
        }

        while (bands.Count > 0 && bands[^1].IsSpace)
        {
            bands.RemoveAt(bands.Count - 1);
        }

        return Band.Stack(bands);
    }

    /// <summary>Cell content as separate line bands, for splitting a row taller than a page.</summary>
    internal List<Band> LayoutLines(IReadOnlyList<LayoutBlock> blocks, float x, float width, float bodyHeight) =>
        LayoutBlocks(blocks, x, width, bodyHeight);

    private IEnumerable<Band> LayoutColumns(ColumnsBlock block, float x, float width, float bodyHeight)
    {
        var total = block.Columns.Sum(c => c.Weight);
        var ops = new List<DrawOp>();
        var height = 0f;
        var left = x;
        foreach (var column in block.Columns)
        {
            var columnWidth = width * column.Weight / total;
            var (columnOps, columnHeight) = LayoutStacked(column.Blocks, left, columnWidth, bodyHeight);
            ops.AddRange(columnOps);
            height = Math.Max(height, columnHeight);
            left += columnWidth;
        }

        if (block.SpaceBefore > 0)
        {
            yield return Band.Space(block.SpaceBefore);
        }

        yield return new Band(height, ops);
        if (block.SpaceAfter > 0)
        {
            yield return Band.Space(block.SpaceAfter);
        }
    }
}
