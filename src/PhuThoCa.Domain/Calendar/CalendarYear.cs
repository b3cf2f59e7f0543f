using static System.FormattableString;

namespace PhuThoCa.Domain.Calendar;

/// <summary>
/// The precomputed working days of one solar year: a bitset, running counts for O(log n) deadline arithmetic, and the
/// named days off. Built once per year by <see cref="WorkingDayCalendar"/> and never changed afterwards.
/// </summary>
internal sealed class CalendarYear
{
    // Interpretation, see docs/adr/0005: official days off this close to mùng 1 Tết are the official Tết schedule.
    internal const int TetScheduleWindowDays = 10;

    private readonly ulong[] _workingBits;

    // _workingCounts[i] = number of working days among days 1..i of the year; _workingCounts[0] = 0.
    private readonly ushort[] _workingCounts;
    private readonly Dictionary<DateOnly, NonWorkingDay> _namedDaysOff;

    private CalendarYear(
        int year, ulong[] workingBits, ushort[] workingCounts, List<NonWorkingDay> daysOff, List<ExtraWorkingDay> extraWorkingDays)
    {
        Year = year;
        FirstDay = new DateOnly(year, 1, 1);
        DayCount = workingCounts.Length - 1;
        _workingBits = workingBits;
        _workingCounts = workingCounts;
        _namedDaysOff = daysOff.ToDictionary(d => d.Date);
        NonWorkingDays = daysOff.AsReadOnly();
        ExtraWorkingDays = extraWorkingDays.AsReadOnly();
    }

    public int Year { get; }

    public DateOnly FirstDay { get; }

    public int DayCount { get; }

    public int WorkingDayCount => _workingCounts[DayCount];

    public IReadOnlyList<NonWorkingDay> NonWorkingDays { get; }

    public IReadOnlyList<ExtraWorkingDay> ExtraWorkingDays { get; }

    public bool IsWorking(int dayOfYear) => (_workingBits[(dayOfYear - 1) >> 6] & (1UL << ((dayOfYear - 1) & 63))) != 0;

    /// <summary>Working days among days 1..<paramref name="dayOfYear"/> (0 gives 0).</summary>
    public int WorkingDaysThrough(int dayOfYear) => _workingCounts[dayOfYear];

