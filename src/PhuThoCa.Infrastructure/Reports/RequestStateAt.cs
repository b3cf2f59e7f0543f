using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Infrastructure.Reports;

/// <summary>
/// Where requests stood at an instant in the past: the status and due date of each one's last history row before it (by
/// time, then id; ADR 0007, "one history"). The on-time statistics and the Điều 8.4 report read it for the requests still
/// open at the end of a period that ended before today; every other figure comes from the milestones kept on the request
/// (ADR 0029). Two correlated subqueries per request, each a seek of the request's own history rows.
/// </summary>
public static class RequestStateAt
{
    /// <summary>The status and due date a request had at the instant asked for; null status when it had no history yet.</summary>
    public sealed record State(RequestStatus? Status, DateOnly? DueDate);

    public static async Task<Dictionary<int, State>> ReadAsync(IQueryable<Request> requests, DateTime instantUtc, CancellationToken ct) =>
        await requests
            .Select(r => new
            {
                r.Id,
                Status = r.History.Where(h => h.AtUtc < instantUtc).OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id)
                    .Select(h => (RequestStatus?)h.To).FirstOrDefault(),
                Due = r.History.Where(h => h.AtUtc < instantUtc).OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id)
                    .Select(h => h.DueDate).FirstOrDefault(),
            })
            .ToDictionaryAsync(r => r.Id, r => new State(r.Status, r.Due), ct);
}
