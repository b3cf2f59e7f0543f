using System.Security.Cryptography.X509Certificates;

namespace PhuThoCa.Signatures;

/// <summary>What the verifier trusts: the portal's trust list (roots and intermediates) and the CRLs the admin uploaded.</summary>
public sealed record SignatureTrust(
    IReadOnlyList<TrustedCertificate> Certificates,
    IReadOnlyList<byte[]> RevocationLists)
{
    public static readonly SignatureTrust Empty = new([], []);

    /// <summary>When true, a signing certificate with no CRL covering it is INDETERMINATE/TRY_LATER; otherwise a warning.</summary>
    public bool RequireRevocationData { get; init; }
}

/// <summary>One trust-list entry: a root is a trust anchor; an intermediate only helps to build the chain.</summary>
public sealed record TrustedCertificate(string Name, X509Certificate2 Certificate, bool IsRoot);

/// <summary>How the signing time was established.</summary>
public enum SigningTimeSource
{
    /// <summary>No time found.</summary>
    None,

    /// <summary>The /M entry of the signature dictionary (claimed by the signing software).</summary>
    PdfDictionary,

    /// <summary>The CMS signing-time signed attribute (claimed by the signer).</summary>
    SignedAttribute,

    /// <summary>An RFC 3161 timestamp over the signature value: a proof of existence.</summary>
    Timestamp,
}

/// <summary>What a later revision of the file changed, relative to the revision a signature covers.</summary>
public enum LaterChange
{
    /// <summary>Only further signatures were added.</summary>
    SignaturesOnly,

    /// <summary>Annotations or form fields were added, the page content is unchanged.</summary>
    AnnotationsOnly,

    /// <summary>The text of the pages or the number of pages changed.</summary>
    PageContent,
}

public enum RevocationStatus
{
    /// <summary>No CRL from the certificate's issuer was available.</summary>
    Unknown,

    Good,

    Revoked,
}

/// <summary>A certificate's identity as shown in the report.</summary>
public sealed record CertificateSummary(
    string Subject,
    string? CommonName,
    string? Organization,
    IReadOnlyList<string> OrganizationalUnits,
    string? Email,
    string? Title,
    string? Locality,
    string Issuer,
    string SerialNumber,
    string Sha256Thumbprint,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter)
{
    public static CertificateSummary From(X509Certificate2 certificate) => CertificateNames.Summarize(certificate);
}

/// <summary>One certificate of the chain, signer first.</summary>
public sealed record ChainElement(CertificateSummary Certificate, string? TrustListName, RevocationStatus Revocation, DateTimeOffset? RevokedAt);

/// <summary>The outcome for one signature in the file.</summary>
public sealed record SignatureReport
{
    public required string FieldName { get; init; }

    public required string SubFilter { get; init; }

    public Indication Indication { get; init; }

    public SubIndication SubIndication { get; init; }

    public CertificateSummary? Signer { get; init; }

    public DateTimeOffset? SigningTime { get; init; }

    public SigningTimeSource SigningTimeSource { get; init; }

    public DateTimeOffset? TimestampTime { get; init; }

    /// <summary>The signature's byte range covers the whole file up to the end of its revision (1-based).</summary>
    public bool CoversWholeRevision { get; init; }

    public int Revision { get; init; }

    /// <summary>The signature covers the whole file as uploaded (it is the last revision).</summary>
    public bool CoversWholeFile { get; init; }

    /// <summary>The digest of the signed bytes equals the signed message-digest attribute.</summary>
    public bool? DigestMatches { get; init; }

    /// <summary>The signature value verifies with the signer certificate's public key.</summary>
    public bool? SignatureValueValid { get; init; }

    public string? DigestAlgorithm { get; init; }

    public IReadOnlyList<ChainElement> Chain { get; init; } = [];

    /// <summary>The chain ends at a root of the trust list.</summary>
    public bool ChainTrusted { get; init; }

    public RevocationStatus Revocation { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public IReadOnlyList<LaterChange> LaterChanges { get; init; } = [];

    public string? Reason { get; init; }

    /// <summary>Vietnamese warnings that do not change the indication.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public string IndicationName => IndicationTexts.Name(Indication);

    public string Explanation => IndicationTexts.Explain(SubIndication);
}

/// <summary>The verification report of one PDF file.</summary>
public sealed record PdfVerificationReport
{
    public required string Sha256 { get; init; }

    public long Length { get; init; }

    public int RevisionCount { get; init; }

    public IReadOnlyList<SignatureReport> Signatures { get; init; } = [];

    /// <summary>Vietnamese message when the file could not be read as a PDF at all.</summary>
    public string? FileProblem { get; init; }

    public DateTimeOffset VerifiedAt { get; init; }

    /// <summary>Every signature passed and the last one covers the whole file.</summary>
    public bool AllPassed => FileProblem is null && Signatures.Count > 0 && Signatures.All(s => s.Indication == Indication.TotalPassed)
        && Signatures.Any(s => s.CoversWholeFile || s.LaterChanges.All(c => c != LaterChange.PageContent));
}
