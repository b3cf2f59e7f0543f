using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Calendar;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.BrowserTests;

/// <summary>End-to-end journeys of the request workflows other than renewal: the officer files, Sở staff process, the registers change.</summary>
public class WorkflowJourneyMoreTests(BrowserPortal portal)
{
    private const string Officer = "canbo.viettri";
    private const string AgencyName = "UBND phường Việt Trì";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Vn(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ChangeInfo_OfficerFiles_StaffAcceptsFilesAndRecordsResult_RegisterShowsNewEmail()
    {
        var (subscriberId, serial, _) = await AddSubscriberWithCertificateAsync("Thay Đổi Thư", "thaydoi", withToken: false);
        var newEmail = $"moi{serial[^6..].ToLowerInvariant()}@viettri.phutho.gov.vn";
        var page = await portal.SignInAsync(Officer);

        await StartDraftAsync(page, "ChangeInfo", "Mẫu số 04");
        await FillLetterAndContactAsync(page);
        await page.GetByTestId("candidate").Filter(new() { HasText = serial }).GetByRole(AriaRole.Link, new() { Name = "Chọn" }).ClickAsync();
        await page.Locator("#ChangeLine_Case").SelectOptionAsync("PersonChangedOfficialEmail");
        await page.Locator("#ChangeLine_OldValue").FillAsync($"thaydoi{serial[^6..].ToLowerInvariant()}@viettri.phutho.gov.vn");
        await page.Locator("#ChangeLine_NewValue").FillAsync(newEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm dòng" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("line-count")).ToHaveTextAsync("1 dòng");
        var requestId = await SubmitAsync(page, serial);
        await page.Context.CloseAsync();

        page = await portal.SignInAsync("chuyenvien.skhcn");
        await ReceiveAsync(page, requestId, LegalDeadlines.FileOnCaPortalWorkingDays);
        await AcceptAsync(page);
        await page.GetByLabel("Mã hồ sơ trên Hệ thống của Cục").FillAsync("G04.261126.DOIMAIL");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận đã tạo hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Chờ kết quả của Cục");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận kết quả của Cục" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Đã có kết quả, chờ bàn giao");
        await HandOverAsync(page);
        await BrowserPortal.ScreenshotAsync(page, "20-changeinfo-completed");

        await using var db = portal.Factory.CreateDbContext();
        Assert.Equal(RequestStatus.Completed, (await db.Requests.SingleAsync(r => r.Id == requestId, Ct)).Status);
        Assert.Equal(newEmail, (await db.Subscribers.SingleAsync(s => s.Id == subscriberId, Ct)).Email);
        Assert.Contains(newEmail, (await db.Certificates.SingleAsync(c => c.SerialNumber == serial, Ct)).SubjectDn, StringComparison.OrdinalIgnoreCase);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RecoverToken_OfficerFiles_StaffAcceptsAndRecordsRecovery_TokenIsRecovered()
    {
        var (_, _, tokenSerial) = await AddSubscriberWithCertificateAsync("Khôi Phục Khóa", "khoiphuc", withToken: true, locked: true);
        int recoveriesBefore;
        await using (var before = portal.Factory.CreateDbContext())
        {
            recoveriesBefore = (await before.Tokens.SingleAsync(t => t.SerialNumber == tokenSerial, Ct)).RecoveryCount;
        }

        var page = await portal.SignInAsync(Officer);
        await StartDraftAsync(page, "RecoverToken", "Mẫu số 06");
        await FillLetterAndContactAsync(page);
        await page.GetByTestId("candidate").Filter(new() { HasText = tokenSerial! }).GetByRole(AriaRole.Button, new() { Name = "Thêm" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("line-count")).ToHaveTextAsync("1 dòng");
        var requestId = await SubmitAsync(page, null);
        await page.Context.CloseAsync();

        page = await portal.SignInAsync("chuyenvien.skhcn");
        await ReceiveAsync(page, requestId, LegalDeadlines.RecoverTokenWorkingDays);
        await AcceptAsync(page);
        await page.GetByTestId("form-recovered").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Hoàn thành");
        await BrowserPortal.ScreenshotAsync(page, "21-recover-completed");

        await using var db = portal.Factory.CreateDbContext();
        Assert.Equal(RequestStatus.Completed, (await db.Requests.SingleAsync(r => r.Id == requestId, Ct)).Status);
        var token = await db.Tokens.SingleAsync(t => t.SerialNumber == tokenSerial, Ct);
        Assert.Equal(TokenStatus.Recovered, token.Status);
        Assert.Equal(recoveriesBefore + 1, token.RecoveryCount);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Revoke_OfficerFiles_StaffRecordsRevocation_OfficerReturnsToken_CertificateRevoked()
    {
        var (_, serial, tokenSerial) = await AddSubscriberWithCertificateAsync("Thu Hồi Chứng", "thuhoi", withToken: true);
        var page = await portal.SignInAsync(Officer);
        await StartDraftAsync(page, "Revoke", "Mẫu số 05");
        await FillLetterAndContactAsync(page);
        await page.GetByTestId("candidate").Filter(new() { HasText = serial }).GetByRole(AriaRole.Link, new() { Name = "Chọn" }).ClickAsync();
        await page.GetByLabel("Lý do thu hồi").SelectOptionAsync("Retired");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm dòng" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("line-count")).ToHaveTextAsync("1 dòng");
        var requestId = await SubmitAsync(page, serial);
        await page.Context.CloseAsync();

        page = await portal.SignInAsync("chuyenvien.skhcn");
        await ReceiveAsync(page, requestId, LegalDeadlines.DefaultCaWorkingDays);
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Chờ kết quả của Cục");
        await Assertions.Expect(page.GetByTestId("ca-dispatch")).ToHaveTextAsync("Trục liên thông văn bản quốc gia, ngày 26/11/2026");
        await page.GetByLabel("Ngày Cục thu hồi chứng thư").FillAsync("26/11/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận kết quả" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Chờ nộp lại thiết bị");
        await Assertions.Expect(page.GetByTestId("due-date")).ToHaveTextAsync(Vn(await ExpectedDueAsync(LegalDeadlines.ReturnRevokedTokenWorkingDays)));
        await page.Context.CloseAsync();

        page = await portal.SignInAsync(Officer);
        await page.GotoAsync($"/Requests/Details/{requestId}");
        var form = page.GetByTestId("form-tokenreturned");
        await form.GetByLabel("Kết quả").SelectOptionAsync("ReturnedToCa");
        await form.GetByLabel("Ngày").FillAsync("26/11/2026");
        await form.GetByLabel("Số biên bản").FillAsync("08/BB-TH");
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Hoàn thành");
        await BrowserPortal.ScreenshotAsync(page, "22-revoke-completed");

        await using var db = portal.Factory.CreateDbContext();
        Assert.Equal(RequestStatus.Completed, (await db.Requests.SingleAsync(r => r.Id == requestId, Ct)).Status);
        Assert.Equal(CertificateStatus.Revoked, (await db.Certificates.IgnoreQueryFilters().SingleAsync(c => c.SerialNumber == serial, Ct)).Status);
        Assert.Equal(TokenStatus.ReturnedToCa, (await db.Tokens.IgnoreQueryFilters().SingleAsync(t => t.SerialNumber == tokenSerial, Ct)).Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Issue_OfficerFiles_StaffRecordsIssuedCertificate_OfficerHandsOver_RegisterHasNewCertificate()
    {
        var subscriberId = await AddSubscriberAsync("Cấp Mới Chứng", "capmoi");
        var page = await portal.SignInAsync(Officer);
        await StartDraftAsync(page, "Issue", "Mẫu số 01");
        await FillLetterAndContactAsync(page);
        await page.Locator("#IssueLine_SubscriberId").SelectOptionAsync(subscriberId.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("SIM PKI (Mẫu 01)").SelectOptionAsync("Viettel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm dòng" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("line-count")).ToHaveTextAsync("1 dòng");
        await Assertions.Expect(page.GetByTestId("sim-pki")).ToHaveTextAsync("SIM PKI: Viettel – cấp SIM PKI mới");
        await BrowserPortal.ScreenshotAsync(page, "30-issue-line-with-sim-pki");
        var requestId = await SubmitAsync(page, null);
        await page.Context.CloseAsync();

        page = await portal.SignInAsync("chuyenvien.skhcn");
        await ReceiveAsync(page, requestId, LegalDeadlines.DefaultCaWorkingDays);
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Chờ kết quả của Cục");
        var newSerial = "54CC" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var tokenSerial = "TK" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await page.GetByLabel("Số hiệu chứng thư", new() { Exact = true }).FillAsync(newSerial);
        await page.GetByLabel("Hiệu lực từ").FillAsync("26/11/2026");
        await page.GetByLabel("Đến", new() { Exact = true }).FillAsync("26/11/2029");
        await page.GetByLabel("Số hiệu thiết bị (USB Token) Cục cấp").FillAsync(tokenSerial);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận kết quả" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Đã có kết quả, chờ bàn giao");
        await page.Context.CloseAsync();

        page = await portal.SignInAsync(Officer);
        // The officer learns of the result from the notification in the menu, and opens the request from it.
        await page.GetByTestId("nav-notifications").ClickAsync();
        var resultNotice = page.GetByTestId("notification").Filter(new() { HasText = "Cấp mới chứng thư chữ ký số: Ghi nhận kết quả của Cục" }).First;
        await Assertions.Expect(resultNotice).ToHaveAttributeAsync("data-read", "false");
        await BrowserPortal.ScreenshotAsync(page, "31-notifications");
        await resultNotice.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Requests/Details/{requestId}$"));
        await HandOverAsync(page);
        await BrowserPortal.ScreenshotAsync(page, "23-issue-completed");

        await using var db = portal.Factory.CreateDbContext();
        Assert.Equal(RequestStatus.Completed, (await db.Requests.SingleAsync(r => r.Id == requestId, Ct)).Status);
        var certificate = await db.Certificates.SingleAsync(c => c.SerialNumber == newSerial, Ct);
        Assert.Equal(subscriberId, certificate.SubscriberId);
        await page.Context.CloseAsync();
    }

    private static async Task StartDraftAsync(IPage page, string type, string form)
    {
        await page.GotoAsync("/Requests/New");
        await page.Locator($"#type-{type}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo bản nháp" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-title")).ToContainTextAsync(form);
    }

    private static int _letterNumber = 300;

    private static async Task FillLetterAndContactAsync(IPage page)
    {
        // Each journey's letter has its own number: an agency uses one number for one letter a year (NĐ 30/2020 Điều 15).
        var number = Interlocked.Increment(ref _letterNumber).ToString(CultureInfo.InvariantCulture) + "/UBND-VP";
        await page.GetByLabel("Số, ký hiệu văn bản").FillAsync(number);
        await page.GetByLabel("Ngày văn bản").FillAsync("25/11/2026");
        await page.GetByLabel("Họ tên người ký").FillAsync("Nguyễn Văn Chủ");
        await page.GetByLabel("Chức vụ người ký").FillAsync("CHỦ TỊCH");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu văn bản" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("Đã lưu thông tin văn bản đề nghị.");

        await page.Locator("#Contact_FullName").FillAsync("Bùi Thị Hương");
        await page.Locator("#Contact_Position").FillAsync("Công chức Văn phòng – Thống kê");
        await page.Locator("#Contact_NationalId").FillAsync("025186004321");
        await page.Locator("#Contact_NationalIdIssuedOn").FillAsync("12/03/2022");
        await page.Locator("#Contact_NationalIdIssuedBy").FillAsync("Cục Cảnh sát quản lý hành chính về trật tự xã hội");
        await page.Locator("#Contact_Phone").FillAsync("0912 345 678");
        if (await page.Locator("#Contact_Email").CountAsync() > 0)
        {
            await page.Locator("#Contact_Email").FillAsync("huongbt@viettri.phutho.gov.vn");
        }

        if (await page.Locator("#Contact_Address").CountAsync() > 0)
        {
            await page.Locator("#Contact_Address").FillAsync("Số 1 đường Hùng Vương, phường Việt Trì, tỉnh Phú Thọ");
        }

        if (await page.Locator("#Contact_Workplace").CountAsync() > 0)
        {
            await page.Locator("#Contact_Workplace").FillAsync(AgencyName);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu Mục 1" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("Đã lưu Mục 1");
    }

    /// <summary>Submits the draft open in the editor and returns its id (from the editor's URL).</summary>
    private static async Task<int> SubmitAsync(IPage page, string? rowText)
    {
        var id = int.Parse(new Uri(page.Url).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1], CultureInfo.InvariantCulture);
        if (await page.GetByTestId("dispatch-help").CountAsync() > 0)
        {
            // Mẫu 01–03/05: the agency sent the letter to the Cục itself; the portal records how and when.
            await Assertions.Expect(page.GetByTestId("submit-request")).ToContainTextAsync("Ghi nhận đã gửi Cục");
            await page.GetByLabel("Hình thức gửi văn bản tới Cục").SelectOptionAsync(new SelectOptionValue { Label = "Trục liên thông văn bản quốc gia" });
            await page.GetByLabel("Ngày gửi").FillAsync("26/11/2026");
            await page.GetByTestId("dispatch-help").ScrollIntoViewIfNeededAsync();
            await BrowserPortal.ScreenshotAsync(page, "32-send-to-the-cuc");
        }
        else
        {
            await Assertions.Expect(page.GetByTestId("submit-request")).ToContainTextAsync("Gửi yêu cầu tới Sở KH&CN");
        }

        await page.GetByLabel("Tôi xác nhận thông tin đề nghị là chính xác").CheckAsync();
        await page.GetByTestId("submit-request").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("Đã gửi yêu cầu");
        if (rowText is not null)
        {
            await Assertions.Expect(page.GetByTestId("request-row").Filter(new() { HasText = rowText }).GetByTestId("request-status")).ToHaveTextAsync("Đã gửi");
        }

        return id;
    }

    private async Task ReceiveAsync(IPage page, int requestId, int workingDays)
    {
        await page.GotoAsync($"/Requests/Details/{requestId}");
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Đã gửi");
        await page.GetByTestId("form-receive").GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("số tiếp nhận SKHCN-2026-");
        await Assertions.Expect(page.GetByTestId("due-date")).ToHaveTextAsync(Vn(await ExpectedDueAsync(workingDays)));
    }

    private static async Task AcceptAsync(IPage page)
    {
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Sở đã tiếp nhận");
        await page.GetByTestId("form-accept").GetByRole(AriaRole.Button, new() { Name = "Chấp nhận" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Sở đã chấp nhận");
    }

    private static async Task HandOverAsync(IPage page)
    {
        await page.Locator("#Handover_ReceiverName").FillAsync("Bùi Thị Hương");
        await page.Locator("#Handover_HandedOverOn").FillAsync("26/11/2026");
        await page.GetByTestId("form-handover").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Hoàn thành");
    }

    private async Task<DateOnly> ExpectedDueAsync(int workingDays)
    {
        await using var db = portal.Factory.CreateDbContext();
        var calendar = await portal.Factory.Services.GetRequiredService<CalendarProvider>().GetAsync(db, Ct);
        return calendar.AddWorkingDays(calendar.EffectiveStartDay(portal.Factory.Clock.GetUtcNow()), workingDays);
    }

    private async Task<int> AddSubscriberAsync(string name, string mailbox)
    {
        await using var db = portal.Factory.CreateDbContext();
        var agency = await db.Agencies.SingleAsync(a => a.Name == AgencyName, Ct);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var subscriber = new Subscriber(agency.Id, new SubscriberDetails(SubscriberKind.Person, $"{name} {suffix}", "Chuyên viên", "0250910" + Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture),
            new DateOnly(2022, 4, 1), "Cục Cảnh sát quản lý hành chính về trật tự xã hội", new DateOnly(1991, 7, 7),
            $"{mailbox}{suffix}@{agency.EmailDomain}", "0987654321", null, null, agency.Address, null));
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync(Ct);
        return subscriber.Id;
    }

    /// <summary>A person of the officer's agency with a certificate 200 days from expiry, optionally on a token (locked if asked).</summary>
    private async Task<(int SubscriberId, string Serial, string? TokenSerial)> AddSubscriberWithCertificateAsync(string name, string mailbox, bool withToken, bool locked = false)
    {
        await using var db = portal.Factory.CreateDbContext();
        var agency = await db.Agencies.SingleAsync(a => a.Name == AgencyName, Ct);
        var serial = "54AA" + Convert.ToHexString(Guid.NewGuid().ToByteArray())[..12];
        var email = $"{mailbox}{serial[^6..].ToLowerInvariant()}@{agency.EmailDomain}";
        var subscriber = new Subscriber(agency.Id, new SubscriberDetails(SubscriberKind.Person, name, "Chuyên viên", "0250910" + Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture),
            new DateOnly(2022, 4, 1), "Cục Cảnh sát quản lý hành chính về trật tự xã hội", new DateOnly(1991, 7, 7),
            email, "0987654321", null, null, agency.Address, null));
        db.Subscribers.Add(subscriber);
        UsbToken? token = null;
        if (withToken)
        {
            token = new UsbToken(agency.Id, "TK" + serial[^10..], "ePass2003");
            db.Tokens.Add(token);
        }

        await db.SaveChangesAsync(Ct);
        var actor = new Actor("test", "Kiểm thử", portal.Factory.Clock.GetUtcNow().UtcDateTime);
        if (token is not null)
        {
            token.ChangeStatus(TokenStatus.HandedOver, "Bàn giao cho thuê bao", actor);
            if (locked)
            {
                token.ChangeStatus(TokenStatus.Locked, "Nhập sai mật khẩu quá số lần quy định", actor);
            }
        }

        var today = DateOnly.FromDateTime(PortalFactory.DefaultNow.DateTime);
        var notAfter = VietnamTime.FromLocal(today.AddDays(200).ToDateTime(new TimeOnly(16, 59, 59)));
        var certificate = new Certificate(subscriber.Id, new CertificateDetails(serial,
            $"E={email}, CN={subscriber.Name}, OU={agency.Name}, O=UBND tỉnh Phú Thọ, C=VN", "CN=Cục CTS&BMTT",
            notAfter.AddYears(-3), notAfter, token is null ? KeyStorageKind.SimPki : KeyStorageKind.PkiToken));
        db.Certificates.Add(certificate);
        if (token is not null)
        {
            certificate.AssignToken(token.Id);
        }

        await db.SaveChangesAsync(Ct);
        return (subscriber.Id, serial, token?.SerialNumber);
    }
}
