using System.Globalization;
using PhuThoCa.Documents.Layout;
using PhuThoCa.Documents.Nd30;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using static PhuThoCa.Documents.Composers.DocumentParts;

namespace PhuThoCa.Documents.Composers;

/// <summary>
/// What the receipt slip prints besides the request: its number, the receiver, and the due date with its step (the
/// domain's <see cref="LegalDeadlines"/> give the step's label and legal basis; the slip never restates the rule).
/// </summary>
public sealed record ReceiptSlipDetails(string? Number, DateOnly Date, string ReceiverName)
{
    public DateOnly? DueDate { get; init; }

    public DeadlineStep? DueStep { get; init; }
}

/// <summary>
/// Giấy tiếp nhận hồ sơ và hẹn trả kết quả: Sở KH&amp;CN's slip for a Mẫu 04/06 request it received (one-stop-shop practice,
/// domain-spec; wording configurable through <see cref="RequestLetterOptions"/> where unverified). Pure: no database, no clock.
/// </summary>
public sealed class ReceiptSlipComposer(RequestLetterOptions options)
{
    public OfficialLetter Compose(RequestLetterData data, ReceiptSlipDetails details)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(details);
        var request = data.Request;
        var agency = data.Agency.Name;
        var issuer = options.Issuer;
        var (number, symbol) = SplitNumber(details.Number, issuer.Symbol);
        var header = new LetterHeader(issuer.Name, symbol, options.Place, details.Date)
        {
            ParentAuthority = Clean(issuer.ParentAuthority),
            Number = number,
        };
        var receivedAt = request.ReceivedAtUtc is { } at
            ? VietnamTime.ToLocal(at).ToString("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy", CultureInfo.InvariantCulture)
            : Blank;
        var letterRef = request.LetterNumber is null
            ? "Văn bản"
            : $"Văn bản số {request.LetterNumber}" + (request.LetterDate is { } d ? $" ngày {Date(d)}" : "");
        var body = new List<LetterBlock>
        {
            new LetterParagraph($"{options.ScienceDepartmentShort} đã tiếp nhận hồ sơ của {agency}:"),
            new LetterParagraph($"- Số tiếp nhận: {Or(request.ReceiptNumber)}."),
            new LetterParagraph($"- Thời điểm tiếp nhận: {receivedAt}."),
            new LetterParagraph($"- Hồ sơ gồm: {letterRef} về việc đề nghị {RequestLetterComposer.Action(request)}, với danh sách sau:"),
            CertificateLinesTable(data),
            new LetterParagraph(details.DueDate is { } due && details.DueStep is { } step
                ? $"- Ngày hẹn trả kết quả: {Date(due)} ({LegalDeadlines.Label(step)}; căn cứ {LegalDeadlines.LegalBasis(step)})."
                : "- Ngày hẹn trả kết quả: " + Blank + "."),
            new LetterParagraph($"- Người tiếp nhận: {Or(details.ReceiverName)}."),
            new LetterParagraph($"- Người nhận kết quả: {Or(request.ContactFullName)}"
                + (Clean(request.ContactPosition) is { } p ? $", {p}" : "")
                + (Clean(request.ContactPhone) is { } phone ? $", điện thoại {phone}" : "") + "."),
        };
        return new OfficialLetter(
            header,
            $"tiếp nhận hồ sơ và hẹn trả kết quả đề nghị {RequestLetterComposer.Action(request)}",
            [agency],
            body,
            ["Như trên"],
            DefaultArchive(issuer.Symbol),
            new LetterSigner(["NGƯỜI TIẾP NHẬN"], Clean(details.ReceiverName) ?? ""))
        {
            Closing = "Tra cứu tình trạng hồ sơ bằng mã QR trên giấy này./.",
        };
    }
}
