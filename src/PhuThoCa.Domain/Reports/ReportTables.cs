using System.Globalization;
using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Domain.Reports;

/// <summary>What a column holds, so that every output (page, Excel, công văn) formats it the same way.</summary>
public enum ReportCellKind
{
    Text = 1,

    /// <summary>A count: a whole number.</summary>
    Count = 2,

    /// <summary>A rate or an average with one decimal.</summary>
    OneDecimal = 3,

    /// <summary>A Vietnam date (<see cref="DateOnly"/>).</summary>
    Date = 4,
}

public sealed record ReportColumn(string Header, ReportCellKind Kind, double Width);

/// <summary>One table of the report: a title, its columns and rows (cells are string, int, double, DateOnly or null).</summary>
public sealed record ReportTable(string Key, string Title, string? Note, IReadOnlyList<ReportColumn> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Rows, bool LastRowIsTotal)
{
    /// <summary>Sheet names are at most 31 characters in Excel.</summary>
    public string SheetName => Title.Length <= 31 ? Title : Title[..31];

    /// <summary>The rows the table has in all; more than <see cref="Rows"/> when only the first ones were read (a page's preview).</summary>
    public int RowCount { get; init; } = -1;

    /// <summary><see cref="RowCount"/> when set, else the rows held.</summary>
    public int TotalRows => RowCount < 0 ? Rows.Count : RowCount;
}

/// <summary>
/// The tables of the Điều 8.4 report, in the order the page, the workbook and the công văn's phụ lục show them. One
/// definition so the three outputs never disagree on a figure or a heading.
/// </summary>
public static class ReportTables
{
    public const string ReportTitle = "Báo cáo tình hình quản lý, sử dụng chữ ký số chuyên dùng công vụ";

    /// <summary>
    /// The rows of a detail list (the certificates behind next year's demand: 16k at 100k requests) a page shows; the
    /// whole list is in the workbook.
    /// </summary>
    public const int DetailRowsOnPage = 100;

    public static IReadOnlyList<ReportTable> Build(ProvinceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Agencies.Append(report.Total).ToList();
        object?[] Row(AgencyFigures f, int index, params object?[] cells) =>
            [f == report.Total ? null : index + 1, f.AgencyName, .. cells];
        static ReportColumn C(string header, double width = 12) => new(header, ReportCellKind.Count, width);
        ReportColumn[] Lead = [new("STT", ReportCellKind.Count, 6), new("Cơ quan, đơn vị", ReportCellKind.Text, 42)];
        var planYear = report.Period.PlanYear.ToString(CultureInfo.InvariantCulture);

        return
        [
            new("subscribers", "Thuê bao", "Số thuê bao đang hoạt động theo sổ đăng ký tại thời điểm lập báo cáo.",
                [.. Lead, C("Cá nhân"), C("Cơ quan, tổ chức"), C("Thiết bị, dịch vụ, phần mềm", 16), C("Tổng số")],
                [.. rows.Select((f, i) => Row(f, i, f.Persons, f.Organizations, f.Devices, f.Subscribers))], true),
            new("certificates", "Chứng thư số", "Cấp mới, gia hạn: chứng thư có hiệu lực từ ngày trong kỳ; thay đổi thông tin: Cục đã trả kết quả trong kỳ; còn hiệu lực: tại cuối ngày cuối kỳ.",
                [.. Lead, C("Cấp mới"), C("Gia hạn"), C("Thay đổi thông tin", 14), C("Thu hồi"), C("Hết hạn"), C("Còn hiệu lực cuối kỳ", 16)],
                [.. rows.Select((f, i) => Row(f, i, f.Issued, f.Renewed, f.Changed, f.Revoked, f.Expired, f.ValidAtEnd))], true),
            new("revocations", "Thu hồi theo lý do", "Lý do theo đề nghị thu hồi (Mẫu 05; Nghị định số 68/2024/NĐ-CP, Điều 17).",
                [new("Lý do thu hồi", ReportCellKind.Text, 70), C("Số chứng thư", 14)],
                [.. report.RevokedByReason.Select(r => (IReadOnlyList<object?>)[r.Reason, r.Count]),
                    ["Tổng cộng", report.RevokedByReason.Sum(r => r.Count)]], true),
            new("tokens", "Thiết bị lưu khóa bí mật", "Số lần bàn giao (biên bản) và chuyển trạng thái thiết bị trong kỳ.",
                [.. Lead, C("Bàn giao"), C("Bị khóa"), C("Đã khôi phục", 13), C("Mất"), C("Nộp lại Cục", 13)],
                [.. rows.Select((f, i) => Row(f, i, f.TokensHandedOver, f.TokensLocked, f.TokensRecovered, f.TokensLost, f.TokensReturnedToCa))], true),
            new("requests-by-type", "Yêu cầu theo loại", RequestsNote,
                [new("Loại yêu cầu", ReportCellKind.Text, 44), .. RequestColumns],
                [.. report.RequestsByType.Select(t => RequestRow(RequestTypes.Label(t.Type), t.Figures, ScienceDepartmentStep.Applies(t.Type))),
                    RequestRow("Tổng cộng", report.Total.Requests, true)], true),
            new("requests-by-agency", "Yêu cầu theo cơ quan", RequestsNote,
                [new("Cơ quan, đơn vị", ReportCellKind.Text, 42), .. RequestColumns],
                [.. rows.Select(f => RequestRow(f.AgencyName, f.Requests, true))], true),
            new("plan", "Nhu cầu năm " + planYear, $"Chứng thư còn hiệu lực hết hạn trong năm {planYear}: gia hạn được (chưa gia hạn lần nào) hoặc phải cấp mới (đã gia hạn 01 lần, Nghị định số 68/2024/NĐ-CP, Điều 12). "
                + "Cơ quan dự kiến: số liệu cơ quan tự báo cáo Sở (Quy chế Điều 9 khoản 6), lấy báo cáo đã gửi của kỳ báo cáo gần nhất kết thúc trong kỳ này.",
                [.. Lead, C("Cần gia hạn", 14), C("Cần cấp mới", 14), C("Tổng số"),
                    C("Cơ quan dự kiến: thuê bao mới", 16), C("Cơ quan dự kiến: thiết bị mới", 16), C("Cơ quan dự kiến: gia hạn, cấp lại", 16)],
                [.. rows.Select((f, i) => Row(f, i, f.PlanRenewals, f.PlanNewIssues, f.PlanTotal, f.ForecastNewSubscribers, f.ForecastNewTokens, f.ForecastRenewals))], true),
            new("plan-lines", "Chi tiết nhu cầu năm " + planYear, null,
                [new("STT", ReportCellKind.Count, 6), new("Cơ quan, đơn vị", ReportCellKind.Text, 40), new("Thuê bao", ReportCellKind.Text, 30),
                    new("Số hiệu chứng thư", ReportCellKind.Text, 36), new("Ngày hết hạn", ReportCellKind.Date, 13), new("Đề xuất", ReportCellKind.Text, 12)],
                [.. report.DemandPlan.Select((l, i) => (IReadOnlyList<object?>)[i + 1, l.AgencyName, l.SubscriberName, l.SerialNumber, l.ExpiresOn,
                    l.CanBeRenewed ? "Gia hạn" : "Cấp mới"])], false) { RowCount = report.DemandPlanCount },
        ];
    }

