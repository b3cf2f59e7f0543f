using System.Globalization;
using PhuThoCa.Documents.Layout;
using PhuThoCa.Documents.Nd30;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Domain.Requests;
using static PhuThoCa.Documents.Composers.DocumentParts;

namespace PhuThoCa.Documents.Composers;

/// <summary>Sở KH&amp;CN's data for the report letter: its number (blank: written in after signing), date and signer.</summary>
public sealed record ProvinceReportDetails(string? Number, DateOnly Date, string Scope)
{
    public string? SignerTitle { get; init; }

    public string? SignerName { get; init; }
}

/// <summary>
/// Công văn báo cáo of QĐ-PT Điều 8.4: Sở KH&amp;CN reports to UBND tỉnh and Ban Cơ yếu Chính phủ on the management and use
/// of official-use digital signatures, with next year's demand plan; the figures of <see cref="ReportTables"/> follow as
/// phụ lục. Pure: no database, no clock.
/// </summary>
public sealed class ProvinceReportComposer(RequestLetterOptions options)
{
    public const string Ubnd = "Ủy ban nhân dân tỉnh Phú Thọ";
    public const string CipherBoard = "Ban Cơ yếu Chính phủ";

    /// <summary>The ký hiệu printed after the letter's number ("SKHCN-CĐS").</summary>
    public string Symbol => options.Issuer.Symbol;

    private static readonly string[] Numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

    public OfficialLetter Compose(ProvinceReport report, ProvinceReportDetails details)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(details);
        var issuer = options.Issuer;
        var header = new LetterHeader(issuer.Name, issuer.Symbol, options.Place, details.Date)
        {
            ParentAuthority = Clean(issuer.ParentAuthority),
            Number = Clean(details.Number),
        };
        var sender = options.ScienceDepartmentShort;
        var period = report.Period;
        var total = report.Total;
        var requests = total.Requests;
        var periodText = $"{period.LabelInSentence} (từ ngày {Date(period.From)} đến ngày {Date(period.To)})";
        string N(int value) => value.ToString("N0", Vietnamese);
        var scope = details.Scope == "Toàn tỉnh" ? "toàn tỉnh" : details.Scope;

        var body = new List<LetterBlock>
        {
            new LetterParagraph($"Thực hiện Điều 8 khoản 4 của {options.Regulation()}, {sender} báo cáo tình hình quản lý, sử dụng chữ ký số "
                + $"chuyên dùng công vụ {periodText}, phạm vi: {scope}, như sau:"),
            new LetterSectionHeading("1. Thuê bao, chứng thư chữ ký số và thiết bị lưu khóa bí mật"),
            new LetterParagraph($"Số thuê bao đang hoạt động: {N(total.Subscribers)} (cá nhân {N(total.Persons)}, cơ quan, tổ chức {N(total.Organizations)}, "
                + $"thiết bị, dịch vụ, phần mềm {N(total.Devices)}). Trong kỳ: cấp mới {N(total.Issued)} chứng thư, gia hạn {N(total.Renewed)}, "
                + $"thay đổi thông tin {N(total.Changed)}, thu hồi {N(total.Revoked)}, hết hạn {N(total.Expired)}; đến cuối kỳ còn hiệu lực "
                + $"{N(total.ValidAtEnd)} chứng thư (Phụ lục I, II, III)."),
            new LetterParagraph($"Thiết bị lưu khóa bí mật: bàn giao {N(total.TokensHandedOver)} lượt, bị khóa {N(total.TokensLocked)}, đã khôi phục "
                + $"{N(total.TokensRecovered)}, mất {N(total.TokensLost)}, nộp lại Cục Chứng thực số và Bảo mật thông tin {N(total.TokensReturnedToCa)} (Phụ lục IV)."),
            new LetterSectionHeading("2. Tiếp nhận, giải quyết yêu cầu"),
            new LetterParagraph($"Tổng số yêu cầu: {N(requests.Total)} (kỳ trước chuyển sang {N(requests.CarriedOver)}, mới tiếp nhận {N(requests.Received)}); "
                + $"hoàn thành {N(requests.Completed)}, Sở từ chối {N(requests.RejectedByScienceDepartment)}, Cục từ chối {N(requests.RejectedByCa)}, "
                + $"rút, hủy {N(requests.Cancelled)}; đang xử lý cuối kỳ {N(requests.OpenAtEnd)}. Các bước Sở giải quyết (gia hạn, thay đổi thông tin, "
                + $"khôi phục thiết bị): trước hạn {N(requests.Early)}, đúng hạn {N(requests.OnDueDay)}, quá hạn {N(requests.Late)}"
                + (requests.OnTimeRate is { } rate ? $" (tỷ lệ đúng hạn {rate.ToString("0.0", Vietnamese)}%)" : "")
                + $"; đang giải quyết {N(requests.Pending)}, trong đó quá hạn {N(requests.PendingOverdue)} (Phụ lục V)."),
            new LetterSectionHeading($"3. Nhu cầu năm {period.PlanYear.ToString(CultureInfo.InvariantCulture)}"),
            new LetterParagraph($"Số chứng thư hết hạn trong năm {period.PlanYear.ToString(CultureInfo.InvariantCulture)}: {N(total.PlanTotal)}, "
                + $"trong đó cần gia hạn {N(total.PlanRenewals)}, cần cấp mới {N(total.PlanNewIssues)}. Theo báo cáo của các cơ quan, dự kiến "
                + $"{N(total.ForecastNewSubscribers)} thuê bao mới cần cấp chứng thư số, {N(total.ForecastNewTokens)} thiết bị lưu khóa bí mật cần cấp mới, "
                + $"{N(total.ForecastRenewals)} chứng thư cần gia hạn, cấp lại (Phụ lục VI)."),
        };

