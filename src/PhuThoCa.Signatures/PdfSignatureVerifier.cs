using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.AcroForms.Fields;
using UglyToad.PdfPig.Tokens;

namespace PhuThoCa.Signatures;

/// <summary>
/// Verifies the signatures of a PDF file (adbe.pkcs7.detached and ETSI.CAdES.detached, several signatures, incremental
/// updates) and gives each one an ETSI EN 319 102-1 indication. PdfPig reads the structure (fields and signature
/// dictionaries), the platform's SignedCms checks the CMS signature, X509Chain builds the chain to the trust list
/// with downloads disabled, and <see cref="RevocationLists"/> checks CRLs. No network access, no state: thread-safe.
/// </summary>
public static class PdfSignatureVerifier
{
    private const string MessageDigestOid = "1.2.840.113549.1.9.4";
    private const string SigningTimeOid = "1.2.840.113549.1.9.5";
    private const string TimestampTokenOid = "1.2.840.113549.1.9.16.2.14";
    private const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";
    private const string SigningCertificateOid = "1.2.840.113549.1.9.16.2.12";
    private static readonly NameToken ByteRangeName = NameToken.Create("ByteRange");

    public static PdfVerificationReport Verify(byte[] pdf, SignatureTrust trust, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(trust);
        var sha256 = Convert.ToHexString(SHA256.HashData(pdf));
        var report = new PdfVerificationReport { Sha256 = sha256, Length = pdf.LongLength, VerifiedAt = now };
        if (pdf.Length < 8 || !pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            return report with { FileProblem = "Tệp không phải là tệp PDF." };
        }

        var revisionEnds = RevisionEnds(pdf);
        List<SignatureDictionary> dictionaries;
        PdfStructure? finalStructure = null;
        try
        {
            using var document = PdfDocument.Open(pdf);
            dictionaries = SignatureDictionaries(document);
            // The page texts are only needed to judge revisions added after a signature (not for a single last signature).
            if (dictionaries.Any(d => d.CoveredEnd != pdf.LongLength))
            {
                finalStructure = PdfStructure.Of(document, dictionaries.Count);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return report with { RevisionCount = revisionEnds.Count, FileProblem = "Không đọc được cấu trúc tệp PDF (tệp hỏng hoặc không đúng định dạng)." };
        }

        var structures = new Dictionary<long, PdfStructure>();
        var signatures = dictionaries
            .OrderBy(d => d.CoveredEnd)
            .Select(d => VerifyOne(pdf, d, revisionEnds, trust, now, finalStructure ?? new PdfStructure([], [], 0), structures))
            .ToList();
        return report with { RevisionCount = revisionEnds.Count, Signatures = signatures };
    }

    private static SignatureReport VerifyOne(byte[] pdf, SignatureDictionary dictionary, List<long> revisionEnds, SignatureTrust trust,
        DateTimeOffset now, PdfStructure finalStructure, Dictionary<long, PdfStructure> structures)
    {
        var result = new SignatureReport { FieldName = dictionary.FieldName, SubFilter = dictionary.SubFilter, Reason = dictionary.Reason };
        var warnings = new List<string>();
        SignatureReport Fail(Indication indication, SubIndication sub) =>
            result with { Indication = indication, SubIndication = sub, Warnings = warnings };

        // 1. The byte range: [0, a, b, c] with the gap exactly the /Contents hex string, ending at a revision end.
        var range = dictionary.ByteRange;
        if (range is not [0, var firstLength, var secondStart, var secondLength] || firstLength <= 0 || secondStart <= firstLength
            || secondLength < 0 || secondStart + secondLength > pdf.LongLength)
        {
            return Fail(Indication.TotalFailed, SubIndication.FormatFailure);
        }

        var contents = HexContents(pdf, firstLength, secondStart);
        if (contents is null)
        {
            return Fail(Indication.TotalFailed, SubIndication.FormatFailure);
        }

        var coveredEnd = secondStart + secondLength;
        var revision = revisionEnds.IndexOf(coveredEnd) + 1;
        var coversWholeFile = coveredEnd == pdf.LongLength;
        result = result with { Revision = revision, CoversWholeRevision = revision > 0, CoversWholeFile = coversWholeFile };
        if (revision == 0)
        {
            return Fail(Indication.TotalFailed, SubIndication.FormatFailure);
        }

        // Later revisions: only signatures or annotations may be added after a signature (DSS "PDF modification detection").
        if (!coversWholeFile)
        {
            var change = CompareLater(pdf, coveredEnd, finalStructure, structures);
            result = result with { LaterChanges = [change] };
            if (change == LaterChange.AnnotationsOnly)
            {
                warnings.Add("Sau khi ký, tệp được bổ sung chú thích hoặc trường biểu mẫu (nội dung trang không đổi).");
            }
        }

        // 2. The CMS signature (the platform's SignedCms; the hex string is zero-padded after the DER value).
        var signedBytes = new byte[firstLength + secondLength];
        Buffer.BlockCopy(pdf, 0, signedBytes, 0, (int)firstLength);
        Buffer.BlockCopy(pdf, (int)secondStart, signedBytes, (int)firstLength, (int)secondLength);
        var cms = new SignedCms(new ContentInfo(signedBytes), detached: true);
        try
        {
            cms.Decode(TrimDer(contents));
        }
        catch (CryptographicException)
        {
            return Fail(Indication.TotalFailed, SubIndication.FormatFailure);
        }

        if (cms.SignerInfos.Count != 1)
        {
            return Fail(Indication.TotalFailed, SubIndication.FormatFailure);
        }

        var signer = cms.SignerInfos[0];
        var certificate = signer.Certificate;
        if (certificate is null)
        {
            return Fail(Indication.Indeterminate, SubIndication.NoSigningCertificateFound);
        }

        result = result with { Signer = CertificateSummary.From(certificate) };
        var hashName = HashName(signer.DigestAlgorithm.Value);
        result = result with { DigestAlgorithm = hashName?.Name ?? signer.DigestAlgorithm.FriendlyName ?? signer.DigestAlgorithm.Value };
        var claimedTime = SignedAttribute(signer, SigningTimeOid) is { } timeAttribute
            ? new DateTimeOffset(new Pkcs9SigningTime(timeAttribute.RawData).SigningTime.ToUniversalTime(), TimeSpan.Zero)
            : (DateTimeOffset?)null;
        var (signingTime, timeSource) = claimedTime is { } claimed
            ? (claimed, SigningTimeSource.SignedAttribute)
            : dictionary.SigningTime is { } m ? (m, SigningTimeSource.PdfDictionary) : (now, SigningTimeSource.None);

        if (SignedAttribute(signer, MessageDigestOid) is { } digestAttribute)
        {
            if (hashName is null)
            {
                return Fail(Indication.Indeterminate, SubIndication.CryptoConstraintsFailureNoPoe);
            }

            var expected = new Pkcs9MessageDigest();
            expected.CopyFrom(digestAttribute);
            var actual = Digest(pdf, firstLength, secondStart, secondLength, hashName.Value);
            var matches = CryptographicOperations.FixedTimeEquals(actual, expected.MessageDigest);
            result = result with { DigestMatches = matches };
            if (!matches)
            {
                return Fail(Indication.TotalFailed, SubIndication.HashFailure);
            }
        }

        try
        {
            signer.CheckSignature(verifySignatureOnly: true);
            result = result with { SignatureValueValid = true };
        }
        catch (CryptographicException)
        {
            result = result with { SignatureValueValid = false };
            return Fail(Indication.TotalFailed, dictionary.SubFilter.Length > 0 && signer.SignedAttributes.Count == 0
                ? SubIndication.HashFailure : SubIndication.SigCryptoFailure);
        }

        if (dictionary.SubFilter == "ETSI.CAdES.detached" && SignedAttribute(signer, SigningCertificateV2Oid) is null
            && SignedAttribute(signer, SigningCertificateOid) is null)
        {
            warnings.Add("Chữ ký ETSI.CAdES.detached thiếu thuộc tính signing-certificate-v2 (ETSI EN 319 142-1).");
        }

        if (claimedTime is not null && dictionary.SigningTime is { } dictionaryTime && dictionary.SubFilter == "ETSI.CAdES.detached")
        {
            warnings.Add($"Chữ ký PAdES có cả thời điểm ký trong từ điển (/M {dictionaryTime:u}) và thuộc tính signing-time.");
        }

        // 3. An RFC 3161 timestamp over the signature value is a proof of existence (POE) at its time.
        var roots = trust.Certificates.Where(c => c.IsRoot).Select(c => c.Certificate).ToList();
        // Self-signed certificates carried in the CMS are left out: only the trust list's roots may anchor a chain.
        var extra = trust.Certificates.Where(c => !c.IsRoot).Select(c => c.Certificate)
            .Concat(cms.Certificates.Where(c => c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData) is false)).ToList();
        DateTimeOffset? timestampTime = null;
        if (UnsignedAttribute(signer, TimestampTokenOid) is { } tokenBytes)
        {
            if (Rfc3161TimestampToken.TryDecode(tokenBytes, out var token, out _)
                && token.VerifySignatureForSignerInfo(signer, out var tsa, new X509Certificate2Collection(extra.ToArray())))
            {
                using var tsaChain = BuildChain(tsa!, roots, extra, token.TokenInfo.Timestamp);
                if (IsTrusted(tsaChain, roots))
                {
                    timestampTime = token.TokenInfo.Timestamp.ToUniversalTime();
                    signingTime = timestampTime.Value;
                    timeSource = SigningTimeSource.Timestamp;
                }
                else
                {
                    warnings.Add("Dấu thời gian của chữ ký do một đơn vị cấp dấu thời gian không thuộc danh sách tin cậy cấp.");
                }
            }
            else
            {
                warnings.Add("Dấu thời gian của chữ ký không hợp lệ; không dùng làm bằng chứng thời điểm ký.");
            }
        }

        result = result with { SigningTime = signingTime, SigningTimeSource = timeSource, TimestampTime = timestampTime };
        if (timeSource == SigningTimeSource.None)
        {
            warnings.Add("Chữ ký không ghi thời điểm ký; kiểm tra theo thời điểm hiện tại.");
        }

        var hasPoe = timestampTime is not null;

        // 4. The chain to the trust list at the signing time; revocation from CRLs only (uploaded or embedded).
        using var chain = BuildChain(certificate, roots, extra, signingTime);
        var crls = new RevocationLists(trust.RevocationLists);
        crls.AddEmbedded(TrimDer(contents));
        if (SignedAttribute(signer, RevocationLists.AdobeArchivalOid) is { } archival)
        {
            crls.AddAdobeArchival(archival.RawData);
        }

        var elements = chain.ChainElements.Select(e => e.Certificate).ToList();
        var chainTrusted = IsTrusted(chain, roots);
        var chainView = new List<ChainElement>();
        RevocationStatus signerRevocation = RevocationStatus.Unknown;
        DateTimeOffset? signerRevokedAt = null;
        var caRevokedBeforeSigning = false;
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            var name = trust.Certificates.FirstOrDefault(t => t.Certificate.RawData.AsSpan().SequenceEqual(element.RawData))?.Name;
            var (status, revokedAt) = i + 1 < elements.Count ? crls.Check(element, elements[i + 1]) : (RevocationStatus.Unknown, null);
            chainView.Add(new ChainElement(CertificateSummary.From(element), name, status, revokedAt));
            if (i == 0)
            {
                (signerRevocation, signerRevokedAt) = (status, revokedAt);
            }
            else if (status == RevocationStatus.Revoked)
            {
                caRevokedBeforeSigning = true;
            }
        }

