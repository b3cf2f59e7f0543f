using Microsoft.Playwright;

namespace PhuThoCa.BrowserTests;

public class CalendarJourneyTests(BrowserPortal portal)
{
    [Fact]
    public async Task Officer_ReadsThe2026Calendar_WithTetAndNationalDaySwaps()
    {
        var page = await portal.SignInAsync("canbo.viettri");

        await page.GetByRole(AriaRole.Link, new() { Name = "Lịch làm việc" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("calendar-months")).ToBeVisibleAsync();

        // Tết Bính Ngọ: Tue 17/02/2026 is mùng 1, shown as lunar 1/1 under the solar day, and a day off.
        var tet = page.Locator("td[data-date='2026-02-17']");
        await Assertions.Expect(tet.Locator(".cal-lunar")).ToHaveTextAsync("1/1");
        await Assertions.Expect(tet).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("Tết"));
        // Quốc khánh swap: Mon 31/08 off, Sat 22/08 worked (Công văn 9859/VPCP-KGVX).
        await Assertions.Expect(page.Locator("td[data-date='2026-08-31']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cal-off"));
        await Assertions.Expect(page.Locator("td[data-date='2026-08-22']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cal-extra"));
        var legend = page.GetByTestId("calendar-legend");
        await Assertions.Expect(legend).ToContainTextAsync("22/08/2026");
        await Assertions.Expect(legend).ToContainTextAsync("9859/VPCP-KGVX");
        await BrowserPortal.ScreenshotAsync(page, "08-calendar-2026");
        await page.Context.CloseAsync();
    }
}
