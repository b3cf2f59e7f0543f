using System.Globalization;
using PhuThoCa.Documents.Nd30;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using static PhuThoCa.Documents.Composers.DocumentParts;

namespace PhuThoCa.Documents.Composers;

/// <summary>
/// What a one-stop-shop slip prints besides the request: its number and date, the Sở officer who gives it (receiver or
/// the one asking for the supplement), the due date with its step (the domain's <see cref="LegalDeadlines"/> give the
/// step's label and legal basis; a slip never restates the rule) and, for the phiếu yêu cầu bổ sung, what to supplement.
/// </summary>
public sealed record OneStopSlipDetails(string? Number, DateOnly Date, string OfficerName)
{
    public DateOnly? DueDate { get; init; }

    public DeadlineStep? DueStep { get; init; }

    /// <summary>The supplement the Sở asked for, as written (phiếu yêu cầu bổ sung), or why the result is late (phiếu xin lỗi).</summary>
    public string? Reason { get; init; }

    /// <summary>The new return date Sở promises (phiếu xin lỗi và hẹn lại ngày trả kết quả); <see cref="DueDate"/> stays the legal one.</summary>
    public DateOnly? PromisedDate { get; init; }
}

/// <summary>
/// Sở KH&amp;CN's one-stop-shop slips for a Mẫu 04/06 request (domain-spec; the form set of NĐ 118/2025/NĐ-CP is not in our
/// sources, so the numbering and wording are configurable through <see cref="RequestLetterOptions"/> [U]):
/// <see cref="Receipt"/> (giấy tiếp nhận hồ sơ và hẹn trả kết quả) and <see cref="Supplement"/> (phiếu yêu cầu bổ sung,
/// hoàn thiện hồ sơ). Pure: no database, no clock.
/// </summary>
public sealed class OneStopSlipComposer(RequestLetterOptions options)
{
    public OfficialLetter Compose(string kind, RequestLetterData data, OneStopSlipDetails details) => kind switch
    {
        LetterKinds.ReceiptSlip => Receipt(data, details),
        LetterKinds.SupplementSlip => Supplement(data, details),
        LetterKinds.ApologySlip => Apology(data, details),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The slip's số and ký hiệu for the year's sequence number (configured ký hiệu per kind).</summary>
    public string Number(string kind, int sequence) => options.Issuer.SlipNumber(kind, sequence);

    public OfficialLetter Receipt(RequestLetterData data, OneStopSlipDetails details)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(details);
        var request = data.Request;
        var body = new List<LetterBlock>
        {
            new LetterParagraph($"{options.ScienceDepartmentShort} đã tiếp nhận hồ sơ của {data.Agency.Name}:"),
            new LetterParagraph($"- Số tiếp nhận: {Or(request.ReceiptNumber)}."),
            new LetterParagraph($"- Thời điểm tiếp nhận: {ReceivedAt(request)}."),
            new LetterParagraph($"- Hồ sơ gồm: {LetterRef(request)} về việc đề nghị {RequestLetterComposer.Action(request)}, với danh sách sau:"),
            CertificateLinesTable(data),
            new LetterParagraph("- Ngày hẹn trả kết quả: " + DueText(details) + "."),
            new LetterParagraph($"- Người tiếp nhận: {Or(details.OfficerName)}."),
            new LetterParagraph($"- Người nhận kết quả: {Or(request.Contact.FullName)}"
                + (Clean(request.Contact.Position) is { } p ? $", {p}" : "")
                + (Clean(request.Contact.Phone) is { } phone ? $", điện thoại {phone}" : "") + "."),
        };
        return Slip(data, details, $"tiếp nhận hồ sơ và hẹn trả kết quả đề nghị {RequestLetterComposer.Action(request)}", body,
            "NGƯỜI TIẾP NHẬN");
    }

