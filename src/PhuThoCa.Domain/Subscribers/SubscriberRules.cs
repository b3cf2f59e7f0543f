namespace PhuThoCa.Domain.Subscribers;

/// <summary>
/// The codes of the rules of this register the domain enforces (<see cref="PhuThoCa.Domain.Common.DomainRuleException.Rule"/>),
/// like <c>RequestRules</c>: pages and importers match a code by constant, never by string (issue 10, item 4).
/// </summary>
public static class SubscriberRules
{
    public const string EmailMustBeIssuedByAStateBody = nameof(EmailMustBeIssuedByAStateBody);

    public const string PersonNeedsA12DigitNationalId = nameof(PersonNeedsA12DigitNationalId);
}
