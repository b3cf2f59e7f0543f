using Microsoft.EntityFrameworkCore;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// Runs a background step that reads what was already written and then writes what is missing (reminders, deadline
/// mail), so that two web nodes running it at the same moment write each keyed row once (issue 15, item 4).
/// </summary>
/// <remarks>
/// The step runs in one transaction: on SQLite that is <c>BEGIN IMMEDIATE</c>, so the second node waits for the first
/// to commit and then reads its rows. On SQL Server the Quartz cluster already runs a job on one node at a time; if two
/// copies still meet, the unique key of the row refuses the second, and the step is read and written again once.
/// </remarks>
public static class SerializedRun
{
    public static async Task<int> RunAsync(AppDbContext db, Func<CancellationToken, Task<int>> step, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(step);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(token);
                    var written = await step(token);
                    await transaction.CommitAsync(token);
                    return written;
                }, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another node wrote a row with the same key first: forget this attempt and write only what is still missing.
                db.ChangeTracker.Clear();
            }
        }
    }
}
