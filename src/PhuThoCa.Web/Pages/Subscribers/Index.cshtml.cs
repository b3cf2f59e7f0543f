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

    /// <summary>The whole filtered list as Excel, or as CSV with <c>format=csv</c>.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await FilteredRows().ToListAsync(ct);
        return ListExport.Create(format, "thue-bao", "Thuê bao", [("Từ khóa", Query), ("Loại", Kind is null ? null : SubscriberKindLabels.Label(Kind.Value)),
            ("Cơ quan", await AgencyFilterNameAsync(ct))],
            [new("Tên thuê bao", Width: 30), new("Loại", Width: 12), new("Chức vụ", Width: 24), new("Thư điện tử công vụ", Width: 32),
                new("Số định danh (4 số cuối)", Width: 16), new("Cơ quan", Width: 40), new("Trạng thái", Width: 16)],
            rows.Select(r => new object?[]
            {
                r.Name, SubscriberKindLabels.Label(r.Kind), r.Position, r.Email, NationalId.Mask(r.NationalId), r.AgencyName,
                r.IsActive ? "Đang hoạt động" : "Ngừng sử dụng",
            }), Me);
    }

    /// <summary>Without a search, the total is a sum of <see cref="SubscriberCount"/> rows under the same kind and agency filters.</summary>
    protected override async Task<int?> CountFromCountersAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Query))
        {
            return null;
        }

        var counts = Db.SubscriberCounts;
        if (Kind is not null)
        {
            counts = counts.Where(c => c.Kind == Kind);
        }

        if (AgencyId is not null)
        {
            counts = counts.Where(c => c.AgencyId == AgencyId);
        }

        return await counts.SumAsync(c => c.Count, ct);
    }

    /// <summary>What the subscribers' index said about the search, read once for the count and the page (SubscriberSearch).</summary>
    private SubscriberMatches? _searched;

    protected override async Task BeforeQueriesAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Query))
        {
            _searched = await SubscriberSearch.MatchesAsync(Db, Query, ct);
        }
    }

    protected override IQueryable<Row> FilteredRows()
    {
        var query = Db.Subscribers.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            query = query.Matching(Db, Query, _searched);
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
            "name_desc" => query.OrderByDescending(s => s.SortKey),
            "agency" => query.OrderBy(s => s.Agency!.SortKey).ThenBy(s => s.SortKey),
            "kind" => query.OrderBy(s => s.Kind).ThenBy(s => s.SortKey),
            _ => query.OrderBy(s => s.SortKey),
        };

        return query.Select(s => new Row(s.Id, s.Name, s.Kind, s.Position, s.Email, s.NationalId, s.Agency!.Name, s.IsActive));
    }

    public sealed record Row(int Id, string Name, SubscriberKind Kind, string? Position, string Email, string? NationalId, string AgencyName, bool IsActive);
}
