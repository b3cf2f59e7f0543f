using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Tokens;

/// <summary>
/// Thiết bị lưu khóa bí mật (USB token). Holds no secret: no PIN, PUK or key material is ever stored.
/// </summary>
public sealed class UsbToken : Entity
{
    public const int SerialMaxLength = 64;

    private UsbToken()
    {
        SerialNumber = "";
        Model = "";
    }

    public UsbToken(int agencyId, string serialNumber, string model, string? notes = null)
    {
        AgencyId = agencyId;
        SerialNumber = NormalizeSerial(serialNumber);
        Model = Text.Clean(model);
        Notes = Text.CleanOrNull(notes);
        Status = TokenStatus.InStock;
        if (SerialNumber.Length == 0)
        {
            throw new DomainRuleException(TokenRules.TokenNeedsASerial, "Số hiệu thiết bị là bắt buộc.");
        }
    }

    public int AgencyId { get; private set; }

    public Agencies.Agency? Agency { get; private set; }

    public string SerialNumber { get; private set; }

    /// <summary>Vendor and model, e.g. "Bit4id TokenME EVO v2".</summary>
    public string Model { get; private set; }

    public TokenStatus Status { get; private set; }

    /// <summary>Người đang giữ thiết bị.</summary>
    public string? CustodianName { get; private set; }

    public int? CustodianSubscriberId { get; private set; }

    public int RecoveryCount { get; private set; }

    public int HandoverCount { get; private set; }

    public string? Notes { get; private set; }

    public static string NormalizeSerial(string? serial) => Text.Clean(serial).ToUpperInvariant();

    public IReadOnlyList<FieldChange> Update(string serialNumber, string model, string? notes)
    {
        var changes = new List<FieldChange>();
        FieldChange.Track(changes, "Số hiệu", SerialNumber, NormalizeSerial(serialNumber));
        FieldChange.Track(changes, "Chủng loại", Model, Text.Clean(model));
        FieldChange.Track(changes, "Ghi chú", Notes, Text.CleanOrNull(notes));
        SerialNumber = NormalizeSerial(serialNumber);
        Model = Text.Clean(model);
        Notes = Text.CleanOrNull(notes);
        return changes;
    }

    /// <summary>Changes the status through the transitions table; the reason is mandatory. Returns the history row.</summary>
    public TimelineEvent ChangeStatus(TokenStatus to, string reason, Actor actor)
    {
        if (TokenTransitions.IsOnlyThroughRequest(to))
        {
            throw new DomainRuleException(TokenRules.RecoveryOnlyThroughTheRecoveryRequest,
                $"Không được chuyển thiết bị {SerialNumber} sang “{TokenTransitions.Label(to)}” trực tiếp: thiết bị chỉ được khôi phục khi "
                + "Sở Khoa học và Công nghệ thực hiện yêu cầu khôi phục thiết bị lưu khóa bí mật (Mẫu 06) của cơ quan, theo Điều 6 "
                + "Quy chế quản lý, sử dụng chữ ký số chuyên dùng công vụ tỉnh Phú Thọ. Hãy lập yêu cầu khôi phục.");
        }

        return Transition(to, reason, actor, TokenTransitions.ManualFrom(Status));
    }

    /// <summary>Sở KH&amp;CN recovered the locked token on a Mẫu 06 request (QĐ-PT Điều 6.4): called by the request only.</summary>
    internal TimelineEvent Recover(string reason, Actor actor) => Transition(TokenStatus.Recovered, reason, actor, TokenTransitions.AllowedFrom(Status));

    private TimelineEvent Transition(TokenStatus to, string reason, Actor actor, IReadOnlyList<TokenStatus> allowed)
    {
        var why = Text.Clean(reason);
        if (why.Length == 0)
        {
            throw new DomainRuleException(TokenRules.TokenStatusChangeNeedsAReason, "Phải nêu lý do khi thay đổi trạng thái thiết bị.");
        }

        if (!allowed.Contains(to))
        {
            var allowedText = allowed.Count == 0
                ? "không được chuyển sang trạng thái nào khác"
                : "chỉ được chuyển sang: " + string.Join(", ", allowed.Select(TokenTransitions.Label));
            throw new DomainRuleException(TokenRules.TokenStatusChangesOnlyThroughTheTransitionsTable,
                $"Không được chuyển thiết bị {SerialNumber} từ “{TokenTransitions.Label(Status)}” sang “{TokenTransitions.Label(to)}”: "
                + $"thiết bị ở trạng thái “{TokenTransitions.Label(Status)}” {allowedText}.");
        }

        var from = Status;
        Status = to;
        if (to == TokenStatus.Recovered)
        {
            RecoveryCount++;
        }

        if (to is TokenStatus.InStock or TokenStatus.ReturnedToCa or TokenStatus.Lost)
        {
            CustodianName = null;
            CustodianSubscriberId = null;
        }

        return new TimelineEvent(TimelineSubject.Token, Id, actor.AtUtc, actor.DisplayName, "Thay đổi trạng thái",
            TokenTransitions.Label(from), TokenTransitions.Label(to), why);
    }

    /// <summary>
    /// Records a custody handover (biên bản bàn giao, QĐ-PT Điều 7.1b and 9.2): the receiver becomes the custodian.
    /// A token in stock becomes "đã bàn giao"; a token already in use just changes hands.
    /// </summary>
    public TokenHandover HandOver(TokenHandoverDetails details, Actor actor)
    {
        if (!TokenTransitions.IsInUse(Status) && Status != TokenStatus.InStock)
        {
            throw new DomainRuleException(TokenRules.OnlyATokenInStockOrInUseCanBeHandedOver,
                $"Không thể bàn giao thiết bị {SerialNumber} đang ở trạng thái “{TokenTransitions.Label(Status)}”.");
        }

        if (details.Date > VietnamTime.ToDate(actor.AtUtc))
        {
            throw new DomainRuleException(TokenRules.HandoverCannotBeInTheFuture, "Ngày bàn giao không được sau ngày hôm nay.");
        }

        var record = new TokenHandover(Id, details, actor);
        if (Status == TokenStatus.InStock)
        {
            Status = TokenStatus.HandedOver;
        }

        CustodianName = Text.Clean(details.ReceiverName);
        CustodianSubscriberId = details.ReceiverSubscriberId;
        HandoverCount++;
        return record;
    }
}