        result = result with
        {
            Chain = chainView,
            ChainTrusted = chainTrusted,
            Revocation = signerRevocation,
            RevokedAt = signerRevokedAt,
            Warnings = warnings,
        };

        if (result.LaterChanges.Contains(LaterChange.PageContent))
        {
            return Fail(Indication.TotalFailed, SubIndication.FormatFailure);
        }

        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        if (hasPoe && signerRevokedAt <= signingTime)
        {
            return Fail(Indication.TotalFailed, SubIndication.Revoked);
        }

        if (signingTime < notBefore)
        {
            return Fail(Indication.TotalFailed, SubIndication.NotYetValid);
        }

        if (hasPoe && signingTime > notAfter)
        {
            return Fail(Indication.TotalFailed, SubIndication.Expired);
        }

        if (!chainTrusted)
        {
            return Fail(Indication.Indeterminate, SubIndication.NoCertificateChainFound);
        }

        var flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        if ((flags & X509ChainStatusFlags.NotSignatureValid) != 0)
        {
            return Fail(Indication.Indeterminate, SubIndication.CertificateChainGeneralFailure);
        }

        if ((flags & (X509ChainStatusFlags.InvalidBasicConstraints | X509ChainStatusFlags.InvalidNameConstraints
                | X509ChainStatusFlags.HasNotPermittedNameConstraint | X509ChainStatusFlags.HasExcludedNameConstraint
                | X509ChainStatusFlags.InvalidPolicyConstraints | X509ChainStatusFlags.HasNotSupportedCriticalExtension)) != 0)
        {
            return Fail(Indication.Indeterminate, SubIndication.ChainConstraintsFailure);
        }

