using PhuThoCa.Documents.Nd30;
using PhuThoCa.Domain.Requests;
using static PhuThoCa.Documents.Composers.DocumentParts;

namespace PhuThoCa.Documents.Composers;

/// <summary>Sở KH&amp;CN's own data for a rejection notice: its number, date and signer.</summary>
public sealed record RejectionNoticeDetails(string? Number, DateOnly Date)
{
    /// <summary>Quyền hạn and chức vụ lines ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"); null: the configured one.</summary>
    public string? SignerTitle { get; init; }

    public string? SignerName { get; init; }
}

/// <summary>Sở KH&amp;CN's written refusal of a request (QĐ-PT Điều 5.4b, 6.3). Pure: no database, no clock.</summary>
public sealed class RejectionNoticeComposer(RequestLetterOptions options)
{
    /// <summary>
    /// Sở KH&amp;CN's notice to the agency that it does not accept the request, with the reasons (QĐ-PT Điều 5.4b, 6.3).
    /// </summary>
    public OfficialLetter Compose(RequestLetterData data, RejectionNoticeDetails details)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(details);
        var request = data.Request;
        var agency = data.Agency.Name;
        var issuer = options.Issuer;
        // "12/TB-SKHCN" from the register: the part after the slash is the ký hiệu; a bare number keeps the issuer's. "Lưu"
        // names the drafting unit of the issuer's own symbol (SKHCN-CĐS → "VT, CĐS").
        var (number, symbol) = SplitNumber(details.Number, issuer.Symbol);
        var header = new LetterHeader(issuer.Name, symbol, options.Place, details.Date)
        {
            ParentAuthority = Clean(issuer.ParentAuthority),
            Number = number,
        };
        var sender = options.ScienceDepartmentShort;
        var letterRef = request.Letter.Number is null
            ? "Văn bản"
            : $"Văn bản số {request.Letter.Number}" + (request.Letter.Date is { } d ? $" ngày {Date(d)}" : "");
        var received = request.ReceivedAtUtc is { } at
            ? $"Ngày {Date(Domain.Common.VietnamTime.ToDate(at))}, {sender} nhận được"
            : $"{sender} nhận được";
        var receipt = request.ReceiptNumber is null ? "" : $" (số tiếp nhận {request.ReceiptNumber})";
        var body = new List<LetterBlock>
        {
            new LetterParagraph($"{received} {letterRef} của {agency} về việc đề nghị {RequestLetterComposer.Action(request)}{receipt}."),
            new LetterParagraph($"Căn cứ Nghị định số 68/2024/NĐ-CP ngày 25/6/2024 của Chính phủ quy định về chữ ký số chuyên dùng công vụ; "
                + $"căn cứ {ClauseApplied(request.Type)}{options.Regulation()}, sau khi kiểm tra, {sender} thông báo không chấp nhận "
                + "đề nghị nêu trên với lý do như sau:"),
        };
        var reasons = (request.RejectionReason ?? Blank)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.StartsWith('-') ? r : "- " + r);
        body.AddRange(reasons.Select(r => new LetterParagraph(r)));
        body.Add(new LetterParagraph("Danh sách kèm theo văn bản đề nghị:") { IndentFirstLine = true });
        body.Add(CertificateLinesTable(data));
        body.Add(new LetterParagraph($"Đề nghị {agency} kiểm tra, hoàn thiện hồ sơ và gửi lại văn bản đề nghị theo quy định "
            + "(nếu vẫn còn nhu cầu)."));
        var titles = Clean(details.SignerTitle) ?? issuer.SignerTitle;
        return new OfficialLetter(
            header,
            $"thông báo không chấp nhận đề nghị {RequestLetterComposer.Action(request)}",
            [agency],
            body,
            ["Như trên"],
            DefaultArchive(issuer.Symbol),
            new LetterSigner(TitleLines(titles) ?? ["GIÁM ĐỐC"], Clean(details.SignerName) ?? Clean(issuer.SignerName) ?? ""))
        {
            Closing = $"{sender} thông báo để {agency} biết, thực hiện./.",
        };
    }

    /// <summary>
    /// The clause under which Sở refuses in writing: Điều 5 khoản 4 điểm b (renewal, change of information, Mẫu 04) or
    /// Điều 6 khoản 3 (token recovery, Mẫu 06), followed by " của "; empty for requests the Cục decides.
    /// </summary>
    public static string ClauseApplied(RequestType type) => type switch
    {
        RequestType.Renew or RequestType.ChangeInfo => "Điều 5 khoản 4 điểm b của ",
        RequestType.RecoverToken => "Điều 6 khoản 3 của ",
        RequestType.Issue or RequestType.Revoke => "",
    };
}
