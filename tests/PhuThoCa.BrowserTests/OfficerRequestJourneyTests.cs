using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.BrowserTests;

public class OfficerRequestJourneyTests(BrowserPortal portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Officer_FilesARenewal_Mau04_ThroughTheEditor_ToSubmitted()
    {
        var serial = await AddEligibleCertificateAsync("UBND phường Việt Trì");
        var page = await portal.SignInAsync("canbo.viettri");

        await page.GetByRole(AriaRole.Link, new() { Name = "Yêu cầu", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Yêu cầu của cơ quan tôi" })).ToBeVisibleAsync();
        await page.GetByTestId("new-request").ClickAsync();
        await page.Locator("#type-Renew").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo bản nháp" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-title")).ToContainTextAsync("Mẫu số 04");

        // The eligibility of every certificate is on the page before anything is typed.
        await Assertions.Expect(page.GetByTestId("candidates")).ToContainTextAsync("Đủ điều kiện");

        await page.GetByLabel("Số, ký hiệu văn bản").FillAsync("215/UBND-VP");
        await page.GetByLabel("Ngày văn bản").FillAsync("25/11/2026");
        await page.GetByLabel("Họ tên người ký").FillAsync("Nguyễn Văn Chủ");
        await page.GetByLabel("Chức vụ người ký").FillAsync("CHỦ TỊCH");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu văn bản" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("Đã lưu thông tin văn bản đề nghị.");

        await page.GetByLabel("Họ và tên", new() { Exact = true }).FillAsync("Bùi Thị Hương");
        await page.GetByLabel("Chức vụ", new() { Exact = true }).FillAsync("Công chức Văn phòng – Thống kê");
        await page.GetByLabel("Số định danh cá nhân").FillAsync("025186004321");
        await page.GetByLabel("Ngày cấp").FillAsync("12/03/2022");
        await page.GetByLabel("Nơi cấp").FillAsync("Cục Cảnh sát quản lý hành chính về trật tự xã hội");
        await page.GetByLabel("Số điện thoại di động").FillAsync("0912 345 678");
        await page.GetByLabel("Địa chỉ thư điện tử công vụ").FillAsync("huongbt@viettri.phutho.gov.vn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu Mục 1" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("Đã lưu Mục 1");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Thêm chứng thư {serial}" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("line-count")).ToHaveTextAsync("1 dòng");
        await Assertions.Expect(page.GetByTestId("lines-table")).ToContainTextAsync(serial);
        await BrowserPortal.ScreenshotAsync(page, "officer-01-renewal-draft");

        await page.GetByLabel("Tôi xác nhận thông tin đề nghị là chính xác").CheckAsync();
        await page.GetByTestId("submit-request").ClickAsync();

        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("Đã gửi yêu cầu: gia hạn (1 dòng)");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Yêu cầu của cơ quan tôi" })).ToBeVisibleAsync();
        var row = page.GetByTestId("request-row").Filter(new() { HasText = serial });
        await Assertions.Expect(row.GetByTestId("request-status")).ToHaveTextAsync("Đã gửi");
        await BrowserPortal.ScreenshotAsync(page, "officer-02-requests-list");

        await using var db = portal.Factory.CreateDbContext();
        var request = await db.Requests.Include(r => r.Lines).SingleAsync(r => r.Lines.Any(l => l.CertificateSerial == serial), Ct);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Equal("215/UBND-VP", request.Letter.Number);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Officer_StartsARevocation_IsToldWhatIsMissing_ThenCancelsTheDraftWithAReason()
    {
        var page = await portal.SignInAsync("canbo.syte");

        await page.GotoAsync("/Requests/New");
        await BrowserPortal.ScreenshotAsync(page, "officer-03-type-picker");
        await page.Locator("#type-Revoke").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo bản nháp" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-title")).ToContainTextAsync("Mẫu số 05");
        await Assertions.Expect(page.GetByText("Mục 1. Thông tin đầu mối phối hợp thu hồi thiết bị lưu khóa bí mật")).ToBeVisibleAsync();

        await page.GetByTestId("candidates").GetByRole(AriaRole.Link, new() { Name = "Chọn" }).First.ClickAsync();
        await page.GetByLabel("Lý do thu hồi").SelectOptionAsync(new SelectOptionValue { Label = "Khóa bí mật bị lộ hoặc nghi bị lộ" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm dòng" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("line-form")).ToContainTextAsync("Lý do này phải ghi rõ ngày khóa bí mật bắt đầu không còn an toàn.");
        await Assertions.Expect(page.GetByLabel("Lý do thu hồi")).ToHaveValueAsync("KeyCompromised");
        await BrowserPortal.ScreenshotAsync(page, "officer-04-revoke-line-form");

        await page.GetByLabel("Lý do hủy (bắt buộc)").FillAsync("Cơ quan chưa quyết định thu hồi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hủy yêu cầu" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("Đã hủy yêu cầu nháp (thu hồi).");
        await page.Context.CloseAsync();
    }

    /// <summary>A person of the agency with a certificate 200 days from expiry, never renewed, so the journey never depends on the random demo data.</summary>
    private async Task<string> AddEligibleCertificateAsync(string agencyName)
    {
        await using var db = portal.Factory.CreateDbContext();
        var agency = await db.Agencies.SingleAsync(a => a.Name == agencyName, Ct);
        var subscriber = new Subscriber(agency.Id, new SubscriberDetails(SubscriberKind.Person, "Đỗ Minh Gia Hạn", "Chuyên viên", "025091007777",
            new DateOnly(2022, 4, 1), "Cục Cảnh sát quản lý hành chính về trật tự xã hội", new DateOnly(1991, 7, 7),
            $"giahan@{agency.EmailDomain}", "0987654321", null, null, agency.Address, null));
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync(Ct);
        var today = DateOnly.FromDateTime(PortalFactory.DefaultNow.DateTime);
        var notAfter = VietnamTime.FromLocal(today.AddDays(200).ToDateTime(new TimeOnly(16, 59, 59)));
        var serial = "54AA" + Convert.ToHexString(Guid.NewGuid().ToByteArray())[..12];
        db.Certificates.Add(new Certificate(subscriber.Id, new CertificateDetails(serial,
            $"E={subscriber.Email}, CN={subscriber.Name}, OU={agency.Name}, O=UBND tỉnh Phú Thọ, C=VN", "CN=Cục CTS&BMTT",
            notAfter.AddYears(-3), notAfter, KeyStorageKind.SimPki)));
        await db.SaveChangesAsync(Ct);
        return serial;
    }
}
