using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Mail;

/// <summary>Where an outbox message stands. Values are stored: never renumber.</summary>
public enum OutboxStatus
{
    /// <summary>Chờ gửi: waiting for its next attempt.</summary>
    Pending = 1,

    /// <summary>Đang gửi: claimed by a delivery run (leased until <see cref="OutboxMessage.LeaseUntilUtc"/>).</summary>
    Sending = 2,

    /// <summary>Đã gửi: the SMTP server accepted it.</summary>
    Sent = 3,

    /// <summary>Gửi thất bại: refused for good, or out of attempts.</summary>
    Failed = 4,

    /// <summary>
    /// Không rõ kết quả: a delivery run stopped while sending it (the lease ran out without an answer). It is never
    /// sent again by itself, so that nobody gets it twice; an admin may send it again from the delivery log.
    /// </summary>
    Uncertain = 5,
}

/// <summary>
/// One e-mail to one address, written in the same save as the event that causes it (the transactional outbox),
/// delivered later by the delivery job with retry and back-off. Subject and body are rendered when written, so what
/// is sent is what the event said at the time.
/// </summary>
public sealed class OutboxMessage : Entity
{
    /// <summary>Attempts before a message is given up (each failure waits twice as long as the one before).</summary>
    public const int MaxAttempts = 8;

    private readonly List<OutboxAttempt> _attempts = [];

    private OutboxMessage()
    {
        ToAddress = "";
        ToName = "";
        Subject = "";
        Body = "";
        MessageId = "";
    }

    public OutboxMessage(MailEvent mailEvent, string toAddress, string toName, string subject, string body, DateTime createdAtUtc,
        string? key = null, string? userId = null, int? requestId = null, int? certificateId = null, int templateVersion = 0)
    {
        Event = mailEvent;
        ToAddress = Text.Clean(toAddress).ToLowerInvariant();
        ToName = Text.Clean(toName);
        Subject = Text.Clean(subject);
        Body = body;
        Key = key;
        UserId = userId;
        RequestId = requestId;
        CertificateId = certificateId;
        TemplateVersion = templateVersion;
        CreatedAtUtc = DateTime.SpecifyKind(createdAtUtc, DateTimeKind.Utc);
        NextAttemptAtUtc = CreatedAtUtc;
        Status = OutboxStatus.Pending;
        MessageId = Guid.NewGuid().ToString("N") + "@phuthoca";
    }

    public MailEvent Event { get; private set; }

    /// <summary>What the message stands for when it must be written once, e.g. "overdue:12:2026-11-20:user".</summary>
    public string? Key { get; private set; }

    public string ToAddress { get; private set; }

    public string ToName { get; private set; }

    /// <summary>The portal user it is for (none for a subscriber's official address).</summary>
    public string? UserId { get; private set; }

    public int? RequestId { get; private set; }

    public int? CertificateId { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    /// <summary>The template version it was rendered with (0 = the built-in default).</summary>
    public int TemplateVersion { get; private set; }

    /// <summary>The Message-ID header: the same on every attempt, so a receiving server can drop a repeat.</summary>
    public string MessageId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public OutboxStatus Status { get; private set; }

    public int AttemptCount { get; private set; }

    public DateTime NextAttemptAtUtc { get; private set; }

    public DateTime? LeaseUntilUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    /// <summary>The server's last answer or the connection error, as the log shows it.</summary>
    public string? LastResponse { get; private set; }

    public IReadOnlyList<OutboxAttempt> Attempts => _attempts;

    /// <summary>The wait after the <paramref name="attempt"/>-th failure: 1, 2, 4 … minutes, at most 6 hours.</summary>
    public static TimeSpan BackOff(int attempt) =>
        TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Max(0, attempt - 1))));

    /// <summary>The server accepted it.</summary>
    public void MarkSent(DateTime atUtc, string? response)
    {
        Status = OutboxStatus.Sent;
        SentAtUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
        LeaseUntilUtc = null;
        LastResponse = Truncate(response);
        _attempts.Add(new OutboxAttempt(atUtc, true, LastResponse));
    }

    /// <summary>An attempt failed: retried after the back-off, or given up when permanent or out of attempts.</summary>
    public void MarkFailed(DateTime atUtc, string response, bool permanent)
    {
        LastResponse = Truncate(response);
        LeaseUntilUtc = null;
        _attempts.Add(new OutboxAttempt(atUtc, false, LastResponse));
        if (permanent || AttemptCount >= MaxAttempts)
        {
            Status = OutboxStatus.Failed;
            return;
        }

        Status = OutboxStatus.Pending;
        NextAttemptAtUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc) + BackOff(AttemptCount);
    }

    /// <summary>An admin sends a failed or uncertain message again (from the delivery log).</summary>
    public void Requeue(DateTime atUtc)
    {
        if (Status is not (OutboxStatus.Failed or OutboxStatus.Uncertain))
        {
            throw new DomainRuleException(MailRules.OnlyFailedMailCanBeResent, "Chỉ gửi lại được thư gửi thất bại hoặc không rõ kết quả.");
        }

        Status = OutboxStatus.Pending;
        AttemptCount = 0;
        LeaseUntilUtc = null;
        NextAttemptAtUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
    }

    public static string Label(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "Chờ gửi",
        OutboxStatus.Sending => "Đang gửi",
        OutboxStatus.Sent => "Đã gửi",
        OutboxStatus.Failed => "Gửi thất bại",
        OutboxStatus.Uncertain => "Không rõ kết quả",
    };

    private static string? Truncate(string? text) => text is null ? null : text.Length <= 1000 ? text : text[..1000];
}

/// <summary>One delivery attempt of an outbox message and the server's answer (the delivery log).</summary>
public sealed class OutboxAttempt : Entity
{
    private OutboxAttempt()
    {
    }

    internal OutboxAttempt(DateTime atUtc, bool succeeded, string? response)
    {
        AtUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
        Succeeded = succeeded;
        Response = response;
    }

    public int OutboxMessageId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public bool Succeeded { get; private set; }

    public string? Response { get; private set; }
}

/// <summary>A user's choice to receive e-mail for one event group (absent = on).</summary>
public sealed class MailPreference : Entity
{
    private MailPreference()
    {
        UserId = "";
    }

    public MailPreference(string userId, MailEventGroup group, bool enabled)
    {
        UserId = userId;
        Group = group;
        Enabled = enabled;
    }

    public string UserId { get; private set; }

    public MailEventGroup Group { get; private set; }

    public bool Enabled { get; set; }
}
