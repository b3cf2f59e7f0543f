using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace PhuThoCa.Infrastructure.Letters.Pdf;

/// <summary>
/// Post-processes a PDF written by Skia's PDF backend, which embeds each TrueType font whole (it names
/// the font "AAAAAA+…" but does not cut it): every FontFile2 stream whose font we know is replaced by a
/// <see cref="TrueTypeSubsetter"/> cut holding only the glyphs the document draws, and the cross-reference
/// table is rewritten. It expects Skia's layout: one classic xref table, no object streams, no incremental
/// updates, "/FontFile2 n 0 R" in each FontDescriptor. Anything else is returned unchanged.
/// </summary>
internal static partial class PdfFontSubsetter
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <param name="pdf">Skia's output.</param>
    /// <param name="fonts">Per PostScript name (the BaseFont after the subset tag): the font file as given
    /// to Skia and the glyph ids drawn with it.</param>
    public static byte[] SubsetEmbeddedFonts(byte[] pdf, IReadOnlyDictionary<string, (ReadOnlyMemory<byte> Font, IReadOnlySet<ushort> Glyphs)> fonts)
    {
        var text = Latin1.GetString(pdf);
        var startXref = StartXrefPattern().Match(text);
        if (!startXref.Success)
        {
            return pdf;
        }

        var xrefOffset = int.Parse(startXref.Groups[1].Value, CultureInfo.InvariantCulture);
        var xref = XrefPattern().Match(text, xrefOffset);
        if (!xref.Success || xref.Index != xrefOffset || xref.Groups[1].Value != "0")
        {
            return pdf;
        }

        var count = int.Parse(xref.Groups[2].Value, CultureInfo.InvariantCulture);
        var offsets = new int[count];
        var entries = xref.Index + xref.Length;
        for (var i = 0; i < count; i++)
        {
            var entry = text.AsSpan(entries + (i * 20), 18);
            offsets[i] = entry[17] == 'n' ? int.Parse(entry[..10], CultureInfo.InvariantCulture) : -1;
        }

        var trailerStart = text.IndexOf("trailer", entries + (count * 20), StringComparison.Ordinal);
        if (trailerStart < 0)
        {
            return pdf;
        }

        var trailer = text[trailerStart..startXref.Index];

        // Object spans in file order: each object runs up to the next one (the last one up to the xref).
        var order = Enumerable.Range(1, count - 1).Where(n => offsets[n] > 0).OrderBy(n => offsets[n]).ToList();
        var spans = new Dictionary<int, (int Start, int End)>();
        for (var i = 0; i < order.Count; i++)
        {
            spans[order[i]] = (offsets[order[i]], i + 1 < order.Count ? offsets[order[i + 1]] : xrefOffset);
        }

        // FontDescriptor: FontFile2 object number -> PostScript name.
        var replacements = new Dictionary<int, byte[]>();
        foreach (var (number, (start, end)) in spans)
        {
            var body = text.AsSpan(start, Math.Min(end - start, 2048)).ToString();
            var descriptor = DescriptorPattern().Match(body);
            if (!descriptor.Success)
            {
                continue;
            }

            var fontFile = int.Parse(descriptor.Groups[2].Value, CultureInfo.InvariantCulture);
            if (fonts.TryGetValue(descriptor.Groups[1].Value, out var font) && spans.ContainsKey(fontFile))
            {
                var subset = TrueTypeSubsetter.Subset(font.Font.Span, font.Glyphs);
                replacements[fontFile] = FontFileObject(fontFile, subset);
            }
        }

        if (replacements.Count == 0)
        {
            return pdf;
        }

        using var output = new MemoryStream(pdf.Length);
        output.Write(pdf, 0, offsets[order[0]]);
        var newOffsets = new long[count];
        foreach (var number in order)
        {
            newOffsets[number] = output.Position;
            if (replacements.TryGetValue(number, out var replacement))
            {
                output.Write(replacement);
            }
            else
            {
                var (start, end) = spans[number];
                output.Write(pdf, start, end - start);
            }
        }

        var newXref = output.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {count}\n0000000000 65535 f \n");
        for (var n = 1; n < count; n++)
        {
            table.Append(offsets[n] > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{newOffsets[n]:D10} 00000 n \n")
                : "0000000000 65535 f \n");
        }

        table.Append(trailer);
        table.Append(CultureInfo.InvariantCulture, $"startxref\n{newXref}\n%%EOF\n");
        output.Write(Latin1.GetBytes(table.ToString()));
        return output.ToArray();
    }

    private static byte[] FontFileObject(int number, byte[] font)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(font);
        }

        var head = Latin1.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"{number} 0 obj\n<</Length1 {font.Length}\n/Filter /FlateDecode\n/Length {compressed.Length}>> stream\n"));
        var tail = "\nendstream\nendobj\n"u8;
        var result = new byte[head.Length + compressed.Length + tail.Length];
        head.CopyTo(result, 0);
        compressed.GetBuffer().AsSpan(0, (int)compressed.Length).CopyTo(result.AsSpan(head.Length));
        tail.CopyTo(result.AsSpan(head.Length + (int)compressed.Length));
        return result;
    }

    [GeneratedRegex(@"startxref\s+(\d+)\s+%%EOF\s*$")]
    private static partial Regex StartXrefPattern();

    [GeneratedRegex(@"xref\r?\n(\d+) (\d+)\r?\n")]
    private static partial Regex XrefPattern();

    [GeneratedRegex(@"^\d+ 0 obj\s*<<\s*/Type\s*/FontDescriptor\s.*?/FontName\s*/[A-Z]{6}\+([^\s/>]+).*?/FontFile2\s+(\d+)\s+0\s+R", RegexOptions.Singleline)]
    private static partial Regex DescriptorPattern();
}
