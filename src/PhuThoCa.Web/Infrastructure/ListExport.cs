using System.Collections;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs.Attributes;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>A column of a list export: its Vietnamese header, what it holds and its width in Excel characters.</summary>
public sealed record ExportColumn(string Header, CellKind Kind = CellKind.Text, double Width = 20);

/// <summary>
/// "Xuất Excel" / "Xuất CSV" of a filtered list, all pages (features G10.3, issue 13 item 4). The Excel file has one sheet
/// with the rows (typed cells, widths, header row frozen) and one with the filter, the time and the user, so a file shared
/// with someone without access still says what it contains. The CSV holds the rows only: UTF-8 with BOM (so Excel reads the
/// diacritics), comma separated, RFC 4180 quoting, text cells that a spreadsheet would run as a formula neutralised.
/// See docs/adr/0020-list-exports.md.
/// </summary>
public static class ListExport
{
    /// <summary>The value of the "format" query parameter that asks for CSV instead of Excel.</summary>
    public const string CsvFormat = "csv";

    public const string CsvContentType = "text/csv; charset=utf-8";

    public const string RowsSheet = "Danh sách";

    public const string FilterSheet = "Điều kiện lọc";

    public static FileContentResult Create(string? format, string fileBaseName, string title, IEnumerable<(string Label, string? Value)> filters,
        IReadOnlyList<ExportColumn> columns, IEnumerable<IReadOnlyList<object?>> rows, CurrentUser me)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(me);
        var stem = $"{fileBaseName}-{me.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
        return string.Equals(format, CsvFormat, StringComparison.OrdinalIgnoreCase)
            ? new FileContentResult(Csv(columns, rows), CsvContentType) { FileDownloadName = stem + ".csv" }
            : new FileContentResult(Excel(title, filters, columns, rows, me), TypedWorkbook.ContentType) { FileDownloadName = stem + ".xlsx" };
    }

    private static byte[] Excel(string title, IEnumerable<(string Label, string? Value)> filters, IReadOnlyList<ExportColumn> columns,
        IEnumerable<IReadOnlyList<object?>> rows, CurrentUser me)
    {
        var keys = Enumerable.Range(0, columns.Count).Select(i => string.Create(CultureInfo.InvariantCulture, $"c{i}")).ToList();
        var sheetColumns = new List<DynamicExcelColumn>(columns.Select((c, i) => TypedWorkbook.Column(keys[i], c.Kind, c.Width, c.Header)))
        {
            TypedWorkbook.Column("f0", CellKind.Text, 28, "Nội dung"),
            TypedWorkbook.Column("f1", CellKind.Text, 60, "Giá trị"),
        };
        // The rows are turned into the writer's dictionaries one at a time as it writes them, so each can die young;
        // built all first, 10,000 of them lived through the whole write. A 10,000-row export at M: p50 199 -> 177 ms on
        // one connection (issue 15).
        if (!rows.TryGetNonEnumeratedCount(out var count))
        {
            rows = rows.ToList();
            count = rows.Count();
        }
        var lines = new CountedRows<Dictionary<string, object?>>(count, rows.Select(r =>
        {
            var line = new Dictionary<string, object?>(keys.Count);
            for (var i = 0; i < keys.Count; i++)
            {
                line[keys[i]] = i < r.Count ? TypedWorkbook.Cell(r[i], columns[i].Kind) : null;
            }

            return line;
        }));

        static Dictionary<string, object?> Filter(string label, string? value) => new() { ["f0"] = label, ["f1"] = value };
        var filterRows = new List<Dictionary<string, object?>>
        {
            Filter("Danh sách", title),
            Filter("Thời điểm xuất", Format.DateTime(me.UtcNow)),
            Filter("Người xuất", me.DisplayName),
            Filter("Số dòng", count.ToString(CultureInfo.InvariantCulture)),
        };
        filterRows.AddRange(filters.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => Filter("Lọc: " + f.Label, f.Value)));

        return TypedWorkbook.Save(new Dictionary<string, object> { [RowsSheet] = lines, [FilterSheet] = filterRows }, sheetColumns,
            frozenRows: 1, printHeader: true);
    }

    private static byte[] Csv(IReadOnlyList<ExportColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(c => CsvField(c.Header))).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', columns.Select((c, i) => c.Kind == CellKind.Text
                    ? CsvField(TypedWorkbook.Text(i < row.Count ? row[i] : null, c.Kind))
                    : Quote(TypedWorkbook.Text(i < row.Count ? row[i] : null, c.Kind))))
                .Append("\r\n");
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    /// <summary>
    /// One CSV text field: a value that a spreadsheet would read as a formula (starting with = + - @, tab or carriage return)
    /// gets a leading apostrophe (OWASP "CSV injection"); then RFC 4180 quoting. Numbers and dates are written by the portal
    /// itself and are only quoted, so a negative number stays a number.
    /// </summary>
    public static string CsvField(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return Quote(value);
    }

    /// <summary>RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled.</summary>
    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>
    /// Rows made as the writer reads them, with their number known beforehand: the writer states a sheet's dimension
    /// (<c>&lt;dimension ref="A1:N10050"/&gt;</c>) only for a collection.
    /// </summary>
    private sealed class CountedRows<T>(int count, IEnumerable<T> rows) : ICollection, IEnumerable<T>
    {
        public int Count => count;

        public bool IsSynchronized => false;

        public object SyncRoot => this;

        public void CopyTo(Array array, int index) => throw new NotSupportedException();

        public IEnumerator<T> GetEnumerator() => rows.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
