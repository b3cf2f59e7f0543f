using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Documents.Layout;
using PhuThoCa.Documents.Nd30;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Files;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Infrastructure.Letters;

/// <summary>
/// Loads what a request's letters print, renders them (PDF with the status QR code, DOCX) and keeps every generated PDF
/// in the file store with its SHA-256 in <see cref="AppDbContext.GeneratedLetters"/>, so that a reprint hands out the
/// same bytes. Reads through the caller's <see cref="AppDbContext"/>, hence its agency scope: a request another agency
/// owns is not found.
/// </summary>
public sealed class RequestLetterService(
    AppDbContext db, FileStore files, RequestLetterComposer composer, RejectionNoticeComposer rejections, OneStopSlipComposer slips,
    StatusLinks links)
{
    public RequestLetterComposer Composer => composer;

    /// <summary>What <paramref name="request"/> (as tracked by the caller, e.g. being submitted) prints.</summary>
    public Task<RequestLetterData> DataForAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CompleteAsync(request, ct);
    }

    /// <summary>The request with its lines in order, its agency and the register entries; null when not visible.</summary>
    public async Task<RequestLetterData?> LoadAsync(int requestId, CancellationToken ct = default)
    {
        var request = await db.Requests.AsNoTracking()
            .Include(r => r.Lines.OrderBy(l => l.Id))
            .FirstOrDefaultAsync(r => r.Id == requestId, ct);
        return request is null ? null : await CompleteAsync(request, ct);
    }

    /// <summary>Several requests for a batch, in the order of <paramref name="requestIds"/>; invisible or unknown ids are skipped.</summary>
    public async Task<List<RequestLetterData>> LoadManyAsync(IReadOnlyCollection<int> requestIds, CancellationToken ct = default)
    {
        var requests = await db.Requests.AsNoTracking()
            .Include(r => r.Lines.OrderBy(l => l.Id))
            .Where(r => requestIds.Contains(r.Id))
            .ToListAsync(ct);
        var result = new List<RequestLetterData>();
        foreach (var id in requestIds.Distinct())
        {
            if (requests.FirstOrDefault(r => r.Id == id) is { } request)
            {
                result.Add(await CompleteAsync(request, ct));
            }
        }

        return result;
    }

    /// <summary>The request letter (Mẫu 01–06) with its QR code to <paramref name="statusBaseUrl"/>/Status/….</summary>
    public OfficialLetter RequestLetter(RequestLetterData data, DateOnly today, string statusBaseUrl, RequestLetterEdits? edits = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return composer.Compose(data, today, edits) with { FirstPageImage = Qr(data.Request.Id, statusBaseUrl) };
    }

    /// <summary>Sở KH&amp;CN's rejection notice with the request's QR code.</summary>
    public OfficialLetter RejectionNotice(RequestLetterData data, RejectionNoticeDetails details, string statusBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(data);
        return rejections.Compose(data, details) with { FirstPageImage = Qr(data.Request.Id, statusBaseUrl) };
    }

    /// <summary>Sở KH&amp;CN's one-stop-shop slip of <paramref name="kind"/> with the request's QR code.</summary>
    public OfficialLetter OneStopSlip(string kind, RequestLetterData data, OneStopSlipDetails details, string statusBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(data);
        return slips.Compose(kind, data, details) with { FirstPageImage = Qr(data.Request.Id, statusBaseUrl) };
    }

    /// <summary>
    /// Numbers a one-stop-shop slip of <paramref name="kind"/> from its own year's register (<c>DocumentCounters</c>), renders
    /// it for <paramref name="request"/> as it stands, given by <paramref name="actor"/> today, and adds it (issued and handed
    /// over) to the caller's pending save, so it is stored in the same save as the action that gives it.
    /// </summary>
    public Task<GeneratedLetter> AddOneStopSlipAsync(string kind, Request request, Actor actor, string? reason, string statusBaseUrl,
        CancellationToken ct) => AddOneStopSlipAsync(kind, request, actor, reason, null, statusBaseUrl, ct);

    /// <summary>
    /// <inheritdoc cref="AddOneStopSlipAsync(string, Request, Actor, string?, string, CancellationToken)"/> A phiếu xin lỗi
    /// carries the new return date <paramref name="promisedDate"/>.
    /// </summary>
    public async Task<GeneratedLetter> AddOneStopSlipAsync(string kind, Request request, Actor actor, string? reason,
        DateOnly? promisedDate, string statusBaseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var today = VietnamTime.ToDate(actor.AtUtc);
        var sequence = await AtomicCounters.NextAsync(db, "DocumentCounters", [("Register", kind), ("Year", today.Year)], ct);
        var details = new OneStopSlipDetails(slips.Number(kind, sequence), today, actor.DisplayName)
        {
            DueDate = request.DueDate,
            DueStep = request.DueStep,
            Reason = reason,
            PromisedDate = promisedDate,
        };
        var slip = OneStopSlip(kind, await DataForAsync(request, ct), details, statusBaseUrl);
        var (row, _) = await PrepareAsync(request.Id, kind, slip, actor, new LetterRecord(actor.DisplayName, null, today, today), ct);
        db.GeneratedLetters.Add(row);
        return row;
    }

    public static byte[] RenderPdf(OfficialLetter letter, DateTimeOffset createdAt) =>
        OfficialLetterRenderer.Render(letter, Options(createdAt));

    /// <summary>One PDF holding every letter, each on its own pages with its own page numbers and QR code.</summary>
    public static byte[] RenderBatch(IReadOnlyList<OfficialLetter> letters, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(letters);
        var options = Options(createdAt);
        var documents = letters.Select(l => OfficialLetterRenderer.Compose(l, options)).ToList();
        var info = new DocumentInfo($"{letters.Count} văn bản đề nghị chứng thực chữ ký số", createdAt)
        {
            Subject = "Tập văn bản đề nghị chứng thực chữ ký số chuyên dùng công vụ",
        };
        return LetterPdfWriter.Write(documents, info);
    }

    /// <summary>The newest stored version of a document of the request, or null.</summary>
    public Task<GeneratedLetter?> LatestAsync(int requestId, string kind, CancellationToken ct = default) =>
        db.GeneratedLetters.AsNoTracking()
            .Where(l => l.RequestId == requestId && l.Kind == kind)
            .OrderByDescending(l => l.Id)
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// The version of the agency's letter that counts for <paramref name="request"/>: once sent, the newest version sent (the
    /// one Sở sees, whatever drafts exist); while the agency holds it, the newest stored one.
    /// </summary>
    public async Task<GeneratedLetter?> CurrentLetterAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = RequestLetterComposer.KindOf(request);
        if (!RequestStatuses.IsEditable(request.Status))
        {
            var sent = await db.GeneratedLetters.AsNoTracking()
                .Where(l => l.RequestId == request.Id && l.Kind == kind && l.SentOn != null)
                .OrderByDescending(l => l.Id)
                .FirstOrDefaultAsync(ct);
            if (sent is not null)
            {
                return sent;
            }
        }

        return await LatestAsync(request.Id, kind, ct);
    }

    public Task<List<GeneratedLetter>> VersionsAsync(int requestId, CancellationToken ct = default) =>
        db.GeneratedLetters.AsNoTracking()
            .Where(l => l.RequestId == requestId)
            .OrderByDescending(l => l.Id)
            .ToListAsync(ct);

    public Task<GeneratedLetter?> VersionAsync(int requestId, int letterId, CancellationToken ct = default) =>
        db.GeneratedLetters.AsNoTracking().FirstOrDefaultAsync(l => l.RequestId == requestId && l.Id == letterId, ct);

    /// <summary>
    /// Renders a new version of <paramref name="kind"/> with the creation date <paramref name="actor"/>.AtUtc (also stored as
    /// GeneratedAtUtc), saves the bytes in the file store and returns the row (with their SHA-256, the next version number
    /// and the letter's content as JSON) for the caller to add to its DbContext and save with the action it belongs to.
    /// </summary>
    public async Task<(GeneratedLetter Letter, byte[] Pdf)> PrepareAsync(int requestId, string kind, OfficialLetter letter, Actor actor,
        LetterRecord? record = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(actor);
        var pdf = RenderPdf(letter, new DateTimeOffset(DateTime.SpecifyKind(actor.AtUtc, DateTimeKind.Utc)).ToOffset(VietnamTime.Offset));
        using var content = new MemoryStream(pdf, writable: false);
        var (stored, error) = await files.SaveAsync(content, $"{kind}-{requestId}.pdf", pdf.Length, ct);
        if (stored is null)
        {
            throw new InvalidOperationException($"The generated letter could not be stored: {error}");
        }

        var version = 1 + (await db.GeneratedLetters.IgnoreQueryFilters()
            .Where(l => l.RequestId == requestId && l.Kind == kind).Select(l => (int?)l.Version).MaxAsync(ct) ?? 0);
        var row = new GeneratedLetter(requestId, kind, version, NumberOf(letter), new StoredLetterFile(stored.Key, pdf.Length, Sha256(pdf)),
            OfficialLetterJson.Write(letter), actor, record);
        return (row, pdf);
    }

    /// <summary><see cref="PrepareAsync"/> and save at once (a draft version, Sở's notice).</summary>
    public async Task<(GeneratedLetter Letter, byte[] Pdf)> StoreAsync(int requestId, string kind, OfficialLetter letter, Actor actor,
        LetterRecord? record = null, CancellationToken ct = default)
    {
        var (row, pdf) = await PrepareAsync(requestId, kind, letter, actor, record, ct);
        db.GeneratedLetters.Add(row);
        await db.SaveChangesAsync(ct);
        return (row, pdf);
    }

    /// <summary>The letter a version prints, from its stored content; null for a version stored before content was kept.</summary>
    public static OfficialLetter? ContentOf(GeneratedLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return letter.Content is { } json ? OfficialLetterJson.Read(json) : null;
    }

    /// <summary>The stored bytes of a version, checked against the recorded SHA-256 (<see cref="StoredFileIntegrityException"/>).</summary>
    public async Task<byte[]> ReadAsync(GeneratedLetter letter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return await files.ReadVerifiedAsync(letter.StorageKey, letter.Sha256, ct)
            ?? throw new FileNotFoundException($"The stored letter {letter.Id} is missing from the file store.");
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>"12/UBND-VP" as printed, for <see cref="GeneratedLetter.Number"/>.</summary>
    public static string? NumberOf(OfficialLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return letter.Header.Number is { } n ? $"{n}/{letter.Header.Symbol}" : null;
    }

    private LetterMarginImage Qr(int requestId, string statusBaseUrl) => links.MarginQr(requestId, statusBaseUrl);

    private static LetterRenderOptions Options(DateTimeOffset createdAt) => new(createdAt);

    private async Task<RequestLetterData> CompleteAsync(Request request, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().IgnoreQueryFilters().FirstAsync(a => a.Id == request.AgencyId, ct);
        var subscriberIds = request.Lines.Select(l => l.SubscriberId).Distinct().ToList();
        var certificateIds = request.Lines.Where(l => l.CertificateId != null).Select(l => l.CertificateId!.Value).Distinct().ToList();
        var tokenIds = request.Lines.Where(l => l.TokenId != null).Select(l => l.TokenId!.Value).Distinct().ToList();
        // The request is visible, so are its lines' entries: read them without the scope (a subscriber moved to another
        // agency after the letter was written still prints).
        var subscribers = await db.Subscribers.AsNoTracking().IgnoreQueryFilters().Where(s => subscriberIds.Contains(s.Id)).ToListAsync(ct);
        var certificates = await db.Certificates.AsNoTracking().IgnoreQueryFilters().Where(c => certificateIds.Contains(c.Id)).ToListAsync(ct);
        var tokens = await db.Tokens.AsNoTracking().IgnoreQueryFilters().Where(t => tokenIds.Contains(t.Id)).ToListAsync(ct);
        return new RequestLetterData(request, agency, subscribers, certificates, tokens);
    }
}
