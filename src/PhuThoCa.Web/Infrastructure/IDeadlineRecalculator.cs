namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// Recomputes the due dates of open requests after the working-day calendar changed (an override added, edited or
/// deleted), noting the change in each request's history. Called after the change is saved and
/// <see cref="PhuThoCa.Infrastructure.Calendar.CalendarProvider.Invalidate"/> was called.
/// </summary>
public interface IDeadlineRecalculator
{
    /// <summary>Returns how many open requests got a new due date.</summary>
    Task<int> RecalculateOpenRequestsAsync(string reason, CancellationToken ct);
}

/// <summary>
/// Placeholder until the request workflow exists: there are no requests yet, so nothing to recompute. The request
/// workflow replaces this registration with the real implementation.
/// </summary>
public sealed class NoOpDeadlineRecalculator : IDeadlineRecalculator
{
    public Task<int> RecalculateOpenRequestsAsync(string reason, CancellationToken ct) => Task.FromResult(0);
}
