namespace PhuThoCa.Domain.Subscribers;

/// <summary>Số định danh cá nhân: the 12-digit CCCD number (the 9-digit CMND is obsolete).</summary>
public static class NationalId
{
    public const int Length = 12;

    public static bool IsValid(string? value) =>
        value is { Length: Length } && value.All(char.IsAsciiDigit);

    /// <summary>
    /// The whole number typed in a search box (spaces and dots removed), or null when the text is not a whole CCCD: a search
    /// finds a CCCD by its whole number only, never by a part of it.
    /// </summary>
    public static string? AsWholeNumber(string? query)
    {
        var digits = (query ?? "").Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        return IsValid(digits) ? digits : null;
    }

    /// <summary>Lists show only the last 4 digits (personal-data minimisation, Luật 91/2025/QH15).</summary>
    public static string Mask(string? value) =>
        string.IsNullOrEmpty(value) || value.Length < 4 ? "" : new string('•', value.Length - 4) + value[^4..];
}
