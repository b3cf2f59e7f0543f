using System.Globalization;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Requests;

/// <summary>
/// The receipt rule stated plainly (issue 11 item 4): when a request arrived or was received, which day counts as day X,
/// and the due date that follows, e.g. "Nhận ngoài giờ hành chính (17:30 Thứ Sáu 04/12/2026) → tính là ngày nhận Thứ Hai
/// 07/12/2026; hạn 3 ngày làm việc: 10/12/2026". The counting itself is the domain's (<see cref="ReceiptDay"/>).
/// </summary>
public static class ReceiptText
{
    public const string CountingBasis = "ngày nhận không tính vào thời hạn, Bộ luật Dân sự 2015 Điều 147";

    /// <summary>"17:30 Thứ Sáu 04/12/2026".</summary>
    public static string Moment(ReceiptDay day) =>
        day.LocalAt.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + Day(DateOnly.FromDateTime(day.LocalAt));

    /// <summary>"Thứ Hai 07/12/2026".</summary>
    public static string Day(DateOnly date) => CalendarLabels.DayOfWeekName(date.DayOfWeek) + " " + Format.Date(date);

    /// <summary>How the moment was counted: "Nhận ngoài giờ hành chính (…) → tính là ngày nhận …" or "Nhận lúc … → …".</summary>
    public static string Counted(ReceiptDay day, string verb = "Nhận")
    {
        if (!day.MovedToNextWorkingDay)
        {
            return $"{verb} lúc {Moment(day)}, tính là ngày nhận {Day(day.CountedAs)}";
        }

        var why = day.OnDayOff ? "vào ngày nghỉ" : "ngoài giờ hành chính";
        return $"{verb} {why} ({Moment(day)}) → tính là ngày nhận {Day(day.CountedAs)}";
    }

    /// <summary>The whole sentence with the period and due date of Sở's step.</summary>
    public static string WithDue(ReceiptDay day, DeadlineView deadline) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Counted(day)}; hạn {deadline.PeriodWorkingDays} ngày làm việc: {Format.Date(deadline.DueDate)} ({CountingBasis}).");
}
