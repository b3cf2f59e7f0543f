using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Mail;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Infrastructure.Mail;

/// <summary>One address a message goes to: a portal user (with their choice per group) or a subscriber's official address.</summary>
public sealed record MailRecipient(string? UserId, string Address, string Name);

/// <summary>
/// Finds the recipients of an event (active users with an address who have not turned its group off) and renders the
/// newest template version into outbox messages. Used by the outbox interceptor and the deadline reminder job.
/// </summary>
public sealed class MailWriter(AppDbContext db, MailSettings settings)
{
    private readonly Dictionary<MailEvent, (string Subject, string Body, int Version)> _templates = [];

    public MailSettings Settings => settings;

    /// <summary>Sở KH&amp;CN's staff and leaders.</summary>
    public Task<List<MailRecipient>> DepartmentAsync(MailEventGroup group, CancellationToken ct) =>
        WithAddress(InRoles([Roles.DepartmentStaff, Roles.DepartmentLeader]), group, ct);

    /// <summary>The officers of one agency.</summary>
    public Task<List<MailRecipient>> AgencyOfficersAsync(int agencyId, MailEventGroup group, CancellationToken ct) =>
        WithAddress(InRoles([Roles.AgencyOfficer]).Where(u => u.AgencyId == agencyId), group, ct);

    /// <summary>The given users, if active, with an address and the group on.</summary>
    public Task<List<MailRecipient>> UsersAsync(IReadOnlyCollection<string> userIds, MailEventGroup group, CancellationToken ct) =>
        WithAddress(db.Users.Where(u => u.IsActive && userIds.Contains(u.Id)), group, ct);

    /// <summary>The placeholders every request event fills.</summary>
    public async Task<Dictionary<string, string?>> RequestValuesAsync(Request request, string? note, DateOnly? due, string linkPath,
        CancellationToken ct)
    {
        var agency = await db.Agencies.IgnoreQueryFilters().Where(a => a.Id == request.AgencyId).Select(a => a.Name).FirstOrDefaultAsync(ct);
        return new Dictionary<string, string?>
        {
            ["co_quan"] = agency ?? "",
            ["loai_yeu_cau"] = RequestTypes.Label(request.Type),
            ["so_tiep_nhan"] = request.ReceiptNumber ?? "(chưa có)",
            ["trang_thai"] = RequestStatuses.Label(request.Status),
            ["ly_do"] = note ?? "(không có)",
            ["han_xu_ly"] = due is { } d ? VietnamTime.DateText(d) : "(chưa có)",
            ["lien_ket"] = settings.Link(linkPath),
        };
    }

    /// <summary>Renders the newest template of <paramref name="mailEvent"/> for one recipient.</summary>
    public async Task<OutboxMessage> RenderAsync(MailEvent mailEvent, MailRecipient to, IReadOnlyDictionary<string, string?> values,
        string? key, DateTime atUtc, CancellationToken ct, int? certificateId = null)
    {
        if (!_templates.TryGetValue(mailEvent, out var template))
        {
            var stored = await db.MailTemplates.AsNoTracking().Where(t => t.Event == mailEvent).OrderByDescending(t => t.Version)
                .Select(t => new { t.Subject, t.Body, t.Version }).FirstOrDefaultAsync(ct);
            var fallback = MailPlaceholders.Default(mailEvent);
            template = _templates[mailEvent] = stored is null ? (fallback.Subject, fallback.Body, 0) : (stored.Subject, stored.Body, stored.Version);
        }

        var all = new Dictionary<string, string?>(values) { ["nguoi_nhan"] = to.Name };
        return new OutboxMessage(mailEvent, to.Address, to.Name, MailPlaceholders.Render(template.Subject, all),
            MailPlaceholders.Render(template.Body, all), atUtc, key, to.UserId, null, certificateId, template.Version);
    }

    private IQueryable<AppUser> InRoles(string[] roles)
    {
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        return db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
    }

    private async Task<List<MailRecipient>> WithAddress(IQueryable<AppUser> users, MailEventGroup group, CancellationToken ct)
    {
        var off = db.MailPreferences.Where(p => p.Group == group && !p.Enabled).Select(p => p.UserId);
        var rows = await users.Where(u => u.Email != null && u.Email != "" && !off.Contains(u.Id))
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.Email, u.FullName }).ToListAsync(ct);
        return rows.Select(r => new MailRecipient(r.Id, r.Email!, r.FullName)).ToList();
    }
}
