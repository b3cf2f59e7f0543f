using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// "Xuất Excel" of a filtered list, all pages (features G10.3): one sheet with the rows, one with the filter, the time
/// and the user, so a file shared with someone without access still says what it contains.
/// </summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static FileContentResult Create(string fileBaseName, string title, IEnumerable<(string Label, string? Value)> filters,
        IEnumerable<IDictionary<string, object?>> rows, CurrentUser me)
    {
        var filterRows = new List<Dictionary<string, object?>>
        {
            new() { ["Nội dung"] = "Danh sách", ["Giá trị"] = title },
            new() { ["Nội dung"] = "Thời điểm xuất", ["Giá trị"] = Format.DateTime(me.UtcNow) },
            new() { ["Nội dung"] = "Người xuất", ["Giá trị"] = me.DisplayName },
        };
        filterRows.AddRange(filters.Where(f => !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => new Dictionary<string, object?> { ["Nội dung"] = "Lọc: " + f.Label, ["Giá trị"] = f.Value }));

        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            ["Danh sách"] = rows.ToList(),
            ["Điều kiện lọc"] = filterRows,
        });
        var name = $"{fileBaseName}-{me.Today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}.xlsx";
        return new FileContentResult(stream.ToArray(), ContentType) { FileDownloadName = name };
    }
}
