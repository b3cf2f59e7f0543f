using System.Globalization;
using PhuThoCa.Documents.Layout;
using PhuThoCa.Documents.Nd30;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Common;

namespace PhuThoCa.Documents.Composers;

/// <summary>
/// What every composer prints the same way (ND 30/2020 Phụ lục I): an agency's header with its số and ký hiệu, the
/// "Lưu" line, the signer's quyền hạn/chức vụ lines, table numbering and the dotted blank left to fill in by hand.
/// </summary>
public static class DocumentParts
{
    /// <summary>Printed where a value is missing, to be written in by hand.</summary>
    public const string Blank = "……………";

    internal static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly string[] TitleSeparators = ["\r\n", "\n", "/", "|"];

    /// <summary>"VT" and the drafting unit of the ký hiệu ("UBND-VP" → "VT, VP").</summary>
    public static string DefaultArchive(string symbol)
    {
        var dash = symbol.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && dash < symbol.Length - 1 ? $"VT, {symbol[(dash + 1)..]}" : "VT";
    }

    /// <summary>
    /// Header of an agency's document. "Số" may be typed whole ("12/UBND-VP"): the part after the slash is the ký hiệu;
    /// otherwise the ký hiệu is the agency's abbreviation. The agency name drops "tỉnh Phú Thọ" when the line above
    /// (cơ quan chủ quản) already says it, as in "UBND TỈNH PHÚ THỌ / SỞ Y TẾ". A UBND xã/phường prints its own place name,
    /// other agencies <see cref="RequestLetterOptions.Place"/>.
    /// </summary>
    public static LetterHeader Header(Agency agency, string? letterNumber, DateOnly date, RequestLetterOptions options)
    {
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentNullException.ThrowIfNull(options);
        var (number, symbol) = SplitNumber(letterNumber, agency.ShortName);
        return new LetterHeader(IssuingName(agency.Name, agency.ParentAuthorityName), symbol, PlaceOf(agency, options.Place), date)
        {
            ParentAuthority = agency.ParentAuthorityName,
            Number = number,
        };
    }

    public static (string? Number, string Symbol) SplitNumber(string? letterNumber, string agencyShortName)
    {
        var text = Clean(letterNumber);
        if (text is not null && text.StartsWith("Số", StringComparison.OrdinalIgnoreCase))
        {
            text = Clean(text[2..].TrimStart(':', ' '));
        }

        if (text is null)
        {
            return (null, agencyShortName);
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return (text, agencyShortName);
        }

        var symbol = Clean(text[(slash + 1)..]);
        return (Clean(text[..slash]), symbol ?? agencyShortName);
    }

    /// <summary>Quyền hạn/chức vụ lines, from one text where "/" or a line break separates the lines.</summary>
    public static IReadOnlyList<string>? TitleLines(string? titles)
    {
        var lines = (titles ?? "").Split(TitleSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.ToUpper(Vietnamese)).ToList();
        return lines.Count == 0 ? null : lines;
    }

    public static LetterSigner Signer(string? position, string? name) =>
        TitleLines(position) is { } lines
            ? new LetterSigner(lines, Clean(name) ?? "")
            : new LetterSigner(["NGƯỜI ĐỨNG ĐẦU CƠ QUAN, TỔ CHỨC", "QUẢN LÝ TRỰC TIẾP"], Clean(name) ?? "")
            {
                Note = "(Ký, đóng dấu và ghi rõ họ tên)",
            };

    private static string PlaceOf(Agency agency, string place)
    {
        if (agency.Kind == AgencyKind.CommuneCommittee)
        {
            foreach (var prefix in new[] { "UBND phường ", "UBND xã ", "Ủy ban nhân dân phường ", "Ủy ban nhân dân xã " })
            {
                if (agency.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && agency.Name.Length > prefix.Length)
                {
                    return agency.Name[prefix.Length..];
                }
            }
        }

        return place;
    }

    private static string IssuingName(string name, string? parent)
    {
        var at = name.LastIndexOf(" tỉnh ", StringComparison.OrdinalIgnoreCase);
        if (parent is null || at <= 0)
        {
            return name;
        }

        var suffix = name[at..].ToUpper(Vietnamese);
        return parent.ToUpper(Vietnamese).EndsWith(suffix, StringComparison.Ordinal) ? name[..at] : name;
    }

    internal static LetterTableColumn Index(float weight) => new("STT", weight) { Alignment = TextAlignment.Center };

    internal static string No(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    internal static string Date(DateOnly date) => VietnamTime.DateText(date);

    internal static string Or(string? value) => Clean(value) ?? Blank;

    internal static string Or(DateOnly? value) => value is { } d ? Date(d) : Blank;

    internal static string EndSentence(string text)
    {
        var t = text.Trim();
        return t.EndsWith('.') ? t : t + ".";
    }

    internal static string Fill(string template, string agency) => template.Replace("{agency}", agency, StringComparison.Ordinal);

    internal static string? Clean(string? value) => Domain.Common.Text.CleanOrNull(value);

    /// <summary>The request's lines: subscriber, certificate and token serials (Sở's notice and receipt slip).</summary>
    internal static LetterTable CertificateLinesTable(RequestLetterData data)
    {
        LetterTableColumn[] columns =
        [
            Index(0.55f),
            new("Tên chứng thư chữ ký số / thuê bao", 2.4f),
            new("Số hiệu chứng thư chữ ký số", 2.2f) { Alignment = TextAlignment.Center },
            new("Số hiệu thiết bị lưu khóa bí mật", 1.7f) { Alignment = TextAlignment.Center },
        ];
        var rows = data.Request.Lines.Select((line, i) => (IReadOnlyList<string>)
            [No(i), line.SubscriberName, line.CertificateSerial ?? "", line.TokenSerial ?? ""]).ToList();
        return new LetterTable(columns, rows);
    }
}
