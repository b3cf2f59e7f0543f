namespace PhuThoCa.Domain.Mail;

/// <summary>
/// The codes of the rules of this register the domain enforces (<see cref="PhuThoCa.Domain.Common.DomainRuleException.Rule"/>),
/// like <c>RequestRules</c>: pages and importers match a code by constant, never by string (issue 10, item 4).
/// </summary>
public static class MailRules
{
    public const string MailTemplateInvalid = nameof(MailTemplateInvalid);

    public const string OnlyFailedMailCanBeResent = nameof(OnlyFailedMailCanBeResent);
}
