using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// A counter of the saves on this node that changed a request, so that figures cached per node (the menu's overdue
/// badge) are recomputed after the next change here at once, and after another node's change within their short
/// lifetime (issue 15: cached menu badges).
/// </summary>
public sealed class RequestChanges : SaveChangesInterceptor
{
    public static readonly RequestChanges Instance = new();

    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];
    private static long _version;

    private RequestChanges()
    {
    }

    /// <summary>Changes when a save that touched a request has committed on this node.</summary>
    public static long Version => Interlocked.Read(ref _version);

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
        if (context is not null && context.ChangeTracker.Entries<Domain.Requests.Request>()
            .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            Pending.AddOrUpdate(context, Instance);
        }
    }

    private static void Bump(DbContext? context)
    {
        if (context is not null && Pending.Remove(context))
        {
            Interlocked.Increment(ref _version);
        }
    }
}
