using Microsoft.EntityFrameworkCore;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Infrastructure.Notifications;

/// <summary>Who a notification goes to: active users by role (and agency), as ids in a stable order.</summary>
internal static class NotificationRecipients
{
    /// <summary>Sở KH&amp;CN's staff and leaders.</summary>
    public static Task<List<string>> ScienceDepartmentAsync(AppDbContext db, CancellationToken ct) =>
        InRoles(db, [Roles.DepartmentStaff, Roles.DepartmentLeader]).OrderBy(id => id).ToListAsync(ct);

    /// <summary>The officers of one agency.</summary>
    public static async Task<List<string>> AgencyOfficersAsync(AppDbContext db, int agencyId, CancellationToken ct)
    {
        var officers = InRoles(db, [Roles.AgencyOfficer]);
        return await db.Users.Where(u => u.AgencyId == agencyId && officers.Contains(u.Id)).Select(u => u.Id).OrderBy(id => id).ToListAsync(ct);
    }

    private static IQueryable<string> InRoles(AppDbContext db, string[] roles)
    {
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        return db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId))).Select(u => u.Id);
    }
}
