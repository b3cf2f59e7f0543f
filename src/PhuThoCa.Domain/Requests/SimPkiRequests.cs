namespace PhuThoCa.Domain.Requests;

/// <summary>
/// The "SIM PKI" column of Mẫu 01 (domain-spec §3): blank when not requested, the carrier's name for a new SIM PKI, or the
/// carrier followed by "/cs" to convert the subscriber's current mobile number to SIM PKI (e.g. "Viettel/cs").
/// </summary>
public static class SimPkiRequests
{
    public const string ConvertSuffix = "/cs";

    public static readonly IReadOnlyList<string> Carriers = ["Viettel", "Vinaphone", "Mobifone"];

    /// <summary>Every value the column can hold, in the order a form offers them.</summary>
    public static readonly IReadOnlyList<string> Values = [.. Carriers.SelectMany(c => new[] { c, c + ConvertSuffix })];

    /// <summary>The canonical spelling of <paramref name="value"/> ("viettel/CS" → "Viettel/cs"); null when blank or not a value.</summary>
    public static string? Canonical(string? value)
    {
        var trimmed = value?.Trim().Replace(" ", "", StringComparison.Ordinal);
        return string.IsNullOrEmpty(trimmed)
            ? null
            : Values.FirstOrDefault(v => string.Equals(v, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsConversion(string value) => value.EndsWith(ConvertSuffix, StringComparison.Ordinal);

    /// <summary>"Viettel – cấp SIM PKI mới" or "Viettel – chuyển số đang dùng sang SIM PKI".</summary>
    public static string Label(string value) => IsConversion(value)
        ? $"{value[..^ConvertSuffix.Length]} – chuyển số đang dùng sang SIM PKI ({value})"
        : $"{value} – cấp SIM PKI mới";
}
