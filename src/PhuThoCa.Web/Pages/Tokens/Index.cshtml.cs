using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Tokens;

public class IndexModel(AppDbContext db, CurrentUser me) : RegisterListModel<IndexModel.Row>(db, me)
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public TokenStatus? Status { get; set; }

    protected override void AddFilterValues(IDictionary<string, string?> values)
    {
        values["status"] = Status?.ToString();
    }

    /// <summary>The whole filtered list as Excel, or as CSV with <c>format=csv</c>.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var rows = await FilteredRows().ToListAsync(ct);
        return ListExport.Create(format, "thiet-bi", "Thiết bị lưu khóa bí mật", [("Từ khóa", Query), ("Trạng thái", Status is null ? null : TokenTransitions.Label(Status.Value)),
            ("Cơ quan", await AgencyFilterNameAsync(ct))],
            [new("Số hiệu", Width: 22), new("Chủng loại", Width: 20), new("Trạng thái", Width: 18), new("Người đang giữ", Width: 28),
                new("Cơ quan", Width: 40), new("Số lần khôi phục", CellKind.Count, 12), new("Số lần bàn giao", CellKind.Count, 12)],
            rows.Select(r => new object?[]
            {
                r.Serial, r.Model, TokenTransitions.Label(r.Status), r.Custodian, r.AgencyName, r.Recoveries, r.Handovers,
            }), Me);
    }

    /// <summary>Without a search, the total is a sum of <see cref="TokenCount"/> rows under the same status and agency filters.</summary>
    protected override async Task<int?> CountFromCountersAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Query))
        {
            return null;
        }

        var counts = Db.TokenCounts;
        if (Status is not null)
        {
            counts = counts.Where(c => c.Status == Status);
        }

        if (AgencyId is not null)
        {
            counts = counts.Where(c => c.AgencyId == AgencyId);
        }

        return await counts.SumAsync(c => c.Count, ct);
    }

    protected override IQueryable<Row> FilteredRows()
    {
        var query = Db.Tokens.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            // Serial or custodian anywhere: ids from TextSearch (the trigram index on SQLite), the tokens from the scoped DbSet.
            var serials = Db.TokensWhoseSerialContains(UsbToken.NormalizeSerial(Query));
            var custodians = Db.TokensWhoseCustodianContains(Text.Clean(Query));
            query = query.Where(t => serials.Contains(t.Id) || custodians.Contains(t.Id));
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
            "agency" => query.OrderBy(t => t.Agency!.SortKey).ThenBy(t => t.SerialNumber),
            _ => query.OrderBy(t => t.SerialNumber),
        };

        return query.Select(t => new Row(t.Id, t.SerialNumber, t.Model, t.Status, t.CustodianName,
            t.Agency!.Name, t.RecoveryCount, t.HandoverCount));
    }

    public sealed record Row(int Id, string Serial, string Model, TokenStatus Status, string? Custodian, string AgencyName, int Recoveries, int Handovers);
}
