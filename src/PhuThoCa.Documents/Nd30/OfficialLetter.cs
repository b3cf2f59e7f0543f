using System.Text.Json.Serialization;
using PhuThoCa.Documents.Layout;

namespace PhuThoCa.Documents.Nd30;

// Plain model of an administrative document laid out per ND 30/2020/NĐ-CP Phụ lục I.
// Strings are printed as given (Vietnamese), NFC-normalised by the layout engine.

/// <summary>The two header columns: issuing agency, number and the national motto, place and date.</summary>
/// <param name="IssuingAgency">Tên cơ quan ban hành (ô 2), printed UPPER bold with a short rule under it.</param>
/// <param name="Symbol">Ký hiệu after the slash, e.g. "SKHCN-CĐS" (công văn has no type abbreviation).</param>
/// <param name="Place">Địa danh, e.g. "Phú Thọ".</param>
/// <param name="Date">Ngày ban hành (ô 4).</param>
public sealed record LetterHeader(string IssuingAgency, string Symbol, string Place, DateOnly Date)
{
    /// <summary>Tên cơ quan chủ quản (optional line above the agency), printed UPPER regular.</summary>
    public string? ParentAuthority { get; init; }

    /// <summary>Số; blank leaves room to write it in after signing ("Số:      /SKHCN-CĐS").</summary>
    public string? Number { get; init; }
}

/// <summary>Signature block (ô 7a–7c): quyền hạn and chức vụ lines, room to sign, name.</summary>
/// <param name="TitleLines">UPPER lines, e.g. ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"].</param>
/// <param name="FullName">Họ tên người ký, without academic titles.</param>
public sealed record LetterSigner(IReadOnlyList<string> TitleLines, string FullName)
{
    /// <summary>Italic line under the titles, e.g. "(Ký, ghi rõ họ tên)" on minutes.</summary>
    public string? Note { get; init; }

    public static LetterSigner Head(string title, string fullName) => new([title], fullName);

    /// <summary>Ký thay: "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC".</summary>
    public static LetterSigner OnBehalfOf(string headTitle, string signerTitle, string fullName) =>
        new([$"KT. {headTitle}", signerTitle], fullName);
}

/// <summary>
/// A small square image in the text area under "Nơi nhận" (the name is kept for stored letter versions): the QR code to
/// the public status page. Png holds the encoded image (PNG or JPEG).
/// </summary>
public sealed record LetterMarginImage(ReadOnlyMemory<byte> Png, float SizeMm = 18f)
{
    /// <summary>
    /// For a QR code: the same image at one pixel per module, which the PDF draws with nearest-neighbour sampling
    /// (sharp squares at any zoom, and 16 times fewer pixels to compress than <see cref="Png"/>). The DOCX keeps
    /// <see cref="Png"/>, because Word smooths a scaled-up image.
    /// </summary>
    public ReadOnlyMemory<byte>? ModulePng { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "block")]
[JsonDerivedType(typeof(LetterParagraph), "paragraph")]
[JsonDerivedType(typeof(LetterSectionHeading), "heading")]
[JsonDerivedType(typeof(LetterTable), "table")]
public abstract record LetterBlock;

public sealed record LetterSpan(string Text, bool Bold = false, bool Italic = false, bool Underline = false);

/// <summary>A body paragraph: 14 pt, justified, first line indented 1 cm, 6 pt after.</summary>
public sealed record LetterParagraph(IReadOnlyList<LetterSpan> Spans) : LetterBlock
{
    /// <summary>One plain run (internal so that JSON has one public constructor to bind, see <see cref="OfficialLetterJson"/>).</summary>
    internal LetterParagraph(string text)
        : this([new LetterSpan(text)])
    {
    }

    public bool IndentFirstLine { get; init; } = true;

    public TextAlignment Alignment { get; init; } = TextAlignment.Justify;
}

/// <summary>A bold section heading such as "1. Thông tin người tiếp nhận …", kept with what follows.</summary>
public sealed record LetterSectionHeading(string Text) : LetterBlock;

