using System.Globalization;
using MiniExcelLibs.Attributes;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Reports;

/// <summary>
/// The Excel workbook of the Điều 8.4 report: one sheet per table of <see cref="ReportTables"/>, each starting with the
/// same header rows (title, scope, period, generation time in Vietnam time and the user), then the table. Counts are
/// numbers, dates are dates (number formats and widths set per column), so the file can be summed and sorted.
/// </summary>
public static class ReportWorkbook
{
    public const string ContentType = TypedWorkbook.ContentType;

    /// <summary>Rows above each table's header row.</summary>
    public const int HeaderRows = 5;

    public static byte[] Create(ProvinceReport report, IReadOnlyList<ReportTable> tables, string scope, string generatedAt, string user)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(tables);
        var sheets = new Dictionary<string, object>();
        var columns = new List<DynamicExcelColumn>();
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            string Key(int column) => string.Create(CultureInfo.InvariantCulture, $"t{t}c{column}");
            var keys = Enumerable.Range(0, table.Columns.Count).Select(Key).ToList();
            var kinds = table.Columns.Select(c => Kind(c.Kind)).ToList();
            columns.AddRange(table.Columns.Select((c, i) => TypedWorkbook.Column(keys[i], kinds[i], c.Width)));

            Dictionary<string, object?> Line(IReadOnlyList<object?> cells) =>
                keys.Select((k, i) => (k, v: i < cells.Count ? TypedWorkbook.Cell(cells[i], kinds[i]) : null)).ToDictionary(x => x.k, x => x.v);

            var rows = new List<Dictionary<string, object?>>
            {
                Line([ReportTables.ReportTitle.ToUpper(CultureInfo.GetCultureInfo("vi-VN")) + " – " + table.Title.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))]),
                Line(["Phạm vi: " + scope]),
                Line(["Kỳ báo cáo: " + report.Period.Label + $" (từ ngày {Format.Date(report.Period.From)} đến ngày {Format.Date(report.Period.To)})"]),
                Line([$"Lập lúc {generatedAt} (giờ Việt Nam), người lập: {user}"]),
                Line([table.Note]),
                Line([.. table.Columns.Select(c => c.Header)]),
            };
            rows.AddRange(table.Rows.Select(Line));
            sheets[table.SheetName] = rows;
        }

        return TypedWorkbook.Save(sheets, columns, HeaderRows + 1, printHeader: false);
    }

    private static CellKind Kind(ReportCellKind kind) => kind switch
    {
        ReportCellKind.Count => CellKind.Count,
        ReportCellKind.OneDecimal => CellKind.OneDecimal,
        ReportCellKind.Date => CellKind.Date,
        ReportCellKind.Text => CellKind.Text,
    };
}