        if (signerRevocation == RevocationStatus.Revoked)
        {
            return Fail(Indication.Indeterminate, SubIndication.RevokedNoPoe);
        }

        if (caRevokedBeforeSigning)
        {
            return Fail(Indication.Indeterminate, SubIndication.RevokedCaNoPoe);
        }

        if (signingTime > notAfter || elements.Skip(1).Any(e => signingTime.UtcDateTime < e.NotBefore.ToUniversalTime()
                || signingTime.UtcDateTime > e.NotAfter.ToUniversalTime()))
        {
            return Fail(Indication.Indeterminate, SubIndication.OutOfBoundsNoPoe);
        }

        if (certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } usage
            && (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
        {
            return Fail(Indication.Indeterminate, SubIndication.SigConstraintsFailure);
        }

        if (hashName == HashAlgorithmName.SHA1 || hashName == HashAlgorithmName.MD5)
        {
            return Fail(Indication.Indeterminate, SubIndication.CryptoConstraintsFailureNoPoe);
        }

        if (signerRevocation == RevocationStatus.Unknown)
        {
            if (trust.RequireRevocationData)
            {
                return Fail(Indication.Indeterminate, SubIndication.TryLater);
            }

            warnings.Add("Chưa có danh sách chứng thư bị thu hồi (CRL) của tổ chức cấp; chưa kiểm tra được tình trạng thu hồi.");
        }

        if (!hasPoe && now > notAfter)
        {
            warnings.Add("Chứng thư của người ký đã hết hạn tại thời điểm kiểm tra; thời điểm ký do người ký tự khai (không có dấu thời gian).");
        }

        return Fail(Indication.TotalPassed, SubIndication.None);
    }

