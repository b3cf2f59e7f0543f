using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Agencies;

public class IndexModel(AppDbContext db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public AgencyKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Row> Rows { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public IDictionary<string, string?> RouteValues => new Dictionary<string, string?> { ["q"] = Query, ["kind"] = Kind?.ToString() };

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = await me.CanAsync(Policies.Admin);
        Rows = await PagedList.CreateAsync(FilteredRows(), PageNumber, 30, ct);
    }

    /// <summary>The whole filtered list (same filter and order as the page, all pages) as Excel, or as CSV with <c>format=csv</c>.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await FilteredRows().ToListAsync(ct);
        return ListExport.Create(format, "co-quan", "Cơ quan, tổ chức quản lý trực tiếp",
            [("Tên cơ quan", Query), ("Loại", Kind is null ? null : AgencyLabels.Kind(Kind.Value))],
            [new("Tên cơ quan", Width: 48), new("Viết tắt", Width: 14), new("Loại", Width: 28), new("Tên miền thư điện tử", Width: 26),
                new("Số thuê bao", CellKind.Count, 12), new("Số thiết bị", CellKind.Count, 12), new("Trạng thái", Width: 16)],
            rows.Select(r => new object?[]
            {
                r.Name, r.ShortName, AgencyLabels.Kind(r.Kind), r.EmailDomain, r.Subscribers, r.Tokens, r.IsActive ? "Đang hoạt động" : "Ngừng hoạt động",
            }), me);
    }

    /// <summary>The agencies matching the filters, by kind then name; the page shows 30 of them and the export all.</summary>
    private IQueryable<Row> FilteredRows()
    {
        var query = db.Agencies.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var folded = Text.Fold(Query);
            query = query.Where(a => a.SearchKey.Contains(folded));
        }

        if (Kind is not null)
        {
            query = query.Where(a => a.Kind == Kind);
        }

        return query.OrderBy(a => a.Kind).ThenBy(a => a.SortKey).Select(a => new Row(a.Id, a.Name, a.ShortName, a.Kind,
            a.EmailDomain, a.IsActive, db.Subscribers.Count(s => s.AgencyId == a.Id), db.Tokens.Count(t => t.AgencyId == a.Id)));
    }

    public sealed record Row(int Id, string Name, string ShortName, AgencyKind Kind, string EmailDomain, bool IsActive, int Subscribers, int Tokens);
}
