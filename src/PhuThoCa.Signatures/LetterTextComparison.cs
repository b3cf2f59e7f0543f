using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace PhuThoCa.Signatures;

/// <summary>One row of the side-by-side comparison: the stored letter's line and the signed file's line.</summary>
public sealed record TextRow(string? Stored, string? Uploaded)
{
    public bool Same => Stored == Uploaded;
}

/// <summary>The comparison of the signed letter's text with the stored letter the portal generated and sent.</summary>
public sealed record TextComparison(bool Equal, IReadOnlyList<TextRow> Rows)
{
    /// <summary>Only the rows that differ, with up to one unchanged line of context each side.</summary>
    public IReadOnlyList<TextRow> Differences => Rows.Where((r, i) => !r.Same
        || (i > 0 && !Rows[i - 1].Same) || (i + 1 < Rows.Count && !Rows[i + 1].Same)).ToList();
}

/// <summary>
/// Compares the text of two PDF letters line by line (PdfPig words grouped by baseline, NFC, spaces squashed), with a
/// longest-common-subsequence alignment so an inserted or changed line shows beside its counterpart.
/// </summary>
public static partial class LetterTextComparison
{
    public static TextComparison Compare(byte[] stored, byte[] uploaded)
    {
        var left = Lines(stored);
        var right = Lines(uploaded);
        var rows = Align(left, right);
        return new TextComparison(rows.All(r => r.Same), rows);
    }

    /// <summary>The text lines of every page, top to bottom.</summary>
    public static List<string> Lines(byte[] pdf)
    {
        var lines = new List<string>();
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            foreach (var line in page.GetWords()
                         .GroupBy(w => Math.Round(w.BoundingBox.Bottom / 3.0))
                         .OrderByDescending(g => g.Key))
            {
                var text = string.Join(' ', line.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text));
                text = Spaces().Replace(text.Normalize(NormalizationForm.FormC), " ").Trim();
                if (text.Length > 0)
                {
                    lines.Add(text);
                }
            }
        }

        return lines;
    }

    private static List<TextRow> Align(List<string> a, List<string> b)
    {
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var rows = new List<TextRow>();
        int x = 0, y = 0;
        var removed = new List<string>();
        var added = new List<string>();
        void Flush()
        {
            for (var k = 0; k < Math.Max(removed.Count, added.Count); k++)
            {
                rows.Add(new TextRow(k < removed.Count ? removed[k] : null, k < added.Count ? added[k] : null));
            }

            removed.Clear();
            added.Clear();
        }

        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                Flush();
                rows.Add(new TextRow(a[x], b[y]));
                x++;
                y++;
            }
            else if (y < b.Count && (x == a.Count || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                added.Add(b[y++]);
            }
            else
            {
                removed.Add(a[x++]);
            }
        }

        Flush();
        return rows;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
