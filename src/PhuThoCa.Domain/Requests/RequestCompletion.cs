using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Tokens;

namespace PhuThoCa.Domain.Requests;

// The request aggregate, completion: hand-over to the named receiver, tokens returned (revocation), tokens recovered.
public sealed partial class Request
{
    /// <summary>
    /// The result reached the person the agency named: Sở sends a renewed or changed certificate (QĐ-PT Điều 5.4c), the
    /// agency hands a new token to its subscriber (QĐ-PT Điều 9.2). Token custody itself is recorded on the token
    /// (<see cref="UsbToken.HandOver"/>).
    /// </summary>
    /// <remarks>
    /// QĐ-PT Điều 5.4c: Sở hands the renewed or changed certificate "cho người được cơ quan … giao tiếp nhận", the person
    /// named in Mục 1 of the agency's letter. Another receiver is recorded only with the reason
    /// (<paramref name="otherReceiverReason"/>, e.g. a new letter of authorisation), kept in the request's history.
    /// </remarks>
    public void HandOver(string receiverName, DateOnly handedOverOn, Actor actor, string? note = null, string? otherReceiverReason = null) =>
        TransitionTo(RequestAction.HandOver, actor, null, () =>
        {
            var receiver = Text.Clean(receiverName);
            if (receiver.Length == 0)
            {
                throw new DomainRuleException(RequestRules.HandoverNeedsAReceiver, "Phải ghi rõ người nhận bàn giao.");
            }

            var why = Text.CleanOrNull(otherReceiverReason);
            if (IsOtherThanTheNamedReceiver(receiver) && why is null)
            {
                throw new DomainRuleException(RequestRules.HandoverToTheNamedPersonOrAReason,
                    $"Người nhận “{receiver}” không phải người được cơ quan giao tiếp nhận kết quả trong văn bản đề nghị ({Contact.FullName}): "
                    + "phải bàn giao cho người này, hoặc ghi rõ lý do người khác nhận (Điều 5 khoản 4 điểm c Quy chế).");
            }

            if (handedOverOn > VietnamTime.ToDate(actor.AtUtc))
            {
                throw new DomainRuleException(RequestRules.HandoverCannotBeInTheFuture, "Ngày bàn giao không được sau ngày hôm nay.");
            }

            HandedOverTo = receiver;
            HandedOverOn = handedOverOn;
            var other = IsOtherThanTheNamedReceiver(receiver)
                ? $" (không phải người được cơ quan giao tiếp nhận là {Contact.FullName}; lý do: {why})"
                : "";
            return Join($"Bàn giao cho {receiver}{other} ngày {Fmt(handedOverOn)}", note);
        });

    /// <summary>
    /// True when Sở hands a renewal or change result (QĐ-PT Điều 5.4c) to someone other than the person named in Mục 1.
    /// Names compare without regard to case or spacing. An issue request's tokens go to their subscribers (Điều 9.2).
    /// </summary>
    public bool IsOtherThanTheNamedReceiver(string receiverName) =>
        Type is RequestType.Renew or RequestType.ChangeInfo
        && Text.CleanOrNull(Contact.FullName) is { } named
        && !string.Equals(SingleSpaced(receiverName), SingleSpaced(named), StringComparison.OrdinalIgnoreCase);