        var titles = Clean(details.SignerTitle) ?? issuer.SignerTitle;
        var number = Clean(details.Number) is { } n ? n : "…";
        var reference = $"(Kèm theo Công văn số {number}/{issuer.Symbol} ngày {Date(details.Date)} của {sender})";
        var tables = ReportTables.Build(report).ToDictionary(t => t.Key);
        string[] keys = ["subscribers", "certificates", "revocations", "tokens"];
        var appendices = keys.Select(k => tables[k]).Select((t, i) => Appendix(i, t.Title, reference, t.Note, ToLetterTable(t))).ToList();
        appendices.Add(Appendix(appendices.Count, "Tiếp nhận, giải quyết yêu cầu", reference, null, RequestTable(report)));
        var plan = tables["plan"];
        appendices.Add(Appendix(appendices.Count, plan.Title, reference, plan.Note, ToLetterTable(plan)));

        return new OfficialLetter(
            header,
            $"báo cáo tình hình quản lý, sử dụng chữ ký số chuyên dùng công vụ {period.LabelInSentence}",
            [Ubnd, CipherBoard],
            body,
            ["Như trên", "Lãnh đạo Sở"],
            DefaultArchive(issuer.Symbol),
            new LetterSigner(TitleLines(titles) ?? ["GIÁM ĐỐC"], Clean(details.SignerName) ?? Clean(issuer.SignerName) ?? ""))
        {
            Closing = $"{sender} báo cáo {Ubnd} và {CipherBoard} biết, chỉ đạo./.",
            Appendices = appendices,
        };
    }

    private static LetterAppendix Appendix(int index, string title, string reference, string? note, LetterTable table) =>
        new("Phụ lục " + Numerals[index], title, reference,
            note is null ? [table] : [table, new LetterParagraph("Ghi chú: " + note) { IndentFirstLine = false }]);

    /// <summary>A report table as the letter prints it: the same cells, formatted as on the page.</summary>
    private static LetterTable ToLetterTable(ReportTable table)
    {
        var columns = table.Columns.Select(c => new LetterTableColumn(c.Header, (float)Math.Max(c.Width, 8) / 10f)
        {
            Alignment = c.Kind == ReportCellKind.Text ? TextAlignment.Left : TextAlignment.Center,
        }).ToList();
        var rows = table.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(Cell)]).ToList();
        return new LetterTable(columns, rows) { FontSize = 11f };
    }

    /// <summary>The requests by type, in the columns a portrait page holds (the workbook has every column).</summary>
    private static LetterTable RequestTable(ProvinceReport report)
    {
        LetterTableColumn C(string header, string? group = null) => new(header, 1f) { Alignment = TextAlignment.Center, Group = group };
        LetterTableColumn[] columns =
        [
            new("Loại yêu cầu", 2.6f), C("Tổng số"), C("Hoàn thành"), C("Từ chối"), C("Rút, hủy"), C("Đang xử lý"),
            C("Đúng hạn", "Các bước Sở giải quyết"), C("Quá hạn", "Các bước Sở giải quyết"), C("Đang quá hạn", "Các bước Sở giải quyết"),
            C("Cục giải quyết (ngày làm việc, trung bình)") with { Weight = 1.6f },
        ];
        IReadOnlyList<string> Row(string name, RequestFigures f, bool step) =>
        [
            name, Cell(f.Total), Cell(f.Completed), Cell(f.RejectedByScienceDepartment + f.RejectedByCa), Cell(f.Cancelled), Cell(f.OpenAtEnd),
            step ? Cell(f.Early + f.OnDueDay) : "—", step ? Cell(f.Late) : "—", step ? Cell(f.PendingOverdue) : "—", Cell(f.CaAverageWorkingDays),
        ];
        var rows = report.RequestsByType.Select(t => Row(RequestTypes.Label(t.Type), t.Figures, ScienceDepartmentStep.Applies(t.Type)))
            .Append(Row("Tổng cộng", report.Total.Requests, true)).ToList();
        return new LetterTable(columns, rows) { FontSize = 11f };
    }

    private static string Cell(object? value) => value switch
    {
        null => "—",
        int i => i.ToString("N0", Vietnamese),
        double d => d.ToString("0.0", Vietnamese),
        DateOnly date => Date(date),
        _ => value.ToString() ?? "",
    };
}
