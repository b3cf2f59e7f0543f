using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Notifications;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// Runs <see cref="ExpiryReminders"/> once when the portal starts and then every day at 07:00 Vietnam time, on the
/// injected clock. Turned off with <c>Reminders:Enabled=false</c> (e.g. when a second web node runs it instead).
/// </summary>
public sealed partial class ExpiryReminderService(IServiceScopeFactory scopes, ExpiryReminderSettings settings, TimeProvider clock,
    ILogger<ExpiryReminderService> logger) : BackgroundService
{
    private static readonly TimeOnly RunAt = new(7, 0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken);
            try
            {
                await Task.Delay(UntilNextRun(clock.GetUtcNow().UtcDateTime), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Time from <paramref name="nowUtc"/> to the next 07:00 in Vietnam.</summary>
    public static TimeSpan UntilNextRun(DateTime nowUtc)
    {
        var local = VietnamTime.ToLocal(nowUtc);
        var next = VietnamTime.ToDate(nowUtc).ToDateTime(RunAt);
        if (next <= local)
        {
            next = next.AddDays(1);
        }

        return next - local;
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var added = await ExpiryReminders.RunAsync(db, settings, clock.GetUtcNow().UtcDateTime, ct);
            Log.RemindersWritten(logger, added);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed run must not stop the portal; tomorrow's run tries again.
            Log.RemindersFailed(logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Certificate expiry reminders: {Count} notifications written")]
        public static partial void RemindersWritten(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Error, Message = "Certificate expiry reminders failed")]
        public static partial void RemindersFailed(ILogger logger, Exception exception);
    }
}
