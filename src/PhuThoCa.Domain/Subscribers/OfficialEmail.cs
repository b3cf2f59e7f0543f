namespace PhuThoCa.Domain.Subscribers;

/// <summary>
/// The e-mail in a certificate must be issued by a state body (Mẫu 01/02 ghi chú; ND 68/2024):
/// never gmail, yahoo, hotmail, … In practice a *.gov.vn address; Party bodies use *.dcs.vn.
/// </summary>
public static class OfficialEmail
{
    // Interpretation, see docs/adr/0003-domain-model.md: suffixes accepted as state-issued domains.
    public static readonly IReadOnlyList<string> StateDomainSuffixes = ["gov.vn", "dcs.vn"];

    public static bool IsStateIssued(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1)
        {
            return false;
        }

        var domain = email[(at + 1)..].Trim().ToLowerInvariant();
        return StateDomainSuffixes.Any(s => domain == s || domain.EndsWith("." + s, StringComparison.Ordinal));
    }
}
