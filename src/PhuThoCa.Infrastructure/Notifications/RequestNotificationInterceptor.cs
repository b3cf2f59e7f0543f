using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Notifications;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Infrastructure.Notifications;

/// <summary>
/// Writes the in-portal notifications of request status changes in the same save as the change (features G12.1, G12.3):
/// a move made by the agency (submit, resubmit, cancel after sending, token returned …) notifies Sở KH&amp;CN's staff and
/// leaders; a move made by Sở (receive, return, accept, reject, results …) notifies the active officers of the request's
/// agency. The person who acted is not notified. Hooked into every <see cref="AppDbContext"/> by <see cref="DatabaseSetup"/>.
/// </summary>
public sealed class RequestNotificationInterceptor : SaveChangesInterceptor
{
    public static readonly RequestNotificationInterceptor Instance = new();

    // Status changes already given their notifications: SaveChanges may run again for the same tracked rows (an
    // execution-strategy retry on SQL Server, a second save after a failed one) and must not notify twice.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RequestStatusChange, object> Notified = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db)
        {
            AddNotificationsAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db)
        {
            await AddNotificationsAsync(db, cancellationToken);
        }

        return result;
    }

    private static async Task AddNotificationsAsync(AppDbContext db, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries<RequestStatusChange>()
            .Where(e => e.State == EntityState.Added && !Notified.TryGetValue(e.Entity, out _))
            .Select(e => e.Entity)
            .ToList();
        if (added.Count == 0)
        {
            return;
        }

        var requests = db.ChangeTracker.Entries<Request>().Select(e => e.Entity).ToList();
        var recipients = new Dictionary<(RequestParty Notified, int AgencyId), List<string>>();
        var agencyNames = new Dictionary<int, string>();
        foreach (var change in added)
        {
            Notified.AddOrUpdate(change, change);
            var request = requests.FirstOrDefault(r => r.History.Contains(change));
            if (request is null || (change.Action == RequestAction.Cancel && change.From == RequestStatus.Draft))
            {
                continue; // a draft cancelled before sending concerns nobody else
            }

            var notified = RequestActions.PerformedBy(request.Type, change.Action) == RequestParty.Agency
                ? RequestParty.ScienceDepartment
                : RequestParty.Agency;
            if (!recipients.TryGetValue((notified, request.AgencyId), out var users))
            {
                users = notified == RequestParty.ScienceDepartment
                    ? await NotificationRecipients.ScienceDepartmentAsync(db, ct)
                    : await NotificationRecipients.AgencyOfficersAsync(db, request.AgencyId, ct);
                recipients[(notified, request.AgencyId)] = users;
            }

            if (!agencyNames.TryGetValue(request.AgencyId, out var agencyName))
            {
                agencyName = await db.Agencies.IgnoreQueryFilters().Where(a => a.Id == request.AgencyId)
                    .Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";
                agencyNames[request.AgencyId] = agencyName;
            }

            var (title, detail) = Describe(request, change, agencyName);
            foreach (var userId in users.Where(u => u != change.ActorUserId))
            {
                var notification = new Notification(userId, null, title, detail, change.AtUtc);
                db.Notifications.Add(notification);

                // The request's key as the tracker holds it: for a request added in this same save it is a temporary
                // value, which EF replaces in both rows once the request is inserted.
                var requestKey = db.Entry(request).Property(r => r.Id);
                var foreignKey = db.Entry(notification).Property(n => n.RequestId);
                foreignKey.CurrentValue = requestKey.CurrentValue;
                foreignKey.IsTemporary = requestKey.IsTemporary;
            }
        }
    }

    /// <summary>"UBND phường Việt Trì – Gia hạn chứng thư chữ ký số: Tiếp nhận" and what happened, in Vietnamese.</summary>
    private static (string Title, string Detail) Describe(Request request, RequestStatusChange change, string agencyName)
    {
        var title = $"{RequestTypes.Label(request.Type)}: {RequestActions.Label(change.Action)}";
        var lines = new List<string>
        {
            $"{agencyName}{(request.ReceiptNumber is { } receipt ? $" – số tiếp nhận {receipt}" : "")}.",
            $"Trạng thái mới: {RequestStatuses.Label(change.To)} (do {change.ActorName} thực hiện).",
        };
        if (change.Note is { } note)
        {
            lines.Add((RequestActions.RequiresReason(change.Action) ? "Lý do: " : "Ghi chú: ") + note);
        }

        if (change.DueDate is { } due)
        {
            lines.Add("Hạn xử lý: chậm nhất trong ngày " + VietnamTime.DateText(due) + ".");
        }

        return (title, string.Join("\n", lines));
    }
}
