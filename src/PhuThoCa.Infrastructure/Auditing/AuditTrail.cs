using Microsoft.EntityFrameworkCore;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Infrastructure.Auditing;

/// <summary>Appends events that are not row changes (sign-ins, sign-outs, views of a full CCCD) to the same chain.</summary>
public static class AuditTrail
{
    /// <summary>
    /// Appends <paramref name="e"/>: at the commit of the transaction in progress, or in a transaction of its own.
    /// Nothing else of the context is saved by this call.
    /// </summary>
    public static async Task AppendAsync(this AppDbContext db, AuditEvent e, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(e);
        var pending = new PendingAuditEntry(e.Actor ?? db.AuditContext.Actor, e.Action, e.EntityType, null, e.EntityKey,
            e.Changes ?? [], e.Reason);
        if (db.Database.CurrentTransaction is not null)
        {
            db.AuditBuffer.Pending.Add(pending);
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.AuditBuffer.Pending.Add(pending);
            await transaction.CommitAsync(ct);
        });
    }
}
