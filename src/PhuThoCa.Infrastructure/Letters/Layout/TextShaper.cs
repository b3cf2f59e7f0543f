using PhuThoCa.Infrastructure.Letters.Fonts;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace PhuThoCa.Infrastructure.Letters.Layout;

/// <summary>Glyphs from HarfBuzz with pen positions relative to the start of the text on the baseline.</summary>
internal sealed record ShapedText(ushort[] Glyphs, SKPoint[] Positions, float Width);

internal readonly record struct FaceMetrics(float Ascent, float Descent, float Leading, float UnderlineOffset, float UnderlineThickness)
{
    public float SingleLineHeight => Ascent + Descent + Leading;
}

/// <summary>
/// Shapes text with HarfBuzz (SKShaper) and caches the result per face, size and string for one render.
/// Not thread-safe: each render owns one.
/// </summary>
internal sealed class TextShaper : IDisposable
{
    private readonly SKShaper?[] _shapers = new SKShaper?[Enum.GetValues<FontFace>().Length];
    private readonly Dictionary<(FontFace Face, float Size), SKFont> _fonts = [];
    private readonly Dictionary<(FontFace Face, float Size, string Text), ShapedText> _shaped = [];

    public ShapedText Shape(FontFace face, float size, string text)
    {
        if (_shaped.TryGetValue((face, size, text), out var cached))
        {
            return cached;
        }

        var shaper = _shapers[(int)face] ??= new SKShaper(LetterFonts.Typeface(face));
        var result = shaper.Shape(text, Font(face, size));
        var glyphs = new ushort[result.Codepoints.Length];
        for (var i = 0; i < glyphs.Length; i++)
        {
            glyphs[i] = checked((ushort)result.Codepoints[i]);
        }

        var shaped = new ShapedText(glyphs, result.Points, result.Width);
        _shaped[(face, size, text)] = shaped;
        return shaped;
    }

    public SKFont Font(FontFace face, float size)
    {
        if (!_fonts.TryGetValue((face, size), out var font))
        {
            font = CreateFont(LetterFonts.Typeface(face), size);
            _fonts[(face, size)] = font;
        }

        return font;
    }

    /// <summary>No hinting and linear metrics: widths must equal HarfBuzz's, which is what the layout measured.</summary>
    public static SKFont CreateFont(SKTypeface typeface, float size) => new(typeface, size)
    {
        Hinting = SKFontHinting.None,
        Subpixel = true,
        LinearMetrics = true,
        Edging = SKFontEdging.Antialias,
    };

    public FaceMetrics Metrics(FontFace face, float size)
    {
        var m = Font(face, size).Metrics;
        return new FaceMetrics(
            -m.Ascent,
            m.Descent,
            m.Leading,
            m.UnderlinePosition ?? size * 0.1f,
            m.UnderlineThickness ?? size * 0.05f);
    }

    /// <summary>True when the face has a glyph for the code point (else the layout falls back to Symbols).</summary>
    public bool Covers(FontFace face, int codePoint) => Font(face, 12f).GetGlyph(codePoint) != 0;

    public void Dispose()
    {
        foreach (var shaper in _shapers)
        {
            shaper?.Dispose();
        }

        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }
    }
}
