using System.Buffers.Binary;
using PhuThoCa.Documents.Pdf;
using SkiaSharp;

namespace PhuThoCa.Documents.Fonts;

/// <summary>The faces a letter can use. The serif faces are "PhuThoCa Serif" (Liberation Serif cut).</summary>
public enum FontFace
{
    Regular,
    Bold,
    Italic,
    BoldItalic,

    /// <summary>Fallback for characters the serif faces lack (✓ ☐ ☑ …).</summary>
    Symbols,
}

/// <summary>
/// The font files embedded in this assembly (see Fonts/README.md), loaded once per process.
/// SKTypeface is immutable and thread-safe, so the instances are shared by every render.
/// </summary>
public static class LetterFonts
{
    private static readonly Lazy<LoadedFace[]> Faces = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static SKTypeface Typeface(FontFace face) => Faces.Value[(int)face].Typeface;

    /// <summary>The font file as shipped, for the PDF font subsetter.</summary>
    public static ReadOnlyMemory<byte> FileBytes(FontFace face) => Faces.Value[(int)face].Bytes;

    /// <summary>Units per em (head table) of the face's design grid.</summary>
    public static int UnitsPerEm(FontFace face) => Faces.Value[(int)face].UnitsPerEm;

    /// <summary>Advance widths in font units by glyph id (hmtx), as Skia's PDF backend measures them.</summary>
    public static ReadOnlyMemory<ushort> Advances(FontFace face) => Faces.Value[(int)face].Advances;

    /// <summary>Glyph id of U+0020 in the face.</summary>
    public static ushort SpaceGlyph(FontFace face) => Faces.Value[(int)face].Space;

    /// <summary>PostScript name, e.g. "PhuThoCaSerif-Bold"; it is the PDF BaseFont after the subset tag.</summary>
    public static string PostScriptName(FontFace face) => face switch
    {
        FontFace.Regular => "PhuThoCaSerif-Regular",
        FontFace.Bold => "PhuThoCaSerif-Bold",
        FontFace.Italic => "PhuThoCaSerif-Italic",
        FontFace.BoldItalic => "PhuThoCaSerif-BoldItalic",
        FontFace.Symbols => "PhuThoCaSymbols-Regular",
    };

    public static FontFace SerifFace(bool bold, bool italic) => (bold, italic) switch
    {
        (false, false) => FontFace.Regular,
        (true, false) => FontFace.Bold,
        (false, true) => FontFace.Italic,
        (true, true) => FontFace.BoldItalic,
    };

    private static LoadedFace[] Load()
    {
        var faces = Enum.GetValues<FontFace>();
        var loaded = new LoadedFace[faces.Length];
        foreach (var face in faces)
        {
            var resource = $"PhuThoCa.Documents.Fonts.{PostScriptName(face)}.ttf";
            using var stream = typeof(LetterFonts).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded font {resource} is missing.");
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            var typeface = SKTypeface.FromStream(new MemoryStream(bytes, writable: false))
                ?? throw new InvalidOperationException($"Skia could not load {resource}.");
            loaded[(int)face] = new LoadedFace(typeface, bytes, ReadUnitsPerEm(bytes), ReadAdvances(bytes), SpaceOf(typeface));
        }

        return loaded;
    }

    private static ushort SpaceOf(SKTypeface typeface)
    {
        using var font = new SKFont(typeface);
        return font.GetGlyph(' ');
    }

    private static int ReadUnitsPerEm(byte[] font) =>
        BinaryPrimitives.ReadUInt16BigEndian(TrueTypeTables.Read(font).Get(font, "head")[18..]);

    private static ushort[] ReadAdvances(byte[] font)
    {
        var tables = TrueTypeTables.Read(font);
        var numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(tables.Get(font, "maxp")[4..]);
        var longMetrics = BinaryPrimitives.ReadUInt16BigEndian(tables.Get(font, "hhea")[34..]);
        var hmtx = tables.Get(font, "hmtx");
        var advances = new ushort[numGlyphs];
        for (var g = 0; g < numGlyphs; g++)
        {
            // After the last long metric every glyph has that metric's advance (OpenType 'hmtx').
            advances[g] = BinaryPrimitives.ReadUInt16BigEndian(hmtx[(Math.Min(g, longMetrics - 1) * 4)..]);
        }

        return advances;
    }

    private sealed record LoadedFace(SKTypeface Typeface, byte[] Bytes, int UnitsPerEm, ushort[] Advances, ushort Space);
}
