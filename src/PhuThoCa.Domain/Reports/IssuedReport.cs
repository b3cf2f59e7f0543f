using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Reports;

/// <summary>A stored file of an issued document: its key in the file store, length and SHA-256.</summary>
public sealed record StoredReportFile(string StorageKey, long Length, string Sha256);

/// <summary>
/// Công văn báo cáo of QĐ-PT Điều 8.4 as Sở issued it ("Ban hành công văn"): numbered from Sở's register of the year, for a
/// period and scope, with its PDF and DOCX stored as rendered at issue. Never changes: issuing again for the same period and
/// scope is version 2 beside version 1 (a document of record is never overwritten).
/// </summary>
public sealed class IssuedReport : Entity
{
    private IssuedReport()
    {
        Number = "";
        Scope = "";
        PdfKey = "";
        PdfSha256 = "";
        DocxKey = "";
        DocxSha256 = "";
        IssuedBy = "";
    }

    public IssuedReport(ReportPeriod period, int? agencyId, string scope, int version, string number, DateOnly issuedOn,
        StoredReportFile pdf, StoredReportFile docx, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(docx);
        ArgumentNullException.ThrowIfNull(actor);
        PeriodKind = period.Kind;
        From = period.From;
        To = period.To;
        AgencyId = agencyId;
        Scope = scope;
        Version = version;
        Number = number;
        IssuedOn = issuedOn;
        PdfKey = pdf.StorageKey;
        PdfLength = pdf.Length;
        PdfSha256 = pdf.Sha256;
        DocxKey = docx.StorageKey;
        DocxLength = docx.Length;
        DocxSha256 = docx.Sha256;
        IssuedAtUtc = actor.AtUtc;
        IssuedBy = actor.DisplayName;
    }

    public ReportPeriodKind PeriodKind { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    /// <summary>The agency the report covers, or null for the province.</summary>
    public int? AgencyId { get; private set; }

    /// <summary>"Toàn tỉnh" or the agency's name at issue.</summary>
    public string Scope { get; private set; }

    /// <summary>1, 2, … per period and scope, in the order issued.</summary>
    public int Version { get; private set; }

    /// <summary>Số văn bản as printed before the ký hiệu (e.g. "15").</summary>
    public string Number { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public string PdfKey { get; private set; }

    public long PdfLength { get; private set; }

    public string PdfSha256 { get; private set; }

    public string DocxKey { get; private set; }

    public long DocxLength { get; private set; }

    public string DocxSha256 { get; private set; }

    public DateTime IssuedAtUtc { get; private set; }

    public string IssuedBy { get; private set; }

    public ReportPeriod Period => new(PeriodKind, From, To);
}
