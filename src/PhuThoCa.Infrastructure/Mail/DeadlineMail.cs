using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Mail;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Infrastructure.Mail;

/// <summary>
/// E-mails Sở's staff and leaders about open requests whose Sở step (filing on the Cục's system, recovering a token)
/// is due tomorrow or overdue; each (request, deadline, user) once, by the message key.
/// </summary>
public sealed class DeadlineMail(AppDbContext db, MailSettings settings, TimeProvider clock)
{
    /// <remarks>Safe to run on several nodes at once: each message key is written once (<see cref="SerializedRun"/>).</remarks>
    public async Task<int> RunAsync(CancellationToken ct = default) =>
        settings.IsEnabled ? await SerializedRun.RunAsync(db, WriteDueAsync, ct) : 0;

    private async Task<int> WriteDueAsync(CancellationToken ct)
    {

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = VietnamTime.ToDate(nowUtc);
        var tomorrow = today.AddDays(1);
        var requests = await db.Requests.IgnoreQueryFilters().Where(Request.IsOpenExpression)
            .Where(r => r.DueDate != null && r.DueDate <= tomorrow
                && (r.DueStep == DeadlineStep.FileOnCaPortal || r.DueStep == DeadlineStep.RecoverToken))
            .ToListAsync(ct);
        if (requests.Count == 0)
        {
            return 0;
        }

        var writer = new MailWriter(db, settings);
        var staff = await writer.DepartmentAsync(MailEventGroup.DepartmentWork, ct);
        var added = 0;
        foreach (var request in requests)
        {
            var due = request.DueDate!.Value;
            var mailEvent = due < today ? MailEvent.Overdue : due == tomorrow ? MailEvent.DeadlineTomorrow : (MailEvent?)null;
            if (mailEvent is null)
            {
                continue; // due today: already told yesterday as "tomorrow", and on the inbox
            }

            var values = await writer.RequestValuesAsync(request, null, due, "/Requests/Details/" + request.Id.ToString(CultureInfo.InvariantCulture), ct);
            values["nguoi_thuc_hien"] = "Hệ thống";
            var prefix = $"{(mailEvent == MailEvent.Overdue ? "overdue" : "due-tomorrow")}:{request.Id.ToString(CultureInfo.InvariantCulture)}:{due:yyyy-MM-dd}:";
            var keys = staff.Select(s => prefix + s.UserId).ToList();
            var existing = (await db.OutboxMessages.Where(m => m.Key != null && keys.Contains(m.Key)).Select(m => m.Key!).ToListAsync(ct)).ToHashSet();
            foreach (var recipient in staff.Where(s => !existing.Contains(prefix + s.UserId)))
            {
                var message = await writer.RenderAsync(mailEvent.Value, recipient, values, prefix + recipient.UserId, nowUtc, ct);
                db.OutboxMessages.Add(message);
                db.Entry(message).Property(m => m.RequestId).CurrentValue = request.Id;
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }
}
