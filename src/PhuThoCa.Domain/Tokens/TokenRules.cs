namespace PhuThoCa.Domain.Tokens;

/// <summary>
/// The codes of the rules of this register the domain enforces (<see cref="PhuThoCa.Domain.Common.DomainRuleException.Rule"/>),
/// like <c>RequestRules</c>: pages and importers match a code by constant, never by string (issue 10, item 4).
/// </summary>
public static class TokenRules
{
    public const string HandoverCannotBeInTheFuture = nameof(HandoverCannotBeInTheFuture);

    public const string HandoverNeedsAReason = nameof(HandoverNeedsAReason);
    public const string HandoverPermissionNeedsNumberAndDate = nameof(HandoverPermissionNeedsNumberAndDate);
    public const string HandoverPermissionPrecedesTheHandover = nameof(HandoverPermissionPrecedesTheHandover);

    public const string HandoverNeedsGiverAndReceiver = nameof(HandoverNeedsGiverAndReceiver);

    public const string OnlyATokenInStockOrInUseCanBeHandedOver = nameof(OnlyATokenInStockOrInUseCanBeHandedOver);

    public const string RecoveryOnlyThroughTheRecoveryRequest = nameof(RecoveryOnlyThroughTheRecoveryRequest);

    public const string TokenBelongsToTheRequestAgency = nameof(TokenBelongsToTheRequestAgency);

    public const string TokenNeedsASerial = nameof(TokenNeedsASerial);

    public const string TokenStatusChangeNeedsAReason = nameof(TokenStatusChangeNeedsAReason);

    public const string TokenStatusChangesOnlyThroughTheTransitionsTable = nameof(TokenStatusChangesOnlyThroughTheTransitionsTable);
}
