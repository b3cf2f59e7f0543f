using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.X509;

namespace PhuThoCa.Signatures;

/// <summary>
/// CRLs (RFC 5280) read and checked with BouncyCastle: the platform can build CRLs but not read their entries or
/// verify their signatures. Sources: the admin's uploads and those embedded in the signature (CMS crls field and
/// Adobe's revocation-info-archival signed attribute). Never fetched from the network.
/// </summary>
public sealed class RevocationLists
{
    private const string AdobeRevocationInfoArchivalOid = "1.2.840.113583.1.1.8";
    private readonly List<X509Crl> _crls = [];

    public RevocationLists(IEnumerable<byte[]> encoded)
    {
        var parser = new X509CrlParser();
        foreach (var bytes in encoded)
        {
            try
            {
                _crls.AddRange(parser.ReadCrls(bytes));
            }
            catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or Org.BouncyCastle.Security.Certificates.CrlException)
            {
                // A damaged CRL is simply not a source of revocation data.
            }
        }
    }

    /// <summary>Reads one CRL file (DER or PEM) and returns its issuer and dates, or null when it is not a CRL.</summary>
    public static CrlSummary? Describe(byte[] bytes)
    {
        try
        {
            var crl = new X509CrlParser().ReadCrl(bytes);
            if (crl is null)
            {
                return null;
            }

            return new CrlSummary(crl.IssuerDN.ToString(), new DateTimeOffset(crl.ThisUpdate, TimeSpan.Zero),
                crl.NextUpdate is { } next ? new DateTimeOffset(next, TimeSpan.Zero) : null, crl.GetRevokedCertificates()?.Count ?? 0,
                crl.GetEncoded());
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or Org.BouncyCastle.Security.Certificates.CrlException)
        {
            return null;
        }
    }

    /// <summary>Adds the CRLs carried inside a CMS signature.</summary>
    public void AddEmbedded(byte[] cms)
    {
        try
        {
            var signed = new Org.BouncyCastle.Cms.CmsSignedData(cms);
            _crls.AddRange(signed.GetCrls().EnumerateMatches(null));
        }
        catch (Exception e) when (e is Org.BouncyCastle.Cms.CmsException or IOException or ArgumentException or InvalidCastException)
        {
        }
    }

    /// <summary>
    /// The revocation status of <paramref name="certificate"/> from a CRL signed by <paramref name="issuer"/>:
    /// Unknown when no such CRL is at hand.
    /// </summary>
    public (RevocationStatus Status, DateTimeOffset? RevokedAt) Check(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        var bcIssuer = new Org.BouncyCastle.X509.X509Certificate(issuer.RawData);
        var serial = new Org.BouncyCastle.Math.BigInteger(1, certificate.SerialNumberBytes.ToArray());
        var status = RevocationStatus.Unknown;
        foreach (var crl in _crls)
        {
            if (!crl.IssuerDN.Equivalent(bcIssuer.SubjectDN))
            {
                continue;
            }

            if (!SignedBy(crl, issuer, bcIssuer))
            {
                continue;
            }

            var entry = crl.GetRevokedCertificate(serial);
            if (entry is not null)
            {
                return (RevocationStatus.Revoked, new DateTimeOffset(entry.RevocationDate, TimeSpan.Zero));
            }

            status = RevocationStatus.Good;
        }

        return (status, null);
    }

    /// <summary>
    /// Whether <paramref name="issuer"/> signed <paramref name="crl"/>: RSA PKCS#1 v1.5 and ECDSA with SHA-1/2 through the
    /// platform (native, about a hundred times faster than BouncyCastle's managed RSA: issue 16's 20 ms target), any other
    /// algorithm (RSASSA-PSS, …) through BouncyCastle.
    /// </summary>
    private static bool SignedBy(X509Crl crl, X509Certificate2 issuer, Org.BouncyCastle.X509.X509Certificate bcIssuer)
    {
        var hash = crl.SigAlgOid switch
        {
            "1.2.840.113549.1.1.5" or "1.2.840.10045.4.1" => HashAlgorithmName.SHA1,
            "1.2.840.113549.1.1.11" or "1.2.840.10045.4.3.2" => HashAlgorithmName.SHA256,
            "1.2.840.113549.1.1.12" or "1.2.840.10045.4.3.3" => HashAlgorithmName.SHA384,
            "1.2.840.113549.1.1.13" or "1.2.840.10045.4.3.4" => HashAlgorithmName.SHA512,
            _ => (HashAlgorithmName?)null,
        };
        try
        {
            if (hash is { } name)
            {
                var tbs = crl.GetTbsCertList();
                var signature = crl.GetSignature();
                using (var rsa = issuer.GetRSAPublicKey())
                {
                    if (rsa is not null)
                    {
                        return crl.SigAlgOid.StartsWith("1.2.840.113549", StringComparison.Ordinal)
                            && rsa.VerifyData(tbs, signature, name, RSASignaturePadding.Pkcs1);
                    }
                }

                using var ecdsa = issuer.GetECDsaPublicKey();
                if (ecdsa is not null)
                {
                    return crl.SigAlgOid.StartsWith("1.2.840.10045", StringComparison.Ordinal)
                        && ecdsa.VerifyData(tbs, signature, name, DSASignatureFormat.Rfc3279DerSequence);
                }
            }

            crl.Verify(bcIssuer.GetPublicKey());
            return true;
        }
        catch (Exception e) when (e is Org.BouncyCastle.Security.InvalidKeyException or Org.BouncyCastle.Security.SignatureException
            or Org.BouncyCastle.Security.Certificates.CrlException or ArgumentException or CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The CRLs inside Adobe's revocation-info-archival attribute value (SEQUENCE { [0] EXPLICIT SEQUENCE OF CertificateList, … }).</summary>
    public void AddAdobeArchival(byte[] attributeValue)
    {
        try
        {
            if (Asn1Object.FromByteArray(attributeValue) is not Asn1Sequence sequence)
            {
                return;
            }

            foreach (var element in sequence)
            {
                if (element is Asn1TaggedObject { TagNo: 0 } tagged && tagged.GetExplicitBaseObject() is Asn1Sequence crls)
                {
                    foreach (var crl in crls)
                    {
                        _crls.Add(new X509Crl(Org.BouncyCastle.Asn1.X509.CertificateList.GetInstance(crl)));
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException)
        {
        }
    }

    public static string AdobeArchivalOid => AdobeRevocationInfoArchivalOid;
}

/// <summary>A CRL as the trust-list page shows it.</summary>
public sealed record CrlSummary(string Issuer, DateTimeOffset ThisUpdate, DateTimeOffset? NextUpdate, int RevokedCount, byte[] Encoded);
