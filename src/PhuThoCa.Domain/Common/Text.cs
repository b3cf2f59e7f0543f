using System.Globalization;
using System.Text;

namespace PhuThoCa.Domain.Common;

public static class Text
{
    /// <summary>Trims and normalises to NFC (macOS and some Word sources produce NFD Vietnamese).</summary>
    public static string Clean(string? value) => (value ?? "").Trim().Normalize(NormalizationForm.FormC);

    public static string? CleanOrNull(string? value)
    {
        var cleaned = Clean(value);
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>Lower-case, diacritics removed, đ → d: "Nguyễn Văn Đức" → "nguyen van duc". For accent-insensitive search.</summary>
    public static string Fold(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var decomposed = value.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(ch switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(ch),
            });
        }

        return sb.ToString();
    }
}
