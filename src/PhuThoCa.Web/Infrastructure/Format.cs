using System.Globalization;
using PhuThoCa.Domain.Common;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>Vietnamese display formats: dd/MM/yyyy in Vietnam time, whatever the server culture.</summary>
public static class Format
{
    public const string DatePattern = VietnamTime.DatePattern;

    public static string Date(DateOnly? date) => date is { } d ? VietnamTime.DateText(d) : "";

    public static string Date(DateTime? utc) => utc is { } instant ? VietnamTime.DateText(instant) : "";

    public static string DateTime(DateTime utc) => VietnamTime.ToLocal(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>The date typed, or null when blank or invalid (validators report invalid input before this is used).</summary>
    public const int MinYear = 1900;

    public const int MaxYear = 2100;

    public static DateOnly? ParseDate(string? text) => TryParseDate(text, out var date) ? date : null;

    /// <summary>Parses dd/MM/yyyy (also d/M/yyyy and yyyy-MM-dd from date pickers); null when blank or invalid.</summary>
    public static bool TryParseDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        string[] formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];
        // Years outside 1900-2100 are typing errors or crafted input, and would overflow date arithmetic downstream.
        if (DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            && parsed.Year is >= MinYear and <= MaxYear)
        {
            date = parsed;
            return true;
        }

        return false;
    }
}
