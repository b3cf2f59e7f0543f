using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Mail;
using PhuThoCa.Domain.Notifications;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Infrastructure.Mail;
using PhuThoCa.Infrastructure.Notifications;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Infrastructure.Reports;

/// <summary>Settings of the agencies' reports to Sở (configuration section "Reports").</summary>
public sealed class AgencyReportSettings
{
    public const string Section = "Reports";

    /// <summary>Days before a round's deadline from which the agencies that have not sent are reminded (once).</summary>
    public int ReminderDaysBefore { get; set; } = 3;
}

/// <summary>
/// Nhắc hạn nộp báo cáo (QĐ-PT Điều 9.6): from <see cref="AgencyReportSettings.ReminderDaysBefore"/> days before a round's
/// deadline until the deadline itself, the officers of every active agency whose report is not sent get one in-portal
/// notification and, when mail is on, one e-mail (through <see cref="MailWriter"/>, honouring each user's choice). Once per
/// round and agency: a <see cref="ReportReminder"/> row records it, in the same save.
/// </summary>
public sealed class AgencyReportReminders(AppDbContext db, MailSettings mail, AgencyReportSettings settings, TimeProvider clock)
{
    public const string KeyPrefix = "agency-report-due:";

    /// <summary>Writes the reminders due now; returns how many agencies were reminded.</summary>
    /// <remarks>Safe to run on several nodes at once: each (round, agency) is reminded once (<see cref="SerializedRun"/>).</remarks>
    public Task<int> RunAsync(CancellationToken ct = default) => SerializedRun.RunAsync(db, WriteDueAsync, ct);

    private async Task<int> WriteDueAsync(CancellationToken ct)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = VietnamTime.ToDate(nowUtc);
        var horizon = today.AddDays(Math.Max(0, settings.ReminderDaysBefore));
        var rounds = await db.ReportingRounds.AsNoTracking().Where(r => r.Deadline >= today && r.Deadline <= horizon).ToListAsync(ct);
        if (rounds.Count == 0)
        {
            return 0;
        }

        var agencies = await db.Agencies.IgnoreQueryFilters().AsNoTracking().Where(a => a.IsActive)
            .Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        var writer = mail.IsEnabled ? new MailWriter(db, mail) : null;
        var reminded = 0;
        foreach (var round in rounds)
        {
            var done = await db.AgencyReports.IgnoreQueryFilters()
                .Where(r => r.RoundId == round.Id && r.Status != AgencyReportStatus.Draft).Select(r => r.AgencyId)
                .Union(db.ReportReminders.IgnoreQueryFilters().Where(r => r.RoundId == round.Id).Select(r => r.AgencyId))
                .ToListAsync(ct);
            var label = round.Period.LabelInSentence;
            foreach (var agency in agencies.Where(a => !done.Contains(a.Id)))
            {
                var key = KeyPrefix + round.Id.ToString(CultureInfo.InvariantCulture) + ":" + agency.Id.ToString(CultureInfo.InvariantCulture);
                var daysLeft = round.Deadline.DayNumber - today.DayNumber;
                var title = $"Hạn gửi báo cáo {label}: {VietnamTime.DateText(round.Deadline)}";
                var detail = $"{agency.Name} chưa gửi báo cáo cho Sở Khoa học và Công nghệ (Quy chế Điều 9 khoản 6); "
                    + (daysLeft == 0 ? "hôm nay là hạn cuối." : $"còn {daysLeft} ngày.")
                    + " Lập và gửi tại mục Báo cáo → Báo cáo gửi Sở."
                    + (round.Note is { } note ? "\n" + note : "");
                foreach (var userId in await NotificationRecipients.AgencyOfficersAsync(db, agency.Id, ct))
                {
                    db.Notifications.Add(Notification.Reminder(userId, key, title, detail, nowUtc));
                }

                if (writer is not null)
                {
                    var values = new Dictionary<string, string?>
                    {
                        ["co_quan"] = agency.Name,
                        ["ky_bao_cao"] = label,
                        ["han_nop"] = VietnamTime.DateText(round.Deadline),
                        ["ly_do"] = round.Note ?? "",
                        ["lien_ket"] = mail.Link("/Reports/Agency/" + round.Id.ToString(CultureInfo.InvariantCulture)),
                    };
                    foreach (var recipient in await writer.AgencyOfficersAsync(agency.Id, MailEventGroup.AgencyReports, ct))
                    {
                        db.OutboxMessages.Add(await writer.RenderAsync(MailEvent.AgencyReportDue, recipient, values, key + ":" + recipient.UserId, nowUtc, ct));
                    }
                }

                db.ReportReminders.Add(new ReportReminder(round.Id, agency.Id, nowUtc));
                reminded++;
            }
        }

        await db.SaveChangesAsync(ct);
        return reminded;
    }
}
