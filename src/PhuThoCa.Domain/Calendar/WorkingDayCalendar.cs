using System.Globalization;

namespace PhuThoCa.Domain.Calendar;

/// <summary>
/// The Vietnamese working-day calendar for cán bộ, công chức, viên chức, and deadline arithmetic in "ngày làm việc".
/// <list type="bullet">
/// <item>Working day = Monday–Friday that is not a holiday, a compensatory day or a day-off override; or a Saturday/Sunday
/// with a working-day override (ngày làm bù). Overrides win over the computed rules on their date.</item>
/// <item>Holidays are computed every year from BLLĐ 2019 Điều 112 (lunar dates by <see cref="LunarCalendar"/>), with the
/// compensatory days of Điều 111 khoản 3.</item>
/// <item>The official schedule, entered as <see cref="CalendarOverride"/>s, replaces two suggestions: non-provincial days
/// off within ten days of mùng 1 Tết are taken as the complete official Tết schedule (the computed 5 days and their
/// compensatory days are dropped for that year), and a non-provincial day off on the other day adjacent to 02/9 moves the
/// Quốc khánh adjacent day there. Interpretation, see docs/adr/0005.</item>
/// </list>
/// Immutable and thread-safe: each year is computed on first use (a bitset plus running counts) and cached.
/// The current rules are applied to every year 1900–2199; results before 2021 are not historical.
/// </summary>
public sealed class WorkingDayCalendar
{
    public const int MinSupportedYear = 1900;
    public const int MaxSupportedYear = 2199;

    private readonly CalendarYear?[] _years = new CalendarYear?[MaxSupportedYear - MinSupportedYear + 1];
    private readonly Dictionary<int, CalendarOverrideEntry[]> _overridesByYear;

