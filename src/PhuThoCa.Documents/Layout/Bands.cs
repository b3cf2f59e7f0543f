using PhuThoCa.Documents.Fonts;
using SkiaSharp;

namespace PhuThoCa.Documents.Layout;

/// <summary>Something to draw. X and Y are absolute page coordinates once placed, band-relative before.</summary>
internal abstract record DrawOp
{
    public abstract DrawOp Offset(float dx, float dy);
}

/// <summary>Shaped glyphs; Positions are relative to (X, Y), which is the pen start on the baseline.</summary>
internal sealed record GlyphRunOp(FontFace Face, float Size, ushort[] Glyphs, SKPoint[] Positions, float X, float Y, float Width)
    : DrawOp
{
    public override DrawOp Offset(float dx, float dy) => this with { X = X + dx, Y = Y + dy };
}

/// <summary>An encoded image whose top-left corner is (X, Y).</summary>
internal sealed record ImageOp(ReadOnlyMemory<byte> EncodedImage, float X, float Y, float Width, float Height) : DrawOp
{
    public override DrawOp Offset(float dx, float dy) => this with { X = X + dx, Y = Y + dy };
}

internal sealed record LineOp(float X1, float Y1, float X2, float Y2, float Thickness) : DrawOp
{
    public override DrawOp Offset(float dx, float dy) => new LineOp(X1 + dx, Y1 + dy, X2 + dx, Y2 + dy, Thickness);
}

/// <summary>
/// An unbreakable horizontal slice of content (a text line, a table row, a column block). The page flow
/// places bands one under the other and breaks pages only between bands.
/// </summary>
internal sealed class Band(float height, List<DrawOp> ops)
{
    public float Height { get; set; } = height;

    /// <summary>Ops with X absolute and Y relative to the band's top.</summary>
    public List<DrawOp> Ops { get; } = ops;

    /// <summary>Vertical spacing: skipped at the top of a page and when it does not fit at the bottom.</summary>
    public bool IsSpace { get; init; }

    public bool KeepWithNext { get; set; }

    public bool IsPageBreak { get; init; }

    /// <summary>For table rows: the table's header band, repeated at the top of each new page.</summary>
    public Band? RepeatHeader { get; init; }

    public static Band Space(float height) => new(height, []) { IsSpace = true };

    /// <summary>Stacks bands into one (for columns and table cells, which never break).</summary>
    public static (List<DrawOp> Ops, float Height) Stack(IEnumerable<Band> bands)
    {
        var ops = new List<DrawOp>();
        var y = 0f;
        foreach (var band in bands)
        {
            if (band.IsPageBreak)
            {
                continue;
            }

            foreach (var op in band.Ops)
            {
                ops.Add(op.Offset(0, y));
            }

            y += band.Height;
        }

        return (ops, y);
    }
}
