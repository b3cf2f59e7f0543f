using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// Counters of the saves on this node that changed a request (<see cref="Requests"/>), a notification
/// (<see cref="Notifications"/>) or an agency (<see cref="Agencies"/>), so that figures cached per node (the menu's
/// badges, the agency choices of the filters and forms) are recomputed after the next change here at once, and after
/// another node's change within their short lifetime (issue 15: cached menu badges).
/// </summary>
public sealed class ChangeVersions : SaveChangesInterceptor
{
    public static readonly ChangeVersions Instance = new();

    private static readonly ConditionalWeakTable<DbContext, StrongBox<(bool Requests, bool Notifications, bool Agencies)>> Pending = [];
    private static long _requests;
    private static long _notifications;
    private static long _agencies;

    private ChangeVersions()
    {
    }

    /// <summary>Changes when a save that touched a request has committed on this node.</summary>
    public static long Requests => Interlocked.Read(ref _requests);

    /// <summary>Changes when a save that added, read or removed a notification has committed on this node.</summary>
    public static long Notifications => Interlocked.Read(ref _notifications);

    /// <summary>Changes when a save that added, changed or removed an agency has committed on this node.</summary>
    public static long Agencies => Interlocked.Read(ref _agencies);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData?.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Bump(eventData?.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Bump(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    private static void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var requests = Changed<Domain.Requests.Request>(context);
        var notifications = Changed<Domain.Notifications.Notification>(context);
        var agencies = Changed<Domain.Agencies.Agency>(context);
        if (requests || notifications || agencies)
        {
            Pending.AddOrUpdate(context, new((requests, notifications, agencies)));
        }
    }

    private static bool Changed<T>(DbContext context)
        where T : class =>
        context.ChangeTracker.Entries<T>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    private static void Bump(DbContext? context)
    {
        if (context is not null && Pending.TryGetValue(context, out var changed) && Pending.Remove(context))
        {
            if (changed.Value.Requests)
            {
                Interlocked.Increment(ref _requests);
            }

            if (changed.Value.Notifications)
            {
                Interlocked.Increment(ref _notifications);
            }

            if (changed.Value.Agencies)
            {
                Interlocked.Increment(ref _agencies);
            }
        }
    }
}
