using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Documents.Nd30;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Infrastructure.Files;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Reports;

/// <summary>
/// Ban hành công văn báo cáo (QĐ-PT Điều 8.4): takes the next number of Sở's report register for the year
/// (<see cref="AtomicCounters"/>, like the rejection notice), renders the letter for the period and scope, stores its PDF
/// and DOCX in the file store with their SHA-256 and records an <see cref="IssuedReport"/>, in one save. Issuing again for
/// the same period and scope is the next version beside the earlier ones, never a replacement. The caller checks policy
/// <see cref="Infrastructure.Policies.ScienceDepartment"/>.
/// </summary>
public sealed class IssueReportLetter(AppDbContext db, FileStore files, ProvinceReportComposer composer)
{
    /// <summary>The register of Sở's report letters in <c>DocumentCounters</c>.</summary>
    public const string Register = "BaoCao";

    public async Task<IssuedReport> HandleAsync(ProvinceReport report, int? agencyId, string scope, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(actor);
        var issuedOn = VietnamTime.ToDate(actor.AtUtc);
        var sequence = await AtomicCounters.NextAsync(db, "DocumentCounters", [("Register", Register), ("Year", issuedOn.Year)], ct);
        var number = sequence.ToString(CultureInfo.InvariantCulture);
        var letter = composer.Compose(report, new ProvinceReportDetails(number, issuedOn, scope));
        var createdAt = new DateTimeOffset(DateTime.SpecifyKind(actor.AtUtc, DateTimeKind.Utc)).ToOffset(VietnamTime.Offset);
        var pdf = OfficialLetterRenderer.Render(letter, new LetterRenderOptions(createdAt));
        var docx = OfficialLetterDocx.Write(letter);
        var pdfFile = new StoredReportFile(await files.SaveGeneratedAsync(pdf, ct), pdf.Length, Sha256(pdf));
        var docxFile = new StoredReportFile(await files.SaveGeneratedAsync(docx, ct), docx.Length, Sha256(docx));
        var (from, to) = (report.Period.From, report.Period.To);
        var version = 1 + (await db.IssuedReports.IgnoreQueryFilters()
            .Where(r => r.From == from && r.To == to && r.AgencyId == agencyId).Select(r => (int?)r.Version).MaxAsync(ct) ?? 0);
        var issued = new IssuedReport(report.Period, agencyId, scope, version, number, issuedOn, pdfFile, docxFile, actor);
        db.IssuedReports.Add(issued);
        await db.SaveChangesAsync(ct);
        return issued;
    }

    /// <summary>The stored bytes of an issued PDF or DOCX, checked against the SHA-256 recorded at issue.</summary>
    public async Task<byte[]> ReadAsync(IssuedReport issued, bool docx, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(issued);
        var (key, sha) = docx ? (issued.DocxKey, issued.DocxSha256) : (issued.PdfKey, issued.PdfSha256);
        return await files.ReadVerifiedAsync(key, sha, ct)
            ?? throw new FileNotFoundException($"The issued report {issued.Id} is missing from the file store.");
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
