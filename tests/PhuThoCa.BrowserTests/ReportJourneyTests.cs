using Microsoft.Playwright;

namespace PhuThoCa.BrowserTests;

/// <summary>The Điều 8.4 report as Sở staff and an officer use it: pick a period, read the tables, download the workbook.</summary>
public class ReportJourneyTests(BrowserPortal portal)
{
    [Fact]
    public async Task Staff_PicksTheYear_ReadsTheTables_AndDownloadsTheWorkbook_OfficerSeesOnlyTheOwnAgency()
    {
        var staff = await portal.SignInAsync("lanhdao.skhcn");
        await staff.GetByTestId("nav-reports").ClickAsync();
        await staff.GetByLabel("Kỳ báo cáo").SelectOptionAsync("year");
        await staff.GetByLabel("Năm", new() { Exact = true }).FillAsync("2026");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Xem báo cáo" }).ClickAsync();

        await Assertions.Expect(staff.GetByTestId("report-period")).ToContainTextAsync("Năm 2026");
        await Assertions.Expect(staff.GetByTestId("report-period")).ToContainTextAsync("Toàn tỉnh");
        await Assertions.Expect(staff.GetByTestId("report-certificates")).ToContainTextAsync("Sở Y tế tỉnh Phú Thọ");
        await Assertions.Expect(staff.GetByTestId("report-plan")).ToContainTextAsync("Tổng cộng");
        await BrowserPortal.ScreenshotAsync(staff, "70-report-province-2026");
        // The province page is long (one row per agency in each table); the first screen as a reader sees it.
        await staff.ScreenshotAsync(new() { Path = Path.Combine(BrowserPortal.ScreenshotFolder, "70-report-province-2026-top.png") });

        var download = await staff.RunAndWaitForDownloadAsync(() => staff.GetByTestId("report-excel").ClickAsync());
        Assert.Equal("bao-cao-chu-ky-so-20260101-20261231.xlsx", download.SuggestedFilename);
        await staff.Context.CloseAsync();

        var officer = await portal.SignInAsync("canbo.syte");
        await officer.GetByTestId("nav-reports").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("report-period")).ToContainTextAsync("Sở Y tế tỉnh Phú Thọ");
        await Assertions.Expect(officer.GetByTestId("report-subscribers")).Not.ToContainTextAsync("Văn phòng UBND tỉnh Phú Thọ");
        await BrowserPortal.ScreenshotAsync(officer, "71-report-officer");
        await officer.Context.CloseAsync();
    }
}
