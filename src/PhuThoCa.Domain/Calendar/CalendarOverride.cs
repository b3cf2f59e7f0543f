using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Calendar;

/// <summary>
/// One yearly adjustment of the computed holiday rules, taken from an official schedule (the Thủ tướng's decision on
/// the Tết days and the Quốc khánh adjacent day, Bộ Nội vụ's notice with its swaps) or from a provincial decision.
/// A <see cref="CalendarOverrideKind.DayOff"/> is always a weekday and a <see cref="CalendarOverrideKind.WorkingDay"/>
/// always a Saturday or Sunday: anything else would change nothing or make no sense.
/// <para>
/// Official (non-provincial) days off also replace two computed suggestions, see <see cref="WorkingDayCalendar"/>:
/// a day off within ten days of mùng 1 Tết means "this year's Tết days are the official ones", and a day off on the
/// other day adjacent to 02/9 moves the Quốc khánh adjacent day there.
/// </para>
/// </summary>
public sealed class CalendarOverride
{
    public const int NameMaxLength = 200;
    public const int LegalBasisMaxLength = 300;

    // For EF Core.
    private CalendarOverride()
    {
        Name = "";
        LegalBasis = "";
    }

    public CalendarOverride(DateOnly date, CalendarOverrideKind kind, string name, string legalBasis, bool isProvincial = false)
        : this()
    {
        Edit(date, kind, name, legalBasis, isProvincial);
    }

    public int Id { get; private set; }

    public DateOnly Date { get; private set; }

    public CalendarOverrideKind Kind { get; private set; }

    /// <summary>Vietnamese name shown in the calendar, e.g. "Nghỉ Quốc khánh (hoán đổi ngày làm việc)".</summary>
    public string Name { get; private set; }

    /// <summary>The document that decides it, e.g. "Thông báo 9441/TB-BNV của Bộ Nội vụ".</summary>
    public string LegalBasis { get; private set; }

    /// <summary>True for a decision of UBND tỉnh Phú Thọ rather than a national schedule.</summary>
    public bool IsProvincial { get; private set; }

    public static CalendarOverride CreateDayOff(DateOnly date, string name, string legalBasis, bool isProvincial = false) =>
        new(date, CalendarOverrideKind.DayOff, name, legalBasis, isProvincial);

    public static CalendarOverride CreateWorkingDay(DateOnly date, string name, string legalBasis, bool isProvincial = false) =>
        new(date, CalendarOverrideKind.WorkingDay, name, legalBasis, isProvincial);

    /// <summary>Changes every field at once, so that the date/kind rule is checked against the new pair.</summary>
    public void Edit(DateOnly date, CalendarOverrideKind kind, string name, string legalBasis, bool isProvincial)
    {
        var trimmedName = name?.Trim() ?? "";
        var trimmedBasis = legalBasis?.Trim() ?? "";
        CheckDateAndKind(date, kind);
        CheckText(trimmedName, trimmedBasis);

        Date = date;
        Kind = kind;
        Name = trimmedName;
        LegalBasis = trimmedBasis;
        IsProvincial = isProvincial;
    }

    /// <summary>Moves the override to another date (e.g. a corrected notice), keeping its kind and texts.</summary>
    public void Reschedule(DateOnly date) => Edit(date, Kind, Name, LegalBasis, IsProvincial);

    /// <summary>Corrects the name and legal basis.</summary>
    public void Describe(string name, string legalBasis) => Edit(Date, Kind, name, legalBasis, IsProvincial);

    private static void CheckDateAndKind(DateOnly date, CalendarOverrideKind kind)
    {
        if (date.Year is < WorkingDayCalendar.MinSupportedYear or > WorkingDayCalendar.MaxSupportedYear)
        {
            throw new DomainRuleException(
                CalendarRules.CalendarOverrideMustBeWithinTheSupportedYears, "Ngày điều chỉnh phải trong khoảng năm 1900 đến năm 2199.");
        }

        var isWeekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        switch (kind)
        {
            case CalendarOverrideKind.WorkingDay when !isWeekend:
                throw new DomainRuleException(
                    CalendarRules.ExtraWorkingDayMustBeASaturdayOrSunday, "Ngày làm việc bù chỉ có thể là thứ Bảy hoặc Chủ nhật.");
            case CalendarOverrideKind.DayOff when isWeekend:
                throw new DomainRuleException(
                    CalendarRules.ExtraDayOffMustBeAWeekday, "Ngày nghỉ điều chỉnh chỉ có thể là ngày từ thứ Hai đến thứ Sáu.");
            case CalendarOverrideKind.WorkingDay or CalendarOverrideKind.DayOff:
                break;
            default:
                throw new DomainRuleException(CalendarRules.CalendarOverrideKindIsUnknown, "Loại điều chỉnh lịch không hợp lệ.");
        }
    }

    private static void CheckText(string name, string legalBasis)
    {
        if (name.Length == 0)
        {
            throw new DomainRuleException(CalendarRules.CalendarOverrideNeedsAName, "Vui lòng nhập tên ngày nghỉ hoặc ngày làm bù.");
        }

        if (name.Length > NameMaxLength)
        {
            throw new DomainRuleException(CalendarRules.CalendarOverrideNameIsTooLong, "Tên ngày điều chỉnh không được dài quá 200 ký tự.");
        }

        if (legalBasis.Length == 0)
        {
            throw new DomainRuleException(
                CalendarRules.CalendarOverrideNeedsALegalBasis, "Vui lòng nhập căn cứ pháp lý (số, ký hiệu văn bản quyết định ngày nghỉ hoặc làm bù).");
        }

        if (legalBasis.Length > LegalBasisMaxLength)
        {
            throw new DomainRuleException(
                CalendarRules.CalendarOverrideLegalBasisIsTooLong, "Căn cứ pháp lý không được dài quá 300 ký tự.");
        }
    }
}
