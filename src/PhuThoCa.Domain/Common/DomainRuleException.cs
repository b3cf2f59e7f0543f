namespace PhuThoCa.Domain.Common;

/// <summary>
/// A business rule refused an action. <see cref="Rule"/> is the rule's name as a sentence
/// (e.g. <c>CertificateCanBeRenewedOnlyOnce</c>); <see cref="Exception.Message"/> is the Vietnamese text shown to the user.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string rule, string message)
        : base(message)
    {
        Rule = rule;
    }

    public DomainRuleException()
        : this("Unknown", "Thao tác không hợp lệ.")
    {
    }

    public DomainRuleException(string message)
        : this("Unknown", message)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Rule = "Unknown";
    }

    public string Rule { get; } = "Unknown";
}