/// <summary>A table column. Columns with the same Group share a merged header cell above their own headers.</summary>
public sealed record LetterTableColumn(string Header, float Weight)
{
    public string? Group { get; init; }

    public TextAlignment Alignment { get; init; } = TextAlignment.Left;
}

/// <summary>A bordered table (subscriber lists); header repeats on each page.</summary>
public sealed record LetterTable(IReadOnlyList<LetterTableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : LetterBlock
{
    public float FontSize { get; init; } = 12f;
}

/// <summary>Công văn (ô 5b: "V/v …" under the number; "Kính gửi" opens the body).</summary>
/// <param name="Header">Agency, number, place and date.</param>
/// <param name="Subject">Trích yếu without the "V/v" prefix.</param>
/// <param name="Recipients">Kính gửi: one is printed on the same line, several as "- …;" lines.</param>
/// <param name="Body">Paragraphs, section headings and tables.</param>
/// <param name="CopyTo">Nơi nhận lines without the leading "- " (e.g. "Như trên").</param>
/// <param name="Archive">What follows "Lưu:", e.g. "VT, CĐS".</param>
/// <param name="Signer">Signature block on the right of the footer.</param>
public sealed record OfficialLetter(
    LetterHeader Header,
    string Subject,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<LetterBlock> Body,
    IReadOnlyList<string> CopyTo,
    string Archive,
    LetterSigner Signer)
{
    /// <summary>Closing paragraph after the body, e.g. "… chịu trách nhiệm về tính chính xác của các thông tin trên./.".</summary>
    public string? Closing { get; init; }

    /// <summary>Optional QR code, printed under "Nơi nhận" inside the text area.</summary>
    public LetterMarginImage? FirstPageImage { get; init; }

    /// <summary>Phụ lục after the signature, each from a new page (ND 30/2020 Phụ lục I, mục II.9).</summary>
    public IReadOnlyList<LetterAppendix> Appendices { get; init; } = [];
}

/// <summary>
/// A phụ lục of a letter: "Phụ lục I" and its title centred in bold, the reference to the letter in italics
/// ("(Kèm theo Công văn số …/SKHCN-CĐS ngày … của …)"), then its paragraphs and tables.
/// </summary>
public sealed record LetterAppendix(string Label, string Title, string Reference, IReadOnlyList<LetterBlock> Body);

/// <summary>Biên bản (minutes), e.g. the token handover record: centred title and side-by-side signatures.</summary>
/// <param name="Header">Agency, number, place and date.</param>
/// <param name="Subtitle">Line under "BIÊN BẢN", e.g. "Giao, nhận thiết bị lưu khóa bí mật".</param>
/// <param name="Body">Paragraphs, headings and tables.</param>
/// <param name="Signatories">Usually two: "BÊN GIAO" and "BÊN NHẬN".</param>
public sealed record MinutesRecord(LetterHeader Header, string Subtitle, IReadOnlyList<LetterBlock> Body, IReadOnlyList<LetterSigner> Signatories)
{
    public string Title { get; init; } = "BIÊN BẢN";

    /// <summary>Optional QR code, printed under "Nơi nhận" inside the text area.</summary>
    public LetterMarginImage? FirstPageImage { get; init; }

    /// <summary>Nơi nhận lines without the leading "- " (ND 30 Phụ lục I ô 9a), printed under the signatures; none when empty.</summary>
    public IReadOnlyList<string> CopyTo { get; init; } = [];

    /// <summary>The "Lưu" line of Nơi nhận (e.g. "VT"); only printed with <see cref="CopyTo"/>.</summary>
    public string Archive { get; init; } = "VT";
}

/// <summary>Rendering options; CreationDate is explicit so the same input always gives the same bytes.</summary>
public sealed record LetterRenderOptions(DateTimeOffset CreationDate)
{
    public Margins Margins { get; init; } = Margins.Nd30Default;

    /// <summary>Body text size, 13–14 pt per ND 30.</summary>
    public float BodySize { get; init; } = 14f;

    /// <summary>Body line spacing, 1–1.5 per ND 30.</summary>
    public float LineSpacing { get; init; } = 1.05f;

    public string? Author { get; init; }
}
