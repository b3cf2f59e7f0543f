using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Serialization;
using PhuThoCa.Signatures;

// Usage: SignatureBenchmark <signed.pdf> --root <root.der> [--intermediate <ca.der>]... [--crl <file.crl>]... [--runs N] [--report]
// Verifies the file N times (default 500) after a warm-up and prints the mean and median time per verification.
var pdf = File.ReadAllBytes(args[0]);
var certificates = new List<TrustedCertificate>();
var crls = new List<byte[]>();
var runs = 500;
var printReport = false;
for (var i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--root":
            certificates.Add(new TrustedCertificate("root", X509CertificateLoader.LoadCertificateFromFile(args[++i]), true));
            break;
        case "--intermediate":
            certificates.Add(new TrustedCertificate("intermediate", X509CertificateLoader.LoadCertificateFromFile(args[++i]), false));
            break;
        case "--crl":
            crls.Add(File.ReadAllBytes(args[++i]));
            break;
        case "--runs":
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--report":
            printReport = true;
            break;
        default:
            throw new ArgumentException($"Unknown argument {args[i]}");
    }
}

var trust = new SignatureTrust(certificates, crls);
var report = PdfSignatureVerifier.Verify(pdf, trust, DateTimeOffset.UtcNow);
if (printReport)
{
    Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }));
}

for (var i = 0; i < 20; i++)
{
    PdfSignatureVerifier.Verify(pdf, trust, DateTimeOffset.UtcNow);
}

var times = new double[runs];
for (var i = 0; i < runs; i++)
{
    var watch = Stopwatch.StartNew();
    PdfSignatureVerifier.Verify(pdf, trust, DateTimeOffset.UtcNow);
    times[i] = watch.Elapsed.TotalMilliseconds;
}

Array.Sort(times);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{pdf.Length} bytes, {report.Signatures.Count} signature(s), {string.Join(", ", report.Signatures.Select(s => s.Indication))}: " +
    $"mean {times.Average():F2} ms, median {times[runs / 2]:F2} ms, p95 {times[(int)(runs * 0.95)]:F2} ms over {runs} runs"));
