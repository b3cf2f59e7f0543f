using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PhuThoCa.Infrastructure.Auditing;

namespace PhuThoCa.BrowserTests;

public class AuditJourneyTests(BrowserPortal portal)
{
    [Fact]
    public async Task Staff_ShowsAFullCccd_ThenTheAuditorFindsThatViewInTheTrail_AndVerifiesTheChain()
    {
        await using var db = portal.Factory.CreateDbContext();
        var subscriber = await db.Subscribers.FirstAsync(s => s.NationalId != null && s.Agency!.Name == "UBND phường Việt Trì",
            TestContext.Current.CancellationToken);
        var staff = await portal.SignInAsync("chuyenvien.skhcn");
        await staff.GotoAsync($"/Subscribers/Details/{subscriber.Id}");
        await Assertions.Expect(staff.GetByTestId("national-id")).ToHaveTextAsync(PhuThoCa.Domain.Subscribers.NationalId.Mask(subscriber.NationalId));

        await staff.GetByTestId("reveal-national-id").ClickAsync();

        await Assertions.Expect(staff.GetByTestId("national-id")).ToHaveTextAsync(subscriber.NationalId!);
        await Assertions.Expect(staff.GetByText("Lượt xem này đã được ghi vào nhật ký hệ thống.")).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(staff, "40-subscriber-cccd-revealed");
        await staff.Context.CloseAsync();

        var auditor = await portal.SignInAsync("kiemtra");
        await auditor.GetByRole(AriaRole.Link, new() { Name = "Nhật ký hệ thống" }).ClickAsync();
        await auditor.GetByLabel("Hành động").SelectOptionAsync(AuditActions.NationalIdView);
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Assertions.Expect(auditor.GetByTestId("audit-table")).ToContainTextAsync($"Thuê bao #{subscriber.Id}");
        await Assertions.Expect(auditor.GetByTestId("audit-table")).ToContainTextAsync("Lê Thị Thu Hà");

        await auditor.GetByTestId("verify-audit").ClickAsync();

        await Assertions.Expect(auditor.GetByTestId("verify-result")).ToContainTextAsync("Toàn vẹn: đã kiểm tra");
        await BrowserPortal.ScreenshotAsync(auditor, "41-audit-trail-verified");
        await auditor.Context.CloseAsync();
    }
}
