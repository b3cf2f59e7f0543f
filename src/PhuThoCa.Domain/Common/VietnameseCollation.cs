using System.Globalization;
using System.Text;

namespace PhuThoCa.Domain.Common;

/// <summary>
/// A stored sort key that orders names as Vietnamese lists do, with a plain ordinal comparison in any database
/// (issue 13: "UBND phường Âu Cơ" before "Xuân Hòa", "Bùi Đức" before "Bùi Xuân").
/// </summary>
/// <remarks>
/// Letters in the order of the Vietnamese alphabet (TCVN 5712:1993 dictionary order): a ă â b c d đ e ê g h i k l m n o ô
/// ơ p q r s t u ư v x y, with f j w z, which only foreign words use, in their Latin places. Tones are a second level:
/// "Ba" &lt; "Bà" &lt; "Bả" &lt; "Bã" &lt; "Bá" &lt; "Bạ" (không dấu, huyền, hỏi, ngã, sắc, nặng), compared only between names
/// whose letters are equal. Case is ignored. Each letter is two digits, so the key is the same under SQLite's binary
/// collation and SQL Server's case-insensitive ones.
/// Persons are listed by given name (the last word), then family and middle names: "Nguyễn Văn An" sorts as "An Nguyễn Văn".
/// </remarks>
public static class VietnameseCollation
{
    public const int MaxLength = 400;

    private const string Alphabet = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

    /// <summary>The key of a name as written (agencies, organisations, devices).</summary>
    public static string Key(string? text)
    {
        var primary = new StringBuilder();
        var tones = new StringBuilder();
        foreach (var (letter, tone) in Letters(text))
        {
            primary.Append(letter);
            if (tone >= 0)
            {
                tones.Append((char)('0' + tone));
            }
        }

        var key = primary.Append('!').Append(tones).ToString();
        return key.Length <= MaxLength ? key : key[..MaxLength];
    }

    /// <summary>The key of a person's name: given name first, then family and middle names.</summary>
    public static string PersonKey(string? name)
    {
        var words = Text.Clean(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length < 2 ? Key(name) : Key(words[^1] + " " + string.Join(' ', words[..^1]));
    }

    /// <summary>Two-digit codes: a word break "00", digits "01"–"10", letters "11"–"43"; the tone of each letter (0–5), or -1.</summary>
    private static IEnumerable<(string Code, int Tone)> Letters(string? text)
    {
        var previousWasBreak = true;
        foreach (var element in Text.Clean(text).ToLowerInvariant())
        {
            if (char.IsSurrogate(element))
            {
                // Half of a character outside the BMP (an emoji, a rare Han character): no letter of the alphabet, and
                // normalising half of it alone throws.
                continue;
            }

            var decomposed = element.ToString().Normalize(NormalizationForm.FormD);
            var baseChar = decomposed[0];
            var tone = 0;
            var shape = "";
            foreach (var mark in decomposed.Skip(1))
            {
                switch (mark)
                {
                    case '\u0300': tone = 1; break; // huyền
                    case '\u0309': tone = 2; break; // hỏi
                    case '\u0303': tone = 3; break; // ngã
                    case '\u0301': tone = 4; break; // sắc
                    case '\u0323': tone = 5; break; // nặng
                    case '\u0306' or '\u0302' or '\u031B': shape += mark; break; // ă, â ê ô, ơ ư
                }
            }

            var letter = (baseChar + shape).Normalize(NormalizationForm.FormC);
            var index = letter.Length == 1 ? Alphabet.IndexOf(letter[0], StringComparison.Ordinal) : -1;
            if (index >= 0)
            {
                previousWasBreak = false;
                yield return ((11 + index).ToString("00", CultureInfo.InvariantCulture), tone);
            }
            else if (baseChar is >= '0' and <= '9')
            {
                previousWasBreak = false;
                yield return ((1 + baseChar - '0').ToString("00", CultureInfo.InvariantCulture), -1);
            }
            else if (!previousWasBreak && (char.IsWhiteSpace(baseChar) || char.IsPunctuation(baseChar)))
            {
                previousWasBreak = true;
                yield return ("00", -1);
            }
        }
    }
}
