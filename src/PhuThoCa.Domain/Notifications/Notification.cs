using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Notifications;

/// <summary>
/// Thông báo: a message in one user's in-portal list (features G12.1, G12.3), e.g. "Sở đã tiếp nhận yêu cầu …" for the
/// agency's officers or "Cơ quan … đã gửi yêu cầu" for Sở KH&amp;CN staff. Written when a request changes status; only
/// its reader marks it read.
/// </summary>
public sealed class Notification : Entity
{
    private Notification()
    {
        UserId = "";
        Title = "";
    }

    public Notification(string userId, int? requestId, string title, string? detail, DateTime createdAtUtc)
    {
        UserId = userId;
        RequestId = requestId;
        Title = Text.Clean(title);
        Detail = Text.CleanOrNull(detail);
        CreatedAtUtc = DateTime.SpecifyKind(createdAtUtc, DateTimeKind.Utc);
    }

    /// <summary>
    /// A reminder about a certificate (features G5.1): its details page is the link, and <paramref name="key"/> names
    /// the reminder (e.g. "certificate-expiry:42:30") so that each one reaches a user once.
    /// </summary>
    public static Notification AboutCertificate(string userId, int certificateId, string key, string title, string? detail,
        DateTime createdAtUtc) => new(userId, null, title, detail, createdAtUtc)
        {
            CertificateId = certificateId,
            Key = key,
        };

    /// <summary>
    /// A reminder that reaches a user once, named by <paramref name="key"/> (e.g. "agency-report-due:3:12": the round and the
    /// agency of a report to Sở that is due soon).
    /// </summary>
    public static Notification Reminder(string userId, string key, string title, string? detail, DateTime createdAtUtc) =>
        new(userId, null, title, detail, createdAtUtc) { Key = key };

    /// <summary>The Identity user the notification is for.</summary>
    public string UserId { get; private set; }

    /// <summary>The request it is about (its details page is the link), if any.</summary>
    public int? RequestId { get; private set; }

    /// <summary>The certificate it is about (its details page is the link), if any.</summary>
    public int? CertificateId { get; private set; }

    /// <summary>What the notification stands for when it must reach a user only once, e.g. "certificate-expiry:42:30".</summary>
    public string? Key { get; private set; }

    public string Title { get; private set; }

    public string? Detail { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    public bool IsRead => ReadAtUtc is not null;

    /// <summary>Marks it read; a second call keeps the first time.</summary>
    public void MarkRead(DateTime atUtc) => ReadAtUtc ??= DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
}
