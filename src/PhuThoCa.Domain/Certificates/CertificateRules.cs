namespace PhuThoCa.Domain.Certificates;

/// <summary>
/// The codes of the rules of this register the domain enforces (<see cref="PhuThoCa.Domain.Common.DomainRuleException.Rule"/>),
/// like <c>RequestRules</c>: pages and importers match a code by constant, never by string (issue 10, item 4).
/// </summary>
public static class CertificateRules
{
    public const string CertificateCanBeRevokedOnlyOnce = nameof(CertificateCanBeRevokedOnlyOnce);

    public const string CertificateSerialIsUnique = nameof(CertificateSerialIsUnique);

    public const string NotAfterMustFollowNotBefore = nameof(NotAfterMustFollowNotBefore);

    public const string SerialMustBeHexadecimal = nameof(SerialMustBeHexadecimal);

    /// <summary>A renewal recorded from an earlier register links two certificates of the same subscriber, the older one expiring first.</summary>
    public const string EarlierRenewalLinksTheSameSubscriberInOrder = nameof(EarlierRenewalLinksTheSameSubscriberInOrder);
}
