using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Signatures;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Signatures;

/// <summary>A portal that requires a verified signed letter before receipt (issue 16), with the test PKI trusted on demand.</summary>
public sealed class SignaturePortalFactory : PortalFactory
{
    protected override bool RequireVerifiedLetter => true;

    /// <summary>Puts the test root, intermediate and CRL in the trust list, as an administrator would.</summary>
    public async Task TrustTestPkiAsync()
    {
        await using var db = CreateDbContext();
        if (await db.TrustList.AnyAsync())
        {
            return;
        }

        var pki = TestPki.Instance;
        var admin = new Actor("test", "Quản trị kiểm thử", Clock.GetUtcNow().UtcDateTime);
        foreach (var (name, certificate, kind) in new[] { ("Test Root CA", pki.Root, TrustListKind.Root), ("Test CA G2", pki.Intermediate, TrustListKind.Intermediate) })
        {
            var s = PhuThoCa.Signatures.CertificateNames.Summarize(certificate);
            db.TrustList.Add(new TrustListEntry(name, kind, s.Subject, s.Issuer, s.SerialNumber, s.Sha256Thumbprint, s.NotBefore.UtcDateTime,
                s.NotAfter.UtcDateTime, certificate.RawData, admin));
        }

        var crl = PhuThoCa.Signatures.RevocationLists.Describe(pki.IntermediateCrl)!;
        db.RevocationLists.Add(new RevocationListFile(crl.Issuer, crl.ThisUpdate.UtcDateTime, crl.NextUpdate?.UtcDateTime, crl.RevokedCount,
            Convert.ToHexString(SHA256.HashData(crl.Encoded)), crl.Encoded, admin));
        await db.SaveChangesAsync();
    }
}
