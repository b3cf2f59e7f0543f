using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PhuThoCa.Domain.Mail;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Infrastructure.Mail;

/// <summary>What one delivery run did.</summary>
public sealed record MailRunResult(int Sent, int Failed, int Retrying, int Uncertain);

/// <summary>
/// Delivers the outbox through the configured SMTP server (MailKit). Each message is claimed first with a conditional
/// update (pending and due → sending, leased, attempt counted) so that two runs or two nodes never send it both, and
/// its outcome is saved right after the server answers. A message still "sending" when its lease runs out (the process
/// stopped mid-send) is marked "không rõ kết quả" and never sent again by itself: after a restart nothing goes twice.
/// A refusal with a 4xx code or a connection failure is retried with back-off; a 5xx refusal fails for good.
/// </summary>
public sealed class MailDelivery(AppDbContext db, MailSettings settings, TimeProvider clock)
{
    /// <summary>Sends every due message, a batch of <see cref="MailSettings.BatchSize"/> at a time (at most 100 batches).</summary>
    public async Task<MailRunResult> RunOnceAsync(CancellationToken ct = default)
    {
        var total = new MailRunResult(0, 0, 0, 0);
        for (var batch = 0; batch < 100 && settings.IsEnabled; batch++)
        {
            var (result, claimed) = await RunBatchAsync(ct);
            total = new MailRunResult(total.Sent + result.Sent, total.Failed + result.Failed, total.Retrying + result.Retrying,
                total.Uncertain + result.Uncertain);
            if (claimed < Math.Max(1, settings.BatchSize))
            {
                break;
            }
        }

        return total;
    }

    private async Task<(MailRunResult Result, int Claimed)> RunBatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var uncertain = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Sending && m.LeaseUntilUtc < now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Uncertain)
                .SetProperty(m => m.LastResponse, "Lần gửi bị gián đoạn trước khi máy chủ thư trả lời; không tự gửi lại để tránh gửi trùng."), ct);

        var due = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id).Select(m => m.Id).Take(Math.Max(1, settings.BatchSize)).ToListAsync(ct);
        var claimed = new List<int>();
        var lease = now.AddMinutes(Math.Max(1, settings.LeaseMinutes));
        foreach (var id in due)
        {
            var rows = await db.OutboxMessages
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Sending)
                    .SetProperty(m => m.LeaseUntilUtc, lease)
                    .SetProperty(m => m.AttemptCount, m => m.AttemptCount + 1), ct);
            if (rows == 1)
            {
                claimed.Add(id);
            }
        }

        if (claimed.Count == 0)
        {
            return (new MailRunResult(0, 0, 0, uncertain), due.Count);
        }

        var messages = await db.OutboxMessages.Where(m => claimed.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(ct);
        int sent = 0, failed = 0, retrying = 0;
        using var client = new SmtpClient { Timeout = Math.Max(1, settings.TimeoutSeconds) * 1000 };
        foreach (var message in messages)
        {
            var at = clock.GetUtcNow().UtcDateTime;
            try
            {
                await EnsureConnectedAsync(client, ct);
                var response = await client.SendAsync(ToMime(message), ct);
                message.MarkSent(clock.GetUtcNow().UtcDateTime, response);
                sent++;
            }
            catch (SmtpCommandException ex)
            {
                var permanent = (int)ex.StatusCode >= 500;
                message.MarkFailed(at, $"{(int)ex.StatusCode} {ex.Message}", permanent);
                if (message.Status == OutboxStatus.Failed)
                {
                    failed++;
                }
                else
                {
                    retrying++;
                }
            }
            catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or AuthenticationException
                or ServiceNotConnectedException or TimeoutException or SslHandshakeException)
            {
                message.MarkFailed(at, ex.Message, permanent: false);
                if (message.Status == OutboxStatus.Failed)
                {
                    failed++;
                }
                else
                {
                    retrying++;
                }

                if (client.IsConnected)
                {
                    await client.DisconnectAsync(false, CancellationToken.None);
                }
            }

            // The outcome is saved before the next message is sent: a stop now loses at most this one's "sending" mark.
            await db.SaveChangesAsync(CancellationToken.None);
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(true, CancellationToken.None);
        }

        return (new MailRunResult(sent, failed, retrying, uncertain), due.Count);
    }

    private async Task EnsureConnectedAsync(SmtpClient client, CancellationToken ct)
    {
        if (client.IsConnected)
        {
            return;
        }

        var options = settings.Security switch
        {
            MailSecurity.StartTls => SecureSocketOptions.StartTls,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            MailSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        await client.ConnectAsync(settings.Host!, settings.Port, options, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        }
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage
        {
            MessageId = message.MessageId,
            Subject = message.Subject,
            Date = new DateTimeOffset(message.CreatedAtUtc, TimeSpan.Zero),
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = message.Body },
        };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        return mime;
    }
}
