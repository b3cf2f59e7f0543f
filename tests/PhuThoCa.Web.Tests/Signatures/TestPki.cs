using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace PhuThoCa.Web.Tests.Signatures;

/// <summary>
/// A test PKI made with the platform's CertificateRequest: a root, an intermediate, agency and person certificates, one
/// revoked (listed on the intermediate's CRL), one expired, and a second root nobody trusts. Times are relative to the
/// real clock because pdfsig signs with the machine's time.
/// </summary>
public sealed class TestPki
{
    private static readonly Lazy<TestPki> Shared = new(() => new TestPki());

    private TestPki()
    {
        var now = DateTimeOffset.UtcNow;
        Root = CreateCa("CN=Test Root CA Chuyên dùng Chính phủ, O=Ban Cơ yếu Chính phủ, C=VN", null, now.AddYears(-5), now.AddYears(15));
        Intermediate = CreateCa("CN=Test CA phục vụ các cơ quan Nhà nước G2, O=Ban Cơ yếu Chính phủ, C=VN", Root, now.AddYears(-3), now.AddYears(10));
        Agency = CreateLeaf("CN=Sở Y tế tỉnh Phú Thọ, O=UBND tỉnh Phú Thọ, L=Phú Thọ, C=VN", Intermediate, now.AddYears(-1), now.AddYears(2), "vanthu.syt@phutho.gov.vn");
        Person = CreateLeaf("CN=Nguyễn Văn Hùng, T=Giám đốc, OU=Sở Y tế tỉnh Phú Thọ, O=UBND tỉnh Phú Thọ, L=Phú Thọ, C=VN", Intermediate,
            now.AddYears(-1), now.AddYears(2), "hungnv.syt@phutho.gov.vn");
        OtherAgency = CreateLeaf("CN=Sở Tài chính tỉnh Phú Thọ, O=UBND tỉnh Phú Thọ, L=Phú Thọ, C=VN", Intermediate, now.AddYears(-1), now.AddYears(2), null);
        Revoked = CreateLeaf("CN=Sở Xây dựng tỉnh Phú Thọ, O=UBND tỉnh Phú Thọ, L=Phú Thọ, C=VN", Intermediate, now.AddYears(-1), now.AddYears(2), null);
        Expired = CreateLeaf("CN=Sở Công Thương tỉnh Phú Thọ, O=UBND tỉnh Phú Thọ, L=Phú Thọ, C=VN", Intermediate, now.AddYears(-2), now.AddDays(-3), null);
        UntrustedRoot = CreateCa("CN=Root CA giả mạo, O=Không rõ, C=VN", null, now.AddYears(-5), now.AddYears(15));
        // A different subject from Agency: NSS keeps one nickname per subject name.
        Untrusted = CreateLeaf("CN=Sở Y tế tỉnh Phú Thọ, OU=Văn thư, O=UBND tỉnh Phú Thọ, L=Phú Thọ, C=VN", UntrustedRoot, now.AddYears(-1), now.AddYears(2), null);
        RevokedAt = now.AddDays(-2);

        var crl = new CertificateRevocationListBuilder();
        crl.AddEntry(Revoked, RevokedAt, X509RevocationReason.KeyCompromise);
        IntermediateCrl = crl.Build(Intermediate, 1, now.AddDays(7), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, now.AddDays(-1));
    }

    public static TestPki Instance => Shared.Value;

    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public X509Certificate2 Agency { get; }

    public X509Certificate2 Person { get; }

    public X509Certificate2 OtherAgency { get; }

    public X509Certificate2 Revoked { get; }

    public DateTimeOffset RevokedAt { get; }

    public X509Certificate2 Expired { get; }

    public X509Certificate2 UntrustedRoot { get; }

    public X509Certificate2 Untrusted { get; }

    public byte[] IntermediateCrl { get; }

    /// <summary>The trust list the portal would hold: root and intermediate, plus the intermediate's CRL.</summary>
    public PhuThoCa.Signatures.SignatureTrust Trust => new(
        [new("Test Root CA", Root, true), new("Test CA G2", Intermediate, false)],
        [IntermediateCrl]);

    /// <summary>Every signer with a nickname for the NSS database (PKCS#12 friendly name).</summary>
    public IReadOnlyList<(string Nick, X509Certificate2 Certificate)> Signers =>
    [
        ("agency", Agency), ("person", Person), ("other", OtherAgency), ("revoked", Revoked), ("expired", Expired), ("untrusted", Untrusted),
    ];

    /// <summary>PKCS#12 with the key, the certificate under a friendly name (NSS nickname) and no password.</summary>
    public static byte[] Pkcs12(X509Certificate2 certificate, string nick, string password)
    {
        var builder = new Pkcs12Builder();
        var contents = new Pkcs12SafeContents();
        var friendly = new AsnWriter(AsnEncodingRules.DER);
        friendly.WriteCharacterString(UniversalTagNumber.BMPString, nick);
        var name = new AsnEncodedData("1.2.840.113549.1.9.20", friendly.Encode());
        var certBag = contents.AddCertificate(certificate);
        certBag.Attributes.Add(new CryptographicAttributeObject(name.Oid!, new AsnEncodedDataCollection(name)));
        var keyBag = contents.AddShroudedKey(certificate.GetRSAPrivateKey()!, password,
            new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 2048));
        keyBag.Attributes.Add(new CryptographicAttributeObject(name.Oid!, new AsnEncodedDataCollection(name)));
        var keyId = new Pkcs9LocalKeyId(certificate.GetCertHash());
        certBag.Attributes.Add(keyId);
        keyBag.Attributes.Add(keyId);
        builder.AddSafeContentsUnencrypted(contents);
        builder.SealWithMac(password, HashAlgorithmName.SHA256, 2048);
        return builder.Encode();
    }

    private static X509Certificate2 CreateCa(string subject, X509Certificate2? issuer, DateTimeOffset from, DateTimeOffset to)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var ski = new X509SubjectKeyIdentifierExtension(request.PublicKey, false);
        request.CertificateExtensions.Add(ski);
        if (issuer is null)
        {
            return request.CreateSelfSigned(from, to);
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var signed = request.Create(issuer, from, to, RandomSerial());
        return signed.CopyWithPrivateKey(key);
    }

    private static X509Certificate2 CreateLeaf(string subject, X509Certificate2 issuer, DateTimeOffset from, DateTimeOffset to, string? email)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        if (email is not null)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddEmailAddress(email);
            request.CertificateExtensions.Add(san.Build());
        }

        using var signed = request.Create(issuer, from, to, RandomSerial());
        return signed.CopyWithPrivateKey(key);
    }

    private static byte[] RandomSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        serial[0] |= 0x10;
        return serial;
    }
}
