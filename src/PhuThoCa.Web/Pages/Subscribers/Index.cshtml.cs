using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Subscribers;

public class IndexModel(AppDbContext db, CurrentUser me) : RegisterListModel<IndexModel.Row>(db, me)
{
    [BindProperty(SupportsGet = true, Name = "kind")]
    public SubscriberKind? Kind { get; set; }

    protected override void AddFilterValues(IDictionary<string, string?> values)
    {
        values["kind"] = Kind?.ToString();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await FilteredRows().ToListAsync(ct);
        return ExcelExport.Create("thue-bao", "Thuê bao", [("Từ khóa", Query), ("Loại", Kind is null ? null : SubscriberKindLabels.Label(Kind.Value)),
            ("Cơ quan", await AgencyFilterNameAsync(ct))],
            rows.Select(r => new Dictionary<string, object?>
            {
                ["Tên thuê bao"] = r.Name,
                ["Loại"] = SubscriberKindLabels.Label(r.Kind),
                ["Chức vụ"] = r.Position,
                ["Thư điện tử công vụ"] = r.Email,
                ["Số định danh (4 số cuối)"] = NationalId.Mask(r.NationalId),
                ["Cơ quan"] = r.AgencyName,
                ["Trạng thái"] = r.IsActive ? "Đang hoạt động" : "Ngừng sử dụng",
            }), Me);
    }

    protected override IQueryable<Row> FilteredRows()
    {
        var query = Db.Subscribers.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            query = query.Matching(Query);
        }

        if (Kind is not null)
        {
            query = query.Where(s => s.Kind == Kind);
        }

        if (AgencyId is not null)
        {
            query = query.Where(s => s.AgencyId == AgencyId);
        }

        query = Sort switch
        {
            "name_desc" => query.OrderByDescending(s => s.Name),
            "agency" => query.OrderBy(s => s.Agency!.Name).ThenBy(s => s.Name),
            "kind" => query.OrderBy(s => s.Kind).ThenBy(s => s.Name),
            _ => query.OrderBy(s => s.Name),
        };

        return query.Select(s => new Row(s.Id, s.Name, s.Kind, s.Position, s.Email, s.NationalId, s.Agency!.Name, s.IsActive));
    }

    public sealed record Row(int Id, string Name, SubscriberKind Kind, string? Position, string Email, string? NationalId, string AgencyName, bool IsActive);
}
