using System.Net;
using System.Text.RegularExpressions;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Pages.Calendar;

/// <summary>The wall-calendar page: 2026 Tết and the Quốc khánh swap, lunar days under solar days, access for every signed-in user.</summary>
public partial class IndexTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Year2026_ShowsTetAndTheNationalDaySwap_WithLunarDaysUnderSolarDays()
    {
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var html = await client.GetStringAsync(new Uri("/Calendar?year=2026", UriKind.Relative), Ct);

        var eve = Cell(html, "2026-02-16");
        Assert.Equal(("16", "29"), (eve.Solar, eve.Lunar));
        Assert.Contains("cal-off", eve.Classes, StringComparison.Ordinal);
        Assert.Contains("Tết Nguyên đán Bính Ngọ (29 tháng Chạp)", eve.Title, StringComparison.Ordinal);

        var tet = Cell(html, "2026-02-17");
        Assert.Equal(("17", "1/1"), (tet.Solar, tet.Lunar));
        Assert.Contains("cal-off", tet.Classes, StringComparison.Ordinal);
        Assert.Contains("Tết Nguyên đán Bính Ngọ (mùng 1 tháng Giêng)", tet.Title, StringComparison.Ordinal);
        Assert.Contains("Căn cứ: Bộ luật Lao động 2019, Điều 112", tet.Title, StringComparison.Ordinal);

        for (var day = 18; day <= 20; day++)
        {
            Assert.Contains("cal-off", Cell(html, $"2026-02-{day}").Classes, StringComparison.Ordinal);
        }

        var saturday = Cell(html, "2026-08-22");
        Assert.Contains("cal-extra", saturday.Classes, StringComparison.Ordinal);
        Assert.Contains("Làm việc bù cho ngày nghỉ thứ Hai 31/08/2026", saturday.Title, StringComparison.Ordinal);
        Assert.Contains("9441/TB-BNV", saturday.Title, StringComparison.Ordinal);
        var monday = Cell(html, "2026-08-31");
        Assert.Contains("cal-off", monday.Classes, StringComparison.Ordinal);
        Assert.Contains("Nghỉ dịp Quốc khánh (hoán đổi, làm bù thứ Bảy 22/08/2026)", monday.Title, StringComparison.Ordinal);
        Assert.Contains("cal-off", Cell(html, "2026-09-02").Classes, StringComparison.Ordinal);
        Assert.Contains("cal-weekend", Cell(html, "2026-08-29").Classes, StringComparison.Ordinal);
        Assert.DoesNotContain("cal-off", Cell(html, "2026-08-21").Classes, StringComparison.Ordinal);

        // Today (fake clock 26/11/2026) is highlighted; the year is laid out Monday first, like wall calendars.
        Assert.Contains("cal-today", Cell(html, "2026-11-26").Classes, StringComparison.Ordinal);
        var text = TestHtml.Text(html);
        Assert.Contains("T2 T3 T4 T5 T6 T7 CN", text, StringComparison.Ordinal);
        Assert.Equal(12, Regex.Count(html, "class=\"card cal-month"));
        Assert.Contains("Năm 2026 có 250 ngày làm việc", text, StringComparison.Ordinal);

        // Legend table under the grids, with the legal basis.
        var legend = TestHtml.Text(LegendTable().Match(html).Value);
        Assert.Contains("16/02/2026 Thứ Hai 29/12 năm Ất Tỵ Tết Nguyên đán Bính Ngọ (29 tháng Chạp)", legend, StringComparison.Ordinal);
        Assert.Contains("22/08/2026 Thứ Bảy", legend, StringComparison.Ordinal);
        Assert.Contains("Nghỉ dịp Quốc khánh (hoán đổi, làm bù thứ Bảy 22/08/2026)", legend, StringComparison.Ordinal);
        Assert.Contains("Nghỉ bù Giỗ Tổ Hùng Vương", legend, StringComparison.Ordinal);
        Assert.Contains("Công văn 9859/VPCP-KGVX", legend, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LunarMonthStartsAndLeapMonths_AreMarkedAsOnWallCalendars()
    {
        var client = await portal.CreateClientAsync("kiemtra", Ct);

        var html = await client.GetStringAsync(new Uri("/Calendar?year=2025", UriKind.Relative), Ct);

        Assert.Equal("1/6 nhuận", Cell(html, "2025-07-25").Lunar);
        Assert.Equal("2", Cell(html, "2025-07-26").Lunar);
        Assert.Contains("06 (tháng nhuận) năm Ất Tỵ", Cell(html, "2025-07-26").Title, StringComparison.Ordinal);
        Assert.Equal("1/6", Cell(html, "2025-06-25").Lunar);

        // The first solar day of a month also carries the lunar month.
        Assert.Equal("8/6 nhuận", Cell(html, "2025-08-01").Lunar);
    }

    [Fact]
    public async Task DefaultYear_IsTheCurrentVietnamYear_WithLinksToTheNeighbours_ForAnAgencyOfficer()
    {
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);

        var html = await client.GetStringAsync(new Uri("/Calendar", UriKind.Relative), Ct);
        var text = TestHtml.Text(html);

        Assert.Contains("Lịch làm việc năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("href=\"/Calendar?year=2025\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Calendar?year=2027\"", html, StringComparison.Ordinal);
        Assert.Contains(">Lịch làm việc</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Điều chỉnh lịch", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_GetsALinkToTheOverrides()
    {
        var client = await portal.CreateClientAsync("quantri", Ct);

        var html = await client.GetStringAsync(new Uri("/Calendar?year=2027", UriKind.Relative), Ct);

        Assert.Contains("href=\"/Admin/Calendar?year=2027\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearOutOfRange_ShowsTheNearestYearWithAVietnameseNotice()
    {
        var client = await portal.CreateClientAsync("kiemtra", Ct);

        var text = TestHtml.Text(await client.GetStringAsync(new Uri("/Calendar?year=1990", UriKind.Relative), Ct));

        Assert.Contains("Lịch làm việc chỉ có từ năm 2021 đến năm 2100", text, StringComparison.Ordinal);
        Assert.Contains("Lịch làm việc năm 2021", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_IsSentToTheLoginPage()
    {
        var client = portal.CreateAnonymousClient();

        var response = await client.GetAsync(new Uri("/Calendar", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static (string Classes, string Title, string Solar, string Lunar) Cell(string html, string isoDate)
    {
        var match = Regex.Match(
            html,
            "<td class=\"([^\"]*)\" title=\"([^\"]*)\" data-date=\"" + isoDate
            + "\"[^>]*>\\s*<span class=\"cal-solar\">([^<]*)</span>\\s*<span class=\"cal-lunar[^\"]*\">([^<]*)</span>");
        Assert.True(match.Success, $"No calendar cell for {isoDate}.");
        return (match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value),
            match.Groups[3].Value, WebUtility.HtmlDecode(match.Groups[4].Value));
    }

    [GeneratedRegex("<table class=\"table table-sm bg-white\" data-testid=\"calendar-legend\">[\\s\\S]*?</table>")]
    private static partial Regex LegendTable();
}
