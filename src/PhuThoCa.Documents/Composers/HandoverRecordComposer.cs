using PhuThoCa.Documents.Layout;
using PhuThoCa.Documents.Nd30;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Tokens;
using static PhuThoCa.Documents.Composers.DocumentParts;

namespace PhuThoCa.Documents.Composers;

/// <summary>The biên bản giao, nhận thiết bị lưu khóa bí mật of a recorded handover. Pure: no database, no clock.</summary>
public sealed class HandoverRecordComposer(RequestLetterOptions options)
{
    /// <summary>Biên bản giao, nhận thiết bị lưu khóa bí mật (Mẫu 08; QĐ-PT Điều 7.1b, 9.2–9.3) from a recorded handover.</summary>
    public MinutesRecord Compose(TokenHandover handover, UsbToken token, Agency agency)
    {
        ArgumentNullException.ThrowIfNull(handover);
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(agency);
        var header = Header(agency, null, handover.Date, options) with { Symbol = $"BB-{agency.ShortName}" };
        var columns = new List<LetterTableColumn>
        {
            new("STT", 0.55f) { Alignment = TextAlignment.Center },
            new("Số hiệu thiết bị lưu khóa bí mật", 1.7f) { Alignment = TextAlignment.Center },
            new("Chủng loại", 1.6f),
            new("Số lượng", 0.8f) { Alignment = TextAlignment.Center },
            new("Tình trạng khi bàn giao", 2f),
        };
        var body = new List<LetterBlock>();
        if (handover.PermissionNumber is { } permission && handover.PermissionDate is { } permittedOn)
        {
            // Quy chế Điều 7.1b: the token is handed to another person only with the competent person's written permission.
            body.Add(new LetterParagraph($"Căn cứ Văn bản số {permission} ngày {permittedOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)} của người có thẩm quyền "
                + "cho phép bàn giao thiết bị lưu khóa bí mật;"));
        }

        body.AddRange(
        [
            new LetterParagraph($"Hôm nay, {VietnameseDates.LongForm(handover.Date)}, tại {agency.Name}, chúng tôi gồm:"),
            new LetterSectionHeading("1. Bên giao"),
            new LetterParagraph($"- Họ và tên: {handover.GiverName}"),
            new LetterParagraph($"- Chức vụ: {handover.GiverPosition ?? Blank}"),
            new LetterParagraph($"- Đơn vị: {handover.GiverUnit ?? Blank}"),
            new LetterSectionHeading("2. Bên nhận"),
            new LetterParagraph($"- Họ và tên: {handover.ReceiverName}"),
            new LetterParagraph($"- Chức vụ: {handover.ReceiverPosition ?? Blank}"),
            new LetterParagraph($"- Đơn vị: {handover.ReceiverUnit ?? Blank}"),
            new LetterParagraph("Hai bên thống nhất giao, nhận thiết bị lưu khóa bí mật với nội dung như sau:"),
            new LetterTable(columns, [["1", token.SerialNumber, Or(token.Model), "01", handover.Condition ?? "Hoạt động bình thường"]]),
            new LetterParagraph([new LetterSpan("Lý do bàn giao: ", Bold: true), new LetterSpan(EndSentence(handover.Reason))]),
            new LetterParagraph("Bên nhận có trách nhiệm quản lý, sử dụng thiết bị lưu khóa bí mật theo quy định. Biên bản được lập thành "
                + "02 bản có giá trị như nhau, mỗi bên giữ 01 bản./."),
        ]);
        const string note = "(Ký, ghi rõ họ tên)";
        return new MinutesRecord(header, "Giao, nhận thiết bị lưu khóa bí mật", body,
        [
            new LetterSigner(["BÊN GIAO"], handover.GiverName) { Note = note },
            new LetterSigner(["BÊN NHẬN"], handover.ReceiverName) { Note = note },
        ])
        {
            // One copy for each party (the closing sentence), the agency keeps the record in its dossier (QĐ-PT Điều 9.2).
            CopyTo = ["Bên giao (01 bản)", "Bên nhận (01 bản)"],
            Archive = "VT, hồ sơ quản lý thiết bị",
        };
    }
}
