using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Identity;

namespace PhuThoCa.BrowserTests;

/// <summary>
/// Issue 13 item 3, "Done when": an officer types into every section of the draft editor, presses one button, reloads and
/// finds everything kept; leaving with unsaved input shows the browser's unsaved-changes warning.
/// </summary>
public class DraftEditorJourneyTests(BrowserPortal portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Officer_TypesEverySection_PressesOneButton_ReloadsAndFindsEverythingKept_AndIsWarnedBeforeLeaving()
    {
        var (officer, personName) = await ArrangeAgencyAsync();
        var page = await portal.SignInAsync(officer);
        await page.GotoAsync("/Requests/New");
        await page.Locator("#type-Issue").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo bản nháp" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-title")).ToContainTextAsync("Mẫu số 01");
        var today = page.Locator("#Letter_Date");
        await Assertions.Expect(today).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^\d{2}/\d{2}/\d{4}$"));

        // Letter, Mục 1 and the line, with no save in between.
        await page.GetByLabel("Số, ký hiệu văn bản").FillAsync("31/UBND-VP");
        await page.GetByLabel("Họ tên người ký").FillAsync("Nguyễn Văn Chủ");
        await page.GetByLabel("Chức vụ người ký").FillAsync("CHỦ TỊCH");
        await page.GetByLabel("Họ và tên", new() { Exact = true }).FillAsync("Bùi Thị Hương");
        await page.GetByLabel("Chức vụ", new() { Exact = true }).FillAsync("Văn thư");
        await page.GetByLabel("Số định danh cá nhân").FillAsync("025186004321");
        await page.GetByLabel("Số điện thoại di động").FillAsync("0912345678");
        await page.GetByLabel("Địa chỉ thư điện tử công vụ").FillAsync("huongbt@phutho.gov.vn");
        // The subscriber picker searches without diacritics and shows the CCCD masked.
        await page.Locator("#IssueLine_SubscriberFilter").FillAsync("tran thi");
        await Assertions.Expect(page.Locator("#IssueLine_SubscriberId")).Not.ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#IssueLine_SubscriberId option:checked")).ToContainTextAsync(personName);
        await Assertions.Expect(page.Locator("#IssueLine_SubscriberId option:checked")).ToContainTextAsync("CCCD ••••");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm dòng" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("Đã lưu kèm văn bản đề nghị và Mục 1");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Số, ký hiệu văn bản")).ToHaveValueAsync("31/UBND-VP");
        await Assertions.Expect(today).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^\d{2}/\d{2}/\d{4}$"));
        await Assertions.Expect(page.GetByLabel("Họ tên người ký")).ToHaveValueAsync("Nguyễn Văn Chủ");
        await Assertions.Expect(page.GetByLabel("Họ và tên", new() { Exact = true })).ToHaveValueAsync("Bùi Thị Hương");
        await Assertions.Expect(page.GetByLabel("Địa chỉ thư điện tử công vụ")).ToHaveValueAsync("huongbt@phutho.gov.vn");
        await Assertions.Expect(page.GetByTestId("line-count")).ToHaveTextAsync("1 dòng");
        await Assertions.Expect(page.GetByTestId("lines-table")).ToContainTextAsync(personName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/draft-editor.png", FullPage = true });
        await BrowserPortal.ScreenshotAsync(page, "officer-draft-editor-one-form");

        // Leaving by a link with unsaved input: the browser asks (beforeunload); dismissed, the page and the input stay.
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Type);
            await dialog.DismissAsync();
        };
        await page.GetByLabel("Chức vụ người ký").FillAsync("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Yêu cầu" }).ClickAsync();
        await WaitForAsync(() => dialogs.Count > 0);
        Assert.Equal(["beforeunload"], dialogs);
        Assert.Contains("/Requests/Edit/", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByLabel("Chức vụ người ký")).ToHaveValueAsync("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH");

        // The form's own buttons leave without the warning, and save.
        await page.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("Đã lưu bản nháp: văn bản đề nghị.");
        Assert.Single(dialogs);
        await using var db = portal.Factory.CreateDbContext();
        var saved = await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Letter.Number == "31/UBND-VP" && r.CreatedByName == "Người Kiểm Thử"
            && r.Lines.Any(l => l.SubscriberName == personName), Ct);
        Assert.Equal("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", saved.Letter.SignerPosition);
        Assert.Equal("Bùi Thị Hương", saved.Contact.FullName);
        Assert.NotNull(saved.Letter.Date);

        // With nothing changed since the save, leaving asks nothing.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Yêu cầu" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/Requests", StringComparison.Ordinal));
        Assert.Single(dialogs);
        await page.Context.CloseAsync();
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>An agency of its own with two persons and an officer, so that no other journey's data is touched.</summary>
    private async Task<(string Officer, string PersonName)> ArrangeAgencyAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = portal.Factory.CreateDbContext();
        var agency = new Agency(AgencyKind.CommuneCommittee, $"UBND xã Một Biểu Mẫu {tag}", "UBND", "Xã Một Biểu Mẫu, tỉnh Phú Thọ", $"mb{tag}.phutho.gov.vn");
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(Ct);
        var name = "Trần Thị Duyên " + tag[..4];
        db.Subscribers.AddRange(Person(agency, "Nguyễn Văn Bảo " + tag[..4], "bao", tag, 1), Person(agency, name, "duyen", tag, 2));
        await db.SaveChangesAsync(Ct);
        return (await portal.Factory.CreateUserAsync(Roles.AgencyOfficer, agency.Id), name);
    }

    private static Subscriber Person(Agency agency, string name, string login, string tag, int n) =>
        new(agency.Id, new SubscriberDetails(SubscriberKind.Person, name, "Chuyên viên",
            "0250900" + Random.Shared.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture), new DateOnly(2022, 5, 10),
            "Cục Cảnh sát quản lý hành chính về trật tự xã hội", new DateOnly(1990, n, 12), $"{login}@mb{tag}.phutho.gov.vn",
            "09123456" + n.ToString("D2", CultureInfo.InvariantCulture), null, null, agency.Address, null));
}
