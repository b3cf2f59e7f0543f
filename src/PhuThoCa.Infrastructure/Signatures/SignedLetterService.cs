using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Signatures;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Signatures;

namespace PhuThoCa.Infrastructure.Signatures;

/// <summary>Settings of the signed-letter check (appsettings "Signatures"; docs/signatures.md).</summary>
public sealed class SignatureOptions
{
    public const string Section = "Signatures";

    /// <summary>Positions of a subscriber that may sign the agency's letter (empty: <see cref="SignerMatching.DefaultSigningPositions"/>).</summary>
    public List<string> SigningPositions { get; set; } = [];

    /// <summary>Sở may receive the types below only with a verified signed letter (on by default).</summary>
    public bool RequireVerifiedLetter { get; set; } = true;

    /// <summary>Request types that need it (empty: <see cref="SignedLetterPolicy.DefaultRequiredFor"/>, Mẫu 04 and 06).</summary>
    public List<RequestType> RequireVerifiedLetterFor { get; set; } = [];

    /// <summary>A signature without a CRL from its issuer is INDETERMINATE/TRY_LATER instead of passing with a warning.</summary>
    public bool RequireRevocationData { get; set; }

    /// <summary>The settings with the documented defaults filled in (configuration binding appends to lists, so defaults live here).</summary>
    public SignatureOptions WithDefaults()
    {
        if (SigningPositions.Count == 0)
        {
            SigningPositions = [.. SignerMatching.DefaultSigningPositions];
        }

        if (RequireVerifiedLetterFor.Count == 0)
        {
            RequireVerifiedLetterFor = [.. SignedLetterPolicy.DefaultRequiredFor];
        }

        return this;
    }

    /// <summary>The request types whose receipt needs a verified signed letter: none when switched off.</summary>
    public IReadOnlyCollection<RequestType> RequiredFor => RequireVerifiedLetter ? RequireVerifiedLetterFor : [];
}

/// <summary>Per signature: the verification and the match of its signer to the requesting agency.</summary>
public sealed record SignatureWithMatch(SignatureReport Signature, SignerMatch? Match);

/// <summary>What is stored with the request (as JSON) and printed: verification, signer match, text comparison.</summary>
public sealed record SignedLetterReport(
    PdfVerificationReport Verification,
    IReadOnlyList<SignerMatch?> Matches,
    TextComparison? Text,
    string? ComparedLetterNumber,
    string AgencyName);

