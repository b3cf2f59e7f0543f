using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace PhuThoCa.Web.Pages.Import;

/// <summary>The downloadable template of a register: the headers and one example row, and a notes sheet ("Hướng dẫn").</summary>
public static class ImportTemplates
{
    public static byte[] Create(RegisterImporter importer)
    {
        var example = new Dictionary<string, object?>();
        foreach (var column in importer.Columns)
        {
            example[column.Header] = column.Example;
        }

        var notes = importer.Columns.Select(c => new Dictionary<string, object?>
        {
            ["Cột"] = c.Header,
            ["Bắt buộc"] = c.Required ? "Có" : "",
            ["Ghi chú"] = c.Note,
        }).ToList();
        foreach (var line in GeneralNotes)
        {
            notes.Add(new Dictionary<string, object?> { ["Cột"] = "", ["Bắt buộc"] = "", ["Ghi chú"] = line });
        }

        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            [ImportRegisterLabels.Label(importer.Register)] = new List<Dictionary<string, object?>> { example },
            ["Hướng dẫn"] = notes,
        }, configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true });
        return stream.ToArray();
    }

    private static readonly string[] GeneralNotes =
    [
        "Giữ nguyên dòng tiêu đề; xóa dòng ví dụ trước khi nhập. Có thể lưu thành CSV (UTF-8).",
        "Ngày ghi theo dạng dd/MM/yyyy hoặc để ô kiểu Ngày của Excel.",
        "Mỗi dòng được kiểm tra theo đúng quy tắc của biểu mẫu nhập tay. Chỉ cần một dòng sai là không dòng nào được ghi.",
        "Nhập lại cùng tệp không tạo bản ghi trùng: dòng đã có và không đổi được bỏ qua, dòng có thay đổi được cập nhật.",
    ];
}
