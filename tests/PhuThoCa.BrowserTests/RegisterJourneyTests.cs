using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PhuThoCa.Infrastructure.Identity;

namespace PhuThoCa.BrowserTests;

public class RegisterJourneyTests(BrowserPortal portal)
{
    [Fact]
    public async Task Officer_BrowsesRegister_FixesAMistakeInTheForm_AndSaves()
    {
        var page = await portal.SignInAsync("canbo.viettri");
        await Assertions.Expect(page.GetByTestId("scope")).ToContainTextAsync("UBND phường Việt Trì");
        await BrowserPortal.ScreenshotAsync(page, "01-dashboard-officer");

        await page.GetByRole(AriaRole.Link, new() { Name = "Thuê bao", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thuê bao" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("subscribers-table")).ToContainTextAsync("UBND phường Việt Trì");
        await BrowserPortal.ScreenshotAsync(page, "02-subscribers-list");

        await page.GetByRole(AriaRole.Link, new() { Name = "+ Thêm thuê bao" }).ClickAsync();
        var name = "Đặng Thị Trình Duyệt " + Guid.NewGuid().ToString("N")[..4];
        await page.GetByLabel("Họ và tên / Tên cơ quan / Tên thiết bị").FillAsync(name);
        await page.GetByLabel("Chức vụ").FillAsync("Chuyên viên");
        await page.GetByLabel("Thư điện tử công vụ").FillAsync("dangthi@gmail.com");
        await page.GetByLabel("Số định danh cá nhân (CCCD)").FillAsync("02519001234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();

        // Next to the field, and again as a link in the error summary at the top (issue 13).
        await Assertions.Expect(page.GetByTestId("error-Email")).ToContainTextAsync("Thư điện tử công vụ phải do cơ quan nhà nước cấp");
        await Assertions.Expect(page.GetByTestId("form-errors").GetByRole(AriaRole.Link, new() { Name = "Thư điện tử công vụ phải do cơ quan nhà nước cấp" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("error-NationalId")).ToHaveTextAsync("Số định danh cá nhân phải gồm đúng 12 chữ số.");
        await Assertions.Expect(page.GetByLabel("Họ và tên / Tên cơ quan / Tên thiết bị")).ToHaveValueAsync(name);
        await BrowserPortal.ScreenshotAsync(page, "03-subscriber-form-errors");

        await page.GetByLabel("Thư điện tử công vụ").FillAsync("dangthi@viettri.phutho.gov.vn");
        await page.GetByLabel("Số định danh cá nhân (CCCD)").FillAsync("025190012399");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync($"Đã thêm thuê bao “{name}”.");
        await Assertions.Expect(page.GetByTestId("subscriber-name")).ToHaveTextAsync(name);
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Tạo mới");
        await BrowserPortal.ScreenshotAsync(page, "04-subscriber-details");
        await using var db = portal.Factory.CreateDbContext();
        Assert.True(await db.Subscribers.AnyAsync(s => s.Name == name && s.Email == "dangthi@viettri.phutho.gov.vn", TestContext.Current.CancellationToken));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_FiltersCertificatesExpiringSoon_AndSeesRenewalEligibility()
    {
        // A Sở user of its own: journeys running beside this one sign in as the demo staff account, and one TOTP code
        // of the same account within the same 30 s cannot serve two sign-ins.
        var page = await portal.SignInAsync(await portal.Factory.CreateUserAsync(Roles.DepartmentStaff));

        await page.GotoAsync("/Certificates?expiry=30");
        await Assertions.Expect(page.GetByTestId("certificates-table")).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(page, "05-certificates-expiring");
        await page.GetByTestId("certificates-table").Locator("tbody tr a").First.ClickAsync();

        await Assertions.Expect(page.GetByTestId("eligibility")).ToContainTextAsync("phải còn thời hạn sử dụng ít nhất 30 ngày");
        await BrowserPortal.ScreenshotAsync(page, "06-certificate-details");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_TriesAnIllegalTokenTransition_AndReadsTheRule()
    {
        // A Sở user of its own: journeys running beside this one sign in as the demo staff account, and one TOTP code
        // of the same account within the same 30 s cannot serve two sign-ins.
        var page = await portal.SignInAsync(await portal.Factory.CreateUserAsync(Roles.DepartmentStaff));

        await page.GotoAsync("/Tokens?status=Lost");
        await page.GetByTestId("tokens-table").Locator("tbody tr a").First.ClickAsync();
        await page.GetByLabel("Trạng thái mới").SelectOptionAsync(new SelectOptionValue { Value = "HandedOver" });
        await page.GetByLabel("Lý do").FillAsync("Đã tìm thấy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cập nhật" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("form-errors")).ToContainTextAsync("từ “Mất” sang “Đã bàn giao”");
        await Assertions.Expect(page.GetByTestId("token-status")).ToHaveTextAsync("Mất");
        await BrowserPortal.ScreenshotAsync(page, "07-token-illegal-transition");
        await page.Context.CloseAsync();
    }
}
