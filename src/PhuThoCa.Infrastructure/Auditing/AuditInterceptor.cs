using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Infrastructure.Auditing;

/// <summary>
/// The audit trail written by the system, not by pages (docs/adr/0012-audit-trail.md): every insert, update and delete
/// saved through an <see cref="AppDbContext"/> is captured when the save starts (who, which fields from → to, the reason
/// the action gave) and appended to the hash chain inside the same transaction, just before it commits. Hooked into every
/// context by <see cref="DatabaseSetup.Configure"/>, so pages, handlers, seeding, jobs and tests all go through it.
/// </summary>
public sealed class AuditInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public static readonly AuditInterceptor Instance = new();

    /// <summary>What a redacted value is stored as: secrets never reach the trail, only the fact that they changed.</summary>
    public const string Redacted = "[đã ẩn]";

    private const int MaxValueLength = 1000;

    /// <summary>Rows that are not records of the portal: the trail itself, derived notifications, counters.</summary>
    private static readonly HashSet<Type> NotAudited =
    [
        typeof(AuditEntry), typeof(AuditChainHead), typeof(Domain.Notifications.Notification), typeof(ReceiptCounter),
    ];

    /// <summary>Secrets by property name, on whichever entity: Identity's password hash and security stamp.</summary>
    private static readonly HashSet<string> SecretProperties = new(StringComparer.Ordinal) { "PasswordHash", "SecurityStamp" };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db)
        {
            CaptureAsync(db, async: false, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db)
        {
            await CaptureAsync(db, async: true, cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EndSave(eventData?.Context, failed: false);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        EndSave(eventData?.Context, failed: false);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => EndSave(eventData?.Context, failed: true);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        EndSave(eventData?.Context, failed: true);
        return Task.CompletedTask;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext { AuditBuffer.Pending.Count: > 0 } db)
        {
            AuditChainWriter.AppendAsync(db, transaction, async: false, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext { AuditBuffer.Pending.Count: > 0 } db)
        {
            await AuditChainWriter.AppendAsync(db, transaction, async: true, cancellationToken);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData?.Context is AppDbContext db)
        {
            db.AuditBuffer.Pending.Clear();
        }
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData?.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData?.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Discard(eventData?.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData?.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A rolled-back user transaction takes its captured entries with it. Inside a save they stay: the execution strategy
    /// may retry the save, whose commit then writes them; a save that finally fails drops its own in <see cref="EndSave"/>.
    /// </summary>
    private static void Discard(DbContext? context)
    {
        if (context is AppDbContext { AuditBuffer.InSave: false } db)
        {
            db.AuditBuffer.Pending.Clear();
        }
    }

    private static void EndSave(DbContext? context, bool failed)
    {
        if (context is not AppDbContext db)
        {
            return;
        }

        var buffer = db.AuditBuffer;
        buffer.InSave = false;
        if (failed && buffer.SaveStart <= buffer.Pending.Count)
        {
            buffer.Pending.RemoveRange(buffer.SaveStart, buffer.Pending.Count - buffer.SaveStart);
        }
    }

    private static async Task CaptureAsync(AppDbContext db, bool async, CancellationToken ct)
    {
        var buffer = db.AuditBuffer;
        buffer.InSave = true;
        buffer.SaveStart = buffer.Pending.Count;
        db.ChangeTracker.DetectChanges();
        var actor = db.AuditContext.Actor;
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && !NotAudited.Contains(e.Metadata.ClrType))
            .ToList();
        if (entries.Count == 0)
        {
            return;
        }

        var reasons = new ReasonFinder(db);
        foreach (var entry in entries)
        {
            if (entry.Entity is IdentityUserRole<string> userRole)
            {
                var role = async ? await db.Roles.FindAsync([userRole.RoleId], ct) : db.Roles.Find(userRole.RoleId);
                var label = role?.Name is { } name ? Roles.Label(name) : userRole.RoleId;
                var granted = entry.State == EntityState.Added;
                if (entry.State != EntityState.Modified)
                {
                    buffer.Pending.Add(new PendingAuditEntry(actor, granted ? AuditActions.RoleGrant : AuditActions.RoleRevoke, "User", null,
                        userRole.UserId, [new AuditFieldChange("Role", granted ? null : label, granted ? label : null)], null));
                }

                continue;
            }

            var changes = Changes(entry);
            if (changes.Count == 0)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditActions.Insert,
                EntityState.Deleted => AuditActions.Delete,
                _ when entry.Entity is AppUser && changes.Any(c => c.Field == nameof(AppUser.PasswordHash)) => AuditActions.PasswordChange,
                _ => AuditActions.Update,
            };
            var key = entry.State == EntityState.Added ? null : KeyOf(entry);
            buffer.Pending.Add(new PendingAuditEntry(actor, action, EntityTypeName(entry), entry, key, changes, reasons.For(entry)));
        }
    }

    /// <summary>
    /// Inserted rows: every value set; deleted rows: every value they had; updates: the fields that changed. The values of a
    /// complex type (a request's letter and Mục 1) count as fields named after their columns ("LetterNumber", "SignerName",
    /// "ContactNationalId"), as before they were values.
    /// </summary>
    private static List<AuditFieldChange> Changes(EntityEntry entry)
    {
        var list = new List<AuditFieldChange>();
        foreach (var property in entry.Properties)
        {
            AddChange(list, entry, property, property.Metadata.Name);
        }

        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                AddChange(list, entry, property, property.Metadata.GetColumnName() ?? complex.Metadata.Name + property.Metadata.Name);
            }
        }

        return list;
    }

    private static void AddChange(List<AuditFieldChange> list, EntityEntry entry, PropertyEntry property, string name)
    {
        var meta = property.Metadata;
        if (meta.IsConcurrencyToken || meta.ClrType == typeof(byte[]) || meta.Name is "SearchKey" or "SortKey"
            || (meta.IsPrimaryKey() && entry.State != EntityState.Modified))
        {
            return;
        }

        switch (entry.State)
        {
            case EntityState.Added when property.CurrentValue is not null:
                list.Add(new AuditFieldChange(name, null, Value(entry, name, property.CurrentValue)));
                break;
            case EntityState.Deleted when property.OriginalValue is not null:
                list.Add(new AuditFieldChange(name, Value(entry, name, property.OriginalValue), null));
                break;
            case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                list.Add(new AuditFieldChange(name, Value(entry, name, property.OriginalValue), Value(entry, name, property.CurrentValue)));
                break;
        }
    }

    /// <summary>Invariant text of a value; secrets redacted, a CCCD masked to its last four digits, long text cut.</summary>
    private static string? Value(EntityEntry entry, string property, object? value)
    {
        if (value is null)
        {
            return null;
        }

        if (SecretProperties.Contains(property) || (entry.Entity is IdentityUserToken<string> && property == "Value"))
        {
            return Redacted;
        }

        var text = value switch
        {
            DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            DateTimeOffset o => o.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (property.EndsWith("NationalId", StringComparison.Ordinal))
        {
            return NationalId.Mask(text);
        }

        return text.Length <= MaxValueLength ? text : string.Concat(text.AsSpan(0, MaxValueLength), "…");
    }

    internal static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return "";
        }

        return string.Join("|", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    private static string EntityTypeName(EntityEntry entry) => entry.Entity switch
    {
        AppUser => "User",
        IdentityRole => "Role",
        IdentityUserClaim<string> => "UserClaim",
        IdentityUserLogin<string> => "UserLogin",
        IdentityUserToken<string> => "UserToken",
        IdentityRoleClaim<string> => "RoleClaim",
        _ => entry.Metadata.ClrType.Name,
    };

    /// <summary>
    /// The reason an action gave, from the history rows added in the same save: a request's status change carries its
    /// note (reject, return, cancel …); a register status change (token locked, lost …) its stated reason.
    /// </summary>
    private sealed class ReasonFinder(AppDbContext db)
    {
        private readonly List<RequestStatusChange> _statusChanges = db.ChangeTracker.Entries<RequestStatusChange>()
            .Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();

        private readonly List<TimelineEvent> _events = db.ChangeTracker.Entries<TimelineEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.ToState != null && e.Entity.Note != null).Select(e => e.Entity).ToList();

        public string? For(EntityEntry entry)
        {
            switch (entry.Entity)
            {
                case RequestStatusChange statusChange:
                    return statusChange.Note;
                case TimelineEvent e:
                    return e.ToState is null ? null : e.Note;
                case Request request:
                    var last = _statusChanges.LastOrDefault(c => request.History.Contains(c));
                    if (last is not null)
                    {
                        return last.Note;
                    }

                    break;
            }

            TimelineSubject? subject = entry.Entity switch
            {
                Domain.Agencies.Agency => TimelineSubject.Agency,
                Subscriber => TimelineSubject.Subscriber,
                Domain.Certificates.Certificate => TimelineSubject.Certificate,
                Domain.Tokens.UsbToken => TimelineSubject.Token,
                Request => TimelineSubject.Request,
                _ => null,
            };
            if (subject is null || entry.State == EntityState.Added || entry.Metadata.FindPrimaryKey()?.Properties is not [var keyProperty]
                || entry.Property(keyProperty.Name).CurrentValue is not int id)
            {
                return null;
            }

            return _events.LastOrDefault(e => e.Subject == subject && e.SubjectId == id)?.Note;
        }
    }
}
