namespace PhuThoCa.Domain.Calendar;

/// <summary>Where a deadline stands on a given day; the due date is always the end (24:00) of its day (BLDS 2015 Điều 148).</summary>
public enum DueStatus
{
    /// <summary>Today is before the due date.</summary>
    OnTime = 0,

    /// <summary>Today is the due date.</summary>
    DueToday = 1,

    /// <summary>The due date has passed.</summary>
    Overdue = 2,
}

/// <summary>Vietnamese labels of <see cref="DueStatus"/>.</summary>
public static class DueStatusLabels
{
    public const string OnTime = "Đúng hạn";
    public const string DueToday = "Đến hạn hôm nay";
    public const string Overdue = "Quá hạn";

    public static string For(DueStatus status) => status switch
    {
        DueStatus.OnTime => OnTime,
        DueStatus.DueToday => DueToday,
        DueStatus.Overdue => Overdue,
    };
}
