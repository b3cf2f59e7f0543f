using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PhuThoCa.Infrastructure.Identity;

namespace PhuThoCa.BrowserTests;

/// <summary>
/// Issue 13: axe-core finds no serious or critical violation on the main pages of every role; the skip link, the error
/// summary with focus, and the stacked lists on a phone.
/// </summary>
public partial class AccessibilityJourneyTests(BrowserPortal portal)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    public static TheoryData<string, string[]> RolePages => new()
    {
        // Agency officer: the registers, the draft editor ({draft}), a request's details ({request}), the new-person form.
        // Also the account pages (Tài khoản menu), the import page and the agency's report rounds.
        { "canbo.syte", ["/", "/Requests", "{request}", "{draft}", "/Subscribers", "/Subscribers/Create", "/Certificates", "/Tokens", "/Calendar", "/Notifications", "/Search?q=nguyen",
            "/Profile", "/Profile/Password", "/Profile/TwoFactor", "/Profile/Sessions", "/Profile/SignIns", "/Import", "/Reports/Rounds"] },
        // Sở staff: the lists with overdue rows, the inbox, the reports.
        // The other roles sign in as users of their own, so that no other journey's sign-in of a demo account runs beside them.
        { "DepartmentStaff", ["/", "/Requests", "/Requests?due=Overdue", "{request}", "/Requests/Inbox", "/Certificates", "/Tokens", "/Subscribers", "/Reports", "/Calendar", "/Notifications", "/Search?q=SKHCN",
            "/Import", "/Reports/Rounds", "/Profile/Password", "/Profile/Sessions", "/Profile/SignIns"] },
        { "Administrator", ["/", "/Admin/Users", "/Admin/Calendar", "/Agencies", "/Requests", "/Calendar", "/Import", "/Profile/TwoFactor", "/Profile/SignIns"] },
        { "Auditor", ["/", "/Audit", "/Requests", "/Certificates", "/Reports", "/Reports/Rounds", "/Profile/Sessions"] },
    };

    [Theory]
    [MemberData(nameof(RolePages))]
    public async Task MainPages_HaveNoSeriousOrCriticalAxeViolations(string userName, string[] paths)
    {
        var ct = TestContext.Current.CancellationToken;
        var draftId = userName == "canbo.syte" ? await JourneyArrange.RenewalDraftAsync(portal.Factory, "91/SYT-A11Y", ct) : 0;
        var login = userName.Contains('.', StringComparison.Ordinal) ? userName : await portal.Factory.CreateUserAsync(userName);
        var page = await portal.SignInAsync(login, bypassCsp: true);
        var report = new List<string>();
        foreach (var template in paths)
        {
            var path = template switch
            {
                "{draft}" => $"/Requests/Edit/{draftId}",
                "{request}" => await FirstRequestAsync(page),
                _ => template,
            };
            var response = await page.GotoAsync(path);
            Assert.True(response?.Ok, $"{path} answered {response?.Status}");
            foreach (var line in await AxeCheck.SeriousViolationsAsync(page))
            {
                report.Add($"{userName} {path}: {line}");
            }

            await BrowserPortal.ScreenshotAsync(page, $"a11y-{userName}-{Slug().Replace(path.Trim('/'), "-")}");
        }

        await page.Context.CloseAsync();
        Assert.True(report.Count == 0, $"{report.Count} serious/critical axe violations:\n" + string.Join("\n", report));
    }

    [Fact]
    public async Task Officer_TabsToTheSkipLink_ThenARefusedSubscriberForm_FocusesTheErrorSummary()
    {
        var page = await portal.SignInAsync("canbo.viettri");
        await page.GotoAsync("/Subscribers/Create");

        // The skip link is the first stop of the keyboard and shows when focused; it leads to the main content.
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByTestId("skip-link");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToHaveTextAsync("Bỏ qua đến nội dung chính");
        var box = await skip.BoundingBoxAsync();
        Assert.True(box is { Y: >= 0 }, $"the focused skip link is off-screen: {box?.Y}");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main-content")).ToBeFocusedAsync();

        await page.GetByLabel("Họ và tên / Tên cơ quan / Tên thiết bị").FillAsync("Đặng Thị Lỗi Mẫu");
        await page.GetByLabel("Thư điện tử công vụ").FillAsync("dangthi@gmail.com");
        await page.GetByLabel("Số định danh cá nhân (CCCD)").FillAsync("02519001234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();

        var summary = page.GetByTestId("form-errors");
        // The form was posted from /Subscribers/Create#main-content (the skip link): the fragment must not take the focus.
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByTestId("error-summary-title")).ToHaveTextAsync(new Regex(@"^Có \d+ lỗi cần sửa$"));
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Số định danh cá nhân phải gồm đúng 12 chữ số." })).ToBeVisibleAsync();
        // In the order of the fields on the form: Chức vụ comes before the e-mail and the CCCD.
        await Assertions.Expect(summary.Locator("li")).ToHaveCountAsync(3);
        await Assertions.Expect(summary.Locator("li").First).ToHaveTextAsync("Vui lòng nhập chức vụ.");
        await BrowserPortal.ScreenshotAsync(page, "a11y-subscriber-error-summary");

        // A link in the summary focuses its field; the field says it is invalid and is described by its message.
        await summary.GetByRole(AriaRole.Link, new() { Name = "Số định danh cá nhân phải gồm đúng 12 chữ số." }).ClickAsync();
        var nationalId = page.GetByLabel("Số định danh cá nhân (CCCD)");
        await Assertions.Expect(nationalId).ToBeFocusedAsync();
        await Assertions.Expect(nationalId).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(nationalId).ToHaveAccessibleDescriptionAsync(new Regex("^Số định danh cá nhân phải gồm đúng 12 chữ số\\."));
        await Assertions.Expect(nationalId).ToHaveValueAsync("02519001234");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Officer_ChangingThePasswordWithAWrongCurrentOne_OrARefusedReportFilter_SeesTheErrorSummaryFocused()
    {
        var ct = TestContext.Current.CancellationToken;
        int agencyId;
        await using (var db = portal.Factory.CreateDbContext())
        {
            agencyId = await db.Agencies.Where(a => a.Name == "Sở Y tế tỉnh Phú Thọ").Select(a => a.Id).SingleAsync(ct);
        }

        var page = await portal.SignInAsync(await portal.Factory.CreateUserAsync(Roles.AgencyOfficer, agencyId), bypassCsp: true);
        await page.GotoAsync("/Profile");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Profile/Password$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đổi mật khẩu", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Mật khẩu hiện tại").FillAsync("KhongPhaiMatKhau@1");
        await page.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync("PhuTho@2027-moi");
        await page.GetByLabel("Nhập lại mật khẩu mới").FillAsync("PhuTho@2027-moi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đổi mật khẩu" }).ClickAsync();

        var summary = page.GetByTestId("form-errors");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByTestId("error-summary-title")).ToHaveTextAsync("Có 1 lỗi cần sửa");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
        var link = summary.GetByRole(AriaRole.Link, new() { Name = "Mật khẩu hiện tại không đúng." });
        await BrowserPortal.ScreenshotAsync(page, "a11y-profile-password-error-summary");

        await link.ClickAsync();
        var current = page.GetByLabel("Mật khẩu hiện tại");
        await Assertions.Expect(current).ToBeFocusedAsync();
        await Assertions.Expect(current).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(current).ToHaveAccessibleDescriptionAsync("Mật khẩu hiện tại không đúng.");
        // Passwords are never sent back into the form.
        await Assertions.Expect(current).ToHaveValueAsync("");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));

        // A refused filter (a GET form whose field the page did not mark): the summary takes the focus, its link leads to
        // the field, which site.js marks invalid and describes by its message.
        await page.GotoAsync("/Reports?year=20x6");
        await Assertions.Expect(page.GetByTestId("form-errors")).ToBeFocusedAsync();
        await page.GetByTestId("form-errors").GetByRole(AriaRole.Link, new() { Name = "Năm không hợp lệ, nhập 4 chữ số (từ 2000 đến 2100)." }).ClickAsync();
        var year = page.Locator("#year");
        await Assertions.Expect(year).ToBeFocusedAsync();
        await Assertions.Expect(year).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(year).ToHaveAccessibleDescriptionAsync("Năm không hợp lệ, nhập 4 chữ số (từ 2000 đến 2100).");
        await Assertions.Expect(year).ToHaveValueAsync("20x6");

        // The other account pages, for people to look at.
        foreach (var (path, name) in new[] { ("/Profile/TwoFactor", "two-factor"), ("/Profile/Sessions", "sessions"), ("/Profile/SignIns", "sign-ins") })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response?.Ok, $"{path} answered {response?.Status}");
            await BrowserPortal.ScreenshotAsync(page, "a11y-profile-" + name);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_OnAPhone_SeesTheStatusAndDueDateOfEachRequest()
    {
        var page = await portal.SignInAsync("chuyenvien.skhcn", Phone);
        await page.GotoAsync("/Requests?due=Overdue");
        var row = page.GetByTestId("request-row").First;
        foreach (var cell in new[] { row.GetByTestId("request-status"), row.GetByTestId("request-due") })
        {
            await Assertions.Expect(cell).ToBeVisibleAsync();
            var box = await cell.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= Phone.Width && box.Y >= 0,
                $"{await cell.InnerTextAsync()} is outside the 390 px screen: x={box.X}, width={box.Width}, y={box.Y}");
        }

        // The stacked card labels each cell with its column.
        await Assertions.Expect(row.Locator("td[data-label='Hạn xử lý']")).ToBeVisibleAsync();
        var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(pageWidth <= Phone.Width, $"the page scrolls sideways on a phone: {pageWidth} px");
        await BrowserPortal.ScreenshotAsync(page, "a11y-phone-requests");

        // The other lists stack the same way: nothing scrolls sideways.
        foreach (var list in new[] { "/Certificates", "/Tokens", "/Subscribers", "/Requests/Inbox" })
        {
            await page.GotoAsync(list);
            await Assertions.Expect(page.Locator("table.table-stack tbody tr td[data-label]").First).ToBeVisibleAsync();
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= Phone.Width, $"{list} scrolls sideways on a phone: {width} px");
        }

        await BrowserPortal.ScreenshotAsync(page, "a11y-phone-inbox");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The administrator's menu (the longest) stays within the window on the office screens between 1366 and 1920 px:
    /// between 1400 and ~1680 px the brand's subtitle pushed it past the right edge, with a sideways scroll bar.
    /// </summary>
    [Fact]
    public async Task TheMenu_FitsTheWindow_OnCommonDesktopWidths()
    {
        var page = await portal.SignInAsync("quantri");
        foreach (var width in new[] { 1366, 1440, 1536, 1600, 1680, 1920 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync("/Requests");
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"the page scrolls sideways at {width} px: {scrollWidth} px");
            var last = await page.Locator("#mainNav .navbar-nav > li").Last.BoundingBoxAsync();
            Assert.NotNull(last);
            Assert.True(last.X + last.Width <= width, $"the menu's last item ends at {last.X + last.Width} px of {width}");
            if (width == 1440)
            {
                await BrowserPortal.ScreenshotAsync(page, "menu-1440");
            }
        }

        await page.Context.CloseAsync();
    }

    private static async Task<string> FirstRequestAsync(IPage page)
    {
        await page.GotoAsync("/Requests");
        return await page.GetByTestId("requests-table").Locator("tbody tr a").First.GetAttributeAsync("href") ?? "/Requests";
    }

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex Slug();
}
