using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Auditing;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Audit;

/// <summary>
/// Nhật ký hệ thống: the audit trail for administrators and auditors (authorised by folder convention), filtered by time
/// range, user, entity and action, paged, newest first; "Kiểm tra tính toàn vẹn" verifies the hash chain and names the
/// first broken entry. Read-only: nothing here writes.
/// </summary>
public class IndexModel(AppDbContext db, CurrentUser me) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserText { get; set; }

    [BindProperty(SupportsGet = true, Name = "entity")]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true, Name = "key")]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<AuditEntry> Entries { get; private set; } = null!;

    public List<string> EntityTypes { get; private set; } = [];

    public AuditVerification? Verification { get; private set; }

    public Dictionary<string, string?> RouteValues => new()
    {
        ["from"] = From,
        ["to"] = To,
        ["user"] = UserText,
        ["entity"] = Entity,
        ["key"] = Key,
        ["action"] = ActionCode,
    };

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Verifies the whole chain (a read: GET is right), then shows the list as filtered.</summary>
    public async Task OnGetVerifyAsync(CancellationToken ct)
    {
        Verification = await AuditVerifier.VerifyAsync(db, ct);
        await LoadAsync(ct);
    }

    /// <summary>
    /// The whole filtered trail (all pages, newest first) as Excel, or as CSV with <c>format=csv</c>. The folder policy
    /// (<see cref="Policies.ViewAuditTrail"/>) guards this handler like the page. Bad dates export nothing but the page.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!Format.TryParseDate(From, out _) || !Format.TryParseDate(To, out _))
        {
            await LoadAsync(ct);
            return Page();
        }

        var entries = await Filtered().OrderByDescending(e => e.Id).ToListAsync(ct);
        return ListExport.Create(format, "nhat-ky-he-thong", "Nhật ký hệ thống",
            [("Từ ngày", From), ("Đến ngày", To), ("Người thực hiện", UserText), ("Đối tượng", Entity is null ? null : AuditEntryText.EntityLabel(Entity)),
                ("Mã bản ghi", Key), ("Hành động", ActionCode is null ? null : AuditActions.Label(ActionCode))],
            [new("Số", CellKind.Count, 10), new("Thời gian", CellKind.DateTime, 17), new("Người thực hiện", Width: 28), new("Địa chỉ IP", Width: 16),
                new("Hành động", Width: 22), new("Đối tượng", Width: 22), new("Mã bản ghi", Width: 12), new("Nội dung thay đổi", Width: 70),
                new("Lý do", Width: 30)],
            entries.Select(e => new object?[]
            {
                e.Id, e.AtUtc, e.UserName, e.ClientIp, AuditActions.Label(e.Action), AuditEntryText.EntityLabel(e.EntityType), e.EntityKey,
                string.Join("\n", ChangesOf(e).Select(c => $"{c.Field}: {c.From ?? "∅"} → {c.To ?? "∅"}")), e.Reason,
            }), me);
    }

    public static IReadOnlyList<AuditFieldChange> ChangesOf(AuditEntry entry) => AuditEntryText.Changes(entry.Changes);

    private async Task LoadAsync(CancellationToken ct)
    {
        Entries = await PagedList.CreateAsync(Filtered().OrderByDescending(e => e.Id), PageNumber, PageSize, ct);
        EntityTypes = await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(e => e).ToListAsync(ct);
    }

    /// <summary>The entries matching the filters; an unreadable date is reported next to its field and not applied.</summary>
    private IQueryable<AuditEntry> Filtered()
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!Format.TryParseDate(From, out var from))
        {
            ModelState.AddModelError("from", "Ngày bắt đầu phải có dạng dd/MM/yyyy.");
        }
        else if (from is { } f)
        {
            var start = VietnamTime.StartUtc(f);
            query = query.Where(e => e.AtUtc >= start);
        }

        if (!Format.TryParseDate(To, out var to))
        {
            ModelState.AddModelError("to", "Ngày kết thúc phải có dạng dd/MM/yyyy.");
        }
        else if (to is { } t)
        {
            var end = VietnamTime.StartUtc(t.AddDays(1));
            query = query.Where(e => e.AtUtc < end);
        }

        if (!string.IsNullOrWhiteSpace(UserText))
        {
            var text = UserText.Trim();
            query = query.Where(e => e.UserName.Contains(text) || e.UserId == text);
        }

        if (!string.IsNullOrWhiteSpace(Entity))
        {
            query = query.Where(e => e.EntityType == Entity);
        }

        if (!string.IsNullOrWhiteSpace(Key))
        {
            var key = Key.Trim();
            query = query.Where(e => e.EntityKey == key);
        }

        if (!string.IsNullOrWhiteSpace(ActionCode))
        {
            query = query.Where(e => e.Action == ActionCode);
        }

        return query;
    }
}
