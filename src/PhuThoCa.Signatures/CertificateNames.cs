using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace PhuThoCa.Signatures;

/// <summary>Reads subject attributes by OID (values hold commas and Vietnamese text), NFC-normalised.</summary>
public static class CertificateNames
{
    private const string CommonNameOid = "2.5.4.3";
    private const string OrganizationOid = "2.5.4.10";
    private const string UnitOid = "2.5.4.11";
    private const string LocalityOid = "2.5.4.7";
    private const string TitleOid = "2.5.4.12";
    private const string EmailOid = "1.2.840.113549.1.9.1";

    public static CertificateSummary Summarize(X509Certificate2 certificate)
    {
        var attributes = Attributes(certificate.SubjectName);
        string? First(string oid) => attributes.FirstOrDefault(a => a.Oid == oid).Value;
        var email = First(EmailOid);
        if (string.IsNullOrWhiteSpace(email))
        {
            var san = certificate.GetNameInfo(X509NameType.EmailName, false);
            email = string.IsNullOrWhiteSpace(san) ? null : san;
        }

        return new CertificateSummary(
            Normalize(certificate.Subject),
            First(CommonNameOid),
            First(OrganizationOid),
            attributes.Where(a => a.Oid == UnitOid).Select(a => a.Value).ToList(),
            email?.Trim().ToLowerInvariant(),
            First(TitleOid),
            First(LocalityOid),
            Normalize(certificate.Issuer),
            certificate.SerialNumber.ToUpperInvariant(),
            Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)),
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero));
    }

    /// <summary>The issuer's common name, or the whole issuer name when it has none.</summary>
    public static string IssuerCommonName(X509Certificate2 certificate)
    {
        var cn = Attributes(certificate.IssuerName).FirstOrDefault(a => a.Oid == CommonNameOid).Value;
        return cn ?? Normalize(certificate.Issuer);
    }

    private static List<(string Oid, string Value)> Attributes(X500DistinguishedName name)
    {
        var list = new List<(string, string)>();
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames())
        {
            var value = rdn.GetSingleElementValue();
            var oid = rdn.GetSingleElementType().Value;
            if (oid is not null && !string.IsNullOrWhiteSpace(value))
            {
                list.Add((oid, Normalize(value.Trim())));
            }
        }

        return list;
    }

    private static string Normalize(string value) => value.Normalize(NormalizationForm.FormC);
}
