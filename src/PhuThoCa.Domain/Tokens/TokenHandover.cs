using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Tokens;

public sealed record TokenHandoverDetails(
    DateOnly Date,
    string GiverName,
    string? GiverPosition,
    string ReceiverName,
    string? ReceiverPosition,
    int? ReceiverSubscriberId,
    string Reason,
    string? Condition);

/// <summary>Biên bản bàn giao thiết bị lưu khóa bí mật (QĐ-PT Điều 7.1b, 9.2–9.3; Mẫu 08).</summary>
public sealed class TokenHandover : Entity
{
    private TokenHandover()
    {
        GiverName = "";
        ReceiverName = "";
        Reason = "";
        RecordedBy = "";
    }

    internal TokenHandover(int tokenId, TokenHandoverDetails d, Actor actor)
    {
        if (string.IsNullOrWhiteSpace(d.GiverName) || string.IsNullOrWhiteSpace(d.ReceiverName))
        {
            throw new DomainRuleException(TokenRules.HandoverNeedsGiverAndReceiver, "Biên bản bàn giao phải ghi rõ bên giao và bên nhận.");
        }

        if (string.IsNullOrWhiteSpace(d.Reason))
        {
            throw new DomainRuleException(TokenRules.HandoverNeedsAReason, "Phải nêu lý do bàn giao.");
        }

        TokenId = tokenId;
        Date = d.Date;
        GiverName = Text.Clean(d.GiverName);
        GiverPosition = Text.CleanOrNull(d.GiverPosition);
        ReceiverName = Text.Clean(d.ReceiverName);
        ReceiverPosition = Text.CleanOrNull(d.ReceiverPosition);
        ReceiverSubscriberId = d.ReceiverSubscriberId;
        Reason = Text.Clean(d.Reason);
        Condition = Text.CleanOrNull(d.Condition);
        RecordedAtUtc = actor.AtUtc;
        RecordedBy = actor.DisplayName;
    }

    public int TokenId { get; private set; }

    public DateOnly Date { get; private set; }

    public string GiverName { get; private set; }

    public string? GiverPosition { get; private set; }

    public string ReceiverName { get; private set; }

    public string? ReceiverPosition { get; private set; }

    public int? ReceiverSubscriberId { get; private set; }

    public string Reason { get; private set; }

    /// <summary>Tình trạng thiết bị khi bàn giao.</summary>
    public string? Condition { get; private set; }

    /// <summary>Scanned signed minute (PDF/image), stored outside the web root; this is the storage key.</summary>
    public string? AttachmentKey { get; private set; }

    public string? AttachmentFileName { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public string RecordedBy { get; private set; }

    public void AttachScan(string storageKey, string fileName)
    {
        AttachmentKey = storageKey;
        AttachmentFileName = fileName;
    }
}
