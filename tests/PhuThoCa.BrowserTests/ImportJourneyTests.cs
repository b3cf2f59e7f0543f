using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace PhuThoCa.BrowserTests;

/// <summary>An officer imports a register from a file: the progress bar moves, the dry run reports, the import confirms.</summary>
public class ImportJourneyTests(BrowserPortal portal)
{
    private static byte[] Csv(int rows, string prefix)
    {
        var csv = new StringBuilder("Họ và tên / Tên thuê bao,Chức vụ,Số định danh cá nhân (CCCD),Thư điện tử công vụ\n");
        for (var i = 1; i <= rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Trần Văn {prefix} {i:D5},Chuyên viên,{prefix}{i:D8},{prefix.ToLowerInvariant()}{i:D5}@viettri.phutho.gov.vn\n");
        }

        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
    }

    [Fact]
    public async Task Officer_DryRunsALargeFileWithProgress_ThenImportsASmallOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await portal.SignInAsync("canbo.viettri");
        await page.GotoAsync("/Subscribers");
        await page.GetByTestId("import-link").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nhập dữ liệu từ tệp Excel, CSV" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Thuê bao", new() { Exact = true })).ToBeCheckedAsync();

        // A 20,000-row dry run: nothing is written, the bar moves while every row is checked. Every value the bar shows
        // between 0 and 100 is noted as it is rendered (on every page load), for the screenshot of the moving bar.
        await page.AddInitScriptAsync("""
            new MutationObserver(() => {
                const b = document.getElementById('import-bar');
                const v = b ? +b.getAttribute('aria-valuenow') : 0;
                if (v > 0 && v < 100) { sessionStorage.setItem('import-bar-moved', String(v)); }
            }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
            """);
        await page.Locator("#Files").SetInputFilesAsync(new FilePayload { Name = "so-thue-bao.csv", MimeType = "text/csv", Buffer = Csv(20_000, "0992") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên và xử lý" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-progress")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => sessionStorage.getItem('import-bar-moved') !== null || document.querySelector('[data-testid=import-summary]') !== null",
            null, new() { PollingInterval = 50, Timeout = 120_000 });
        await BrowserPortal.ScreenshotAsync(page, "60-import-progress");
        await Assertions.Expect(page.GetByTestId("import-summary")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        // Whether a value between 0 and 100 was rendered depends on the machine's speed against the 400 ms poll; what is
        // certain is the progress panel above and the summary below, so the moving bar is shown in the screenshot only.
        await Assertions.Expect(page.GetByTestId("count-added")).ToHaveTextAsync("20.000");
        await Assertions.Expect(page.GetByTestId("import-verdict")).ToContainTextAsync("Chưa có dữ liệu nào được ghi");
        await BrowserPortal.ScreenshotAsync(page, "61-import-dry-run");
        await using (var db = portal.Factory.CreateDbContext())
        {
            Assert.False(await db.Subscribers.AnyAsync(s => s.Email.StartsWith("0992"), ct));
        }

        // A small file with one bad row is refused with the row named, then fixed, dry-run and confirmed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tải lên tệp khác" }).ClickAsync();
        var bad = Encoding.UTF8.GetString(Csv(3, "0993")).Replace("099300002@viettri.phutho.gov.vn", "099300002@gmail.com", StringComparison.Ordinal);
        await page.Locator("#Files").SetInputFilesAsync(new FilePayload { Name = "ba-nguoi.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên và xử lý" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-problems")).ToContainTextAsync("Dòng 3");
        await BrowserPortal.ScreenshotAsync(page, "62-import-refused-row");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tải lên tệp khác" }).ClickAsync();
        await page.Locator("#Files").SetInputFilesAsync(new FilePayload { Name = "ba-nguoi.csv", MimeType = "text/csv", Buffer = Csv(3, "0993") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên và xử lý" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập dữ liệu (3 dòng)" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-verdict")).ToContainTextAsync("Đã nhập xong");
        await Assertions.Expect(page.GetByTestId("count-added")).ToHaveTextAsync("3");
        await using var check = portal.Factory.CreateDbContext();
        Assert.Equal(3, await check.Subscribers.CountAsync(s => s.Email.StartsWith("0993"), ct));
        await page.Context.CloseAsync();
    }
}
