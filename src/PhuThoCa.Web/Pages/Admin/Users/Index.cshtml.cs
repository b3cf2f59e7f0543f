using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Pages.Admin.Users;

public class IndexModel(AppDbContext db) : PageModel
{
    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        Rows = users.Select(u => new Row(u.Id, u.UserName ?? "", u.FullName,
            string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => Roles.Label(r.Name ?? ""))),
            u.AgencyId is int a && agencies.TryGetValue(a, out var name) ? name : null, u.IsActive,
            u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow)).ToList();
    }

    public sealed record Row(string Id, string UserName, string FullName, string Roles, string? Agency, bool IsActive, bool IsLockedOut);
}
