using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using PhuThoCa.Domain.Common;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>What a spreadsheet column holds, which decides the cell type and the number format.</summary>
public enum CellKind
{
    Text = 1,

    /// <summary>A whole number (a count), written as a number.</summary>
    Count = 2,

    /// <summary>A rate or an average with one decimal.</summary>
    OneDecimal = 3,

    /// <summary>A calendar date (Vietnam time), written as an Excel date shown dd/MM/yyyy.</summary>
    Date = 4,

    /// <summary>An instant (Vietnam time), written as an Excel date-time shown dd/MM/yyyy HH:mm.</summary>
    DateTime = 5,
}

/// <summary>
/// The one way the portal writes typed MiniExcel workbooks (the Điều 8.4 report and every list export): each column has a
/// <see cref="CellKind"/> and a width; dates become real Excel dates in Vietnam time, counts numbers, so a file can be
/// sorted and summed. See docs/adr/0020-list-exports.md.
/// </summary>
public static class TypedWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string DateFormat = "dd/MM/yyyy";

    public const string DateTimeFormat = "dd/MM/yyyy HH:mm";

    /// <summary>A column keyed <paramref name="key"/> in the row dictionaries, with its header, width and number format.</summary>
    public static DynamicExcelColumn Column(string key, CellKind kind, double width, string? header = null)
    {
        var column = new DynamicExcelColumn(key) { Width = width, Format = NumberFormat(kind) };
        if (header is not null)
        {
            column.Name = header;
        }

        return column;
    }

    public static string? NumberFormat(CellKind kind) => kind switch
    {
        CellKind.Count => "#,##0",
        CellKind.OneDecimal => "0.0",
        CellKind.Date => DateFormat,
        CellKind.DateTime => DateTimeFormat,
        CellKind.Text => null,
    };

    /// <summary>
    /// The cell value for a column of <paramref name="kind"/>: a <see cref="DateOnly"/> becomes a date; a UTC
    /// <see cref="System.DateTime"/> becomes Vietnam time (its date only in a <see cref="CellKind.Date"/> column); numbers stay numbers.
    /// </summary>
    public static object? Cell(object? value, CellKind kind) => (value, kind) switch
    {
        (DateOnly date, _) => date.ToDateTime(TimeOnly.MinValue),
        (DateTime utc, CellKind.Date) => VietnamTime.ToLocal(utc).Date,
        (DateTime utc, _) => VietnamTime.ToLocal(utc),
        _ => value,
    };

    /// <summary>The invariant text of a cell for CSV: dates dd/MM/yyyy (HH:mm), numbers without grouping.</summary>
    public static string Text(object? value, CellKind kind) => Cell(value, kind) switch
    {
        null => "",
        DateTime local when kind == CellKind.DateTime => local.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
        DateTime local => local.ToString(DateFormat, CultureInfo.InvariantCulture),
        double d when kind == CellKind.OneDecimal => d.ToString("0.0", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    /// <summary>Writes the sheets (name → rows of dictionaries keyed as the columns), freezing the first <paramref name="frozenRows"/> rows.</summary>
    public static byte[] Save(IDictionary<string, object> sheets, IEnumerable<DynamicExcelColumn> columns, int frozenRows, bool printHeader)
    {
        var configuration = new OpenXmlConfiguration
        {
            TableStyles = TableStyles.None,
            AutoFilter = false,
            FreezeRowCount = frozenRows,
            DynamicColumns = [.. columns],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: printHeader, configuration: configuration);
        return stream.ToArray();
    }
}
