using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Pages.Requests;

/// <summary>
/// One line of a request's history on its details page: a status change (who, from → to, reason, the deadline after it) or
/// another event recorded on the request, such as a deadline recalculated after the working-day calendar changed.
/// </summary>
public sealed record RequestHistoryItem(DateTime AtUtc, long Order, string ActorName, string Title, string? Note, DateOnly? DueDate)
{
    /// <summary>The request's own timeline events (slips, promises, notes), read once for the history and the page.</summary>
    public static Task<List<TimelineEvent>> EventsAsync(AppDbContext db, Request request, CancellationToken ct) =>
        db.TimelineEvents.AsNoTracking().Where(e => e.Subject == TimelineSubject.Request && e.SubjectId == request.Id).ToListAsync(ct);

    /// <summary>The status changes and <paramref name="events"/>, newest first; the creation of the draft last.</summary>
    public static IReadOnlyList<RequestHistoryItem> From(Request request, IEnumerable<TimelineEvent> events)
    {
        var items = request.History
            .Select(h => new RequestHistoryItem(h.AtUtc, h.Id, h.ActorName,
                $"{RequestActions.Label(h.Action)}: {RequestStatuses.Label(h.From)} → {RequestStatuses.Label(h.To)}", h.Note, h.DueDate))
            .Concat(events.Select(e => new RequestHistoryItem(e.AtUtc, e.Id, e.ActorName,
                e.FromState is null && e.ToState is null ? e.Action : $"{e.Action}: {e.FromState} → {e.ToState}", e.Note, null)))
            .OrderByDescending(i => i.AtUtc).ThenByDescending(i => i.Order)
            .ToList();
        items.Add(new RequestHistoryItem(request.CreatedAtUtc, 0, request.CreatedByName, "Lập yêu cầu (nháp)", null, null));
        return items;
    }
}