    private static string SingleSpaced(string name) =>
        string.Join(' ', Text.Clean(name).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The agency handed the revoked certificates' tokens to the Cục (Mẫu 08) or confirmed them lost (Mẫu 09)
    /// (ND 68/2024 Điều 20; QĐ-PT Điều 9.3). Every line with a token needs an outcome. Returns the tokens' history rows.
    /// </summary>
    public IReadOnlyList<TimelineEvent> RecordTokenReturned(IReadOnlyCollection<TokenReturn> returns, Actor actor, string? note = null)
    {
        var events = new List<TimelineEvent>();
        TransitionTo(RequestAction.RecordTokenReturned, actor, null, () =>
        {
            var byLine = MatchTokens(returns.Select(r => r.Token).ToList(), RequestRules.EveryLineNeedsACaResult,
                "Phải ghi nhận kết quả thu hồi cho mọi thiết bị của yêu cầu; còn thiếu: ");
            var today = VietnamTime.ToDate(actor.AtUtc);
            foreach (var r in returns)
            {
                if (r.On > today)
                {
                    throw new DomainRuleException(RequestRules.TokenReturnCannotBeInTheFuture,
                        "Ngày bàn giao hoặc xác nhận thất lạc thiết bị không được sau ngày hôm nay.");
                }

                var target = TargetStatus(r.Outcome);
                if (r.Token.Status != target && !TokenTransitions.IsAllowed(r.Token.Status, target))
                {
                    throw new DomainRuleException(TokenRules.TokenStatusChangesOnlyThroughTheTransitionsTable,
                        $"Không thể ghi nhận thiết bị {r.Token.SerialNumber} “{TokenReturnOutcomes.Label(r.Outcome)}”: thiết bị đang ở "
                        + $"trạng thái “{TokenTransitions.Label(r.Token.Status)}”.");
                }
            }

            foreach (var (line, token) in byLine)
            {
                var r = returns.Single(x => ReferenceEquals(x.Token, token));
                if (token.Status != TargetStatus(r.Outcome))
                {
                    events.Add(token.ChangeStatus(TargetStatus(r.Outcome),
                        $"Thu hồi chứng thư theo yêu cầu {ReceiptNumber}: {TokenReturnOutcomes.Label(r.Outcome)}", actor));
                }

                line.RecordTokenReturn(r.Outcome, r.On, r.MinutesNumber);
            }

            var returned = returns.Count(r => r.Outcome == TokenReturnOutcome.ReturnedToCa);
            return Join($"Đã bàn giao {returned} thiết bị cho Cục; thất lạc {returns.Count - returned}", note);
        });
        return events;
    }

    /// <summary>
    /// Sở and the agency unlocked the tokens (QĐ-PT Điều 6.4): each goes Locked → Recovered through
    /// <see cref="UsbToken.ChangeStatus"/>, which counts the recovery. Returns the tokens' history rows.
    /// </summary>
    public IReadOnlyList<TimelineEvent> RecordRecovered(IReadOnlyCollection<UsbToken> tokens, Actor actor, string? note = null)
    {
        var events = new List<TimelineEvent>();
        TransitionTo(RequestAction.RecordRecovered, actor, null, () =>
        {
            var byLine = MatchTokens(tokens, RequestRules.EveryLineNeedsACaResult,
                "Phải ghi nhận kết quả khôi phục cho mọi thiết bị của yêu cầu; còn thiếu: ");
            if (byLine.FirstOrDefault(p => p.Token.Status != TokenStatus.Locked).Token is { } notLocked)
            {
                throw NotLocked(notLocked);
            }

            foreach (var (_, token) in byLine)
            {
                events.Add(token.Recover($"Khôi phục thiết bị theo yêu cầu {ReceiptNumber}", actor));
            }

            return Join($"Đã khôi phục {byLine.Count} thiết bị", note);
        });
        return events;
    }

    private static DomainRuleException NotLocked(UsbToken token) =>
        new(RequestRules.OnlyALockedTokenCanBeRecovered,
            $"Thiết bị {token.SerialNumber} đang ở trạng thái “{TokenTransitions.Label(token.Status)}”: chỉ khôi phục thiết bị bị khóa "
            + "do nhập sai mật khẩu quá số lần quy định (Quy chế tỉnh Phú Thọ, Điều 6 khoản 1).");

    private static TokenStatus TargetStatus(TokenReturnOutcome outcome) => outcome switch
    {
        TokenReturnOutcome.ReturnedToCa => TokenStatus.ReturnedToCa,
        TokenReturnOutcome.Lost => TokenStatus.Lost,
    };
}
