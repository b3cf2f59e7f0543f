using System.Buffers.Binary;
using System.Text;

namespace PhuThoCa.Documents.Pdf;

/// <summary>The table directory of a TrueType font file (OpenType spec, "Table directory"): where each table lies.</summary>
internal sealed class TrueTypeTables
{
    private readonly Dictionary<string, (int Offset, int Length)> _tables;

    private TrueTypeTables(Dictionary<string, (int Offset, int Length)> tables) => _tables = tables;

    public static TrueTypeTables Read(ReadOnlySpan<byte> font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        var tables = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = font[(12 + (i * 16))..];
            var tag = Encoding.ASCII.GetString(record[..4]);
            tables[tag] = ((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }

        return new TrueTypeTables(tables);
    }

    public bool Contains(string tag) => _tables.ContainsKey(tag);

    /// <summary>The bytes of table <paramref name="tag"/> in <paramref name="font"/> (the file this directory was read from).</summary>
    public ReadOnlySpan<byte> Get(ReadOnlySpan<byte> font, string tag) => _tables.TryGetValue(tag, out var table)
        ? font.Slice(table.Offset, table.Length)
        : throw new InvalidDataException($"The font has no '{tag}' table.");
}
