using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using PhuThoCa.Infrastructure.Calendar;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Infrastructure;

public class CalendarProviderTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Snapshot_ReadWhileAnOverrideChanges_IsNotCached()
    {
        _ = portal.Services; // migrated and seeded
        var provider = new CalendarProvider(new ConfigurationBuilder().Build(), TimeProvider.System);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var slow = CreateDbContext(new WaitingInterceptor(gate.Task));
        await using var db = CreateDbContext(null);

        var inFlight = provider.GetAsync(slow, Ct);
        provider.Invalidate(); // an admin saved an override while the first snapshot was being read
        gate.SetResult();
        var first = await inFlight;
        var second = await provider.GetAsync(db, Ct);
        var third = await provider.GetAsync(db, Ct);

        Assert.NotSame(first, second);
        Assert.Same(second, third);
    }

    [Fact]
    public async Task AnOverrideEditedOnAnotherNode_IsSeenAfterTheSnapshotsLifetime()
    {
        _ = portal.Services; // migrated and seeded
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(PortalFactory.DefaultNow);
        var provider = new CalendarProvider(new ConfigurationBuilder().Build(), clock);
        await using var db = CreateDbContext(null);
        var day = new DateOnly(2031, 3, 12); // a Wednesday no test uses
        var before = await provider.GetAsync(db, Ct);
        Assert.True(before.IsWorkingDay(day));

        // Another node's admin makes it a day off: this node's provider is not told.
        db.CalendarOverrides.Add(Domain.Calendar.CalendarOverride.CreateDayOff(day, "Nghỉ bù thử nghiệm", "Thông báo thử nghiệm", isProvincial: true));
        await db.SaveChangesAsync(Ct);
        try
        {
            clock.Advance(CalendarProvider.SnapshotLifetime - TimeSpan.FromSeconds(1));
            var within = await provider.GetAsync(db, Ct);
            clock.Advance(TimeSpan.FromSeconds(1));
            var after = await provider.GetAsync(db, Ct);

            Assert.Same(before, within);
            Assert.False(after.IsWorkingDay(day));
        }
        finally
        {
            await db.CalendarOverrides.Where(o => o.Date == day).ExecuteDeleteAsync(Ct);
        }
    }

    private AppDbContext CreateDbContext(IInterceptor? interceptor)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={portal.DatabasePath}");
        if (interceptor is not null)
        {
            options.AddInterceptors(interceptor);
        }

        return AppDbContext.Create(options.Options, UnrestrictedScope.Instance);
    }

    /// <summary>Holds every query until the gate opens.</summary>
    private sealed class WaitingInterceptor(Task gate) : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await gate.WaitAsync(cancellationToken);
            return result;
        }
    }
}
