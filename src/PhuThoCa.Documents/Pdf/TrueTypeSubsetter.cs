using System.Buffers.Binary;
using System.Text;

namespace PhuThoCa.Documents.Pdf;

/// <summary>
/// A "retain glyph ids" TrueType subsetter for fonts embedded in PDF as CIDFontType2 with
/// CIDToGIDMap /Identity: every glyph keeps its id (so content streams and /W stay valid), unused glyphs
/// get an empty outline, and the tables a PDF viewer does not need (layout, kerning, hinting) are dropped.
/// Composite glyphs keep their components (Vietnamese letters such as "Ộ" are built that way).
/// </summary>
internal static class TrueTypeSubsetter
{
    // Kept: what a CIDFontType2 needs (head hhea maxp hmtx loca glyf, plus cvt/fpgm/prep when present)
    // and the small cmap, OS/2 and post, which some rasterisers still look for. name is cut to the
    // copyright, family and licence records (OFL: the notice travels with the font).
    private static readonly string[] KeptTables = ["OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"];
    private static readonly HashSet<ushort> KeptNameIds = [0, 1, 2, 4, 6, 13, 14];

    public static byte[] Subset(ReadOnlySpan<byte> font, IEnumerable<ushort> usedGlyphs)
    {
        ArgumentNullException.ThrowIfNull(usedGlyphs);
        var numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(TrueTypeTables.Read(font).Get(font, "maxp")[4..]);
        var used = new bool[numGlyphs];
        foreach (var glyph in usedGlyphs)
        {
            if (glyph < numGlyphs)
            {
                used[glyph] = true;
            }
        }

        return Subset(font, used);
    }