    /// <summary>The day of year of the n-th working day after <paramref name="afterDayOfYear"/>; n must not exceed what is left.</summary>
    public int FindNthWorkingDayAfter(int afterDayOfYear, int n)
    {
        var target = _workingCounts[afterDayOfYear] + n;
        int lo = afterDayOfYear + 1, hi = DayCount;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_workingCounts[mid] >= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    public NonWorkingDay? FindNamedDayOff(DateOnly date) => _namedDaysOff.GetValueOrDefault(date);

    public static CalendarYear Build(int year, CalendarSettings settings, IReadOnlyList<CalendarOverrideEntry> overrides)
    {
        var dayOffOverrides = overrides.Where(o => o.Kind == CalendarOverrideKind.DayOff).ToDictionary(o => o.Date);
        var workingOverrides = overrides.Where(o => o.Kind == CalendarOverrideKind.WorkingDay).ToDictionary(o => o.Date);
        var holidays = ComputeHolidays(year, settings, dayOffOverrides.Values);
        var compensatory = ComputeCompensatoryDays(holidays, dayOffOverrides, workingOverrides);

        var first = new DateOnly(year, 1, 1);
        var dayCount = DateTime.IsLeapYear(year) ? 366 : 365;
        var bits = new ulong[(dayCount + 63) / 64];
        var counts = new ushort[dayCount + 1];
        var daysOff = new List<NonWorkingDay>();
        var extraWorkingDays = new List<ExtraWorkingDay>();
        for (var dayOfYear = 1; dayOfYear <= dayCount; dayOfYear++)
        {
            var date = first.AddDays(dayOfYear - 1);
            bool working;
            if (workingOverrides.TryGetValue(date, out var worked))
            {
                working = true;
                extraWorkingDays.Add(new ExtraWorkingDay(date, worked.Name, worked.LegalBasis, worked.IsProvincial));
            }
            else if (dayOffOverrides.TryGetValue(date, out var off))
            {
                working = false;
                var kind = off.IsProvincial ? NonWorkingDayKind.ProvincialDayOff : NonWorkingDayKind.OfficialDayOff;
                daysOff.Add(new NonWorkingDay(date, off.Name, off.LegalBasis, kind));
            }
            else if (holidays.TryGetValue(date, out var holiday))
            {
                working = false;
                daysOff.Add(new NonWorkingDay(date, holiday.Name, holiday.LegalBasis, NonWorkingDayKind.PublicHoliday));
            }
            else if (compensatory.TryGetValue(date, out var compensation))
            {
                working = false;
                daysOff.Add(new NonWorkingDay(date, compensation.Name, compensation.LegalBasis, NonWorkingDayKind.CompensatoryDayOff));
            }
            else
            {
                working = !IsWeekend(date);
            }

            if (working)
            {
                bits[(dayOfYear - 1) >> 6] |= 1UL << ((dayOfYear - 1) & 63);
            }

            counts[dayOfYear] = (ushort)(counts[dayOfYear - 1] + (working ? 1 : 0));
        }

        return new CalendarYear(year, bits, counts, daysOff, extraWorkingDays);
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Holidays of BLLĐ 2019 Điều 112 khoản 1 for a solar year, before compensation and overrides.</summary>
    private static SortedDictionary<DateOnly, Named> ComputeHolidays(
        int year, CalendarSettings settings, IEnumerable<CalendarOverrideEntry> dayOffOverrides)
    {
        var officialDaysOff = dayOffOverrides.Where(o => !o.IsProvincial).Select(o => o.Date).ToHashSet();
        var holidays = new SortedDictionary<DateOnly, Named>();
        void Add(DateOnly date, string name, string legalBasis)
        {
            holidays[date] = holidays.TryGetValue(date, out var other)
                ? new Named($"{other.Name}; {name}", $"{other.LegalBasis}; {legalBasis}")
                : new Named(name, legalBasis);
        }

        // Điều 112.1.a: Tết Dương lịch, 01/01.
        Add(new DateOnly(year, 1, 1), "Tết Dương lịch", HolidayLegalBasis.NewYear);

        // Điều 112.1.b: 5 days of Tết Âm lịch, fixed by the Thủ tướng (Điều 112.3). Suggestion: the last day of the old
        // lunar year and mùng 1–4 (matches 2026: 16–20/02). Official days off near Tết replace the suggestion.
        var tet = LunarCalendar.GetNewYearDay(year);
        var hasOfficialTetSchedule = officialDaysOff.Any(d => Math.Abs(d.DayNumber - tet.DayNumber) <= TetScheduleWindowDays);
        if (!hasOfficialTetSchedule)
        {
            var yearName = LunarCalendar.GetCanChiYearName(year);
            var eve = tet.AddDays(-1);
            var eveDay = LunarCalendar.ToLunar(eve).Day;
            Add(eve, Invariant($"Tết Nguyên đán {yearName} ({eveDay} tháng Chạp)"), HolidayLegalBasis.LunarNewYear);
            for (var i = 0; i < 4; i++)
            {
                Add(tet.AddDays(i), Invariant($"Tết Nguyên đán {yearName} (mùng {i + 1} tháng Giêng)"), HolidayLegalBasis.LunarNewYear);
            }
        }

        // Điều 112.1.e: Giỗ Tổ Hùng Vương, 10/3 âm lịch (the ordinary third month, also in a year with a leap third month).
        Add(LunarCalendar.ToSolar(10, 3, year), "Giỗ Tổ Hùng Vương (10/3 âm lịch)", HolidayLegalBasis.HungKingsCommemoration);

        // Điều 112.1.c and d.
        Add(new DateOnly(year, 4, 30), "Ngày Chiến thắng (30/4)", HolidayLegalBasis.VictoryDay);
        Add(new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động (01/5)", HolidayLegalBasis.LabourDay);

        // Điều 112.1.đ: 02/9 and one adjacent day, fixed by the Thủ tướng. An official day off on the other adjacent day
        // moves it there.
        var dayBefore = new DateOnly(year, 9, 1);
        var dayAfter = new DateOnly(year, 9, 3);
        var (adjacent, other) = settings.NationalDayAdjacentDay == NationalDayAdjacentDay.DayAfter
            ? (dayAfter, dayBefore)
            : (dayBefore, dayAfter);
        if (officialDaysOff.Contains(other) && !officialDaysOff.Contains(adjacent))
        {
            adjacent = other;
        }

        Add(new DateOnly(year, 9, 2), "Quốc khánh (02/9)", HolidayLegalBasis.NationalDay);
        Add(adjacent, Invariant($"Quốc khánh (ngày liền kề {adjacent.Day:00}/{adjacent.Month})"), HolidayLegalBasis.NationalDayAdjacent);

        if (settings.CultureDayEnabled)
        {
            Add(new DateOnly(year, 11, 24), "Ngày Văn hóa Việt Nam (24/11)", HolidayLegalBasis.CultureDay);
        }

        return holidays;
    }

    /// <summary>
    /// BLLĐ 2019 Điều 111 khoản 3: each holiday on a Saturday or Sunday gives one day off on the next working day, i.e.
    /// the next Monday–Friday that is neither a holiday, nor another compensatory day, nor an official day off.
    /// </summary>
    private static Dictionary<DateOnly, Named> ComputeCompensatoryDays(
        SortedDictionary<DateOnly, Named> holidays,
        Dictionary<DateOnly, CalendarOverrideEntry> dayOffOverrides,
        Dictionary<DateOnly, CalendarOverrideEntry> workingOverrides)
    {
        var compensatory = new Dictionary<DateOnly, Named>();
        foreach (var (date, holiday) in holidays)
        {
            if (!IsWeekend(date) || workingOverrides.ContainsKey(date))
            {
                continue;
            }

            var day = date.AddDays(1);
            while (IsWeekend(day) || holidays.ContainsKey(day) || compensatory.ContainsKey(day) || dayOffOverrides.ContainsKey(day))
            {
                day = day.AddDays(1);
            }

            if (day.Year != date.Year)
            {
                // No holiday falls late enough in December for this; fail loudly if a new rule ever does.
                throw new InvalidOperationException(Invariant($"The compensatory day for {date:O} falls in the next year."));
            }

            compensatory[day] = new Named($"Nghỉ bù {holiday.Name}", HolidayLegalBasis.CompensatoryDayOff);
        }

        return compensatory;
    }

    private sealed record Named(string Name, string LegalBasis);
}

/// <summary>An immutable copy of a <see cref="CalendarOverride"/> (the entity itself is mutable).</summary>
internal sealed record CalendarOverrideEntry(
    DateOnly Date, CalendarOverrideKind Kind, string Name, string LegalBasis, bool IsProvincial)
{
    public static CalendarOverrideEntry From(CalendarOverride o) => new(o.Date, o.Kind, o.Name, o.LegalBasis, o.IsProvincial);
}
