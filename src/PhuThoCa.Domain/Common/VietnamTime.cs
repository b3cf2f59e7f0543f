namespace PhuThoCa.Domain.Common;

/// <summary>Vietnam time is UTC+7 all year (no daylight saving), so a fixed offset is exact.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);

    public static DateOnly ToDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public static DateTime FromLocal(DateTime local) => DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);

    public static DateTime ToUtc(DateTimeOffset value) => value.UtcDateTime;
}
