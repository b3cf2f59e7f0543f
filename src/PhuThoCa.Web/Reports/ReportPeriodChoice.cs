using System.Globalization;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Reports;

/// <summary>
/// The period as the forms post it: a choice ("month-11", "quarter-4", "half-2", "year", "range"), a year for the calendar
/// periods, and the dates of a range (dd/MM/yyyy).
/// </summary>
public static class ReportPeriodChoice
{
    /// <summary>The choices of the period list, grouped by kind (value, label).</summary>
    public static IReadOnlyList<(string Group, IReadOnlyList<(string Value, string Label)> Options)> Choices { get; } =
    [
        ("Tháng", [.. Enumerable.Range(1, 12).Select(m => ("month-" + m.ToString(CultureInfo.InvariantCulture), "Tháng " + m.ToString("00", CultureInfo.InvariantCulture)))]),
        ("Quý", [.. Enumerable.Range(1, 4).Select(q => ("quarter-" + q.ToString(CultureInfo.InvariantCulture), "Quý " + ReportPeriod.Roman(q)))]),
        ("6 tháng", [("half-1", "6 tháng đầu năm"), ("half-2", "6 tháng cuối năm")]),
        ("Năm", [("year", "Cả năm")]),
        ("Đột xuất", [("range", "Từ ngày – đến ngày")]),
    ];

    public static bool IsKnown(string? choice) => Choices.SelectMany(g => g.Options).Any(o => o.Value == choice);

    /// <summary>
    /// The period, or null with the Vietnamese messages given to <paramref name="error"/> (field name: "Choice", "Year",
    /// "From", "To").
    /// </summary>
    public static ReportPeriod? Parse(string? choice, string? year, string? from, string? to, Action<string, string> error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!IsKnown(choice))
        {
            error("Choice", "Vui lòng chọn kỳ báo cáo.");
            return null;
        }

        var parts = choice!.Split('-');
        if (parts[0] == "range")
        {
            var ok = true;
            if (!Format.TryParseDate(from, out var f) || f is null)
            {
                error("From", "Nhập ngày bắt đầu theo dạng dd/MM/yyyy.");
                ok = false;
            }

            if (!Format.TryParseDate(to, out var t) || t is null)
            {
                error("To", "Nhập ngày kết thúc theo dạng dd/MM/yyyy.");
                ok = false;
            }

            if (ok && t < f)
            {
                error("To", "Ngày kết thúc phải từ ngày bắt đầu trở về sau.");
                ok = false;
            }

            return ok ? ReportPeriod.Range(f!.Value, t!.Value) : null;
        }

        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 2000 || y > Format.MaxYear)
        {
            error("Year", "Năm không hợp lệ, nhập 4 chữ số (từ 2000 đến 2100).");
            return null;
        }

        var kind = parts[0] switch
        {
            "month" => ReportPeriodKind.Month,
            "quarter" => ReportPeriodKind.Quarter,
            "half" => ReportPeriodKind.HalfYear,
            _ => ReportPeriodKind.Year,
        };
        var number = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1;
        return ReportPeriod.Calendar(kind, y, number);
    }
}
