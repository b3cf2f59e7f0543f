using PhuThoCa.Infrastructure.Notifications;
using PhuThoCa.Infrastructure.Persistence;
using Quartz;

namespace PhuThoCa.Web.Infrastructure.Jobs;

/// <summary>Where and how the background jobs run (configuration section "Jobs"; docs/operations.md).</summary>
public sealed class JobSettings
{
    public const string Section = "Jobs";

    /// <summary>Run the scheduler on this node. A node with it off serves pages only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between two check-ins of a clustered node (SQL Server only; SQLite runs one node).</summary>
    public int ClusterCheckinSeconds { get; set; } = 15;
}

/// <summary>
/// The background jobs on Quartz.NET with its persistent ADO.NET job store in the portal's own database (tables from
/// the migrations, <see cref="QuartzSchema"/>), so a daily job missed while the portal was down is caught up once when it
/// comes back, and on SQL Server in clustered mode, so that any number of web nodes run each firing once
/// (docs/adr/0022-quartz-persistent-job-store.md). SQLite is a one-node database: Quartz refuses to cluster on it, and
/// the jobs' own writes stay once-only there too (<see cref="SerializedRun"/>).
/// </summary>
public static class PortalJobs
{
    /// <summary>The scheduler name every node shares (the job store's SCHED_NAME).</summary>
    public const string SchedulerName = "PhuThoCa";

    public static IServiceCollection AddPortalJobs(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var settings = configuration.GetSection(JobSettings.Section).Get<JobSettings>() ?? new JobSettings();
        services.AddSingleton(settings);
        if (!settings.Enabled)
        {
            return services;
        }

        var provider = DatabaseSetup.GetProvider(configuration);
        var connectionString = DatabaseSetup.GetConnectionString(configuration, contentRoot);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = SchedulerName);
            // Fire times are real time in the shared job store; a job reads the portal's injected clock for what is due.
            q.UseTimeProvider(TimeProvider.System);
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                switch (provider)
                {
                    case DatabaseProvider.SqlServer:
                        store.UseSqlServer(connectionString);
                        store.UseClustering(c =>
                        {
                            c.CheckinInterval = TimeSpan.FromSeconds(Math.Max(5, settings.ClusterCheckinSeconds));
                            c.CheckinMisfireThreshold = TimeSpan.FromSeconds(Math.Max(5, settings.ClusterCheckinSeconds) * 2);
                        });
                        break;
                    case DatabaseProvider.Sqlite:
                        store.UseSqlite(connectionString);
                        break;
                }
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<PortalSchedule>();
        return services;
    }

    internal static TimeZoneInfo VietnamTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Ho_Chi_Minh", out var zone) ? zone : TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
}

/// <summary>Daily (07:00 Vietnam time) certificate expiry reminders (features G5.1), never two runs at once in the cluster.</summary>
[DisallowConcurrentExecution]
public sealed partial class ExpiryReminderJob(IServiceScopeFactory scopes, ExpiryReminderSettings settings, TimeProvider clock,
    ILogger<ExpiryReminderJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!settings.Enabled)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var added = await ExpiryReminders.RunAsync(db, settings, clock.GetUtcNow().UtcDateTime, cancellationToken);
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
