namespace PhuThoCa.Domain.Calendar;

/// <summary>Legal basis texts printed next to each computed non-working day (shown to users, hence Vietnamese).</summary>
public static class HolidayLegalBasis
{
    // BLLĐ 2019 Điều 112 khoản 1 lists the 11 paid holidays, points a–e; khoản 3 lets the Thủ tướng fix the
    // Tết days (điểm b) and the Quốc khánh adjacent day (điểm đ) every year.
    public const string NewYear = "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a";
    public const string LunarNewYear =
        "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b và khoản 3 (ngày cụ thể do Thủ tướng Chính phủ quyết định hằng năm)";
    public const string VictoryDay = "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c";
    public const string LabourDay = "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm d";
    public const string NationalDay = "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ";
    public const string NationalDayAdjacent =
        "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ và khoản 3 (ngày liền kề do Thủ tướng Chính phủ quyết định hằng năm)";
    public const string HungKingsCommemoration = "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm e";

    // BLLĐ 2019 Điều 111 khoản 3: a weekly day off that coincides with a holiday is compensated on the next working day.
    public const string CompensatoryDayOff = "Bộ luật Lao động 2019, Điều 111 khoản 3";

    // Policy awaiting law (domain-spec §4.3): only used when CalendarSettings.CultureDayEnabled is on.
    public const string CultureDay =
        "Nghị quyết 80-NQ/TW; Nghị quyết 30/NQ-CP (sửa đổi khoản 1 Điều 112 Bộ luật Lao động 2019)";

    // Saturday and Sunday off for cán bộ, công chức, viên chức: the 40-hour week.
    public const string WeeklyRest = "Quyết định 188/1999/QĐ-TTg (chế độ tuần làm việc 40 giờ); Bộ luật Lao động 2019, Điều 111";
}
