using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace PhuThoCa.Infrastructure.Auditing;

/// <summary>
/// The entries captured for one <see cref="Persistence.AppDbContext"/> and not yet committed. Row changes are captured when
/// the save starts (original values are still known) and written when its transaction commits (generated keys are known
/// by then); events appended outside a save wait here for the next commit.
/// </summary>
internal sealed class AuditBuffer
{
    public List<PendingAuditEntry> Pending { get; } = [];

    /// <summary>True between SavingChanges and SavedChanges/SaveChangesFailed.</summary>
    public bool InSave { get; set; }

    /// <summary>Where the entries of the save in progress start, so a failed save drops only its own.</summary>
    public int SaveStart { get; set; }

    /// <summary>Empties the buffer for the context's next user (a pooled context is leased again).</summary>
    public void Reset()
    {
        Pending.Clear();
        InSave = false;
        SaveStart = 0;
    }
}

/// <summary>A captured entry; the key of a row inserted in this save is read from <see cref="Entry"/> at commit.</summary>
internal sealed record PendingAuditEntry(AuditActor Actor, string Action, string EntityType, EntityEntry? Entry, string? Key,
    IReadOnlyList<AuditFieldChange> Changes, string? Reason);
