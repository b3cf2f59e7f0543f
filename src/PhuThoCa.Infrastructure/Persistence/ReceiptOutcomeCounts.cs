using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>
/// How many requests of a type first received by Sở in one Vietnam month (<see cref="Month"/>, yyyyMM of
/// <c>FirstReceivedAtUtc</c>) stand where they stand now: resolved with a timing (<see cref="Resolution"/>, as the domain
/// judged it when it was made), or unresolved in a status, with or without a due date. Province-wide: an agency-scoped
/// context sees no rows; <see cref="AgencyReceiptOutcomeCount"/> keeps the same per agency. Both are kept by database
/// triggers on Requests, created by the migration <c>ReceiptOutcomeCounts</c> of each provider, which also counts the
/// existing register; the portal only reads them (ADR 0035).
/// <para>
/// The on-time statistics of a period that reaches today read the months of the period here, instead of one index entry
/// per request received in it (issue 15: the page grew 5.5× from 10,000 to 100,000 requests).
/// </para>
/// </summary>
public sealed class ReceiptOutcomeCount
{
    /// <summary>The trigger's name on SQL Server (declared to EF, which then saves Requests without an OUTPUT clause).</summary>
    public const string Trigger = "TR_Requests_ReceiptOutcomeCounts";

    /// <summary><see cref="Resolution"/> and <see cref="Status"/> of a key that has none.</summary>
    public const int None = 0;

    private ReceiptOutcomeCount()
    {
    }

    /// <summary>The Vietnam month of the first receipt as yyyyMM (<see cref="RequestMonthCount.MonthKey"/>).</summary>
    public int Month { get; private set; }

    public RequestType Type { get; private set; }

    /// <summary>The <see cref="ResolutionTiming"/> of a resolved request (<c>ResolvedAtUtc</c> set); <see cref="None"/> otherwise.</summary>
    public int Resolution { get; private set; }

    /// <summary>The <see cref="RequestStatus"/> of an unresolved request; <see cref="None"/> for a resolved one.</summary>
    public int Status { get; private set; }

    /// <summary>An unresolved request with a due date; false for a resolved one.</summary>
    public bool HasDueDate { get; private set; }

    public int Count { get; private set; }
}

/// <summary><see cref="ReceiptOutcomeCount"/> per agency, under the agency query filter, kept by the same triggers.</summary>
public sealed class AgencyReceiptOutcomeCount
{
    private AgencyReceiptOutcomeCount()
    {
    }

    public int Month { get; private set; }

    public int AgencyId { get; private set; }

    public RequestType Type { get; private set; }

    /// <inheritdoc cref="ReceiptOutcomeCount.Resolution"/>
    public int Resolution { get; private set; }

    /// <inheritdoc cref="ReceiptOutcomeCount.Status"/>
    public int Status { get; private set; }

    /// <inheritdoc cref="ReceiptOutcomeCount.HasDueDate"/>
    public bool HasDueDate { get; private set; }

    public int Count { get; private set; }
}
