using PhuThoCa.Infrastructure.Mail;
using PhuThoCa.Web.Infrastructure.Mail;
using Quartz;

namespace PhuThoCa.Web.Infrastructure.Jobs;

/// <summary>
/// Puts the portal's jobs and triggers into the job store when a node starts. A trigger already stored with the same
/// schedule is kept as it is, so its next fire time survives a restart and a firing missed while every node was down
/// is caught up once (misfire: fire once now, then on schedule); a trigger whose schedule changed in configuration is
/// replaced. The outbox delivery also runs once at every start, and a daily job runs at once when its trigger is new.
/// </summary>
public sealed partial class PortalSchedule(ISchedulerFactory schedulers, MailSettings mail, ILogger<PortalSchedule> logger) : IHostedService
{
    public static readonly JobKey MailDelivery = new("mail-delivery");
    public static readonly JobKey DeadlineMail = new("deadline-mail");
    public static readonly JobKey ExpiryReminders = new("expiry-reminders");
    public static readonly JobKey AgencyReportReminders = new("agency-report-reminders");

    /// <summary>Every day at 07:00.</summary>
    public const string DailyAt7 = "0 0 7 * * ?";

    /// <summary>Every day at 07:05, after the deadline mail.</summary>
    public const string DailyAt705 = "0 5 7 * * ?";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await EnsureAsync(scheduler, JobBuilder.Create<MailDeliveryJob>().WithIdentity(MailDelivery).StoreDurably().Build(),
            TriggerBuilder.Create().WithIdentity("mail-delivery").ForJob(MailDelivery).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(Math.Max(1, mail.PollSeconds))).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .Build(),
            runAtStart: true, cancellationToken);
        await EnsureAsync(scheduler, JobBuilder.Create<DeadlineMailJob>().WithIdentity(DeadlineMail).StoreDurably().Build(), Daily(DeadlineMail),
            runAtStart: false, cancellationToken);
        await EnsureAsync(scheduler, JobBuilder.Create<ExpiryReminderJob>().WithIdentity(ExpiryReminders).StoreDurably().Build(), Daily(ExpiryReminders),
            runAtStart: false, cancellationToken);
        await EnsureAsync(scheduler, JobBuilder.Create<AgencyReportReminderJob>().WithIdentity(AgencyReportReminders).StoreDurably().Build(),
            Daily(AgencyReportReminders, DailyAt705), runAtStart: false, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The next 07:00 in Vietnam after <paramref name="utc"/>, as the daily triggers fire.</summary>
    public static DateTimeOffset NextDailyRun(DateTimeOffset utc) =>
        new CronExpression(DailyAt7, PortalJobs.VietnamTimeZone()).GetNextValidTimeAfter(utc)!.Value;

    private static ITrigger Daily(JobKey job, string cron = DailyAt7) =>
        TriggerBuilder.Create().WithIdentity(job.Name).ForJob(job)
            .WithCronSchedule(cron, c => c.InTimeZone(PortalJobs.VietnamTimeZone()).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();

    private async Task EnsureAsync(IScheduler scheduler, IJobDetail job, ITrigger trigger, bool runAtStart, CancellationToken ct)
    {
        await scheduler.AddJob(job, AddJobOptions.Replacing, ct);
        var stored = await scheduler.GetTrigger(trigger.Key, ct);
        var isNew = stored is null;
        if (stored is null)
        {
            await scheduler.ScheduleJob(trigger, cancellationToken: ct);
        }
        else if (!SameSchedule(stored, trigger))
        {
            await scheduler.RescheduleJob(trigger.Key, trigger, ct);
            isNew = true;
        }

        if (runAtStart || isNew)
        {
            await scheduler.TriggerJob(trigger.JobKey, ct);
        }

        Log.Scheduled(logger, trigger.JobKey.Name, isNew ? "new" : "kept", runAtStart || isNew);
    }

    /// <summary>Whether a stored trigger fires on the schedule configured now.</summary>
    public static bool SameSchedule(ITrigger stored, ITrigger configured) => (stored, configured) switch
    {
        (ICronTrigger a, ICronTrigger b) => a.CronExpressionString == b.CronExpressionString && a.TimeZone.BaseUtcOffset == b.TimeZone.BaseUtcOffset,
        (ISimpleTrigger a, ISimpleTrigger b) => a.RepeatInterval == b.RepeatInterval,
        _ => false,
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job}: trigger {State}, run at start {RunNow}")]
        public static partial void Scheduled(ILogger logger, string job, string state, bool runNow);
    }
}
