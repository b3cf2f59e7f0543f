namespace PhuThoCa.Domain.Subscribers;

/// <summary>Số định danh cá nhân: the 12-digit CCCD number (the 9-digit CMND is obsolete).</summary>
public static class NationalId
{
    public const int Length = 12;

    public static bool IsValid(string? value) =>
        value is { Length: Length } && value.All(char.IsAsciiDigit);

    /// <summary>Lists show only the last 4 digits (personal-data minimisation, Luật 91/2025/QH15).</summary>
    public static string Mask(string? value) =>
        string.IsNullOrEmpty(value) || value.Length < 4 ? "" : new string('•', value.Length - 4) + value[^4..];
}