    public OfficialLetter Supplement(RequestLetterData data, OneStopSlipDetails details)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(details);
        var request = data.Request;
        var body = new List<LetterBlock>
        {
            new LetterParagraph($"{options.ScienceDepartmentShort} đã tiếp nhận hồ sơ của {data.Agency.Name}, số tiếp nhận "
                + $"{Or(request.ReceiptNumber)}, lúc {ReceivedAt(request)}: {LetterRef(request)} về việc đề nghị "
                + $"{RequestLetterComposer.Action(request)}.") { IndentFirstLine = true },
            new LetterParagraph("Sau khi xem xét, đề nghị bổ sung, hoàn thiện hồ sơ với các nội dung sau:") { IndentFirstLine = true },
        };
        body.AddRange((Clean(details.Reason) ?? Blank).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => new LetterParagraph(r.StartsWith('-') ? r : "- " + r)));
        body.Add(new LetterParagraph("Danh sách kèm theo văn bản đề nghị:") { IndentFirstLine = true });
        body.Add(CertificateLinesTable(data));
        var help = $"Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, đề nghị liên hệ {Or(details.OfficerName)} để được hướng dẫn.";
        body.Add(new LetterParagraph(help) { IndentFirstLine = true });
        return Slip(data, details, $"yêu cầu bổ sung, hoàn thiện hồ sơ đề nghị {RequestLetterComposer.Action(request)}", body,
            "NGƯỜI HƯỚNG DẪN");
    }

    /// <summary>
    /// Phiếu xin lỗi và hẹn lại ngày trả kết quả: the receipt, the legal due date Sở will miss or has missed (with its step
    /// and legal basis), the reason, and the new date promised.
    /// </summary>
    public OfficialLetter Apology(RequestLetterData data, OneStopSlipDetails details)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(details);
        var request = data.Request;
        var body = new List<LetterBlock>
        {
            new LetterParagraph($"Lúc {ReceivedAt(request)}, {options.ScienceDepartmentShort} đã tiếp nhận hồ sơ của "
                + $"{data.Agency.Name}, số tiếp nhận {Or(request.ReceiptNumber)}: {LetterRef(request)} về việc đề nghị "
                + $"{RequestLetterComposer.Action(request)}.") { IndentFirstLine = true },
            new LetterParagraph("- Ngày hẹn trả kết quả theo giấy tiếp nhận: " + DueText(details) + "."),
            new LetterParagraph($"- Lý do chậm trả kết quả: {Or(Clean(details.Reason))}."),
            new LetterParagraph($"{options.ScienceDepartmentShort} thành thật xin lỗi quý cơ quan vì sự chậm trễ này và hẹn lại "
                + $"ngày trả kết quả là ngày {(details.PromisedDate is { } d ? Date(d) : Blank)}.") { IndentFirstLine = true },
            new LetterParagraph("Danh sách kèm theo văn bản đề nghị:") { IndentFirstLine = true },
            CertificateLinesTable(data),
        };
        return Slip(data, details, $"xin lỗi và hẹn lại ngày trả kết quả đề nghị {RequestLetterComposer.Action(request)}", body,
            "NGƯỜI LẬP PHIẾU");
    }

    private OfficialLetter Slip(RequestLetterData data, OneStopSlipDetails details, string subject, List<LetterBlock> body,
        string signerTitle)
    {
        var issuer = options.Issuer;
        var (number, symbol) = SplitNumber(details.Number, issuer.Symbol);
        var header = new LetterHeader(issuer.Name, symbol, options.Place, details.Date)
        {
            ParentAuthority = Clean(issuer.ParentAuthority),
            Number = number,
        };
        return new OfficialLetter(header, subject, [data.Agency.Name], body, ["Như trên"], DefaultArchive(issuer.Symbol),
            new LetterSigner([signerTitle], Clean(details.OfficerName) ?? ""))
        {
            Closing = "Tra cứu tình trạng hồ sơ bằng mã QR trên giấy này./.",
        };
    }

    private static string DueText(OneStopSlipDetails details) => details.DueDate is { } due && details.DueStep is { } step
        ? $"{Date(due)} ({LegalDeadlines.Label(step)}; căn cứ {LegalDeadlines.LegalBasis(step)})"
        : Blank;

    private static string ReceivedAt(Request request) => request.ReceivedAtUtc is { } at
        ? VietnamTime.ToLocal(at).ToString("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy", CultureInfo.InvariantCulture)
        : Blank;

    private static string LetterRef(Request request) => request.Letter.Number is null
        ? "văn bản"
        : $"văn bản số {request.Letter.Number}" + (request.Letter.Date is { } d ? $" ngày {Date(d)}" : "");
}
