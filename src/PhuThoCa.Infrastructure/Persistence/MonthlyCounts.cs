using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Infrastructure.Persistence;

/// <summary>What a <see cref="RequestMonthCount"/> row counts. Resolutions carry their timing: 10 + <see cref="ResolutionTiming"/>.</summary>
public enum RequestMonthMeasure
{
    /// <summary>Requests received by Sở (<c>ReceivedAtUtc</c>) in the month.</summary>
    Received = 1,

    /// <summary>Requests completed (status Completed, <c>ClosedAtUtc</c>) in the month.</summary>
    Completed = 2,

    /// <summary>Sở's first resolution (<c>ResolvedAtUtc</c>) in the month, made before the due day.</summary>
    ResolvedEarly = 10 + ResolutionTiming.Early,

    /// <summary>… made on the due day.</summary>
    ResolvedOnDueDay = 10 + ResolutionTiming.OnDueDay,

    /// <summary>… made after the due day.</summary>
    ResolvedLate = 10 + ResolutionTiming.Late,
}

/// <summary>
/// How many requests of a type a measure counts in one Vietnam month (<see cref="MonthKey"/>): received, completed, or
/// resolved by Sở with a given timing. Kept by database triggers on Requests (migration <c>MonthlyCounts</c> of each
/// provider, which also counts the existing register), in the statement that changes the request, whoever writes. The
/// province's trend charts read at most 12 months × 5 types × 5 measures rows instead of a year of the register (issue 15:
/// maintained counters). Province-wide: an agency-scoped context sees no rows.
/// </summary>
public sealed class RequestMonthCount
{
    /// <summary>The trigger's name on SQL Server (declared to EF, which then saves Requests without an OUTPUT clause).</summary>
    public const string Trigger = "TR_Requests_MonthCounts";

    private RequestMonthCount()
    {
    }

    public RequestMonthMeasure Measure { get; private set; }

    /// <summary>The Vietnam month as yyyyMM (202611).</summary>
    public int Month { get; private set; }

    public RequestType Type { get; private set; }

    public int Count { get; private set; }

    /// <summary>The key of <paramref name="month"/>'s month: yyyyMM.</summary>
    public static int MonthKey(DateOnly month) => (month.Year * 100) + month.Month;

    /// <summary>The measure that counts Sở's first resolutions made with <paramref name="timing"/> (10 + the timing, as the triggers write it).</summary>
    public static RequestMonthMeasure Resolved(ResolutionTiming timing) => (RequestMonthMeasure)(10 + (int)timing);

    /// <summary>The timing a resolution measure counts; null for the other measures.</summary>
    public static ResolutionTiming? TimingOf(RequestMonthMeasure measure) =>
        measure is >= RequestMonthMeasure.ResolvedEarly and <= RequestMonthMeasure.ResolvedLate ? (ResolutionTiming)(measure - 10) : null;
}

/// <summary>
/// How many valid certificates (status Valid) end in one Vietnam month (<c>NotAfterUtc</c>, key yyyyMM), kept by triggers on
/// Certificates like <see cref="RequestMonthCount"/>: the expiry chart and the province's count of valid certificates read
/// these rows instead of every valid certificate. Province-wide: an agency-scoped context sees no rows.
/// </summary>
public sealed class CertificateExpiryCount
{
    /// <summary>The trigger's name on SQL Server.</summary>
    public const string Trigger = "TR_Certificates_ExpiryCounts";

    private CertificateExpiryCount()
    {
    }

    /// <summary>The Vietnam month as yyyyMM.</summary>
    public int Month { get; private set; }

    public int Count { get; private set; }
}
