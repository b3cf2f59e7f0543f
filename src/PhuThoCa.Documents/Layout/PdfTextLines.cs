using PhuThoCa.Documents.Fonts;
using SkiaSharp;

namespace PhuThoCa.Documents.Layout;

/// <summary>
/// The glyphs of one stretch of a text line, drawn as one Skia text run: consecutive glyph runs (in drawing order) on the
/// same baseline in the same face and size, with a real space glyph between words so that the text copies out with
/// its spaces. Positions are relative to (<see cref="OriginX"/>, <see cref="Y"/>).
/// </summary>
internal sealed record TextLineOp(FontFace Face, float Size, float OriginX, float Y, ushort[] Glyphs, SKPoint[] Positions) : DrawOp
{
    // Positions are relative to the origin, so moving the line keeps them exact.
    public override DrawOp Offset(float dx, float dy) => this with { OriginX = OriginX + dx, Y = Y + dy };
}

/// <summary>
/// Joins the layout's word runs into lines for the PDF writer (speed and size: one BT … ET per line instead of one
/// per word, and far fewer draw calls).
/// Skia's PDF backend (SkPDFDevice's GlyphPositioner) writes a glyph into the current string when its position
/// equals, as floats, the previous glyph's position plus the font's advances since then, and a "Td" otherwise.
/// <see cref="TextShaper"/> sums glyph positions with the same float arithmetic (size / unitsPerEm × advance in font
/// units) and word starts are rounded here to 1/2048 pt, so for the letter sizes (13, 14 pt …) every sum is exact:
/// a word set with the plain advances is one string, a left-aligned line one string, and a justified line one Td
/// per gap. Kerned pairs and mark offsets still get their own Td (HarfBuzz's positions are kept as they are).
/// </summary>
internal static class PdfTextLines
{
    /// <summary>A word gap at least this many ems wide gets a space glyph.</summary>
    private const float SpaceGapEm = 0.15f;

    /// <summary>Glyphs within this of where the advances put them are moved there (no Td).</summary>
    private const float Snap = 0.01f;

    /// <summary>The ops in the same drawing order, runs joined into <see cref="TextLineOp"/>s; empty runs dropped.</summary>
    public static List<DrawOp> Join(IReadOnlyList<DrawOp> ops)
    {
        var joined = new List<DrawOp>(ops.Count);
        for (var i = 0; i < ops.Count;)
        {
            if (ops[i] is not GlyphRunOp first || first.Glyphs.Length == 0)
            {
                if (ops[i] is not GlyphRunOp)
                {
                    joined.Add(ops[i]);
                }

                i++;
                continue;
            }

            var end = i + 1;
            while (end < ops.Count && ops[end] is GlyphRunOp next && next.Face == first.Face && next.Size == first.Size
                   && next.Y == first.Y && next.Glyphs.Length > 0)
            {
                end++;
            }

            joined.Add(Build(ops, i, end));
            i = end;
        }

        return joined;
    }

    private static TextLineOp Build(IReadOnlyList<DrawOp> ops, int start, int end)
    {
        var first = (GlyphRunOp)ops[start];
        var advances = LetterFonts.Advances(first.Face);
        var scale = first.Size / LetterFonts.UnitsPerEm(first.Face);
        var space = LetterFonts.SpaceGlyph(first.Face);
        var originX = Round(first.X);
        var pen = new Pen(advances, scale);

        for (var k = start; k < end; k++)
        {
            var run = (GlyphRunOp)ops[k];
            var x = Round(run.X) - originX;
            if (pen.Count > 0)
            {
                var expected = pen.Next;
                if (x - expected.X >= SpaceGapEm * run.Size && space != 0)
                {
                    pen.Put(space, expected);
                    expected = pen.Next;
                }

                if (Math.Abs(x - expected.X) <= Snap && expected.Y == 0)
                {
                    x = expected.X;
                }
            }

            for (var g = 0; g < run.Glyphs.Length; g++)
            {
                pen.Put(run.Glyphs[g], new SKPoint(x + run.Positions[g].X, run.Positions[g].Y));
            }
        }

        return new TextLineOp(first.Face, first.Size, originX, first.Y, [.. pen.Glyphs], [.. pen.Positions]);
    }

    /// <summary>Rounds to 1/2048 pt: page coordinates (under 1024 pt) then add and subtract exactly.</summary>
    private static float Round(float value) => MathF.Round(value * 2048f) / 2048f;

    /// <summary>Where Skia's GlyphPositioner expects the next glyph (its "current matrix origin" plus advances).</summary>
    private sealed class Pen(ReadOnlyMemory<ushort> advances, float scale)
    {
        private SKPoint _anchor;
        private float _advance;

        public List<ushort> Glyphs { get; } = new(64);

        public List<SKPoint> Positions { get; } = new(64);

        public int Count => Glyphs.Count;

        public SKPoint Next => new(_anchor.X + _advance, _anchor.Y);

        public void Put(ushort glyph, SKPoint position)
        {
            Glyphs.Add(glyph);
            Positions.Add(position);
            if (position.X - _anchor.X != _advance || position.Y - _anchor.Y != 0)
            {
                _anchor = position;
                _advance = 0;
            }

            var units = glyph < advances.Length ? advances.Span[glyph] : 0;
            _advance += scale * units;
        }
    }
}
