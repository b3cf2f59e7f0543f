using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace PhuThoCa.Infrastructure.Certificates;

/// <summary>What an uploaded .cer/.crt/.pem tells about a certificate (domain-spec §7).</summary>
public sealed record ParsedCertificate(
    string SerialNumber,
    string SubjectDn,
    string Issuer,
    string? IssuerCommonName,
    DateTime NotBeforeUtc,
    DateTime NotAfterUtc,
    string ThumbprintSha1,
    string ThumbprintSha256,
    string KeyAlgorithm,
    string? CommonName,
    string? Organization,
    string? OrganizationalUnit,
    string? Locality,
    string? Email,
    string? Uid,
    bool IsKnownGovernmentCa,
    bool IsSigningCertificate);

/// <summary>
/// Reads DER or PEM certificates with <see cref="X509CertificateLoader"/> and the subject attributes by OID, which is
/// robust to commas and Vietnamese text inside values (UTF8String or BMPString). Never handles private keys.
/// </summary>
public static class CertificateFileParser
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>Issuer common names of Ban Cơ yếu Chính phủ's CAs (G1 and G2) for state and Party bodies.</summary>
    public static readonly IReadOnlyList<string> GovernmentCaNames =
    [
        "CA phục vụ các cơ quan Nhà nước G2",
        "CA phục vụ các cơ quan Đảng G2",
        "CA phục vụ các cơ quan Nhà nước",
        "RootCA chuyên dùng Chính phủ G2",
        "Cơ quan chứng thực số chuyên dùng Chính phủ",
    ];

    private const string CommonNameOid = "2.5.4.3";
    private const string OrganizationOid = "2.5.4.10";
    private const string OrganizationalUnitOid = "2.5.4.11";
    private const string LocalityOid = "2.5.4.7";
    private const string EmailOid = "1.2.840.113549.1.9.1";
    private const string UidOid = "0.9.2342.19200300.100.1.1";

    public static bool TryParse(byte[] content, out ParsedCertificate? certificate, out string? error)
    {
        certificate = null;
        error = null;
        if (content.Length == 0 || content.Length > MaxBytes)
        {
            error = "Tệp chứng thư rỗng hoặc quá lớn (tối đa 64 KB).";
            return false;
        }

        try
        {
            using var x509 = Load(content);
            certificate = Describe(x509);
            return true;
        }
        catch (Exception ex) when (ex is CryptographicException or AsnContentException or InvalidOperationException or ArgumentException
                                       or FormatException or OverflowException)
        {
            error = "Không đọc được tệp chứng thư số. Hãy chọn tệp .cer, .crt hoặc .pem (định dạng DER hoặc PEM).";
            return false;
        }
    }

    /// <summary>
    /// Reads every certificate of a file: one DER/PEM certificate, several PEM blocks, or a PKCS#7 bundle (.p7b,
    /// DER or PEM) as the CA delivers chains and batches.
    /// </summary>
    public static bool TryParseAll(byte[] content, out List<ParsedCertificate> certificates, out string? error)
    {
        certificates = [];
        error = null;
        if (content.Length == 0 || content.Length > MaxBytes)
        {
            error = "Tệp chứng thư rỗng hoặc quá lớn (tối đa 64 KB).";
            return false;
        }

        try
        {
            var text = Encoding.ASCII.GetString(content);
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                var pem = new X509Certificate2Collection();
                pem.ImportFromPem(text);
                certificates.AddRange(pem.Select(Describe));
                return certificates.Count > 0;
            }

            if (TryPkcs7(content, text) is { } bundle)
            {
                certificates.AddRange(bundle.Select(Describe));
                return certificates.Count > 0 || Fail(out error);
            }

            using var single = X509CertificateLoader.LoadCertificate(content);
            certificates.Add(Describe(single));
            return true;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return Fail(out error);
        }
    }

    private static bool Fail(out string? error)
    {
        error = "Không đọc được tệp chứng thư số. Hãy chọn tệp .cer, .crt, .pem, .der hoặc .p7b.";
        return false;
    }

    private static X509Certificate2Collection? TryPkcs7(byte[] content, string text)
    {
        var der = content;
        const string Begin = "-----BEGIN PKCS7-----";
        if (text.Contains(Begin, StringComparison.Ordinal))
        {
            var body = text[(text.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length)..];
            var end = body.IndexOf("-----END", StringComparison.Ordinal);
            der = Convert.FromBase64String(string.Concat((end < 0 ? body : body[..end]).Where(c => !char.IsWhiteSpace(c))));
        }

        try
        {
            var cms = new System.Security.Cryptography.Pkcs.SignedCms();
            cms.Decode(der);
            return cms.Certificates;
        }
        catch (CryptographicException)
        {
            return null; // not PKCS#7: try a single certificate
        }
    }

    private static X509Certificate2 Load(byte[] content)
    {
        var text = Encoding.ASCII.GetString(content);
        if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            return X509Certificate2.CreateFromPem(text);
        }

        return X509CertificateLoader.LoadCertificate(content);
    }

    private static ParsedCertificate Describe(X509Certificate2 x509)
    {
        var subject = Attributes(x509.SubjectName);
        var issuer = Attributes(x509.IssuerName);
        var issuerCn = issuer.GetValueOrDefault(CommonNameOid);
        var email = subject.GetValueOrDefault(EmailOid) ?? NullIfEmpty(x509.GetNameInfo(X509NameType.EmailName, forIssuer: false));
        var keyUsage = x509.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        return new ParsedCertificate(
            x509.SerialNumber.ToUpperInvariant(),
            Normalize(x509.SubjectName.Decode(X500DistinguishedNameFlags.UseCommas | X500DistinguishedNameFlags.UseUTF8Encoding)),
            Normalize(x509.IssuerName.Decode(X500DistinguishedNameFlags.UseCommas | X500DistinguishedNameFlags.UseUTF8Encoding)),
            issuerCn,
            x509.NotBefore.ToUniversalTime(),
            x509.NotAfter.ToUniversalTime(),
            x509.Thumbprint.ToUpperInvariant(),
            Convert.ToHexString(x509.GetCertHash(HashAlgorithmName.SHA256)),
            KeyDescription(x509),
            subject.GetValueOrDefault(CommonNameOid),
            subject.GetValueOrDefault(OrganizationOid),
            subject.GetValueOrDefault(OrganizationalUnitOid),
            subject.GetValueOrDefault(LocalityOid),
            email?.ToLowerInvariant(),
            subject.GetValueOrDefault(UidOid),
            issuerCn is not null && GovernmentCaNames.Contains(issuerCn, StringComparer.Ordinal),
            keyUsage is null || keyUsage.KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature) || keyUsage.KeyUsages.HasFlag(X509KeyUsageFlags.NonRepudiation));
    }

    private static Dictionary<string, string> Attributes(X500DistinguishedName name)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (oid, value) in name.EnumerateRelativeDistinguishedNames().SelectMany(Elements))
        {
            if (oid is not null && value is not null && !result.ContainsKey(oid))
            {
                result[oid] = Normalize(value);
            }
        }

        return result;
    }

    /// <summary>
    /// The attributes of one RDN. A multi-valued RDN (<c>CN=…+OU=…</c>, legal X.509) is split into its elements, each
    /// re-encoded as a single-valued name so the platform decodes its string type.
    /// </summary>
    private static IEnumerable<(string? Oid, string? Value)> Elements(X500RelativeDistinguishedName rdn)
    {
        if (!rdn.HasMultipleElements)
        {
            yield return (rdn.GetSingleElementType().Value, rdn.GetSingleElementValue());
            yield break;
        }

        var set = new AsnReader(rdn.RawData, AsnEncodingRules.DER).ReadSetOf(skipSortOrderValidation: true);
        while (set.HasData)
        {
            var element = set.ReadEncodedValue();
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                using (writer.PushSetOf())
                {
                    writer.WriteEncodedValue(element.Span);
                }
            }

            foreach (var single in new X500DistinguishedName(writer.Encode()).EnumerateRelativeDistinguishedNames())
            {
                yield return (single.GetSingleElementType().Value, single.GetSingleElementValue());
            }
        }
    }

    private static string KeyDescription(X509Certificate2 x509)
    {
        using var rsa = x509.GetRSAPublicKey();
        if (rsa is not null)
        {
            return "RSA " + rsa.KeySize.ToString(CultureInfo.InvariantCulture);
        }

        using var ecdsa = x509.GetECDsaPublicKey();
        return ecdsa is not null ? "ECDSA " + ecdsa.KeySize.ToString(CultureInfo.InvariantCulture) : x509.PublicKey.Oid.FriendlyName ?? "?";
    }

    private static string Normalize(string value) => value.Normalize(NormalizationForm.FormC).Trim();

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
