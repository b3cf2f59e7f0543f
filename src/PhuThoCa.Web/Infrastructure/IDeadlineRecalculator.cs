using Microsoft.EntityFrameworkCore;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// Recomputes the due dates of open requests after the working-day calendar changed (an override added, edited or
/// deleted), noting the change in each request's history. Called inside the transaction that saves the change
/// (OverrideChanges.SaveAndRecalculateAsync), after <see cref="PhuThoCa.Infrastructure.Calendar.CalendarProvider.Invalidate"/>.
/// </summary>
public interface IDeadlineRecalculator
{
    /// <summary>Returns how many open requests got a new due date.</summary>
    Task<int> RecalculateOpenRequestsAsync(string reason, CancellationToken ct);
}

/// <summary>Loads every open request with a running deadline and lets the aggregate recompute it on the new calendar.</summary>
public sealed class DeadlineRecalculator(AppDbContext db, RequestServices requests, CurrentUser me) : IDeadlineRecalculator
{
    public async Task<int> RecalculateOpenRequestsAsync(string reason, CancellationToken ct)
    {
        var deadlines = await requests.DeadlinesAsync(ct);
        var open = await db.Requests.IgnoreQueryFilters().Where(PhuThoCa.Domain.Requests.Request.IsOpenExpression)
            .Where(r => r.DueDate != null).Include(r => r.History).ToListAsync(ct);
        var actor = me.Actor();
        var moved = 0;
        foreach (var request in open)
        {
            if (request.RecalculateDeadline(deadlines, actor, reason) is { } change)
            {
                db.TimelineEvents.Add(change);
                moved++;
            }
        }

        await db.SaveChangesAsync(ct);
        return moved;
    }
}
