using System.Globalization;
using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Reports;

/// <summary>The kinds of reporting period of QĐ-PT Điều 8.4 ("định kỳ hoặc đột xuất"): calendar periods or any range.</summary>
public enum ReportPeriodKind
{
    Month = 1,
    Quarter = 2,

    /// <summary>6 tháng: the first or second half of a year.</summary>
    HalfYear = 3,

    Year = 4,

    /// <summary>Từ ngày … đến ngày … (a report on request, "đột xuất").</summary>
    Custom = 5,
}

/// <summary>A reporting period in Vietnam dates, both ends included.</summary>
public sealed record ReportPeriod(ReportPeriodKind Kind, DateOnly From, DateOnly To)
{
    /// <summary>The calendar period <paramref name="number"/> (month 1–12, quarter 1–4, half 1–2; ignored for a year) of <paramref name="year"/>.</summary>
    public static ReportPeriod Calendar(ReportPeriodKind kind, int year, int number)
    {
        var months = kind switch
        {
            ReportPeriodKind.Month => 1,
            ReportPeriodKind.Quarter => 3,
            ReportPeriodKind.HalfYear => 6,
            ReportPeriodKind.Year => 12,
            ReportPeriodKind.Custom => throw new ArgumentException("A custom period has explicit dates.", nameof(kind)),
        };
        var count = 12 / months;
        if (number < 1 || number > count)
        {
            number = 1;
        }

        var from = new DateOnly(year, ((number - 1) * months) + 1, 1);
        return new ReportPeriod(kind, from, from.AddMonths(months).AddDays(-1));
    }

    public static ReportPeriod Range(DateOnly from, DateOnly to) => new(ReportPeriodKind.Custom, from, to);

    /// <summary>The first instant after the period, UTC.</summary>
    public DateTime EndUtc => VietnamTime.StartUtc(To.AddDays(1));

    public DateTime StartUtc => VietnamTime.StartUtc(From);

    /// <summary>The year whose demand the report plans (Điều 8.4: "nhu cầu năm sau"): the year after the period ends.</summary>
    public int PlanYear => To.Year + 1;

    /// <summary>"Tháng 11 năm 2026", "Quý IV năm 2026", "6 tháng đầu năm 2026", "Năm 2026", "Từ ngày … đến ngày …".</summary>
    public string Label => Kind switch
    {
        ReportPeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"Tháng {From.Month:00} năm {From.Year}"),
        ReportPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"Quý {Roman((From.Month + 2) / 3)} năm {From.Year}"),
        ReportPeriodKind.HalfYear => (From.Month == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + From.Year.ToString(CultureInfo.InvariantCulture),
        ReportPeriodKind.Year => "Năm " + From.Year.ToString(CultureInfo.InvariantCulture),
        ReportPeriodKind.Custom => $"Từ ngày {VietnamTime.DateText(From)} đến ngày {VietnamTime.DateText(To)}",
    };

    /// <summary>The label inside a sentence: only its first letter lowered ("quý IV năm 2026", never "quý iv").</summary>
    public string LabelInSentence => char.ToLower(Label[0], CultureInfo.InvariantCulture) + Label[1..];

    public static string KindLabel(ReportPeriodKind kind) => kind switch
    {
        ReportPeriodKind.Month => "Tháng",
        ReportPeriodKind.Quarter => "Quý",
        ReportPeriodKind.HalfYear => "6 tháng",
        ReportPeriodKind.Year => "Năm",
        ReportPeriodKind.Custom => "Từ ngày – đến ngày",
    };

    public static string Roman(int number) => number switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => number.ToString(CultureInfo.InvariantCulture),
    };
}
