using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Mail;
using PhuThoCa.Domain.Notifications;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Infrastructure.Mail;

/// <summary>
/// Writes the e-mails of request status changes and of certificate expiry reminders to the outbox in the same save as
/// the change (issue 12), beside <see cref="Notifications.RequestNotificationInterceptor"/>: whoever makes the change
/// (a page, a bulk action, a job, the seeder) the mail is written with it or not at all. Recipients are those the
/// in-portal notification goes to who have an e-mail address and have not turned the event's group off; expiry
/// reminders also go to the subscriber's official address. Nothing is written while mail is off (no SMTP host).
/// </summary>
public sealed class MailOutboxInterceptor : SaveChangesInterceptor
{
    public static readonly MailOutboxInterceptor Instance = new();

    // Changes already given their mail: a save repeated after a failure must not write them twice.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Done = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db)
        {
            AddMailAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db)
        {
            await AddMailAsync(db, cancellationToken);
        }

        return result;
    }

    /// <summary>The mail settings of the application that made the context (none: mail off).</summary>
    private static MailSettings? SettingsOf(AppDbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<MailSettings>();

    private static async Task AddMailAsync(AppDbContext db, CancellationToken ct)
    {
        var changes = db.ChangeTracker.Entries<RequestStatusChange>()
            .Where(e => e.State == EntityState.Added && !Done.TryGetValue(e.Entity, out _)).Select(e => e.Entity).ToList();
        var reminders = db.ChangeTracker.Entries<Notification>()
            .Where(e => e.State == EntityState.Added && e.Entity.Key != null && e.Entity.Key.StartsWith(ExpiryKeyPrefix, StringComparison.Ordinal)
                && !Done.TryGetValue(e.Entity, out _))
            .Select(e => e.Entity).ToList();
        if (changes.Count == 0 && reminders.Count == 0)
        {
            return;
        }

        foreach (var done in changes.Cast<object>().Concat(reminders))
        {
            Done.AddOrUpdate(done, done);
        }

        var settings = SettingsOf(db);
        if (settings is not { IsEnabled: true })
        {
            return;
        }

        var writer = new MailWriter(db, settings);
        var requests = db.ChangeTracker.Entries<Request>().Select(e => e.Entity).ToList();
        foreach (var change in changes)
        {
            var request = requests.FirstOrDefault(r => r.History.Contains(change));
            if (request is null || MailEvents.For(change.Action) is not { } mailEvent)
            {
                continue;
            }

            var notified = RequestActions.PerformedBy(request.Type, change.Action) == RequestParty.Agency
                ? RequestParty.ScienceDepartment
                : RequestParty.Agency;
            var recipients = notified == RequestParty.ScienceDepartment
                ? await writer.DepartmentAsync(MailEvents.Group(mailEvent), ct)
                : await writer.AgencyOfficersAsync(request.AgencyId, MailEvents.Group(mailEvent), ct);
            var requestId = db.Entry(request).Property(r => r.Id);
            var link = requestId.IsTemporary ? "/Requests" : "/Requests/Details/" + request.Id.ToString(CultureInfo.InvariantCulture);
            var values = await writer.RequestValuesAsync(request, change.Note, change.DueDate ?? request.DueDate, link, ct);
            values["trang_thai"] = RequestStatuses.Label(change.To);
            values["nguoi_thuc_hien"] = change.ActorName;
            foreach (var recipient in recipients.Where(r => r.UserId != change.ActorUserId))
            {
                var message = await writer.RenderAsync(mailEvent, recipient, values, null, change.AtUtc, ct);
                db.OutboxMessages.Add(message);
                var foreignKey = db.Entry(message).Property(m => m.RequestId);
                foreignKey.CurrentValue = requestId.CurrentValue;
                foreignKey.IsTemporary = requestId.IsTemporary;
            }
        }

        foreach (var reminder in reminders)
        {
            await AddExpiryMailAsync(db, writer, reminder, ct);
        }
    }

    private const string ExpiryKeyPrefix = "certificate-expiry:";

    private static async Task AddExpiryMailAsync(AppDbContext db, MailWriter writer, Notification reminder, CancellationToken ct)
    {
        var certificate = await db.Certificates.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == reminder.CertificateId)
            .Select(c => new
            {
                c.Id,
                c.SerialNumber,
                c.NotAfterUtc,
                SubscriberName = c.Subscriber!.Name,
                SubscriberEmail = c.Subscriber.Email,
                c.Subscriber.AgencyId,
                AgencyName = c.Subscriber.Agency!.Name,
            })
            .FirstOrDefaultAsync(ct);
        if (certificate is null)
        {
            return;
        }

        var today = VietnamTime.ToDate(reminder.CreatedAtUtc);
        var expiry = VietnamTime.ToDate(certificate.NotAfterUtc);
        var values = new Dictionary<string, string?>
        {
            ["co_quan"] = certificate.AgencyName,
            ["thue_bao"] = certificate.SubscriberName,
            ["so_hieu"] = certificate.SerialNumber,
            ["ngay_het_han"] = VietnamTime.DateText(certificate.NotAfterUtc),
            ["so_ngay_con_lai"] = Math.Max(0, expiry.DayNumber - today.DayNumber).ToString(CultureInfo.InvariantCulture),
            // The reminder's advice (renew until …, or file a new issue), as the in-portal notification says it.
            ["ly_do"] = reminder.Detail?.Split('\n').LastOrDefault(),
            ["lien_ket"] = writer.Settings.Link("/Certificates/Details/" + certificate.Id.ToString(CultureInfo.InvariantCulture)),
        };
        var officer = (await writer.UsersAsync([reminder.UserId], MailEventGroup.ExpiryReminders, ct)).FirstOrDefault();
        if (officer is not null)
        {
            db.OutboxMessages.Add(await writer.RenderAsync(MailEvent.CertificateExpiring, officer, values,
                $"{reminder.Key}:{reminder.UserId}", reminder.CreatedAtUtc, ct, certificateId: certificate.Id));
        }

        // The subscriber's official address gets each reminder once, whichever officer's notification brought it.
        var subscriberKey = $"{reminder.Key}:subscriber";
        if (!string.IsNullOrWhiteSpace(certificate.SubscriberEmail)
            && !db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.Key == subscriberKey)
            && !await db.OutboxMessages.AnyAsync(m => m.Key == subscriberKey, ct))
        {
            var subscriber = new MailRecipient(null, certificate.SubscriberEmail, certificate.SubscriberName);
            db.OutboxMessages.Add(await writer.RenderAsync(MailEvent.CertificateExpiring, subscriber, values, subscriberKey, reminder.CreatedAtUtc, ct,
                certificateId: certificate.Id));
        }
    }
}
