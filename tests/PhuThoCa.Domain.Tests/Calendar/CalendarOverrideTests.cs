using PhuThoCa.Domain.Calendar;
using PhuThoCa.Domain.Common;
using static PhuThoCa.Domain.Tests.Calendar.CalendarTestData;

namespace PhuThoCa.Domain.Tests.Calendar;

public class CalendarOverrideTests
{
    [Fact]
    public void CreateDayOff_Weekday_KeepsTrimmedValues()
    {
        var dayOff = CalendarOverride.CreateDayOff(D("2026-08-31"), "  Nghỉ dịp Quốc khánh ", " Thông báo 9441/TB-BNV ", isProvincial: false);

        Assert.Equal(D("2026-08-31"), dayOff.Date);
        Assert.Equal(CalendarOverrideKind.DayOff, dayOff.Kind);
        Assert.Equal("Nghỉ dịp Quốc khánh", dayOff.Name);
        Assert.Equal("Thông báo 9441/TB-BNV", dayOff.LegalBasis);
        Assert.False(dayOff.IsProvincial);
        Assert.Equal(0, dayOff.Id);
    }

    [Theory]
    [InlineData("2026-08-22")] // Saturday
    [InlineData("2026-08-23")] // Sunday
    public void CreateWorkingDay_Weekend_IsAccepted(string date)
    {
        var worked = CalendarOverride.CreateWorkingDay(D(date), "Làm việc bù", "Thông báo 9441/TB-BNV");

        Assert.Equal(CalendarOverrideKind.WorkingDay, worked.Kind);
    }

    [Fact]
    public void CreateWorkingDay_Weekday_IsRejected()
    {
        var error = Assert.Throws<DomainRuleException>(
            () => CalendarOverride.CreateWorkingDay(D("2026-08-21"), "Làm việc bù", "Thông báo 9441/TB-BNV"));

        Assert.Equal(CalendarRules.ExtraWorkingDayMustBeASaturdayOrSunday, error.Rule);
        Assert.Equal("Ngày làm việc bù chỉ có thể là thứ Bảy hoặc Chủ nhật.", error.Message);
    }

    [Fact]
    public void CreateDayOff_Weekend_IsRejected()
    {
        var error = Assert.Throws<DomainRuleException>(
            () => CalendarOverride.CreateDayOff(D("2026-08-22"), "Nghỉ", "Thông báo 9441/TB-BNV"));

        Assert.Equal(CalendarRules.ExtraDayOffMustBeAWeekday, error.Rule);
    }

    [Theory]
    [InlineData("", "Thông báo 9441/TB-BNV", CalendarRules.CalendarOverrideNeedsAName)]
    [InlineData("   ", "Thông báo 9441/TB-BNV", CalendarRules.CalendarOverrideNeedsAName)]
    [InlineData("Nghỉ", "", CalendarRules.CalendarOverrideNeedsALegalBasis)]
    [InlineData("Nghỉ", "  ", CalendarRules.CalendarOverrideNeedsALegalBasis)]
    public void Create_MissingText_IsRejected(string name, string legalBasis, string rule)
    {
        var error = Assert.Throws<DomainRuleException>(() => CalendarOverride.CreateDayOff(D("2026-08-31"), name, legalBasis));

        Assert.Equal(rule, error.Rule);
    }

    [Fact]
    public void Create_TooLongText_IsRejected()
    {
        var longText = new string('x', CalendarOverride.NameMaxLength + 1);

        Assert.Equal(
            CalendarRules.CalendarOverrideNameIsTooLong,
            Assert.Throws<DomainRuleException>(() => CalendarOverride.CreateDayOff(D("2026-08-31"), longText, "Văn bản")).Rule);
        Assert.Equal(
            CalendarRules.CalendarOverrideLegalBasisIsTooLong,
            Assert.Throws<DomainRuleException>(
                () => CalendarOverride.CreateDayOff(D("2026-08-31"), "Nghỉ", new string('x', CalendarOverride.LegalBasisMaxLength + 1))).Rule);
    }

    [Fact]
    public void Create_OutsideSupportedYears_IsRejected()
    {
        Assert.Throws<DomainRuleException>(() => CalendarOverride.CreateDayOff(new DateOnly(2200, 1, 1), "Nghỉ", "Văn bản"));
    }

    [Fact]
    public void Create_UnknownKind_IsRejected()
    {
        Assert.Throws<DomainRuleException>(() => new CalendarOverride(D("2026-08-31"), (CalendarOverrideKind)7, "Nghỉ", "Văn bản"));
    }

    [Fact]
    public void Edit_ValidChange_UpdatesEveryField()
    {
        var entry = CalendarOverride.CreateDayOff(D("2026-08-31"), "Nghỉ", "Văn bản A");

        entry.Edit(D("2026-08-22"), CalendarOverrideKind.WorkingDay, "Làm bù", "Văn bản B", isProvincial: true);

        Assert.Equal(D("2026-08-22"), entry.Date);
        Assert.Equal(CalendarOverrideKind.WorkingDay, entry.Kind);
        Assert.Equal("Làm bù", entry.Name);
        Assert.Equal("Văn bản B", entry.LegalBasis);
        Assert.True(entry.IsProvincial);
    }

    [Fact]
    public void Reschedule_DayOffToASaturday_IsRejectedAndLeavesTheEntryUnchanged()
    {
        var entry = CalendarOverride.CreateDayOff(D("2026-08-31"), "Nghỉ", "Văn bản A");

        Assert.Throws<DomainRuleException>(() => entry.Reschedule(D("2026-08-29")));

        Assert.Equal(D("2026-08-31"), entry.Date);
    }

    [Fact]
    public void Describe_NewTexts_AreStored()
    {
        var entry = CalendarOverride.CreateDayOff(D("2026-08-31"), "Nghỉ", "Văn bản A");

        entry.Describe("Nghỉ dịp Quốc khánh", "Thông báo 9441/TB-BNV");

        Assert.Equal("Nghỉ dịp Quốc khánh", entry.Name);
        Assert.Equal("Thông báo 9441/TB-BNV", entry.LegalBasis);
        Assert.Throws<DomainRuleException>(() => entry.Describe("Nghỉ", ""));
        Assert.Equal("Thông báo 9441/TB-BNV", entry.LegalBasis);
    }

    [Fact]
    public void OfficialCalendarSeed_2026_IsTheQuocKhanhSwapWithItsLegalBasis()
    {
        var seed = OfficialCalendarSeed.Create();

        Assert.Collection(
            seed.OrderBy(o => o.Date),
            worked =>
            {
                Assert.Equal((D("2026-08-22"), CalendarOverrideKind.WorkingDay), (worked.Date, worked.Kind));
                Assert.Contains("9441/TB-BNV", worked.LegalBasis, StringComparison.Ordinal);
            },
            off =>
            {
                Assert.Equal((D("2026-08-31"), CalendarOverrideKind.DayOff), (off.Date, off.Kind));
                Assert.Contains("9859/VPCP-KGVX", off.LegalBasis, StringComparison.Ordinal);
            });
        Assert.All(seed, o => Assert.False(o.IsProvincial));
        Assert.NotSame(seed[0], OfficialCalendarSeed.Create()[0]);
    }
}