    private static X509Chain BuildChain(X509Certificate2 certificate, List<X509Certificate2> roots, List<X509Certificate2> extra, DateTimeOffset at)
    {
        var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(extra.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.Build(certificate);
        return chain;
    }

    private static bool IsTrusted(X509Chain chain, List<X509Certificate2> roots)
    {
        if (chain.ChainElements.Count == 0)
        {
            return false;
        }

        var flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        var top = chain.ChainElements[^1].Certificate;
        return (flags & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) == 0
            && roots.Any(r => r.RawData.AsSpan().SequenceEqual(top.RawData));
    }

    private static AsnEncodedData? SignedAttribute(SignerInfo signer, string oid)
    {
        foreach (var attribute in signer.SignedAttributes)
        {
            if (attribute.Oid.Value == oid && attribute.Values.Count > 0)
            {
                return attribute.Values[0];
            }
        }

        return null;
    }

    private static byte[]? UnsignedAttribute(SignerInfo signer, string oid)
    {
        foreach (var attribute in signer.UnsignedAttributes)
        {
            if (attribute.Oid.Value == oid && attribute.Values.Count > 0)
            {
                return attribute.Values[0].RawData;
            }
        }

        return null;
    }

    private static HashAlgorithmName? HashName(string? oid) => oid switch
    {
        "2.16.840.1.101.3.4.2.1" => HashAlgorithmName.SHA256,
        "2.16.840.1.101.3.4.2.2" => HashAlgorithmName.SHA384,
        "2.16.840.1.101.3.4.2.3" => HashAlgorithmName.SHA512,
        "1.3.14.3.2.26" => HashAlgorithmName.SHA1,
        _ => null,
    };

    private static byte[] Digest(byte[] pdf, long firstLength, long secondStart, long secondLength, HashAlgorithmName name)
    {
        using var hash = IncrementalHash.CreateHash(name);
        hash.AppendData(pdf, 0, (int)firstLength);
        hash.AppendData(pdf, (int)secondStart, (int)secondLength);
        return hash.GetHashAndReset();
    }

    /// <summary>The DER value at the start of the zero-padded /Contents string.</summary>
    private static byte[] TrimDer(byte[] contents)
    {
        try
        {
            System.Formats.Asn1.AsnDecoder.ReadEncodedValue(contents, System.Formats.Asn1.AsnEncodingRules.BER, out _, out _, out var consumed);
            return contents[..consumed];
        }
        catch (System.Formats.Asn1.AsnContentException)
        {
            return contents;
        }
    }

    /// <summary>The bytes of the hex string that must fill the gap of the byte range exactly: "&lt;" hex "&gt;".</summary>
    private static byte[]? HexContents(byte[] pdf, long start, long end)
    {
        if (pdf[start] != (byte)'<' || pdf[end - 1] != (byte)'>' || (end - start - 2) % 2 != 0)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(Encoding.ASCII.GetString(pdf, (int)start + 1, (int)(end - start - 2)));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The end offset of every revision: after each "%%EOF" marker and its end-of-line.</summary>
    private static List<long> RevisionEnds(byte[] pdf)
    {
        var ends = new List<long>();
        var marker = "%%EOF"u8;
        var span = pdf.AsSpan();
        var offset = 0;
        while (true)
        {
            var index = span[offset..].IndexOf(marker);
            if (index < 0)
            {
                break;
            }

            var end = offset + index + marker.Length;
            ends.Add(end);
            var withEol = end;
            if (withEol < pdf.Length && pdf[withEol] == '\r')
            {
                withEol++;
            }

            if (withEol < pdf.Length && pdf[withEol] == '\n')
            {
                withEol++;
            }

            if (withEol != end)
            {
                ends.Add(withEol);
            }

            offset = withEol;
        }

        // Both the offset right after %%EOF and after its end-of-line count as the same revision.
        return ends;
    }

    private static LaterChange CompareLater(byte[] pdf, long coveredEnd, PdfStructure finalStructure, Dictionary<long, PdfStructure> cache)
    {
        if (!cache.TryGetValue(coveredEnd, out var signed))
        {
            try
            {
                using var document = PdfDocument.Open(pdf.AsSpan(0, (int)coveredEnd).ToArray());
                signed = PdfStructure.Of(document, SignatureDictionaries(document).Count);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                signed = new PdfStructure([], [], 0);
            }

            cache[coveredEnd] = signed;
        }

        if (!signed.PageTexts.SequenceEqual(finalStructure.PageTexts))
        {
            return LaterChange.PageContent;
        }

        var addedSignatures = finalStructure.Signatures - signed.Signatures;
        var addedAnnotations = finalStructure.Annotations.Sum() - signed.Annotations.Sum();
        return addedSignatures > 0 && addedAnnotations <= addedSignatures ? LaterChange.SignaturesOnly : LaterChange.AnnotationsOnly;
    }

    private static List<SignatureDictionary> SignatureDictionaries(PdfDocument document)
    {
        var list = new List<SignatureDictionary>();
        if (!document.TryGetForm(out var form))
        {
            return list;
        }

        var stack = new Stack<AcroFieldBase>(form.Fields);
        while (stack.Count > 0)
        {
            var field = stack.Pop();
            if (field is AcroNonTerminalField parent)
            {
                foreach (var child in parent.Children)
                {
                    stack.Push(child);
                }

                continue;
            }

            if (field.FieldType != AcroFieldType.Signature || !field.Dictionary.TryGet(NameToken.V, out var value))
            {
                continue;
            }

            if (Resolve(document, value) is not DictionaryToken signature)
            {
                continue;
            }

            var range = signature.TryGet(ByteRangeName, out var rangeToken) && Resolve(document, rangeToken) is ArrayToken array
                ? array.Data.Select(t => Resolve(document, t) is NumericToken n ? n.Long : -1L).ToArray()
                : [];
            list.Add(new SignatureDictionary(
                field.Information.PartialName ?? "",
                Name(document, signature, NameToken.SubFilter),
                range,
                Text(document, signature, NameToken.M) is { } m ? PdfDate(m) : null,
                Text(document, signature, NameToken.Reason)));
        }

        return list;
    }

    private static IToken? Resolve(PdfDocument document, IToken token)
    {
        var current = token;
        for (var i = 0; i < 8 && current is IndirectReferenceToken reference; i++)
        {
            current = document.Structure.GetObject(reference.Data).Data;
        }

        return current;
    }

    private static string Name(PdfDocument document, DictionaryToken dictionary, NameToken key) =>
        dictionary.TryGet(key, out var token) && Resolve(document, token) is NameToken name ? name.Data : "";

    private static string? Text(PdfDocument document, DictionaryToken dictionary, NameToken key) =>
        dictionary.TryGet(key, out var token) ? Resolve(document, token) switch
        {
            StringToken s => s.Data,
            HexToken h => h.Data,
            _ => null,
        } : null;

    /// <summary>A PDF date "D:YYYYMMDDHHmmSS+HH'mm'" (ISO 32000-1 §7.9.4); null when it cannot be read.</summary>
    internal static DateTimeOffset? PdfDate(string text)
    {
        var s = text.StartsWith("D:", StringComparison.Ordinal) ? text[2..] : text;
        if (s.Length < 14 || !DateTime.TryParseExact(s[..14], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var offset = TimeSpan.Zero;
        var rest = s[14..].Replace("'", "", StringComparison.Ordinal);
        if (rest.Length >= 5 && (rest[0] == '+' || rest[0] == '-')
            && int.TryParse(rest.AsSpan(1, 2), CultureInfo.InvariantCulture, out var hours)
            && int.TryParse(rest.AsSpan(3, 2), CultureInfo.InvariantCulture, out var minutes))
        {
            offset = new TimeSpan(hours, minutes, 0) * (rest[0] == '-' ? -1 : 1);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private sealed record SignatureDictionary(string FieldName, string SubFilter, long[] ByteRange, DateTimeOffset? SigningTime, string? Reason)
    {
        public long CoveredEnd => ByteRange.Length == 4 ? ByteRange[2] + ByteRange[3] : long.MaxValue;
    }

    /// <summary>What a revision looks like to a reader: the text of every page, annotation counts, signature count.</summary>
    private sealed record PdfStructure(List<string> PageTexts, List<int> Annotations, int Signatures)
    {
        public static PdfStructure Of(PdfDocument document, int signatures)
        {
            var texts = new List<string>();
            var annotations = new List<int>();
            foreach (var page in document.GetPages())
            {
                texts.Add(page.Text);
                annotations.Add(page.GetAnnotations().Count());
            }

            return new PdfStructure(texts, annotations, signatures);
        }
    }
}
