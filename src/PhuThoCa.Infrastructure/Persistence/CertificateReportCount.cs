namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// The certificate figures of the Điều 8.4 report, kept as counts per agency (the subscriber's) and Vietnam month (yyyyMM)
/// of the dates the report counts by (ADR 0037). Kept by database triggers on Certificates, and on Subscribers for an
/// agency change, created by the migration <c>CertificateReportCounts</c> of each provider, which also counts the existing
/// register; the portal only reads them. Under the agency query filter.
/// <para>
/// What each <see cref="Measure"/> keys by:
/// <list type="bullet">
/// <item><see cref="Started"/>: the month of <c>NotBeforeUtc</c>; <see cref="Value"/> 1 for a renewal (a predecessor or a
/// renewal count), 0 for a first issue.</item>
/// <item><see cref="Revoked"/>: the month of <c>RevokedAtUtc</c>.</item>
/// <item><see cref="Expired"/>: the month of <c>NotAfterUtc</c> of a certificate not superseded and not revoked before it.</item>
/// <item><see cref="Standing"/>: every certificate, by the month of <c>NotAfterUtc</c>, its current <see cref="Status"/>,
/// and <see cref="Value"/> its renewal count × 2, plus 1 when it has a revocation time.</item>
/// </list>
/// </para>
/// </summary>
public sealed class CertificateReportCount
{
    /// <summary>The triggers' names on SQL Server (declared to EF, which then saves those tables without an OUTPUT clause).</summary>
    public const string Trigger = "TR_Certificates_ReportCounts";

    /// <inheritdoc cref="Trigger"/>
    public const string SubscriberTrigger = "TR_Subscribers_CertificateReportCounts";

    public const int Started = 1;
    public const int Revoked = 2;
    public const int Expired = 3;
    public const int Standing = 4;

    private CertificateReportCount()
    {
    }

    public int Measure { get; private set; }

    /// <summary>The Vietnam month of the measure's date as yyyyMM (<see cref="RequestMonthCount.MonthKey"/>).</summary>
    public int Month { get; private set; }

    public int AgencyId { get; private set; }

    /// <summary>The <see cref="Domain.Certificates.CertificateStatus"/> of a <see cref="Standing"/> key; 0 for the others.</summary>
    public int Status { get; private set; }

    public int Value { get; private set; }

    public int Count { get; private set; }

    /// <summary>The renewal count of a <see cref="Standing"/> key.</summary>
    public static int RenewalCountOf(int value) => value / 2;

    /// <summary>Whether a <see cref="Standing"/> key counts certificates with a revocation time.</summary>
    public static bool HasRevocationTime(int value) => value % 2 == 1;
}
