using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Pages.Certificates;

/// <summary>Upload of a .cer/.pem fills the certificate form (features G1.3).</summary>
public class UploadTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A chain like Ban Cơ yếu's: the sub-CA for state bodies signs a certificate with a Vietnamese subject.</summary>
    private static X509Certificate2 IssueCertificate(string caName, string email, string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest(new X500DistinguishedName($"CN={caName}, O=Ban Cơ yếu Chính phủ, C=VN", X500DistinguishedNameFlags.UseUTF8Encoding), caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caRequest.CreateSelfSigned(notBefore.AddYears(-1), notAfter.AddYears(1));
        using var key = RSA.Create(3072);
        var builder = new X500DistinguishedNameBuilder();
        builder.Add("1.2.840.113549.1.9.1", email, System.Formats.Asn1.UniversalTagNumber.IA5String);
        builder.AddCommonName(commonName);
        builder.AddOrganizationalUnitName("UBND phường Việt Trì");
        builder.AddOrganizationName("UBND tỉnh Phú Thọ, Việt Nam");
        builder.AddLocalityName("Phú Thọ");
        builder.AddCountryOrRegion("VN");
        var request = new CertificateRequest(builder.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        return request.Create(ca, notBefore, notAfter, [0x54, 0x03, 0x01, 0x02, 0xAB, 0xCD, 0xEF, (byte)Random.Shared.Next(256)]);
    }

    private static async Task<string> UploadAsync(HttpClient client, byte[] file, string fileName)
    {
        var form = await client.GetStringAsync(new Uri("/Certificates/Create", UriKind.Relative), Ct);
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "CertificateFile", fileName },
        };
        var response = await client.PostAsync(new Uri("/Certificates/Create?handler=Upload", UriKind.Relative), content, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task Upload_GovernmentCaCertificate_FillsSerialValidityAndSubscriber()
    {
        await using var db = portal.CreateDbContext();
        var subscriber = await db.Subscribers.FirstAsync(s => s.Agency!.Name == "UBND phường Việt Trì" && s.Kind == PhuThoCa.Domain.Subscribers.SubscriberKind.Person, Ct);
        using var certificate = IssueCertificate("CA phục vụ các cơ quan Nhà nước G2", subscriber.Email, subscriber.Name,
            new DateTimeOffset(2026, 3, 13, 8, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2031, 3, 12, 8, 0, 0, TimeSpan.FromHours(7)));
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);

        var html = await UploadAsync(client, certificate.Export(X509ContentType.Cert), "chungthu.cer");

        Assert.Equal(certificate.SerialNumber, TestHtml.InputValue(html, "Input.SerialNumber"));
        Assert.Equal("13/03/2026", TestHtml.InputValue(html, "Input.NotBefore"));
        Assert.Equal("12/03/2031", TestHtml.InputValue(html, "Input.NotAfter"));
        Assert.Contains($"CN={subscriber.Name}", TestHtml.InputValue(html, "Input.SubjectDn"), StringComparison.Ordinal);
        Assert.Equal(certificate.Thumbprint, TestHtml.InputValue(html, "Input.ThumbprintSha1"));
        Assert.Equal("RSA 3072", TestHtml.InputValue(html, "Input.KeyAlgorithm"));
        Assert.Matches($"<option value=\"{subscriber.Id}\" selected", html);
        Assert.Contains("alert-success", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_PemFromUnknownIssuer_IsFlagged()
    {
        using var certificate = IssueCertificate("Viettel-CA SHA-256", "ai.do@gmail.com", "Người Lạ",
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2033, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var html = TestHtml.Text(await UploadAsync(client, System.Text.Encoding.ASCII.GetBytes(certificate.ExportCertificatePem()), "la.pem"));

        Assert.Contains("Tổ chức cấp “Viettel-CA SHA-256” không phải CA của Ban Cơ yếu Chính phủ", html, StringComparison.Ordinal);
        Assert.Contains("dài hơn 5 năm", html, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy thuê bao", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_NotACertificate_ShowsVietnameseError()
    {
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var html = await UploadAsync(client, "%PDF-1.7 not a certificate"u8.ToArray(), "thu.cer");

        Assert.Matches("data-testid=\"error-CertificateFile\"[^>]*>Không đọc được tệp chứng thư số", html);
    }
}