    public WorkingDayCalendar(CalendarSettings settings, IEnumerable<CalendarOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(overrides);
        if (settings.OfficeHoursStart >= settings.OfficeHoursEnd)
        {
            throw new ArgumentException("Office hours must start before they end.", nameof(settings));
        }

        var entries = overrides.Select(CalendarOverrideEntry.From).ToList();
        var duplicate = entries.GroupBy(e => e.Date).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"More than one calendar override on {duplicate.Key:yyyy-MM-dd}."),
                nameof(overrides));
        }

        Settings = settings;
        _overridesByYear = entries.GroupBy(e => e.Date.Year).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Date).ToArray());
    }

    /// <summary>A calendar with the default settings and no overrides (computed rules only).</summary>
    public WorkingDayCalendar()
        : this(CalendarSettings.Default, [])
    {
    }

    public CalendarSettings Settings { get; }

    /// <summary>True for a day worked by state agencies.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        var year = GetYear(date.Year);
        return year.IsWorking(date.DayOfYear);
    }

    /// <summary>
    /// Named days off of a solar year in date order: holidays (including those falling on a weekend), compensatory days
    /// and day-off overrides. Ordinary weekends are not listed.
    /// </summary>
    public IReadOnlyList<NonWorkingDay> GetNonWorkingDays(int year) => GetYear(year).NonWorkingDays;

    /// <summary>Saturdays and Sundays worked in a solar year (working-day overrides), in date order.</summary>
    public IReadOnlyList<ExtraWorkingDay> GetExtraWorkingDays(int year) => GetYear(year).ExtraWorkingDays;

    /// <summary>Why <paramref name="date"/> is not worked (an ordinary weekend gives <see cref="NonWorkingDayKind.WeeklyRest"/>), or null for a working day.</summary>
    public NonWorkingDay? FindNonWorkingDay(DateOnly date)
    {
        var year = GetYear(date.Year);
        if (year.IsWorking(date.DayOfYear))
        {
            return null;
        }

        return year.FindNamedDayOff(date) ?? new NonWorkingDay(
            date,
            date.DayOfWeek == DayOfWeek.Saturday ? "Nghỉ hằng tuần (thứ Bảy)" : "Nghỉ hằng tuần (Chủ nhật)",
            HolidayLegalBasis.WeeklyRest,
            NonWorkingDayKind.WeeklyRest);
    }

    /// <summary>
    /// Due date of "trong thời hạn N ngày làm việc, kể từ ngày X" (BLDS 2015 Điều 147–148; domain-spec §4.2): day X is
    /// not counted, and the period ends at the end (24:00) of the N-th working day after it. N = 0 returns X itself.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        if (workingDays == 0)
        {
            return start;
        }

        var year = GetYear(start.Year);
        var after = start.DayOfYear;
        var remaining = workingDays;
        var left = year.WorkingDayCount - year.WorkingDaysThrough(after);
        while (remaining > left)
        {
            remaining -= left;
            year = GetYear(year.Year + 1);
            after = 0;
            left = year.WorkingDayCount;
        }

        return year.FirstDay.AddDays(year.FindNthWorkingDayAfter(after, remaining) - 1);
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>
    /// Working days in (<paramref name="from"/>, <paramref name="to"/>]: the first day excluded, the last included, so
    /// that <c>WorkingDaysBetween(x, AddWorkingDays(x, n)) == n</c>. Negative when <paramref name="to"/> is earlier.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var fromYear = GetYear(from.Year);
        if (from.Year == to.Year)
        {
            return fromYear.WorkingDaysThrough(to.DayOfYear) - fromYear.WorkingDaysThrough(from.DayOfYear);
        }

        var count = fromYear.WorkingDayCount - fromYear.WorkingDaysThrough(from.DayOfYear);
        for (var y = from.Year + 1; y < to.Year; y++)
        {
            count += GetYear(y).WorkingDayCount;
        }

        return count + GetYear(to.Year).WorkingDaysThrough(to.DayOfYear);
    }

    /// <summary>
    /// Whole working days left after <paramref name="today"/> up to the end of <paramref name="dueDate"/>: 0 on the due
    /// date itself, negative (working days overdue) after it. Today is not counted, whatever the hour.
    /// </summary>
    public int RemainingWorkingDays(DateOnly dueDate, DateOnly today) => WorkingDaysBetween(today, dueDate);

    /// <summary>
    /// Day X ("kể từ ngày X", itself not counted) for a request received at <paramref name="localReceivedAt"/>, Vietnam
    /// local time. Interpretation, see docs/adr/0005 and domain-spec §4.2 [U]: with
    /// <see cref="CalendarSettings.CountOutOfHoursReceiptFromNextWorkingDay"/> on (the default), a request received on a
    /// non-working day, or on a working day at or after <see cref="CalendarSettings.OfficeHoursEnd"/>, counts as received
    /// on the next working day, and that day becomes day X. So a request received on Saturday has day X = Monday and its
    /// first counted day is Tuesday. A request received before office hours open counts as received that same day.
    /// </summary>
    public DateOnly EffectiveStartDay(DateTime localReceivedAt)
    {
        if (localReceivedAt.Kind == DateTimeKind.Utc)
        {
            throw new ArgumentException(
                "Pass Vietnam local time (UTC+7), or use the DateTimeOffset overload.", nameof(localReceivedAt));
        }

        var day = DateOnly.FromDateTime(localReceivedAt);
        if (!Settings.CountOutOfHoursReceiptFromNextWorkingDay)
        {
            return day;
        }

        var afterHours = TimeOnly.FromDateTime(localReceivedAt) >= Settings.OfficeHoursEnd;
        return !IsWorkingDay(day) || afterHours ? NextWorkingDay(day) : day;
    }

    /// <summary><see cref="EffectiveStartDay(DateTime)"/> for an instant, converted to Vietnam time (UTC+7).</summary>
    public DateOnly EffectiveStartDay(DateTimeOffset receivedAt) =>
        EffectiveStartDay(receivedAt.ToOffset(Common.VietnamTime.Offset).DateTime);

    /// <summary>Due date of N working days for a request received at a Vietnam local time: <see cref="EffectiveStartDay(DateTime)"/> then <see cref="AddWorkingDays"/>.</summary>
    public DateOnly DueDateFor(DateTime localReceivedAt, int workingDays) =>
        AddWorkingDays(EffectiveStartDay(localReceivedAt), workingDays);

    /// <summary>Due date of N working days for a request received at an instant (converted to UTC+7).</summary>
    public DateOnly DueDateFor(DateTimeOffset receivedAt, int workingDays) =>
        AddWorkingDays(EffectiveStartDay(receivedAt), workingDays);

    /// <summary>True on a working day between <see cref="CalendarSettings.OfficeHoursStart"/> (included) and <see cref="CalendarSettings.OfficeHoursEnd"/> (excluded).</summary>
    public bool IsWithinOfficeHours(DateTime localTime)
    {
        var time = TimeOnly.FromDateTime(localTime);
        return time >= Settings.OfficeHoursStart && time < Settings.OfficeHoursEnd && IsWorkingDay(DateOnly.FromDateTime(localTime));
    }

    /// <summary>Status of a deadline that ends at the end of <paramref name="dueDate"/>, seen on <paramref name="today"/>.</summary>
    public static DueStatus GetDueStatus(DateOnly dueDate, DateOnly today) =>
        today < dueDate ? DueStatus.OnTime
        : today == dueDate ? DueStatus.DueToday
        : DueStatus.Overdue;

    private CalendarYear GetYear(int year)
    {
        if (year is < MinSupportedYear or > MaxSupportedYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(year), year, "The working-day calendar covers the years 1900 to 2199.");
        }

        var index = year - MinSupportedYear;
        var cached = Volatile.Read(ref _years[index]);
        if (cached is not null)
        {
            return cached;
        }

        // Building is pure, so two threads racing here build equal years; the first one stored wins.
        var built = CalendarYear.Build(year, Settings, _overridesByYear.GetValueOrDefault(year) ?? []);
        return Interlocked.CompareExchange(ref _years[index], built, null) ?? built;
    }
}
