using PhuThoCa.Documents.Layout;
using PhuThoCa.Documents.Nd30;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Requests;
using static PhuThoCa.Documents.Composers.DocumentParts;

namespace PhuThoCa.Documents.Composers;

/// <summary>
/// The documents of the token return after a revocation (Nghị định 68/2024/NĐ-CP Điều 20; Quy chế Điều 9 khoản 3), from
/// the outcomes recorded on a revoke request: Mẫu 08, biên bản giao, nhận of the tokens handed to the Cục, and Mẫu 09,
/// biên bản xác nhận of the tokens lost, sent to the Cục. Pure: no database, no clock. The forms' wording follows
/// domain-spec §3.3 (the Phụ lục of ND 68 as restated by Ninh Bình Điều 10.6).
/// </summary>
public sealed class TokenReturnRecordComposer(RequestLetterOptions options)
{
    public const string Mau08 = "mau-08";
    public const string Mau09 = "mau-09";
    public const string LegalBasis = "Nghị định số 68/2024/NĐ-CP, Điều 20; Quy chế, Điều 9 khoản 3";

    /// <summary>The lines of <paramref name="request"/> whose token had <paramref name="outcome"/>, oldest date first.</summary>
    public static IReadOnlyList<RequestLine> LinesOf(Request request, TokenReturnOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(request);
        return [.. request.Lines.Where(l => l.TokenReturnOutcome == outcome).OrderBy(l => l.TokenReturnedOn)];
    }

    /// <summary>Mẫu 08 (returned) or Mẫu 09 (lost) for the request's tokens with that outcome; null when there are none.</summary>
    public MinutesRecord? Compose(Request request, Agency agency, TokenReturnOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(agency);
        var lines = LinesOf(request, outcome);
        if (lines.Count == 0)
        {
            return null;
        }

        var date = lines.Max(l => l.TokenReturnedOn!.Value);
        var number = lines.Select(l => l.TokenReturnMinutesNumber).FirstOrDefault(n => n is not null);
        var header = Header(agency, number, date, options) with
        {
            Symbol = number is null ? $"BB-{agency.ShortName}" : SplitNumber(number, $"BB-{agency.ShortName}").Symbol,
        };
        var columns = new List<LetterTableColumn>
        {
            Index(0.55f),
            new("Số hiệu thiết bị lưu khóa bí mật", 1.6f) { Alignment = TextAlignment.Center },
            new("Số hiệu chứng thư chữ ký số đã thu hồi", 1.7f) { Alignment = TextAlignment.Center },
            new("Tên thuê bao", 1.6f),
            new(outcome == TokenReturnOutcome.Lost ? "Ngày phát hiện thất lạc" : "Ngày bàn giao", 1.1f) { Alignment = TextAlignment.Center },
        };
        var rows = lines.Select((l, i) => (IReadOnlyList<string>)
            [No(i), Or(l.TokenSerial), Or(l.CertificateSerial), l.SubscriberName, Date(l.TokenReturnedOn!.Value)]).ToList();
        var letter = request.Letter.Number is null ? "" : $" số {request.Letter.Number}" + (request.Letter.Date is { } d ? $" ngày {Date(d)}" : "");
        var reference = $"Văn bản{letter} của {agency.Name} đề nghị thu hồi chứng thư chữ ký số chuyên dùng công vụ"
            + (request.ReceiptNumber is null ? "" : $" (số tiếp nhận {request.ReceiptNumber})");
        var body = new List<LetterBlock>
        {
            new LetterParagraph($"Căn cứ {LegalBasis};"),
            new LetterParagraph($"Căn cứ {reference};"),
        };
        if (outcome == TokenReturnOutcome.ReturnedToCa)
        {
            body.AddRange(
            [
                new LetterParagraph($"Hôm nay, {VietnameseDates.LongForm(date)}, chúng tôi gồm:"),
                new LetterSectionHeading($"1. Bên giao: {agency.Name}"),
                new LetterParagraph($"- Đại diện: {Blank}; chức vụ: {Blank}"),
                new LetterSectionHeading($"2. Bên nhận: {options.CaDepartment}"),
                new LetterParagraph($"- Đại diện: {Blank}; chức vụ: {Blank}"),
                new LetterParagraph("Bên giao bàn giao cho Bên nhận các thiết bị lưu khóa bí mật của chứng thư chữ ký số đã bị thu hồi như sau:"),
                new LetterTable(columns, rows),
                new LetterParagraph($"Số lượng: {rows.Count:00} thiết bị. Biên bản được lập thành 02 bản có giá trị như nhau, mỗi bên giữ 01 bản./."),
            ]);
            return new MinutesRecord(header, "Giao, nhận thiết bị lưu khóa bí mật", body,
            [
                new LetterSigner(["ĐẠI DIỆN BÊN GIAO"], "") { Note = "(Ký, ghi rõ họ tên, đóng dấu)" },
                new LetterSigner(["ĐẠI DIỆN BÊN NHẬN"], "") { Note = "(Ký, ghi rõ họ tên)" },
            ])
            {
                CopyTo = ["Bên giao (01 bản)", "Bên nhận (01 bản)", options.ScienceDepartmentCopyLine],
                Archive = "VT, hồ sơ quản lý thiết bị",
            };
        }

        body.AddRange(
        [
            new LetterParagraph($"Hôm nay, {VietnameseDates.LongForm(date)}, {agency.Name} lập biên bản xác nhận các thiết bị lưu khóa bí mật "
                + "sau đây của thuê bao thuộc cơ quan đã bị thất lạc, không thu hồi được để bàn giao cho Cục Chứng thực số và Bảo mật thông tin:"),
            new LetterTable(columns, rows),
            new LetterParagraph("Chứng thư chữ ký số trên các thiết bị nêu trên đã bị thu hồi. Cơ quan chịu trách nhiệm về tính chính xác của "
                + "nội dung xác nhận và gửi biên bản này tới Cục Chứng thực số và Bảo mật thông tin; nếu tìm thấy thiết bị, cơ quan sẽ bàn "
                + "giao cho Cục theo quy định./."),
        ]);
        return new MinutesRecord(header, "Xác nhận thiết bị lưu khóa bí mật bị thất lạc", body,
        [
            new LetterSigner(["NGƯỜI LẬP BIÊN BẢN"], "") { Note = "(Ký, ghi rõ họ tên)" },
            new LetterSigner(["THỦ TRƯỞNG CƠ QUAN"], "") { Note = "(Ký, ghi rõ họ tên, đóng dấu)" },
        ])
        {
            CopyTo = [options.CaDepartment, options.ScienceDepartmentCopyLine],
            Archive = "VT, hồ sơ quản lý thiết bị",
        };
    }
}
