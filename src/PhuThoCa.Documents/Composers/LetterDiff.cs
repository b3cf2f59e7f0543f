using PhuThoCa.Documents.Nd30;

namespace PhuThoCa.Documents.Composers;

/// <summary>How a line of a letter's table changed between two versions.</summary>
public enum LetterChangeKind
{
    Changed,
    LineAdded,
    LineRemoved,
}

/// <summary>One difference: what (in Vietnamese, e.g. "Số, ký hiệu" or "Dòng 2 – Số điện thoại di động"), before and after.</summary>
public sealed record LetterChange(LetterChangeKind Kind, string What, string? Before, string? After);

/// <summary>
/// Field-level comparison of two stored versions of a letter (issue 11 item 3: a resubmitted request shows what changed):
/// number, date, subject, recipients, copy-to, signer, paragraphs, and the table lines added, removed or changed (a line
/// is matched by its name column, so a removed line does not make every later line "changed").
/// </summary>
public static class LetterDiff
{
    public static IReadOnlyList<LetterChange> Compare(OfficialLetter before, OfficialLetter after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<LetterChange>();
        Field(changes, "Số, ký hiệu", NumberOf(before), NumberOf(after));
        Field(changes, "Ngày văn bản", DocumentParts.Date(before.Header.Date), DocumentParts.Date(after.Header.Date));
        Field(changes, "Trích yếu", before.Subject, after.Subject);
        Field(changes, "Kính gửi", Lines(before.Recipients), Lines(after.Recipients));
        Field(changes, "Nơi nhận", Lines(before.CopyTo), Lines(after.CopyTo));
        Field(changes, "Lưu", before.Archive, after.Archive);
        Field(changes, "Người ký", SignerOf(before.Signer), SignerOf(after.Signer));
        var oldParagraphs = Paragraphs(before);
        var newParagraphs = Paragraphs(after);
        for (var i = 0; i < Math.Max(oldParagraphs.Count, newParagraphs.Count); i++)
        {
            Field(changes, $"Đoạn {i + 1}", oldParagraphs.ElementAtOrDefault(i), newParagraphs.ElementAtOrDefault(i));
        }

        Field(changes, "Câu kết", before.Closing, after.Closing);
        var oldTables = before.Body.OfType<LetterTable>().ToList();
        var newTables = after.Body.OfType<LetterTable>().ToList();
        for (var t = 0; t < Math.Min(oldTables.Count, newTables.Count); t++)
        {
            CompareRows(changes, oldTables[t], newTables[t]);
        }

        return changes;
    }

    private static void CompareRows(List<LetterChange> changes, LetterTable before, LetterTable after)
    {
        var headers = after.Columns.Select(c => c.Header).ToList();
        var oldRows = before.Rows.Select(r => r.ToList()).ToList();
        var newRows = after.Rows.Select(r => r.ToList()).ToList();
        // Lines whose cells (numbering aside) did not change are left out first.
        foreach (var row in newRows.ToList())
        {
            var same = oldRows.FindIndex(o => o.Skip(1).SequenceEqual(row.Skip(1), StringComparer.Ordinal));
            if (same >= 0)
            {
                oldRows.RemoveAt(same);
                newRows.Remove(row);
            }
        }

        foreach (var row in newRows)
        {
            var match = oldRows.FindIndex(o => o.Count > 1 && row.Count > 1 && string.Equals(o[1], row[1], StringComparison.Ordinal));
            if (match < 0)
            {
                changes.Add(new LetterChange(LetterChangeKind.LineAdded, $"Dòng {row[0]} (thêm)", null, Summary(row)));
                continue;
            }

            var old = oldRows[match];
            oldRows.RemoveAt(match);
            for (var c = 1; c < Math.Min(Math.Min(old.Count, row.Count), headers.Count); c++)
            {
                if (!string.Equals(old[c], row[c], StringComparison.Ordinal))
                {
                    changes.Add(new LetterChange(LetterChangeKind.Changed, $"Dòng {row[0]} ({row[1]}) – {headers[c]}", Blank(old[c]), Blank(row[c])));
                }
            }
        }

        changes.AddRange(oldRows.Select(old => new LetterChange(LetterChangeKind.LineRemoved, $"Dòng {old[0]} (bỏ)", Summary(old), null)));
    }

    private static void Field(List<LetterChange> changes, string what, string? before, string? after)
    {
        if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
        {
            changes.Add(new LetterChange(LetterChangeKind.Changed, what, Blank(before), Blank(after)));
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Replace('\n', ' ');

    private static string Summary(IReadOnlyList<string> row) =>
        string.Join("; ", row.Skip(1).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Replace('\n', ' ')));

    private static string NumberOf(OfficialLetter letter) =>
        letter.Header.Number is { } n ? $"{n}/{letter.Header.Symbol}" : $"(chưa ghi số)/{letter.Header.Symbol}";

    private static string Lines(IReadOnlyList<string> lines) => string.Join("; ", lines);

    private static string SignerOf(LetterSigner signer) => string.Join(" ", signer.TitleLines) + " – " + signer.FullName;

    private static List<string> Paragraphs(OfficialLetter letter) =>
    [
        .. letter.Body.Select(b => b switch
        {
            LetterParagraph p => string.Concat(p.Spans.Select(s => s.Text)),
            LetterSectionHeading h => h.Text,
            _ => null,
        }).OfType<string>(),
    ];
}
