using System.Globalization;
using System.Text.Json;

namespace PhuThoCa.Domain.Reports;

/// <summary>
/// The figures of a report frozen as they were sent (QĐ-PT Điều 9.6): the tables of <see cref="ReportTables"/> with each
/// cell written as its column's kind says (count, one decimal, date, text), so that reading them back gives the same cells
/// and every output (page, workbook) shows them the same way as the live report.
/// </summary>
public sealed record ReportSnapshot(string Scope, string PeriodLabel, DateOnly AsOf, IReadOnlyList<ReportTable> Tables)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public string Write()
    {
        var dto = new SnapshotDto
        {
            Scope = Scope,
            PeriodLabel = PeriodLabel,
            AsOf = AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Tables = [.. Tables.Select(t => new TableDto
            {
                Key = t.Key,
                Title = t.Title,
                Note = t.Note,
                LastRowIsTotal = t.LastRowIsTotal,
                Columns = [.. t.Columns.Select(c => new ColumnDto { Header = c.Header, Kind = c.Kind, Width = c.Width })],
                Rows = [.. t.Rows.Select(r => r.Select(Cell).ToList())],
            })],
        };
        return JsonSerializer.Serialize(dto, Options);
    }

    public static ReportSnapshot Read(string json)
    {
        var dto = JsonSerializer.Deserialize<SnapshotDto>(json, Options) ?? throw new FormatException("Empty report snapshot.");
        var tables = dto.Tables.Select(t =>
        {
            var columns = t.Columns.Select(c => new ReportColumn(c.Header, c.Kind, c.Width)).ToList();
            var rows = t.Rows.Select(r => (IReadOnlyList<object?>)[.. r.Select((cell, i) => Value(cell, i < columns.Count ? columns[i].Kind : ReportCellKind.Text))])
                .ToList();
            return new ReportTable(t.Key, t.Title, t.Note, columns, rows, t.LastRowIsTotal);
        }).ToList();
        return new ReportSnapshot(dto.Scope, dto.PeriodLabel, DateOnly.ParseExact(dto.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture), tables);
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        int n => n.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static object? Value(string? cell, ReportCellKind kind) => cell is null ? null : kind switch
    {
        ReportCellKind.Count => int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : cell,
        ReportCellKind.OneDecimal => double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : cell,
        ReportCellKind.Date => DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : cell,
        ReportCellKind.Text => cell,
    };

    private sealed class SnapshotDto
    {
        public string Scope { get; set; } = "";

        public string PeriodLabel { get; set; } = "";

        public string AsOf { get; set; } = "";

        public List<TableDto> Tables { get; set; } = [];
    }

    private sealed class TableDto
    {
        public string Key { get; set; } = "";

        public string Title { get; set; } = "";

        public string? Note { get; set; }

        public bool LastRowIsTotal { get; set; }

        public List<ColumnDto> Columns { get; set; } = [];

        public List<List<string?>> Rows { get; set; } = [];
    }

    private sealed class ColumnDto
    {
        public string Header { get; set; } = "";

        public ReportCellKind Kind { get; set; }

        public double Width { get; set; }
    }
}
