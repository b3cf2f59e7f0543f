namespace PhuThoCa.Domain.Common;

/// <summary>Vietnam time is UTC+7 all year (no daylight saving), so a fixed offset is exact.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);

    public static DateOnly ToDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>The date format every user sees (pages, letters, notifications, history).</summary>
    public const string DatePattern = "dd/MM/yyyy";

    /// <summary>"05/02/2026", whatever the server culture.</summary>
    public static string DateText(DateOnly date) => date.ToString(DatePattern, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The Vietnam date of a UTC instant as <see cref="DateText(DateOnly)"/>.</summary>
    public static string DateText(DateTime utc) => DateText(ToDate(utc));

    public static DateTime FromLocal(DateTime local) => DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);

    /// <summary>The UTC instant a Vietnam day begins (00:00 UTC+7): a day's range is [StartUtc(day), StartUtc(day + 1)).</summary>
    public static DateTime StartUtc(DateOnly day) => FromLocal(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The UTC instant of 23:59:59 on a Vietnam day: the end of a certificate valid "until" that day.</summary>
    public static DateTime LastSecondUtc(DateOnly day) => FromLocal(day.ToDateTime(new TimeOnly(23, 59, 59)));

    public static DateTime ToUtc(DateTimeOffset value) => value.UtcDateTime;
}
