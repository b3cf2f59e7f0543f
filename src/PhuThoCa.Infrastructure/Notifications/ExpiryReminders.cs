using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Notifications;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Infrastructure.Notifications;

/// <summary>Expiry reminder thresholds (configuration section "Reminders"; domain-spec [U]).</summary>
public sealed class ExpiryReminderSettings
{
    public const string Section = "Reminders";

    /// <summary>Days before expiry at which the agency's officers are reminded, each once (features G5.1).</summary>
    public int[] ExpiryDays { get; set; } = [90, 60, 30, 7];

    /// <summary>Also tell them once when a certificate has expired (within the last week).</summary>
    public bool NotifyExpired { get; set; } = true;

    /// <summary>Run the daily job in the web process (07:00 Vietnam time, and once at start-up).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Certificate expiry reminders (features G5.1–G5.3) as in-portal notifications to the officers of the subscriber's
/// agency: one per threshold reached (90, 60, 30, 7 days and "expired" by default), never twice to the same user, none
/// when the certificate already has a successor or an open renewal, change or revocation request (G5.2). Each says until
/// when a renewal may still be filed (G5.3) or that a new issue is the way once that day has passed.
/// </summary>
public static class ExpiryReminders
{
    private const string KeyPrefix = "certificate-expiry:";

    /// <summary>Writes the reminders due at <paramref name="nowUtc"/> and returns how many notifications it added.</summary>
    /// <remarks>Safe to run on several nodes at once: each (user, certificate, step) is written once (<see cref="SerializedRun"/>).</remarks>
    public static Task<int> RunAsync(AppDbContext db, ExpiryReminderSettings settings, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(settings);
        return SerializedRun.RunAsync(db, token => WriteDueAsync(db, settings, nowUtc, token), ct);
    }

    private static async Task<int> WriteDueAsync(AppDbContext db, ExpiryReminderSettings settings, DateTime nowUtc, CancellationToken ct)
    {
        var thresholds = settings.ExpiryDays.Where(d => d > 0).Distinct().Order().ToList();
        if (thresholds.Count == 0 && !settings.NotifyExpired)
        {
            return 0;
        }

        var today = VietnamTime.ToDate(nowUtc);
        var horizon = nowUtc.AddDays((thresholds.Count == 0 ? 0 : thresholds[^1]) + 1);
        var expiredSince = settings.NotifyExpired ? nowUtc.AddDays(-7) : nowUtc;
        var candidates = await db.Certificates.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Status == CertificateStatus.Valid && c.SuccessorId == null && c.NotAfterUtc > expiredSince && c.NotAfterUtc <= horizon)
            .Select(c => new { Certificate = c, c.Subscriber!.AgencyId, SubscriberName = c.Subscriber.Name, c.Subscriber.IsActive })
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return 0;
        }

        // G5.2: a renewal, change or revocation already on its way makes the reminder pointless.
        var ids = candidates.Select(c => c.Certificate.Id).ToList();
        var handled = (await db.Requests.IgnoreQueryFilters().Where(Request.IsOpenExpression)
            .Where(r => r.Type == RequestType.Renew || r.Type == RequestType.ChangeInfo || r.Type == RequestType.Revoke)
            .SelectMany(r => r.Lines.Where(l => l.CertificateId != null && ids.Contains(l.CertificateId.Value)).Select(l => l.CertificateId!.Value))
            .ToListAsync(ct)).ToHashSet();

        var due = new List<(Certificate Certificate, int AgencyId, string SubscriberName, string Key, int DaysLeft)>();
        foreach (var c in candidates.Where(c => c.IsActive && !handled.Contains(c.Certificate.Id)))
        {
            var daysLeft = c.Certificate.DaysLeft(today);
            string? step = c.Certificate.NotAfterUtc <= nowUtc
                ? "expired"
                : thresholds.Where(t => daysLeft <= t).Select(t => t.ToString(CultureInfo.InvariantCulture)).FirstOrDefault();
            if (step is not null)
            {
                due.Add((c.Certificate, c.AgencyId, c.SubscriberName, KeyPrefix + c.Certificate.Id.ToString(CultureInfo.InvariantCulture) + ":" + step, daysLeft));
            }
        }

        var keys = due.Select(d => d.Key).ToList();
        var sent = (await db.Notifications.Where(n => n.Key != null && keys.Contains(n.Key)).Select(n => new { n.UserId, n.Key }).ToListAsync(ct))
            .Select(n => (n.UserId, n.Key!)).ToHashSet();
        var officers = new Dictionary<int, List<string>>();
        var added = 0;
        foreach (var (certificate, agencyId, subscriberName, key, daysLeft) in due)
        {
            if (!officers.TryGetValue(agencyId, out var users))
            {
                users = officers[agencyId] = await NotificationRecipients.AgencyOfficersAsync(db, agencyId, ct);
            }

            var (title, detail) = Describe(certificate, subscriberName, daysLeft, today);
            foreach (var userId in users.Where(u => !sent.Contains((u, key))))
            {
                db.Notifications.Add(Notification.AboutCertificate(userId, certificate.Id, key, title, detail, nowUtc));
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    private static (string Title, string Detail) Describe(Certificate certificate, string subscriberName, int daysLeft, DateOnly today)
    {
        var expiry = VietnamTime.DateText(certificate.NotAfterUtc);
        var title = daysLeft > 0 ? $"Chứng thư số sắp hết hạn: còn {daysLeft} ngày" : "Chứng thư số đã hết hạn";
        var lines = new List<string>
        {
            $"{subscriberName} – số hiệu {certificate.SerialNumber}.",
            (daysLeft > 0 ? "Hết hạn ngày " : "Đã hết hạn ngày ") + expiry + ".",
        };
        if (certificate.RenewalCount >= RenewalPolicy.MaxRenewals)
        {
            lines.Add("Chứng thư đã được gia hạn một lần nên không gia hạn tiếp được: đề nghị cấp mới (Mẫu 01, 02 hoặc 03).");
        }
        else if (certificate.RenewableUntil >= today)
        {
            lines.Add("Đề nghị gia hạn (Mẫu 04) chậm nhất ngày "
                + VietnamTime.DateText(certificate.RenewableUntil)
                + $" (phải còn ít nhất {RenewalPolicy.MinimumDaysLeft} ngày hiệu lực).");
        }
        else
        {
            lines.Add($"Đã quá hạn đề nghị gia hạn (phải còn ít nhất {RenewalPolicy.MinimumDaysLeft} ngày hiệu lực): đề nghị cấp mới (Mẫu 01, 02 hoặc 03).");
        }

        return (title, string.Join("\n", lines));
    }
}
