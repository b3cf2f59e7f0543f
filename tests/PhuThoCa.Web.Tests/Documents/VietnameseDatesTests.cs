using PhuThoCa.Documents.Nd30;

namespace PhuThoCa.Web.Tests.Documents;

public class VietnameseDatesTests
{
    [Theory]
    [InlineData(2026, 2, 5, "ngày 05 tháng 02 năm 2026")]
    [InlineData(2026, 1, 31, "ngày 31 tháng 01 năm 2026")]
    [InlineData(2026, 3, 1, "ngày 01 tháng 3 năm 2026")]
    [InlineData(2025, 12, 9, "ngày 09 tháng 12 năm 2025")]
    [InlineData(2025, 10, 10, "ngày 10 tháng 10 năm 2025")]
    public void LongForm_FollowsNd30LeadingZeroRule(int year, int month, int day, string expected) =>
        Assert.Equal(expected, VietnameseDates.LongForm(new DateOnly(year, month, day)));

    [Fact]
    public void PlaceAndDate_PutsACommaAfterThePlace() =>
        Assert.Equal("Phú Thọ, ngày 05 tháng 02 năm 2026", VietnameseDates.PlaceAndDate(" Phú Thọ ", new DateOnly(2026, 2, 5)));
}
