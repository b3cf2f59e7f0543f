using System.Globalization;
using System.Text;
using PhuThoCa.Domain.Calendar;
using static PhuThoCa.Domain.Tests.Calendar.CalendarTestData;

namespace PhuThoCa.Domain.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private readonly WorkingDayCalendar _calendar = Official();

    // domain-spec §4.4, "Working-day test vectors, using the 2026 calendar above".
    [Theory]
    [InlineData("2026-02-13", 3, "2026-02-25")] // Tết Bính Ngọ 16–20/02, then the weekend
    [InlineData("2026-02-13", 1, "2026-02-23")]
    [InlineData("2026-08-21", 3, "2026-08-25")] // Sat 22/08 is worked
    [InlineData("2026-08-28", 3, "2026-09-07")] // 31/08 swapped off, 01–02/09 Quốc khánh
    [InlineData("2026-04-24", 1, "2026-04-28")] // 27/04 compensates Giỗ Tổ on Sunday 26/04
    [InlineData("2026-04-29", 5, "2026-05-08")] // 30/04 and 01/05
    [InlineData("2026-12-31", 3, "2027-01-06")] // 01/01/2027 holiday
    public void AddWorkingDays_DomainSpecVectors_ReturnsPublishedDueDate(string start, int workingDays, string due)
    {
        Assert.Equal(D(due), _calendar.AddWorkingDays(D(start), workingDays));
        Assert.Equal(workingDays, _calendar.WorkingDaysBetween(D(start), D(due)));
    }

    [Fact]
    public void AddWorkingDays_ZeroDays_ReturnsTheStartDay()
    {
        Assert.Equal(D("2026-02-14"), _calendar.AddWorkingDays(D("2026-02-14"), 0));
    }

    [Fact]
    public void AddWorkingDays_NegativeDays_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(D("2026-02-14"), -1));
    }

    [Fact]
    public void AddWorkingDays_ManyYears_CrossesYearBoundaries()
    {
        var due = _calendar.AddWorkingDays(D("2025-12-31"), 250 + 3);

        Assert.Equal(D("2027-01-06"), due);
    }

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-02-16")]
    [InlineData("2026-02-17")]
    [InlineData("2026-02-18")]
    [InlineData("2026-02-19")]
    [InlineData("2026-02-20")]
    [InlineData("2026-04-27")]
    [InlineData("2026-04-30")]
    [InlineData("2026-05-01")]
    [InlineData("2026-08-31")]
    [InlineData("2026-09-01")]
    [InlineData("2026-09-02")]
    [InlineData("2027-01-01")]
    public void IsWorkingDay_Official2026DaysOff_IsFalse(string date)
    {
        Assert.False(_calendar.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2026-08-22")] // Saturday worked (swap for 31/08)
    [InlineData("2026-02-23")]
    [InlineData("2026-09-03")]
    [InlineData("2026-11-24")] // Ngày Văn hóa Việt Nam is disabled by default
    public void IsWorkingDay_Official2026WorkingDays_IsTrue(string date)
    {
        Assert.True(_calendar.IsWorkingDay(D(date)));
    }

    [Fact]
    public void GetNonWorkingDays_2026_WeekdaysOffAreExactlyTheOfficialSchedule()
    {
        string[] official =
        [
            "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-27",
            "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02",
        ];

        var weekdaysOff = AllDays(2026).Where(d => !CalendarYear.IsWeekend(d) && !_calendar.IsWorkingDay(d));
        var weekendsWorked = AllDays(2026).Where(d => CalendarYear.IsWeekend(d) && _calendar.IsWorkingDay(d));

        Assert.Equal(official.Select(D), weekdaysOff);
        Assert.Equal([D("2026-08-22")], weekendsWorked);
        // 261 weekdays, 12 of them off, plus Saturday 22/08.
        Assert.Equal(250, _calendar.WorkingDaysBetween(D("2025-12-31"), D("2026-12-31")));
    }

    [Fact]
    public void GetNonWorkingDays_2026_NamesAndLegalBasisAreVietnamese()
    {
        var days = _calendar.GetNonWorkingDays(2026).ToDictionary(d => d.Date);

        AssertDay(days, "2026-01-01", "Tết Dương lịch", HolidayLegalBasis.NewYear, NonWorkingDayKind.PublicHoliday);
        AssertDay(days, "2026-02-16", "Tết Nguyên đán Bính Ngọ (29 tháng Chạp)", HolidayLegalBasis.LunarNewYear, NonWorkingDayKind.PublicHoliday);
        AssertDay(days, "2026-02-17", "Tết Nguyên đán Bính Ngọ (mùng 1 tháng Giêng)", HolidayLegalBasis.LunarNewYear, NonWorkingDayKind.PublicHoliday);
        AssertDay(days, "2026-02-20", "Tết Nguyên đán Bính Ngọ (mùng 4 tháng Giêng)", HolidayLegalBasis.LunarNewYear, NonWorkingDayKind.PublicHoliday);
        AssertDay(days, "2026-04-26", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", HolidayLegalBasis.HungKingsCommemoration, NonWorkingDayKind.PublicHoliday);
        AssertDay(days, "2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)", HolidayLegalBasis.CompensatoryDayOff, NonWorkingDayKind.CompensatoryDayOff);
        AssertDay(days, "2026-04-30", "Ngày Chiến thắng (30/4)", HolidayLegalBasis.VictoryDay, NonWorkingDayKind.PublicHoliday);
        AssertDay(days, "2026-05-01", "Ngày Quốc tế Lao động (01/5)", HolidayLegalBasis.LabourDay, NonWorkingDayKind.PublicHoliday);
        AssertDay(days, "2026-08-31", "Nghỉ dịp Quốc khánh (hoán đổi, làm bù thứ Bảy 22/08/2026)", OfficialCalendarSeed.LegalBasis2026, NonWorkingDayKind.OfficialDayOff);
        AssertDay(days, "2026-09-01", "Quốc khánh (ngày liền kề 01/9)", HolidayLegalBasis.NationalDayAdjacent, NonWorkingDayKind.PublicHoliday);
        AssertDay(days, "2026-09-02", "Quốc khánh (02/9)", HolidayLegalBasis.NationalDay, NonWorkingDayKind.PublicHoliday);
        Assert.Equal(13, days.Count);
        Assert.Equal(days.Keys.Order(), days.Keys);
        Assert.All(days.Values, d => Assert.False(string.IsNullOrWhiteSpace(d.LegalBasis)));
    }

    [Fact]
    public void GetExtraWorkingDays_2026_IsTheQuocKhanhSwapSaturday()
    {
        var extra = Assert.Single(_calendar.GetExtraWorkingDays(2026));

        Assert.Equal(D("2026-08-22"), extra.Date);
        Assert.Equal(OfficialCalendarSeed.LegalBasis2026, extra.LegalBasis);
        Assert.False(extra.IsProvincial);
    }

    [Fact]
    public void FindNonWorkingDay_VariousDays_ExplainsWhy()
    {
        Assert.Null(_calendar.FindNonWorkingDay(D("2026-08-22")));
        Assert.Null(_calendar.FindNonWorkingDay(D("2026-02-23")));
        Assert.Equal(NonWorkingDayKind.PublicHoliday, _calendar.FindNonWorkingDay(D("2026-04-26"))?.Kind);
        var sunday = _calendar.FindNonWorkingDay(D("2026-02-15"));
        Assert.Equal(new NonWorkingDay(D("2026-02-15"), "Nghỉ hằng tuần (Chủ nhật)", HolidayLegalBasis.WeeklyRest, NonWorkingDayKind.WeeklyRest), sunday);
        Assert.Equal("Nghỉ hằng tuần (thứ Bảy)", _calendar.FindNonWorkingDay(D("2026-02-14"))?.Name);
    }

    // BLLĐ 2019 Điều 111 khoản 3 on years without an official schedule.
    [Theory]
    [InlineData("2027-02-10", "Nghỉ bù Tết Nguyên đán Đinh Mùi (mùng 1 tháng Giêng)")] // mùng 1 on Saturday 06/02
    [InlineData("2027-02-11", "Nghỉ bù Tết Nguyên đán Đinh Mùi (mùng 2 tháng Giêng)")] // mùng 2 on Sunday 07/02
    [InlineData("2028-01-03", "Nghỉ bù Tết Dương lịch")] // 01/01/2028 is a Saturday
    [InlineData("2029-09-03", "Nghỉ bù Quốc khánh (ngày liền kề 01/9)")] // 01/09/2029 Saturday, 02/09 Sunday
    [InlineData("2029-09-04", "Nghỉ bù Quốc khánh (02/9)")]
    [InlineData("2027-05-03", "Nghỉ bù Ngày Quốc tế Lao động (01/5)")] // 01/05/2027 is a Saturday
    public void GetNonWorkingDays_HolidayOnWeekend_GivesNextWorkingDayOff(string date, string name)
    {
        var day = _calendar.FindNonWorkingDay(D(date));

        Assert.NotNull(day);
        Assert.Equal(name, day.Name);
        Assert.Equal(NonWorkingDayKind.CompensatoryDayOff, day.Kind);
        Assert.Equal(HolidayLegalBasis.CompensatoryDayOff, day.LegalBasis);
    }

    [Fact]
    public void GetNonWorkingDays_YearWithLeapThirdMonth_GioToIsInTheOrdinaryThirdMonth()
    {
        // 2031 has tháng 3 nhuận (published table): 10/3 = 01/04/2031, 10/3 nhuận = 30/04/2031.
        Assert.Equal("Giỗ Tổ Hùng Vương (10/3 âm lịch)", _calendar.FindNonWorkingDay(D("2031-04-01"))?.Name);
        Assert.Equal("Ngày Chiến thắng (30/4)", _calendar.FindNonWorkingDay(D("2031-04-30"))?.Name);
    }

    [Fact]
    public void GetNonWorkingDays_AnyYear_NamesAndLegalBasisAreNormalizedVietnamese()
    {
        var calendar = new WorkingDayCalendar(CalendarSettings.Default with { CultureDayEnabled = true }, OfficialCalendarSeed.Create());

        var texts = Enumerable.Range(2025, 10)
            .SelectMany(calendar.GetNonWorkingDays)
            .SelectMany(d => new[] { d.Name, d.LegalBasis })
            .Append(calendar.FindNonWorkingDay(D("2026-02-14"))!.Name)
            .Append(calendar.FindNonWorkingDay(D("2026-02-15"))!.LegalBasis);

        Assert.All(texts, t => Assert.True(t.Length > 0 && t.IsNormalized(NormalizationForm.FormC), t));
    }

    [Fact]
    public void GetNonWorkingDays_2027Tet_SuggestsLastDayOfYearAndMung1To4()
    {
        var tet = _calendar.GetNonWorkingDays(2027).Where(d => d.Name.StartsWith("Tết Nguyên đán", StringComparison.Ordinal));

        Assert.Equal(["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09"], tet.Select(d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.False(_calendar.IsWorkingDay(D("2027-02-11")));
        Assert.True(_calendar.IsWorkingDay(D("2027-02-12")));
    }

    [Fact]
    public void GetNonWorkingDays_OfficialTetScheduleEntered_ReplacesTheSuggestion()
    {
        // 2025 as remembered in domain-spec §4.4 [U]: the 5 Tết days were Mon 27/01 – Fri 31/01. The suggestion
        // (28/01 – Sat 01/02, compensated Mon 03/02) must give way to it.
        var overrides = Enumerable.Range(27, 5)
            .Select(day => CalendarOverride.CreateDayOff(new DateOnly(2025, 1, day), "Nghỉ Tết Nguyên đán Ất Tỵ", "Thông báo của Bộ Nội vụ"));
        var official = new WorkingDayCalendar(CalendarSettings.Default, overrides);
        var suggested = new WorkingDayCalendar();

        Assert.Equal(
            ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"],
            WeekdaysOff(official, D("2025-01-15"), D("2025-02-15")));
        Assert.Equal(
            ["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-03"],
            WeekdaysOff(suggested, D("2025-01-15"), D("2025-02-15")));
        Assert.Equal(NonWorkingDayKind.OfficialDayOff, official.FindNonWorkingDay(D("2025-01-27"))?.Kind);
    }

    [Fact]
    public void GetNonWorkingDays_ProvincialDayOffNearTet_KeepsTheSuggestion()
    {
        var provincial = CalendarOverride.CreateDayOff(D("2026-02-23"), "Nghỉ thêm dịp Tết", "Quyết định của UBND tỉnh Phú Thọ", isProvincial: true);
        var calendar = new WorkingDayCalendar(CalendarSettings.Default, [provincial]);

        Assert.False(calendar.IsWorkingDay(D("2026-02-17")));
        Assert.False(calendar.IsWorkingDay(D("2026-02-23")));
        Assert.Equal(NonWorkingDayKind.ProvincialDayOff, calendar.FindNonWorkingDay(D("2026-02-23"))?.Kind);
    }

    [Fact]
    public void IsWorkingDay_OfficialDayOffOn03September_MovesTheQuocKhanhAdjacentDay()
    {
        // 2021: 02/09 was a Thursday and the adjacent day Friday 03/09.
        var calendar = new WorkingDayCalendar(
            CalendarSettings.Default,
            [CalendarOverride.CreateDayOff(D("2021-09-03"), "Nghỉ lễ Quốc khánh", "Quyết định của Thủ tướng Chính phủ")]);

        Assert.True(calendar.IsWorkingDay(D("2021-09-01")));
        Assert.False(calendar.IsWorkingDay(D("2021-09-02")));
        Assert.False(calendar.IsWorkingDay(D("2021-09-03")));
        Assert.False(new WorkingDayCalendar().IsWorkingDay(D("2021-09-01")));
    }

    [Fact]
    public void IsWorkingDay_NationalDayAdjacentDaySetToDayAfter_Uses03September()
    {
        var calendar = new WorkingDayCalendar(CalendarSettings.Default with { NationalDayAdjacentDay = NationalDayAdjacentDay.DayAfter }, []);

        Assert.True(calendar.IsWorkingDay(D("2026-09-01")));
        Assert.False(calendar.IsWorkingDay(D("2026-09-03")));
    }

    [Fact]
    public void IsWorkingDay_CultureDayEnabled_Makes24NovemberAHoliday()
    {
        var calendar = new WorkingDayCalendar(CalendarSettings.Default with { CultureDayEnabled = true }, []);

        Assert.False(calendar.IsWorkingDay(D("2026-11-24")));
        Assert.Equal("Ngày Văn hóa Việt Nam (24/11)", calendar.FindNonWorkingDay(D("2026-11-24"))?.Name);
        Assert.Equal("Nghỉ bù Ngày Văn hóa Việt Nam (24/11)", calendar.FindNonWorkingDay(D("2029-11-26"))?.Name); // Sat 24/11/2029
        Assert.True(new WorkingDayCalendar().IsWorkingDay(D("2026-11-24")));
    }

    [Fact]
    public void IsWorkingDay_WorkingDayOverrideOnAWeekendHoliday_WinsAndGivesNoCompensation()
    {
        // Giỗ Tổ 2026 is Sunday 26/04; if that Sunday were ordered worked, Monday 27/04 would not be a day off.
        var calendar = new WorkingDayCalendar(
            CalendarSettings.Default,
            [CalendarOverride.CreateWorkingDay(D("2026-04-26"), "Làm việc", "Văn bản giả định")]);

        Assert.True(calendar.IsWorkingDay(D("2026-04-26")));
        Assert.True(calendar.IsWorkingDay(D("2026-04-27")));
    }

    [Theory]
    [InlineData("2026-02-13 10:00", "2026-02-13")] // working day, office hours
    [InlineData("2026-02-13 16:59", "2026-02-13")]
    [InlineData("2026-02-13 17:00", "2026-02-23")] // after hours on the last day before Tết
    [InlineData("2026-02-13 23:30", "2026-02-23")]
    [InlineData("2026-02-14 09:00", "2026-02-23")] // Saturday
    [InlineData("2026-02-17 09:00", "2026-02-23")] // mùng 1 Tết
    [InlineData("2026-02-23 06:00", "2026-02-23")] // before opening: counts as that day
    [InlineData("2026-08-22 09:00", "2026-08-22")] // Saturday worked
    [InlineData("2026-04-26 10:00", "2026-04-28")] // Giỗ Tổ (Sunday) then its compensatory Monday
    public void EffectiveStartDay_ReceiptTimes_CountFromThisOrNextWorkingDay(string receivedAt, string dayX)
    {
        Assert.Equal(D(dayX), _calendar.EffectiveStartDay(Local(receivedAt)));
    }

    [Fact]
    public void DueDateFor_ReceivedOnSaturday_CountsAsReceivedMondayWhichIsNotCounted()
    {
        // Received Sat 21/02/2026 → day X = Mon 23/02 (not counted) → 1 working day = end of Tue 24/02.
        Assert.Equal(D("2026-02-24"), _calendar.DueDateFor(Local("2026-02-21 09:00"), 1));
        Assert.Equal(D("2026-02-26"), _calendar.DueDateFor(Local("2026-02-21 09:00"), 3));
    }

    [Fact]
    public void EffectiveStartDay_InterpretationSwitchedOff_IsTheCalendarDayOfReceipt()
    {
        var calendar = new WorkingDayCalendar(
            CalendarSettings.Default with { CountOutOfHoursReceiptFromNextWorkingDay = false }, OfficialCalendarSeed.Create());

        Assert.Equal(D("2026-02-21"), calendar.EffectiveStartDay(Local("2026-02-21 09:00")));
        Assert.Equal(D("2026-02-23"), calendar.DueDateFor(Local("2026-02-21 09:00"), 1));
        Assert.Equal(D("2026-02-13"), calendar.EffectiveStartDay(Local("2026-02-13 20:00")));
    }

    [Fact]
    public void EffectiveStartDay_CustomOfficeHours_AreUsed()
    {
        var calendar = new WorkingDayCalendar(
            CalendarSettings.Default with { OfficeHoursStart = new TimeOnly(8, 0), OfficeHoursEnd = new TimeOnly(16, 30) }, []);

        Assert.Equal(D("2026-03-02"), calendar.EffectiveStartDay(Local("2026-03-02 16:29")));
        Assert.Equal(D("2026-03-03"), calendar.EffectiveStartDay(Local("2026-03-02 16:30")));
    }

    [Fact]
    public void EffectiveStartDay_Instant_IsConvertedToVietnamTime()
    {
        // 10:30 UTC = 17:30 in Hà Nội, after hours on Friday 13/02/2026.
        var receivedAt = new DateTimeOffset(2026, 2, 13, 10, 30, 0, TimeSpan.Zero);

        Assert.Equal(D("2026-02-23"), _calendar.EffectiveStartDay(receivedAt));
        Assert.Equal(D("2026-02-24"), _calendar.DueDateFor(receivedAt, 1));
    }

    [Fact]
    public void EffectiveStartDay_UtcDateTime_IsRejected()
    {
        var utc = new DateTime(2026, 2, 13, 3, 0, 0, DateTimeKind.Utc);

        Assert.Throws<ArgumentException>(() => _calendar.EffectiveStartDay(utc));
    }

    [Theory]
    [InlineData("2026-02-13 07:30", true)]
    [InlineData("2026-02-13 07:29", false)]
    [InlineData("2026-02-13 17:00", false)]
    [InlineData("2026-02-17 09:00", false)]
    [InlineData("2026-08-22 09:00", true)]
    public void IsWithinOfficeHours_Times_FollowSettingsAndCalendar(string localTime, bool expected)
    {
        Assert.Equal(expected, _calendar.IsWithinOfficeHours(Local(localTime)));
    }

    [Theory]
    [InlineData("2026-02-13", "2026-02-25", 3)]
    [InlineData("2026-02-25", "2026-02-13", -3)]
    [InlineData("2026-02-25", "2026-02-25", 0)]
    [InlineData("2026-02-14", "2026-02-22", 0)]
    [InlineData("2026-12-31", "2027-01-06", 3)]
    [InlineData("2024-12-31", "2027-12-31", 250 + 250 + 250)]
    public void WorkingDaysBetween_Ranges_CountsWorkingDaysAfterFromUpToTo(string from, string to, int expected)
    {
        Assert.Equal(expected, _calendar.WorkingDaysBetween(D(from), D(to)));
    }

    [Theory]
    [InlineData("2026-02-25", "2026-02-23", 2)]
    [InlineData("2026-02-25", "2026-02-21", 3)]
    [InlineData("2026-02-25", "2026-02-25", 0)]
    [InlineData("2026-02-25", "2026-02-26", -1)]
    [InlineData("2026-02-25", "2026-03-02", -3)]
    public void RemainingWorkingDays_DueAndToday_CountsWholeWorkingDaysLeft(string due, string today, int expected)
    {
        Assert.Equal(expected, _calendar.RemainingWorkingDays(D(due), D(today)));
    }

    [Theory]
    [InlineData("2026-02-25", "2026-02-24", DueStatus.OnTime, "Đúng hạn")]
    [InlineData("2026-02-25", "2026-02-25", DueStatus.DueToday, "Đến hạn hôm nay")]
    [InlineData("2026-02-25", "2026-02-26", DueStatus.Overdue, "Quá hạn")]
    public void GetDueStatus_TodayAgainstDueDate_ReturnsStatusAndLabel(string due, string today, DueStatus expected, string label)
    {
        var status = WorkingDayCalendar.GetDueStatus(D(due), D(today));

        Assert.Equal(expected, status);
        Assert.Equal(label, DueStatusLabels.For(status));
    }

    [Fact]
    public void Constructor_TwoOverridesOnOneDate_IsRejected()
    {
        CalendarOverride[] overrides =
        [
            CalendarOverride.CreateDayOff(D("2026-03-02"), "Nghỉ", "Văn bản A"),
            CalendarOverride.CreateDayOff(D("2026-03-02"), "Nghỉ", "Văn bản B"),
        ];

        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar(CalendarSettings.Default, overrides));
    }

    [Fact]
    public void Constructor_OfficeHoursEndingBeforeTheyStart_IsRejected()
    {
        var settings = CalendarSettings.Default with { OfficeHoursStart = new TimeOnly(17, 0), OfficeHoursEnd = new TimeOnly(7, 30) };

        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar(settings, []));
    }

    [Fact]
    public void Constructor_OverrideEditedAfterwards_DoesNotChangeTheCalendar()
    {
        var dayOff = CalendarOverride.CreateDayOff(D("2026-03-02"), "Nghỉ", "Văn bản A");
        var calendar = new WorkingDayCalendar(CalendarSettings.Default, [dayOff]);

        dayOff.Reschedule(D("2026-03-03"));

        Assert.False(calendar.IsWorkingDay(D("2026-03-02")));
        Assert.True(calendar.IsWorkingDay(D("2026-03-03")));
    }

    [Fact]
    public void AddWorkingDays_BeyondSupportedYears_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(new DateOnly(2199, 12, 31), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.IsWorkingDay(new DateOnly(1899, 12, 31)));
    }

    [Fact]
    public void GetNonWorkingDays_EveryYear1900To2199_HasElevenWeekdayHolidayDaysAfterCompensation()
    {
        var calendar = new WorkingDayCalendar();

        for (var year = WorkingDayCalendar.MinSupportedYear; year <= WorkingDayCalendar.MaxSupportedYear; year++)
        {
            var weekdayHolidays = calendar.GetNonWorkingDays(year).Count(d => !CalendarYear.IsWeekend(d.Date));

            // 11 holiday days a year (Điều 112.1), all on weekdays after compensation; more only when two coincide.
            Assert.InRange(weekdayHolidays, 10, 11);
        }
    }

    [Fact]
    public async Task IsWorkingDay_ManyThreadsOnAFreshCalendar_AgreesWithASequentialOne()
    {
        var shared = Official();
        var reference = Official();
        var days = Enumerable.Range(0, 6 * 366).Select(i => new DateOnly(2025, 1, 1).AddDays(i)).ToArray();
        var expected = days.Select(d => reference.AddWorkingDays(d, 5)).ToArray();

        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(
            () => days.Select(d => shared.AddWorkingDays(d, 5)).ToArray(), TestContext.Current.CancellationToken));
        var results = await Task.WhenAll(tasks);

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private static IEnumerable<DateOnly> AllDays(int year) =>
        Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(i => new DateOnly(year, 1, 1).AddDays(i));

    private static string[] WeekdaysOff(WorkingDayCalendar calendar, DateOnly from, DateOnly to) =>
        Enumerable.Range(0, to.DayNumber - from.DayNumber + 1)
            .Select(from.AddDays)
            .Where(d => !CalendarYear.IsWeekend(d) && !calendar.IsWorkingDay(d))
            .Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .ToArray();

    private static void AssertDay(
        Dictionary<DateOnly, NonWorkingDay> days, string date, string name, string legalBasis, NonWorkingDayKind kind)
    {
        Assert.Equal(new NonWorkingDay(D(date), name, legalBasis, kind), days[D(date)]);
    }
}
