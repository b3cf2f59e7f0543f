using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// Optimistic concurrency for the registers (issue 10 item 7): agencies, subscribers, certificates and tokens carry a
/// shadow <c>RowVersion</c> concurrency token, renewed by <see cref="RegisterVersionInterceptor"/> on every save that changes
/// the row. Two saves that loaded the same row cannot both win (the second gets a <see cref="DbUpdateConcurrencyException"/>,
/// shown by the pages' DomainRuleFilter as "vừa được người khác cập nhật"), and an edit form posts the version it showed
/// (<see cref="ExpectVersion"/>) so a stale form is refused instead of overwriting a newer change. A persistence concern,
/// so it stays out of the domain types; the request aggregate renews its own <c>RowVersion</c> in each action.
/// </summary>
public static class RegisterVersions
{
    public const string Property = "RowVersion";

    public const int Length = 16;

    internal static void Configure(ModelBuilder builder)
    {
        foreach (var type in new[] { typeof(Agency), typeof(Subscriber), typeof(Certificate), typeof(UsbToken) })
        {
            builder.Entity(type).Property<byte[]>(Property).IsConcurrencyToken().HasMaxLength(Length).IsRequired();
        }
    }

    public static byte[] New() => Guid.NewGuid().ToByteArray();

    /// <summary>The version a page shows in its form (base64), or null when the entity has none.</summary>
    public static string? VersionOf(this DbContext db, object entity)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entry = db.Entry(entity);
        return entry.Metadata.FindProperty(Property) is null ? null : Convert.ToBase64String((byte[]?)entry.Property(Property).CurrentValue ?? []);
    }

    /// <summary>
    /// The save that follows succeeds only if the row still has the version the form showed; a malformed version counts
    /// as stale. A post without any version (a client that is not our form) is still protected against concurrent saves
    /// by the version loaded with the row.
    /// </summary>
    public static void ExpectVersion(this DbContext db, object entity, string? shownBase64)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(shownBase64))
        {
            return;
        }

        db.Entry(entity).Property(Property).OriginalValue = TryDecode(shownBase64) ?? [0];
    }

    private static byte[]? TryDecode(string base64)
    {
        var buffer = new byte[Length * 2];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : null;
    }

    internal static void Renew(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.Metadata.FindProperty(Property) is not { IsConcurrencyToken: true, ClrType: var clr } || clr != typeof(byte[]))
            {
                continue;
            }

            var version = entry.Property(Property);
            var renew = entry.State switch
            {
                EntityState.Added => version.CurrentValue is not byte[] { Length: > 0 },
                EntityState.Modified => ReferenceEquals(version.CurrentValue, version.OriginalValue)
                    || (version.CurrentValue is byte[] current && version.OriginalValue is byte[] original && current.AsSpan().SequenceEqual(original)),
                EntityState.Detached or EntityState.Unchanged or EntityState.Deleted => false,
            };
            if (renew)
            {
                version.CurrentValue = New();
            }
        }
    }
}

/// <summary>Renews the registers' <see cref="RegisterVersions"/> token on every insert and change, before the save runs.</summary>
public sealed class RegisterVersionInterceptor : SaveChangesInterceptor
{
    public static readonly RegisterVersionInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db)
        {
            RegisterVersions.Renew(db.ChangeTracker);
        }

        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db)
        {
            RegisterVersions.Renew(db.ChangeTracker);
        }

        return ValueTask.FromResult(result);
    }
}
