using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Subscribers;

namespace PhuThoCa.Web.Pages.Tokens;

public class IndexModel(AppDbContext db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public TokenStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "agency")]
    public int? AgencyId { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Row> Rows { get; private set; } = null!;

    public List<SelectListItem> Agencies { get; private set; } = [];

    public bool CanChooseAgency => me.IsProvinceWide;

    public bool CanEdit => me.CanEditRegisters;

    public IDictionary<string, string?> RouteValues => new Dictionary<string, string?>
    {
        ["q"] = Query,
        ["status"] = Status?.ToString(),
        ["agency"] = AgencyId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["sort"] = Sort,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (CanChooseAgency)
        {
            Agencies = await SubscriberFormOptions.AgenciesAsync(db, ct);
        }

        Rows = await PagedList.CreateAsync(FilteredRows(), PageNumber, cancellationToken: ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var rows = await FilteredRows().ToListAsync(ct);
        return ExcelExport.Create("thiet-bi", "Thiết bị lưu khóa bí mật", [("Từ khóa", Query), ("Trạng thái", Status is null ? null : TokenTransitions.Label(Status.Value)),
            ("Cơ quan", AgencyId is null ? null : await db.Agencies.Where(a => a.Id == AgencyId).Select(a => a.Name).FirstOrDefaultAsync(ct))],
            rows.Select(r => new Dictionary<string, object?>
            {
                ["Số hiệu"] = r.Serial,
                ["Chủng loại"] = r.Model,
                ["Trạng thái"] = TokenTransitions.Label(r.Status),
                ["Người đang giữ"] = r.Custodian,
                ["Cơ quan"] = r.AgencyName,
                ["Số lần khôi phục"] = r.Recoveries,
                ["Số lần bàn giao"] = r.Handovers,
            }), me);
    }

    private IQueryable<Row> FilteredRows()
    {
        var query = db.Tokens.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var serial = UsbToken.NormalizeSerial(Query);
            var text = Text.Clean(Query);
            query = query.Where(t => t.SerialNumber.Contains(serial) || (t.CustodianName != null && t.CustodianName.Contains(text)));
        }

        if (Status is not null)
        {
            query = query.Where(t => t.Status == Status);
        }

        if (AgencyId is not null)
        {
            query = query.Where(t => t.AgencyId == AgencyId);
        }

        query = Sort switch
        {
            "status" => query.OrderBy(t => t.Status).ThenBy(t => t.SerialNumber),
            "agency" => query.OrderBy(t => t.Agency!.Name).ThenBy(t => t.SerialNumber),
            _ => query.OrderBy(t => t.SerialNumber),
        };

        return query.Select(t => new Row(t.Id, t.SerialNumber, t.Model, t.Status, t.CustodianName,
            t.Agency!.Name, t.RecoveryCount, t.HandoverCount));
    }

    public sealed record Row(int Id, string Serial, string Model, TokenStatus Status, string? Custodian, string AgencyName, int Recoveries, int Handovers);
}