    private const string RequestsNote =
        "Sở giải quyết: Mẫu 04 (tạo hồ sơ trên Hệ thống của Cục trong 03 ngày làm việc, Quy chế Điều 5 khoản 4 điểm c) và Mẫu 06 (khôi phục trong 01 ngày làm việc, Điều 6 khoản 4); "
        + "Mẫu 01–03, 05 gửi Cục, Sở theo dõi. Thời gian của Cục tính bằng ngày làm việc, từ khi hồ sơ chuyển Cục đến khi có kết quả.";

    private static readonly ReportColumn[] RequestColumns =
    [
        new("Kỳ trước chuyển sang", ReportCellKind.Count, 11), new("Mới tiếp nhận", ReportCellKind.Count, 10),
        new("Hoàn thành", ReportCellKind.Count, 10), new("Sở từ chối", ReportCellKind.Count, 9), new("Cục từ chối", ReportCellKind.Count, 9),
        new("Rút, hủy", ReportCellKind.Count, 8), new("Đang xử lý cuối kỳ", ReportCellKind.Count, 10),
        new("Sở: trước hạn", ReportCellKind.Count, 9), new("Sở: đúng hạn", ReportCellKind.Count, 9), new("Sở: quá hạn", ReportCellKind.Count, 9),
        new("Sở: đang giải quyết", ReportCellKind.Count, 10), new("Sở: đang quá hạn", ReportCellKind.Count, 9),
        new("Tỷ lệ đúng hạn (%)", ReportCellKind.OneDecimal, 10),
        new("Cục: đã có kết quả", ReportCellKind.Count, 10), new("Cục: trung bình (ngày làm việc)", ReportCellKind.OneDecimal, 12),
        new("Cục: lâu nhất (ngày làm việc)", ReportCellKind.Count, 11), new("Cục: vượt thời hạn dự kiến", ReportCellKind.Count, 11),
        new("Đang chờ Cục cuối kỳ", ReportCellKind.Count, 10),
    ];

    private static object?[] RequestRow(string name, RequestFigures f, bool hasScienceStep) =>
    [
        name, f.CarriedOver, f.Received, f.Completed, f.RejectedByScienceDepartment, f.RejectedByCa, f.Cancelled, f.OpenAtEnd,
        hasScienceStep ? f.Early : null, hasScienceStep ? f.OnDueDay : null, hasScienceStep ? f.Late : null,
        hasScienceStep ? f.Pending : null, hasScienceStep ? f.PendingOverdue : null, f.OnTimeRate,
        f.CaFinished, f.CaAverageWorkingDays, f.CaFinished == 0 ? null : f.CaWorkingDaysMax, f.CaBeyondExpected, f.CaWaitingAtEnd,
    ];
}
