using PhuThoCa.Documents.Nd30;
using PhuThoCa.Signatures;
using PhuThoCa.Web.Tests.Documents;

namespace PhuThoCa.Web.Tests.Signatures;

/// <summary>
/// Letters rendered by the portal, signed by pdfsig with the test PKI, verified by the portal and by pdfsig: the two
/// verdicts must agree, and the portal must name the ETSI sub-indication.
/// </summary>
public class PdfSignatureVerifierTests
{
    private static readonly Lazy<byte[]> Letter = new(() => OfficialLetterRenderer.Render(SampleLetters.OnePage(), SampleLetters.Options));

    private static TestPki Pki => TestPki.Instance;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_letter_signed_by_the_agency_passes_in_both_forms(bool etsi)
    {
        var signed = Pdfsig.Sign(Letter.Value, "agency", etsi);

        var report = Verify(signed);

        var signature = Assert.Single(report.Signatures);
        Assert.Equal(etsi ? "ETSI.CAdES.detached" : "adbe.pkcs7.detached", signature.SubFilter);
        Assert.Equal((Indication.TotalPassed, SubIndication.None), (signature.Indication, signature.SubIndication));
        Assert.True(signature.CoversWholeFile);
        Assert.True(signature.DigestMatches);
        Assert.True(signature.SignatureValueValid);
        Assert.True(signature.ChainTrusted);
        Assert.Equal(RevocationStatus.Good, signature.Revocation);
        Assert.Equal("Sở Y tế tỉnh Phú Thọ", signature.Signer!.CommonName);
        Assert.Equal("vanthu.syt@phutho.gov.vn", signature.Signer.Email);
        Assert.Equal(3, signature.Chain.Count);
        Assert.Equal("Test Root CA", signature.Chain[^1].TrustListName);
        Assert.InRange(signature.SigningTime!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        // pdfsig puts the time in /M only (no signing-time attribute), as PAdES asks for both forms.
        Assert.Equal(SigningTimeSource.PdfDictionary, signature.SigningTimeSource);
        Assert.True(report.AllPassed);
        AgreesWithPdfsig(signed, report);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void One_byte_changed_after_signing_fails_with_hash_failure(bool etsi)
    {
        var signed = Pdfsig.Sign(Letter.Value, "agency", etsi);
        // A byte inside the signed first range, in the page content (the letter's text), not in the signature.
        var tampered = (byte[])signed.Clone();
        var at = Array.IndexOf(tampered, (byte)'B', 200);
        tampered[at] = (byte)'C';

        var report = Verify(tampered);

        var signature = Assert.Single(report.Signatures);
        Assert.Equal(Indication.TotalFailed, signature.Indication);
        Assert.Equal(SubIndication.HashFailure, signature.SubIndication);
        Assert.Contains("bị thay đổi sau khi ký", signature.Explanation, StringComparison.Ordinal);
        Assert.False(report.AllPassed);
        AgreesWithPdfsig(tampered, report);
        Assert.Contains("Digest Mismatch", Pdfsig.Report(tampered), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_signer_chaining_to_an_untrusted_root_is_indeterminate_no_chain(bool etsi)
    {
        var signed = Pdfsig.Sign(Letter.Value, "untrusted", etsi);

        var signature = Assert.Single(Verify(signed).Signatures);

        Assert.Equal(Indication.Indeterminate, signature.Indication);
        Assert.Equal(SubIndication.NoCertificateChainFound, signature.SubIndication);
        Assert.True(signature.DigestMatches);
        Assert.False(signature.ChainTrusted);
        AgreesWithPdfsig(signed, Verify(signed));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_letter_signed_after_the_certificate_expired_is_out_of_bounds(bool etsi)
    {
        var signed = Pdfsig.Sign(Letter.Value, "expired", etsi);

        var report = Verify(signed);

        var signature = Assert.Single(report.Signatures);
        Assert.Equal(Indication.Indeterminate, signature.Indication);
        Assert.Equal(SubIndication.OutOfBoundsNoPoe, signature.SubIndication);
        AgreesWithPdfsig(signed, report);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_letter_signed_after_the_certificate_was_revoked_is_revoked(bool etsi)
    {
        var signed = Pdfsig.Sign(Letter.Value, "revoked", etsi);

        var report = Verify(signed);

        var signature = Assert.Single(report.Signatures);
        Assert.Equal(Indication.Indeterminate, signature.Indication);
        Assert.Equal(SubIndication.RevokedNoPoe, signature.SubIndication);
        Assert.Equal(RevocationStatus.Revoked, signature.Revocation);
        Assert.Equal(Pki.RevokedAt.ToUnixTimeSeconds(), signature.RevokedAt!.Value.ToUnixTimeSeconds());
        AgreesWithPdfsig(signed, report);
    }

    [Fact]
    public void Without_the_crl_the_revoked_certificate_passes_with_a_warning_unless_revocation_data_is_required()
    {
        var signed = Pdfsig.Sign(Letter.Value, "revoked");
        var noCrl = Pki.Trust with { RevocationLists = [] };

        var lenient = Assert.Single(PdfSignatureVerifier.Verify(signed, noCrl, DateTimeOffset.UtcNow).Signatures);
        var strict = Assert.Single(PdfSignatureVerifier.Verify(signed, noCrl with { RequireRevocationData = true }, DateTimeOffset.UtcNow).Signatures);

        Assert.Equal(Indication.TotalPassed, lenient.Indication);
        Assert.Contains(lenient.Warnings, w => w.Contains("CRL", StringComparison.Ordinal));
        Assert.Equal(Indication.Indeterminate, strict.Indication);
        Assert.Equal(SubIndication.TryLater, strict.SubIndication);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Two_signatures_where_the_second_revision_only_adds_a_signature_are_both_valid(bool etsi)
    {
        var once = Pdfsig.Sign(Letter.Value, "person", etsi);
        var twice = Pdfsig.Sign(once, "agency", etsi);

        var report = Verify(twice);

        Assert.Equal(2, report.Signatures.Count);
        Assert.All(report.Signatures, s => Assert.Equal((Indication.TotalPassed, SubIndication.None), (s.Indication, s.SubIndication)));
        var (first, second) = (report.Signatures[0], report.Signatures[1]);
        Assert.Equal("Nguyễn Văn Hùng", first.Signer!.CommonName);
        Assert.Equal("Giám đốc", first.Signer.Title);
        Assert.False(first.CoversWholeFile);
        Assert.Equal([LaterChange.SignaturesOnly], first.LaterChanges);
        Assert.True(second.CoversWholeFile);
        Assert.True(first.Revision < second.Revision);
        Assert.True(report.AllPassed);
        AgreesWithPdfsig(twice, report);
    }

    [Fact]
    public void A_file_that_is_not_a_pdf_or_has_no_signature_says_so()
    {
        var notPdf = PdfSignatureVerifier.Verify("hello"u8.ToArray(), Pki.Trust, DateTimeOffset.UtcNow);
        var unsigned = PdfSignatureVerifier.Verify(Letter.Value, Pki.Trust, DateTimeOffset.UtcNow);

        Assert.Equal("Tệp không phải là tệp PDF.", notPdf.FileProblem);
        Assert.Null(unsigned.FileProblem);
        Assert.Empty(unsigned.Signatures);
        Assert.False(unsigned.AllPassed);
    }

    private static PdfVerificationReport Verify(byte[] pdf) => PdfSignatureVerifier.Verify(pdf, Pki.Trust, DateTimeOffset.UtcNow);

    private static void AgreesWithPdfsig(byte[] pdf, PdfVerificationReport report)
    {
        var verdicts = Pdfsig.Verify(pdf);
        Assert.Equal(verdicts.Count, report.Signatures.Count);
        for (var i = 0; i < verdicts.Count; i++)
        {
            Assert.True(verdicts[i].Passed == (report.Signatures[i].Indication == Indication.TotalPassed),
                $"pdfsig: {verdicts[i]}; portal: {report.Signatures[i].Indication}/{report.Signatures[i].SubIndication}\n{Pdfsig.Report(pdf)}");
        }
    }
}