/// <summary>
/// The signed-letter check (issue 16): loads the trust list, verifies with <see cref="PdfSignatureVerifier"/>, matches
/// each signer to the requesting agency (<see cref="SignerMatching"/>), compares the text with the stored letter the
/// portal generated, and records a <see cref="SignedLetterCheck"/> with an audit row. The caller saves.
/// </summary>
public sealed class SignedLetterService(AppDbContext db, RequestLetterService letters, SignatureOptions options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public SignatureOptions Options => options;

    /// <summary>The active trust list and CRLs, read from the database (never fetched from the network).</summary>
    public async Task<SignatureTrust> TrustAsync(CancellationToken ct = default)
    {
        var entries = await db.TrustList.AsNoTracking().Where(e => e.IsActive).ToListAsync(ct);
        var crls = await db.RevocationLists.AsNoTracking().Where(c => c.IsActive).Select(c => c.RawData).ToListAsync(ct);
        return new SignatureTrust(
            entries.Select(e => new TrustedCertificate(e.Name,
                System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(e.RawData), e.Kind == TrustListKind.Root)).ToList(),
            crls)
        { RequireRevocationData = options.RequireRevocationData };
    }

    /// <summary>Verifies any PDF against the trust list (the standalone tool): nothing is stored.</summary>
    public async Task<PdfVerificationReport> VerifyAsync(byte[] pdf, CancellationToken ct = default) =>
        PdfSignatureVerifier.Verify(pdf, await TrustAsync(ct), clock.GetUtcNow());

    /// <summary>Checks the signed letter uploaded as <paramref name="attachment"/> and adds the check and its audit row.</summary>
    public async Task<SignedLetterCheck> CheckAsync(Request request, RequestAttachment attachment, byte[] pdf, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(attachment);
        ArgumentNullException.ThrowIfNull(actor);
        var verification = await VerifyAsync(pdf, ct);
        var agency = await db.Agencies.IgnoreQueryFilters().AsNoTracking().FirstAsync(a => a.Id == request.AgencyId, ct);
        var agencyFacts = new AgencyFacts(agency.Id, agency.Name, agency.EmailDomain);
        var matches = new List<SignerMatch?>();
        foreach (var signature in verification.Signatures)
        {
            matches.Add(signature.Signer is { } signer
                ? SignerMatching.Match(Facts(signer), agencyFacts, await RegisterAsync(signer, ct), options.SigningPositions)
                : null);
        }

        TextComparison? text = null;
        string? number = null;
        var stored = await db.GeneratedLetters.AsNoTracking()
            .Where(l => l.RequestId == request.Id && l.Kind.StartsWith("Mau"))
            .OrderByDescending(l => l.Id).FirstOrDefaultAsync(ct);
        if (stored is not null && verification.FileProblem is null)
        {
            try
            {
                text = LetterTextComparison.Compare(await letters.ReadAsync(stored, ct), pdf);
                number = stored.Number;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or ArgumentException)
            {
                text = null;
            }
        }

        var report = new SignedLetterReport(verification, matches, text, number, agency.Name);
        var outcome = Outcome(verification);
        var last = verification.Signatures.Count > 0 ? verification.Signatures[^1] : null;
        var signerMatches = matches.Count > 0 && matches.All(m => m?.Matches == true);
        var check = new SignedLetterCheck(request.Id, attachment.Id, attachment.FileName, attachment.Sha256, outcome, Summary(verification),
            last?.Signer?.CommonName, last?.SigningTime?.UtcDateTime, signerMatches, text?.Equal, JsonSerializer.Serialize(report, Json), actor);
        db.SignedLetterChecks.Add(check);
        var note = check.Summary + (signerMatches ? "" : " Người ký không thuộc cơ quan đề nghị.")
            + (text?.Equal == false ? " Nội dung khác với công văn đã lưu." : "");
        db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Request, request.Id, actor.AtUtc, actor.DisplayName,
            "Kiểm tra chữ ký số công văn", note: note));
        return check;
    }

    /// <summary>The newest check of the request's signed letter, or null.</summary>
    public Task<SignedLetterCheck?> LatestAsync(int requestId, CancellationToken ct = default) =>
        db.SignedLetterChecks.AsNoTracking().Where(c => c.RequestId == requestId).OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);

    /// <summary>Throws the domain's problems when Sở may not receive <paramref name="request"/> yet (one call in the receive step).</summary>
    public async Task EnsureReceivableAsync(Request request, string? paperLetterNote = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!options.RequiredFor.Contains(request.Type))
        {
            return;
        }

        var problems = SignedLetterPolicy.ReceiptProblems(request.Type, options.RequiredFor, await LatestAsync(request.Id, ct), paperLetterNote);
        if (problems.Count > 0)
        {
            throw new DomainRuleException(string.Join(" ", problems));
        }
    }

    public static SignedLetterReport? Read(SignedLetterCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            return JsonSerializer.Deserialize<SignedLetterReport>(check.ReportJson, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static SignedLetterOutcome Outcome(PdfVerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.FileProblem is not null || report.Signatures.Count == 0 || report.Signatures.Any(s => s.Indication == Indication.TotalFailed))
        {
            return SignedLetterOutcome.Failed;
        }

        return report.Signatures.All(s => s.Indication == Indication.TotalPassed) ? SignedLetterOutcome.Passed : SignedLetterOutcome.Indeterminate;
    }

    /// <summary>One line: "Chữ ký số hợp lệ — Sở Y tế tỉnh Phú Thọ, ký lúc 04/12/2026 16:10" or the first problem.</summary>
    public static string Summary(PdfVerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.FileProblem is { } problem)
        {
            return problem;
        }

        if (report.Signatures.Count == 0)
        {
            return "Tệp không có chữ ký số.";
        }

        var worst = report.Signatures.FirstOrDefault(s => s.Indication == Indication.TotalFailed)
            ?? report.Signatures.FirstOrDefault(s => s.Indication == Indication.Indeterminate);
        if (worst is not null)
        {
            var who = worst.Signer?.CommonName is { } name ? $" — {name}" : "";
            return $"Chữ ký số {worst.IndicationName.ToLowerInvariant()}{who}: {worst.Explanation} ({IndicationTexts.Code(worst.SubIndication)}).";
        }

        var last = report.Signatures[^1];
        return $"Chữ ký số hợp lệ — {last.Signer?.CommonName}, ký lúc {TimeText(last.SigningTime)}"
            + (report.Signatures.Count > 1 ? $" ({report.Signatures.Count} chữ ký đều hợp lệ)" : "");
    }

    /// <summary>"04/12/2026 16:10" in Vietnam time.</summary>
    public static string TimeText(DateTimeOffset? at) =>
        at is { } value ? value.ToOffset(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "không rõ";

    private static SignerFacts Facts(CertificateSummary signer) =>
        new(signer.CommonName, signer.Organization, signer.OrganizationalUnits, signer.Email, signer.Title);

    private async Task<RegisterFacts?> RegisterAsync(CertificateSummary signer, CancellationToken ct)
    {
        var serial = signer.SerialNumber.TrimStart('0');
        var certificate = await db.Certificates.IgnoreQueryFilters().AsNoTracking()
            .Include(c => c.Subscriber).ThenInclude(s => s!.Agency)
            .Where(c => c.ThumbprintSha256 == signer.Sha256Thumbprint || c.SerialNumber == signer.SerialNumber || c.SerialNumber == serial)
            .OrderByDescending(c => c.ThumbprintSha256 == signer.Sha256Thumbprint)
            .FirstOrDefaultAsync(ct);
        if (certificate?.Subscriber is not { } subscriber)
        {
            return null;
        }

        return new RegisterFacts(certificate.Id, subscriber.AgencyId, subscriber.Agency?.Name ?? "", subscriber.Kind, subscriber.Name, subscriber.Position);
    }
}
