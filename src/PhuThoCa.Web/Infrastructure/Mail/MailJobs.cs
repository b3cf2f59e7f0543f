using PhuThoCa.Infrastructure.Mail;
using PhuThoCa.Infrastructure.Reports;
using Quartz;

namespace PhuThoCa.Web.Infrastructure.Mail;

/// <summary>The outbox delivery run, every <see cref="MailSettings.PollSeconds"/> seconds, never two at once on a node.</summary>
[DisallowConcurrentExecution]
public sealed partial class MailDeliveryJob(IServiceScopeFactory scopes, ILogger<MailDeliveryJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<MailDelivery>().RunOnceAsync(cancellationToken);
            if (result.Sent + result.Failed + result.Retrying + result.Uncertain > 0)
            {
                Log.Run(logger, result.Sent, result.Retrying, result.Failed, result.Uncertain);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next run tries again; a job that throws would only be logged by Quartz less clearly.
            Log.RunFailed(logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Mail delivery: {Sent} sent, {Retrying} to retry, {Failed} failed, {Uncertain} uncertain")]
        public static partial void Run(ILogger logger, int sent, int retrying, int failed, int uncertain);

        [LoggerMessage(Level = LogLevel.Error, Message = "Mail delivery run failed")]
        public static partial void RunFailed(ILogger logger, Exception exception);
    }
}

/// <summary>Daily (07:00 Vietnam time, and at start-up) e-mails to Sở about requests due tomorrow or overdue.</summary>
[DisallowConcurrentExecution]
public sealed partial class DeadlineMailJob(IServiceScopeFactory scopes, ILogger<DeadlineMailJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var added = await scope.ServiceProvider.GetRequiredService<DeadlineMail>().RunAsync(cancellationToken);
            Log.Written(logger, added);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Failed(logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Deadline mail: {Count} messages written")]
        public static partial void Written(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Error, Message = "Deadline mail failed")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}

/// <summary>
/// Daily (07:05 Vietnam time; Jobs/PortalSchedule.cs) reminders to the agencies whose report to Sở (QĐ-PT Điều 9.6) is due within
/// <see cref="AgencyReportSettings.ReminderDaysBefore"/> days and not sent: in-portal always, e-mail when mail is on.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class AgencyReportReminderJob(IServiceScopeFactory scopes, ILogger<AgencyReportReminderJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var reminded = await scope.ServiceProvider.GetRequiredService<AgencyReportReminders>().RunAsync(cancellationToken);
            Log.Written(logger, reminded);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Failed(logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Agency report reminders: {Count} agencies reminded")]
        public static partial void Written(ILogger logger, int count);

        [LoggerMessage(Level = LogLevel.Error, Message = "Agency report reminders failed")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}

public static class MailServiceCollectionExtensions
{
    /// <summary>Mail settings and services; the delivery and deadline jobs run on the portal's scheduler (Jobs/PortalSchedule.cs).</summary>
    public static IServiceCollection AddPortalMail(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(MailSettings.Section).Get<MailSettings>() ?? new MailSettings();
        services.AddSingleton(settings);
        services.AddScoped<MailDelivery>();
        services.AddScoped<DeadlineMail>();
        services.AddSingleton(configuration.GetSection(AgencyReportSettings.Section).Get<AgencyReportSettings>() ?? new AgencyReportSettings());
        services.AddScoped<AgencyReportReminders>();
        return services;
    }
}
