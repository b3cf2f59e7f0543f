using Microsoft.Playwright;

namespace PhuThoCa.BrowserTests;

/// <summary>
/// Issue 11 item 3 in a real browser: the letter sent is stored at submission; Sở returns the request, the officer
/// corrects the letter's number and sends it again, Sở sees both versions and what changed, then rejects and issues the
/// numbered rejection notice.
/// </summary>
public class LettersOfRecordJourneyTests(BrowserPortal portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Resubmission_ShowsBothVersionsAndTheDiff_ThenSoIssuesTheNumberedNotice()
    {
        var id = await RenewalDraftAsync("41/SYT-VP");
        var officer = await portal.SignInAsync("canbo.syte");
        await SubmitAsync(officer, id, "form-submit", "Đã gửi yêu cầu");
        var staff = await portal.SignInAsync("chuyenvien2.skhcn");
        await staff.GotoAsync($"/Requests/Details/{id}");
        await Assertions.Expect(staff.GetByTestId("letter-version")).ToHaveCountAsync(1);
        await staff.GetByTestId("form-receive").GetByRole(AriaRole.Button).ClickAsync();
        await staff.GetByTestId("form-return").GetByLabel("Nội dung cần bổ sung (bắt buộc)").FillAsync("Số văn bản ghi sai; đề nghị sửa và gửi lại.");
        await staff.GetByTestId("form-return").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("status-message")).ToContainTextAsync("Đã trả yêu cầu");

        await officer.GotoAsync($"/Letters/Preview/{id}");
        await officer.GetByLabel("Số, ký hiệu (ví dụ 12/UBND-VP)").FillAsync("42/SYT-VP");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu thông tin văn bản" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("status-message")).ToContainTextAsync("Đã lưu số, ngày văn bản và người ký");
        await SubmitAsync(officer, id, "form-resubmit", "Đã gửi lại yêu cầu");
        await officer.Context.CloseAsync();

        await staff.GotoAsync($"/Requests/Details/{id}");
        // The agency's two letters; the one-stop-shop slips of the receipt and the return are listed beside them.
        await Assertions.Expect(staff.Locator("[data-testid=letter-version][data-kind=Mau04]")).ToHaveCountAsync(2);
        await Assertions.Expect(staff.GetByTestId("letter-diff")).ToContainTextAsync("Số, ký hiệu");
        await Assertions.Expect(staff.GetByTestId("letter-diff")).ToContainTextAsync("41/SYT-VP");
        await Assertions.Expect(staff.GetByTestId("letter-diff")).ToContainTextAsync("42/SYT-VP");
        await staff.GetByTestId("letter-versions").ScrollIntoViewIfNeededAsync();
        await BrowserPortal.ScreenshotAsync(staff, "80-letter-versions-and-diff");

        await staff.GetByTestId("form-receive").GetByRole(AriaRole.Button).ClickAsync();
        await staff.GetByTestId("form-reject").GetByLabel("Lý do từ chối (bắt buộc, ghi trong văn bản thông báo)")
            .FillAsync("Chứng thư số đã được gia hạn một lần, không đủ điều kiện gia hạn tiếp (Nghị định 68/2024/NĐ-CP, Điều 12).");
        await staff.GetByTestId("form-reject").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("request-status")).ToHaveTextAsync("Sở từ chối");
        await staff.GetByTestId("form-notice").GetByLabel("Họ tên người ký").FillAsync("Nguyễn Văn Bình");
        await staff.GetByTestId("form-notice").GetByRole(AriaRole.Button, new() { Name = "Ban hành thông báo từ chối" }).ClickAsync();

        await Assertions.Expect(staff.GetByTestId("status-message")).ToContainTextAsync("Đã ban hành thông báo từ chối số ");
        await Assertions.Expect(staff.GetByTestId("form-notice")).ToHaveCountAsync(0);
        await staff.GetByTestId("letter-versions").ScrollIntoViewIfNeededAsync();
        await BrowserPortal.ScreenshotAsync(staff, "81-rejection-notice-issued");
        var notice = await staff.APIRequest.GetAsync($"/Letters/Rejection/{id}");
        Assert.True(notice.Ok, $"notice download answered {notice.Status}");
        await File.WriteAllBytesAsync(Path.Combine(BrowserPortal.ScreenshotFolder, "81-thong-bao-tu-choi.pdf"), await notice.BodyAsync(), Ct);
        await staff.Context.CloseAsync();
    }

    private static async Task SubmitAsync(IPage page, int id, string form, string message)
    {
        await page.GotoAsync($"/Requests/Details/{id}");
        await page.GetByTestId(form).GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByTestId(form).GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync(message);
    }

    private Task<int> RenewalDraftAsync(string letterNumber) => JourneyArrange.RenewalDraftAsync(portal.Factory, letterNumber, Ct);
}