    /// <summary>Same, with the used glyphs as flags by glyph id (ids past the end are ignored).</summary>
    public static byte[] Subset(ReadOnlySpan<byte> font, ReadOnlySpan<bool> usedGlyphs)
    {
        var tables = ReadTables(font);
        var head = tables.Get(font, "head");
        var numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(tables.Get(font, "maxp")[4..]);
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(head[50..]) == 1;
        var loca = ReadLoca(tables.Get(font, "loca"), numGlyphs, longLoca);
        var glyf = tables.Get(font, "glyf");

        var keep = Closure(glyf, loca, usedGlyphs, numGlyphs);

        // glyf: kept outlines in id order, 4-byte aligned; loca points every dropped id at an empty range.
        var glyfLength = 0;
        for (var g = 0; g < numGlyphs; g++)
        {
            glyfLength += keep[g] ? ((int)(loca[g + 1] - loca[g]) + 3) & ~3 : 0;
        }

        var newGlyf = new byte[glyfLength];
        var newLoca = new uint[numGlyphs + 1];
        var offset = 0;
        for (var g = 0; g < numGlyphs; g++)
        {
            newLoca[g] = (uint)offset;
            if (keep[g])
            {
                var outline = glyf[(int)loca[g]..(int)loca[g + 1]];
                outline.CopyTo(newGlyf.AsSpan(offset));
                offset += (outline.Length + 3) & ~3;
            }
        }

        newLoca[numGlyphs] = (uint)offset;
        var shortLoca = offset <= 0x1FFFC;
        var locaBytes = new byte[(numGlyphs + 1) * (shortLoca ? 2 : 4)];
        for (var g = 0; g <= numGlyphs; g++)
        {
            if (shortLoca)
            {
                BinaryPrimitives.WriteUInt16BigEndian(locaBytes.AsSpan(g * 2), (ushort)(newLoca[g] / 2));
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(locaBytes.AsSpan(g * 4), newLoca[g]);
            }
        }

        var newHead = head.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0); // checkSumAdjustment, set below
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), (short)(shortLoca ? 0 : 1));

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var tag in KeptTables.Where(tables.Contains))
        {
            output[tag] = tag switch
            {
                "head" => newHead,
                "glyf" => newGlyf,
                "loca" => locaBytes,
                "hmtx" => ClearUnusedMetrics(tables.Get(font, "hmtx"), tables.Get(font, "hhea"), keep, numGlyphs),
                "name" => CutNames(tables.Get(font, "name")),
                _ => tables.Get(font, tag).ToArray(),
            };
        }

        return Write(output);
    }

    private static bool[] Closure(ReadOnlySpan<byte> glyf, uint[] loca, ReadOnlySpan<bool> used, int numGlyphs)
    {
        var keep = new bool[numGlyphs];
        var pending = new Stack<ushort>();
        pending.Push(0); // .notdef
        for (var g = 0; g < Math.Min(used.Length, numGlyphs); g++)
        {
            if (used[g])
            {
                pending.Push((ushort)g);
            }
        }

        while (pending.Count > 0)
        {
            var g = pending.Pop();
            if (keep[g])
            {
                continue;
            }

            keep[g] = true;
            var data = glyf[(int)loca[g]..(int)loca[g + 1]];
            if (data.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(data) >= 0)
            {
                continue; // empty or simple glyph
            }

            // Composite glyph: walk the component records (OpenType spec, 'glyf' composite description).
            var p = 10;
            ushort flags;
            do
            {
                flags = BinaryPrimitives.ReadUInt16BigEndian(data[p..]);
                var component = BinaryPrimitives.ReadUInt16BigEndian(data[(p + 2)..]);
                if (component < numGlyphs)
                {
                    pending.Push(component);
                }

                p += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
                p += (flags & 0x0008) != 0 ? 2 : (flags & 0x0040) != 0 ? 4 : (flags & 0x0080) != 0 ? 8 : 0;
            }
            while ((flags & 0x0020) != 0 && p + 4 <= data.Length);
        }

        return keep;
    }

    private static byte[] ClearUnusedMetrics(ReadOnlySpan<byte> hmtx, ReadOnlySpan<byte> hhea, bool[] keep, int numGlyphs)
    {
        // PDF takes widths from /W; zeroing unused entries only helps the stream compress.
        var result = hmtx.ToArray();
        var longMetrics = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);
        for (var g = 0; g < numGlyphs; g++)
        {
            if (keep[g])
            {
                continue;
            }

            var (offset, length) = g < longMetrics ? (g * 4, 4) : ((longMetrics * 4) + ((g - longMetrics) * 2), 2);
            if (offset + length <= result.Length)
            {
                result.AsSpan(offset, length).Clear();
            }
        }

        return result;
    }

    private static byte[] CutNames(ReadOnlySpan<byte> name)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(name[2..]);
        var storage = BinaryPrimitives.ReadUInt16BigEndian(name[4..]);
        var records = new List<(ushort Platform, ushort Encoding, ushort Language, ushort NameId, byte[] Text)>();
        for (var i = 0; i < count; i++)
        {
            var r = name[(6 + (i * 12))..];
            var nameId = BinaryPrimitives.ReadUInt16BigEndian(r[6..]);
            if (!KeptNameIds.Contains(nameId))
            {
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(r[8..]);
            var offset = BinaryPrimitives.ReadUInt16BigEndian(r[10..]);
            records.Add((BinaryPrimitives.ReadUInt16BigEndian(r), BinaryPrimitives.ReadUInt16BigEndian(r[2..]),
                BinaryPrimitives.ReadUInt16BigEndian(r[4..]), nameId, name.Slice(storage + offset, length).ToArray()));
        }

        var headerLength = 6 + (records.Count * 12);
        var result = new byte[headerLength + records.Sum(r => r.Text.Length)];
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(2), (ushort)records.Count);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(4), (ushort)headerLength);
        var textOffset = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var r = result.AsSpan(6 + (i * 12));
            var rec = records[i];
            BinaryPrimitives.WriteUInt16BigEndian(r, rec.Platform);
            BinaryPrimitives.WriteUInt16BigEndian(r[2..], rec.Encoding);
            BinaryPrimitives.WriteUInt16BigEndian(r[4..], rec.Language);
            BinaryPrimitives.WriteUInt16BigEndian(r[6..], rec.NameId);
            BinaryPrimitives.WriteUInt16BigEndian(r[8..], (ushort)rec.Text.Length);
            BinaryPrimitives.WriteUInt16BigEndian(r[10..], (ushort)textOffset);
            rec.Text.CopyTo(result.AsSpan(headerLength + textOffset));
            textOffset += rec.Text.Length;
        }

        return result;
    }

    private static byte[] Write(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var power = 1;
        var selector = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            selector++;
        }

        var headerLength = 12 + (count * 16);
        var length = headerLength + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var font = new byte[length];
        var span = font.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)selector);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)((count * 16) - (power * 16)));
        var offset = headerLength;
        var index = 0;
        var headOffset = -1;
        foreach (var (tag, data) in tables)
        {
            var record = span[(12 + (index * 16))..];
            Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(span[offset..]);
            if (tag == "head")
            {
                headOffset = offset;
            }

            offset += (data.Length + 3) & ~3;
            index++;
        }

        if (headOffset >= 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], unchecked(0xB1B0AFBA - Checksum(font)));
        }

        return font;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var whole = data.Length & ~3;
        for (var i = 0; i < whole; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        uint last = 0;
        for (var i = whole; i < whole + 4; i++)
        {
            last = (last << 8) | (i < data.Length ? data[i] : 0u);
        }

        return whole == data.Length ? sum : unchecked(sum + last);
    }

    private static TrueTypeTables ReadTables(ReadOnlySpan<byte> font)
    {
        var tables = TrueTypeTables.Read(font);
        foreach (var required in new[] { "head", "hhea", "maxp", "hmtx", "loca", "glyf" })
        {
            if (!tables.Contains(required))
            {
                throw new InvalidDataException($"Not a TrueType-outline font: no '{required}' table.");
            }
        }

        return tables;
    }

    private static uint[] ReadLoca(ReadOnlySpan<byte> loca, int numGlyphs, bool isLong)
    {
        var offsets = new uint[numGlyphs + 1];
        for (var g = 0; g <= numGlyphs; g++)
        {
            offsets[g] = isLong
                ? BinaryPrimitives.ReadUInt32BigEndian(loca[(g * 4)..])
                : BinaryPrimitives.ReadUInt16BigEndian(loca[(g * 2)..]) * 2u;
        }

        return offsets;
    }
}
