using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Calendar;

namespace PhuThoCa.BrowserTests;

public class WorkflowJourneyTests(BrowserPortal portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_ReceivesTwoWaitingRequestsAtOnce_FromTheInbox()
    {
        // Demo requests sent before the test clock's "now", not renewals (the journey below takes the first waiting renewal).
        await using var db = portal.Factory.CreateDbContext();
        var sentBefore = portal.Factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1); // journeys send at the fixed "now"
        var ids = await db.Requests
            .Where(r => r.Status == RequestStatus.Submitted && r.Type != RequestType.Renew && r.SubmittedAtUtc < sentBefore)
            .OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToListAsync(Ct);
        Assert.Equal(2, ids.Count);
        var page = await portal.SignInAsync("chuyenvien2.skhcn");

        await page.GotoAsync("/Requests/Inbox?group=submitted");
        foreach (var id in ids)
        {
            await page.Locator($"#select-{id}").CheckAsync();
        }

        await page.GetByLabel("Thao tác với các yêu cầu đã chọn").SelectOptionAsync("Receive");
        await page.GetByTestId("bulk-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("bulk-outcomes")).ToContainTextAsync("Kết quả “Tiếp nhận”: 2 / 2 yêu cầu thành công");
        await Assertions.Expect(page.GetByTestId("bulk-outcome").Filter(new() { HasText = "Đã tiếp nhận" })).ToHaveCountAsync(2);
        await BrowserPortal.ScreenshotAsync(page, "32-inbox-bulk-receive");
        await using var check = portal.Factory.CreateDbContext();
        Assert.All(await check.Requests.Where(r => ids.Contains(r.Id)).Select(r => r.Status).ToListAsync(Ct),
            status => Assert.NotEqual(RequestStatus.Submitted, status));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_ReceivesAndAcceptsARenewal_SeesTheCalendarDueDate_ThenRecordsFilingAndResult()
    {
        await using var db = portal.Factory.CreateDbContext();
        var renewal = await db.Requests.Include(r => r.Lines)
            .Where(r => r.Type == RequestType.Renew && r.Status == RequestStatus.Submitted).OrderBy(r => r.Id).FirstAsync(Ct);
        var certificate = await db.Certificates.SingleAsync(c => c.Id == renewal.Lines[0].CertificateId, Ct);
        var calendar = await portal.Factory.Services.GetRequiredService<CalendarProvider>().GetAsync(db, Ct);
        var expectedDue = calendar.AddWorkingDays(calendar.EffectiveStartDay(portal.Factory.Clock.GetUtcNow()), 3);
        var page = await portal.SignInAsync("chuyenvien.skhcn");

        await page.GetByTestId("nav-inbox").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Việc cần xử lý" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("inbox-table").Locator("tbody tr").First).ToHaveClassAsync("table-danger");
        await BrowserPortal.ScreenshotAsync(page, "10-requests-inbox");

        await page.GotoAsync($"/Requests/Details/{renewal.Id}");
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Đã gửi");
        await page.GetByTestId("form-receive").GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("Đã tiếp nhận yêu cầu, số tiếp nhận SKHCN-2026-");
        await Assertions.Expect(page.GetByTestId("due-date")).ToHaveTextAsync(expectedDue.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("due-status")).ToHaveTextAsync("Đúng hạn");
        await Assertions.Expect(page.GetByTestId("legal-basis")).ToContainTextAsync("Điều 5 khoản 4 điểm c");
        await BrowserPortal.ScreenshotAsync(page, "11-request-received");

        // The giấy tiếp nhận hồ sơ và hẹn trả kết quả is stored with the receipt: listed at once, downloadable as PDF and DOCX.
        var slipRow = page.Locator("[data-testid=letter-version][data-kind=TiepNhan]");
        await Assertions.Expect(slipRow).ToContainTextAsync("Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
        await Assertions.Expect(slipRow).ToContainTextAsync("/GTN-SKHCN");
        foreach (var (link, type, file) in new[] { ("PDF", "application/pdf", "11-giay-tiep-nhan.pdf"),
            ("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "11-giay-tiep-nhan.docx") })
        {
            var href = await slipRow.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).GetAttributeAsync("href");
            var slip = await page.APIRequest.GetAsync(href!);
            Assert.True(slip.Ok, $"{link} download answered {slip.Status}");
            Assert.StartsWith(type, slip.Headers["content-type"], StringComparison.Ordinal);
            await File.WriteAllBytesAsync(Path.Combine(BrowserPortal.ScreenshotFolder, file), await slip.BodyAsync(), Ct);
        }

        await page.GetByTestId("form-accept").GetByRole(AriaRole.Button, new() { Name = "Chấp nhận" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Sở đã chấp nhận");
        await Assertions.Expect(page.GetByTestId("due-date")).ToHaveTextAsync(expectedDue.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));

        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận đã tạo hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-file")).ToContainTextAsync("Vui lòng nhập mã hồ sơ");
        await page.GetByLabel("Mã hồ sơ trên Hệ thống của Cục").FillAsync("G04.261126.TRINH");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận đã tạo hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Chờ kết quả của Cục");
        await Assertions.Expect(page.GetByTestId("deadline")).ToContainTextAsync("Thời gian dự kiến");
        await Assertions.Expect(page.GetByTestId("deadline")).Not.ToContainTextAsync("Quá hạn");
        await BrowserPortal.ScreenshotAsync(page, "12-request-filed");

        var newSerial = "54BB" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await page.GetByLabel("Số hiệu chứng thư gia hạn").FillAsync(newSerial);
        await page.GetByLabel("Hết hạn mới (tối đa 3 năm sau ngày hết hạn cũ)")
            .FillAsync(VietnamTime.ToDate(certificate.NotAfterUtc).AddYears(3).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận kết quả" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Đã có kết quả, chờ bàn giao");
        await Assertions.Expect(page.GetByTestId("lines")).ToContainTextAsync(newSerial);
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("Ghi nhận kết quả của Cục");
        await BrowserPortal.ScreenshotAsync(page, "13-request-result");

        await page.GotoAsync("/Requests/Statistics?from=01/11/2026&to=26/11/2026");
        await Assertions.Expect(page.GetByTestId("statistics-total")).ToContainTextAsync("Tổng cộng");
        await BrowserPortal.ScreenshotAsync(page, "14-requests-statistics");
        await page.Context.CloseAsync();
    }
}
