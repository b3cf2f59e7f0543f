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
    string? Condition,
    string? GiverUnit = null,
    string? ReceiverUnit = null,
    string? PermissionNumber = null,
    DateOnly? PermissionDate = null);

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

        var permissionNumber = Text.CleanOrNull(d.PermissionNumber);
        if ((permissionNumber is null) != (d.PermissionDate is null))
        {
            throw new DomainRuleException(TokenRules.HandoverPermissionNeedsNumberAndDate,
                "Văn bản cho phép bàn giao phải ghi đủ số và ngày (Quy chế, Điều 7 khoản 1 điểm b).");
        }

        if (d.PermissionDate > d.Date)
        {
            throw new DomainRuleException(TokenRules.HandoverPermissionPrecedesTheHandover,
                "Văn bản cho phép bàn giao phải có trước hoặc cùng ngày bàn giao (Quy chế, Điều 7 khoản 1 điểm b).");
        }

        TokenId = tokenId;
        Date = d.Date;
        GiverUnit = Text.CleanOrNull(d.GiverUnit);
        ReceiverUnit = Text.CleanOrNull(d.ReceiverUnit);
        PermissionNumber = permissionNumber;
        PermissionDate = d.PermissionDate;
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

    /// <summary>Bên giao's unit (cơ quan, đơn vị công tác).</summary>
    public string? GiverUnit { get; private set; }

    /// <summary>Bên nhận's unit.</summary>
    public string? ReceiverUnit { get; private set; }

    /// <summary>Số of the written permission of the competent person to hand the token over (Quy chế Điều 7.1b).</summary>
    public string? PermissionNumber { get; private set; }

    public DateOnly? PermissionDate { get; private set; }

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
