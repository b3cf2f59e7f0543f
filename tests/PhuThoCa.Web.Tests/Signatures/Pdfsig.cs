using System.Diagnostics;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace PhuThoCa.Web.Tests.Signatures;

/// <summary>pdfsig's own verdict on one signature: "Signature Validation" and "Certificate Validation" lines.</summary>
public sealed record PdfsigVerdict(string SignatureValidation, string CertificateValidation)
{
    /// <summary>Valid and trusted: what the portal calls TOTAL_PASSED.</summary>
    public bool Passed => SignatureValidation == "Signature is Valid." && CertificateValidation == "Certificate is Trusted.";
}

/// <summary>
/// The independent signer and checker: Debian poppler-utils' pdfsig with an NSS database made by libnss3-tools'
/// certutil, pk12util and crlutil (tests/run.sh installs both). The database trusts the test root, knows the
/// intermediate and its CRL, and holds every test signer's key under a nickname.
/// </summary>
public static partial class Pdfsig
{
    private const string Password = "phuthoca";
    private static readonly Lazy<string> Database = new(CreateDatabase);

    /// <summary>
    /// Signs with "pdfsig -add-signature" (adbe.pkcs7.detached). pdfsig 22.12 refuses "-etsi" together with
    /// "-add-signature", so for ETSI.CAdES.detached the test keeps pdfsig's incremental update (field, widget,
    /// byte range) and replaces the SubFilter (same length) and the CMS: the platform's SignedCms signs the new byte
    /// range with a CAdES signing-certificate-v2 attribute.
    /// </summary>
    public static byte[] Sign(byte[] pdf, string nick, bool etsi = false)
    {
        var input = Temp(pdf);
        var output = Path.ChangeExtension(input, ".signed.pdf");
        try
        {
            var (exit, text) = Run("pdfsig", ["-nssdir", Database.Value, "-nss-pwd", Password, "-add-signature", "-nick", nick,
                "-kpw", Password, "-reason", "Ký số công văn", input, output]);
            if (!File.Exists(output))
            {
                throw new InvalidOperationException($"pdfsig -add-signature failed ({exit}): {text}");
            }

            var signed = File.ReadAllBytes(output);
            return etsi ? ResignAsCades(signed, pdf.Length, TestPki.Instance.Signers.Single(s => s.Nick == nick).Certificate) : signed;
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    /// <summary>pdfsig's verdict for every signature of the file, in file order.</summary>
    public static IReadOnlyList<PdfsigVerdict> Verify(byte[] pdf)
    {
        var input = Temp(pdf);
        try
        {
            var (_, text) = Run("pdfsig", ["-nssdir", Database.Value, "-nss-pwd", Password, input]);
            var signatures = SignatureValidation().Matches(text).Select(m => m.Groups[1].Value.Trim()).ToList();
            var certificates = CertificateValidation().Matches(text).Select(m => m.Groups[1].Value.Trim()).ToList();
            return signatures.Select((s, i) => new PdfsigVerdict(s, i < certificates.Count ? certificates[i] : "")).ToList();
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>The raw pdfsig report (for messages when a verdict differs).</summary>
    public static string Report(byte[] pdf)
    {
        var input = Temp(pdf);
        try
        {
            return Run("pdfsig", ["-nssdir", Database.Value, "-nss-pwd", Password, input]).Output;
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static byte[] ResignAsCades(byte[] signed, int originalLength, X509Certificate2 certificate)
    {
        var from = "/SubFilter /adbe.pkcs7.detached"u8;
        var to = "/SubFilter /ETSI.CAdES.detached"u8;
        var at = signed.AsSpan(originalLength).IndexOf(from);
        if (at < 0)
        {
            throw new InvalidOperationException("pdfsig's signature dictionary has no adbe.pkcs7.detached SubFilter.");
        }

        to.CopyTo(signed.AsSpan(originalLength + at));
        var text = Encoding.Latin1.GetString(signed, originalLength, signed.Length - originalLength);
        var range = ByteRange().Match(text);
        var numbers = range.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        var (length1, start2, length2) = (numbers[1], numbers[2], numbers[3]);
        var content = new byte[length1 + length2];
        Buffer.BlockCopy(signed, 0, content, 0, length1);
        Buffer.BlockCopy(signed, start2, content, length1, length2);

        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        // PAdES (ETSI EN 319 142-1): signing-certificate-v2, and the signing time in /M only.
        signer.SignedAttributes.Add(SigningCertificateV2(certificate));
        cms.ComputeSignature(signer);
        var hex = Convert.ToHexString(cms.Encode());
        var room = start2 - length1 - 2;
        if (hex.Length > room)
        {
            throw new InvalidOperationException($"CAdES signature ({hex.Length} hex digits) does not fit pdfsig's placeholder ({room}).");
        }

        Encoding.ASCII.GetBytes(hex.PadRight(room, '0')).CopyTo(signed, length1 + 1);
        return signed;
    }

    /// <summary>ESS signing-certificate-v2 (RFC 5035) with the SHA-256 hash of the signer certificate (default algorithm, no issuer serial).</summary>
    private static AsnEncodedData SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteOctetString(SHA256.HashData(certificate.RawData));
                }
            }
        }

        return new AsnEncodedData("1.2.840.113549.1.9.16.2.47", writer.Encode());
    }

    private static string CreateDatabase()
    {
        var pki = TestPki.Instance;
        var dir = Path.Combine(Path.GetTempPath(), $"phuthoca-nss-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var passwordFile = Path.Combine(dir, "password.txt");
        File.WriteAllText(passwordFile, Password);
        var db = "sql:" + dir;
        Must("certutil", ["-N", "-d", db, "-f", passwordFile]);
        Must("certutil", ["-A", "-d", db, "-f", passwordFile, "-n", "test-root", "-t", "CT,C,C", "-i", Write(dir, "root.der", pki.Root.RawData)]);
        Must("certutil", ["-A", "-d", db, "-f", passwordFile, "-n", "test-g2", "-t", ",,", "-i", Write(dir, "g2.der", pki.Intermediate.RawData)]);
        // The forged root is known (so NSS can sign with its leaf) but not trusted.
        Must("certutil", ["-A", "-d", db, "-f", passwordFile, "-n", "forged-root", "-t", ",,", "-i", Write(dir, "forged.der", pki.UntrustedRoot.RawData)]);
        Must("crlutil", ["-I", "-d", db, "-f", passwordFile, "-t", "1", "-i", Write(dir, "g2.crl", pki.IntermediateCrl)]);
        foreach (var (nick, certificate) in pki.Signers)
        {
            var p12 = Write(dir, nick + ".p12", TestPki.Pkcs12(certificate, nick, Password));
            Must("pk12util", ["-i", p12, "-d", db, "-k", passwordFile, "-W", Password]);
        }

        return db;
    }

    private static string Write(string dir, string name, byte[] bytes)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void Must(string tool, IReadOnlyList<string> args)
    {
        var (exit, output) = Run(tool, args);
        if (exit != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited with {exit}: {output}");
        }
    }

    private static string Temp(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"phuthoca-sig-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    private static (int ExitCode, string Output) Run(string tool, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool} (apt poppler-utils, libnss3-tools).");
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException($"{tool} did not finish in 60 s.");
        }

        return (process.ExitCode, stdout + stderr.GetAwaiter().GetResult());
    }

    [GeneratedRegex(@"Signature Validation:(.*)")]
    private static partial Regex SignatureValidation();

    [GeneratedRegex(@"Certificate Validation:(.*)")]
    private static partial Regex CertificateValidation();

    [GeneratedRegex(@"/ByteRange\s*\[([0-9 ]+)\]")]
    private static partial Regex ByteRange();
}
