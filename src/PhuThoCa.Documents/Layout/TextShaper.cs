using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using HarfBuzzSharp;
using PhuThoCa.Documents.Fonts;
using SkiaSharp;
using HbBuffer = HarfBuzzSharp.Buffer;
using HbFont = HarfBuzzSharp.Font;

namespace PhuThoCa.Documents.Layout;

/// <summary>Glyphs from HarfBuzz with pen positions relative to the start of the text on the baseline.</summary>
internal sealed record ShapedText(ushort[] Glyphs, SKPoint[] Positions, float Width);

internal readonly record struct FaceMetrics(float Ascent, float Descent, float Leading, float UnderlineOffset, float UnderlineThickness);

/// <summary>
/// Shapes text with HarfBuzz and caches the result per face, size and string for one render.
/// HarfBuzz works in font units (its default scale is the face's units per em), so advances and kerning come out
/// exact, and positions in points are summed as size / unitsPerEm × units: the same float arithmetic as Skia's
/// PDF backend uses for advances, which lets <see cref="PdfTextLines"/> write a word as one string.
/// The HarfBuzz fonts are created once per process and shared (an hb_font_t is thread-safe for shaping);
/// an instance of this class is not thread-safe: each render owns one.
/// </summary>
internal sealed class TextShaper
{
    private static readonly Lazy<HbFont[]> HbFonts = new(CreateFonts, LazyThreadSafetyMode.ExecutionAndPublication);

    // The blobs and faces behind HbFonts, never disposed.
    private static readonly List<IDisposable> HbOwners = [];
    private static readonly ConcurrentDictionary<(FontFace Face, float Size), FaceMetrics> MetricsCache = new();
    private static readonly Language Vietnamese = new("vi");

    private readonly Dictionary<(FontFace Face, float Size, string Text), ShapedText> _shaped = [];

    public ShapedText Shape(FontFace face, float size, string text)
    {
        if (_shaped.TryGetValue((face, size, text), out var cached))
        {
            return cached;
        }

        using var buffer = new HbBuffer();
        buffer.AddUtf16(text);
        buffer.GuessSegmentProperties();
        buffer.Language = Vietnamese;
        HbFonts.Value[(int)face].Shape(buffer);

        var infos = buffer.GetGlyphInfoSpan();
        var placements = buffer.GetGlyphPositionSpan();
        var scale = size / LetterFonts.UnitsPerEm(face);
        var glyphs = new ushort[infos.Length];
        var positions = new SKPoint[infos.Length];
        var pen = 0f;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = checked((ushort)infos[i].Codepoint);
            positions[i] = new SKPoint(pen + (scale * placements[i].XOffset), -(scale * placements[i].YOffset));
            pen += scale * placements[i].XAdvance;
        }

        var shaped = new ShapedText(glyphs, positions, pen);
        _shaped[(face, size, text)] = shaped;
        return shaped;
    }

    /// <summary>No hinting and linear metrics: widths must equal HarfBuzz's, which is what the layout measured.</summary>
    public static SKFont CreateFont(SKTypeface typeface, float size) => new(typeface, size)
    {
        Hinting = SKFontHinting.None,
        Subpixel = true,
        LinearMetrics = true,
        Edging = SKFontEdging.Antialias,
    };

    public static FaceMetrics Metrics(FontFace face, float size) => MetricsCache.GetOrAdd((face, size), static key =>
    {
        using var font = CreateFont(LetterFonts.Typeface(key.Face), key.Size);
        var m = font.Metrics;
        return new FaceMetrics(
            -m.Ascent,
            m.Descent,
            m.Leading,
            m.UnderlinePosition ?? key.Size * 0.1f,
            m.UnderlineThickness ?? key.Size * 0.05f);
    });

    /// <summary>True when the face has a glyph for the code point (else the layout falls back to Symbols).</summary>
    public static bool Covers(FontFace face, int codePoint) =>
        HbFonts.Value[(int)face].TryGetGlyph((uint)codePoint, out var glyph) && glyph != 0;

    private static Blob NativeBlob(byte[] font)
    {
        var pinned = GCHandle.Alloc(font, GCHandleType.Pinned);
        try
        {
            var blob = new Blob(pinned.AddrOfPinnedObject(), font.Length, MemoryMode.Duplicate);
            blob.MakeImmutable();
            return blob;
        }
        finally
        {
            pinned.Free();
        }
    }

    private static HbFont[] CreateFonts()
    {
        var faces = Enum.GetValues<FontFace>();
        var fonts = new HbFont[faces.Length];
        foreach (var face in faces)
        {
            // HarfBuzz copies the font file into native memory (Duplicate): Blob.FromStream would point it at a
            // managed array that the GC is free to move. The blob, face and font live as long as the process.
#pragma warning disable CA2000 // kept in HbOwners for the life of the process
            var blob = NativeBlob(LetterFonts.FileBytes(face).ToArray());
            var hbFace = new Face(blob, 0);
            var font = new HbFont(hbFace);
#pragma warning restore CA2000
            HbOwners.Add(blob);
            HbOwners.Add(hbFace);
            font.SetFunctionsOpenType();
            fonts[(int)face] = font;
        }

        return fonts;
    }
}
