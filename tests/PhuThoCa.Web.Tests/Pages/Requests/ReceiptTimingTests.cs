using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Tests.Support;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>
/// Issue 11 item 4: a sent request shows how long it has waited for receipt and is flagged "Chậm tiếp nhận" after
/// <c>Requests:ReceiptLateAfterWorkingDays</c> (default 1) working days; the after-hours receipt rule is stated with
/// exact dates. The portal's clock is Thursday 26/11/2026 09:00 (Vietnam time).
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public class ReceiptTimingTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTime Local(int month, int day, int hour, int minute) =>
        VietnamTime.FromLocal(new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Unspecified));

    [Fact]
    public async Task SentOnTuesday_NotReceivedByThursday_IsLateToReceive_OnDetailsAndInbox()
    {
        var late = await SubmittedAsync(portal, RequestType.Renew, submittedAtUtc: Local(11, 24, 10, 0));
        var onTime = await SubmittedAsync(portal, RequestType.Renew, submittedAtUtc: Local(11, 25, 10, 0));
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var latePage = await LoadAsync(staff, late.RequestId, Ct);
        Assert.Contains("Đã đến Sở, chờ tiếp nhận 2 ngày làm việc", latePage.Text, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"late-to-receive\"", latePage.Html, StringComparison.Ordinal);
        Assert.Contains("Đến Sở lúc 10:00 Thứ Ba 24/11/2026, tính là ngày nhận Thứ Ba 24/11/2026", latePage.Text, StringComparison.Ordinal);

        var onTimePage = await LoadAsync(staff, onTime.RequestId, Ct);
        Assert.Contains("Đã đến Sở, chờ tiếp nhận 1 ngày làm việc", onTimePage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"late-to-receive\"", onTimePage.Html, StringComparison.Ordinal);

        var inbox = await staff.GetStringAsync(new Uri("/Requests/Inbox?group=late", UriKind.Relative), Ct);
        Assert.Contains($"/Requests/Details/{late.RequestId}\"", inbox, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Requests/Details/{onTime.RequestId}\"", inbox, StringComparison.Ordinal);
        Assert.Contains("Chậm tiếp nhận", TestHtml.Text(inbox), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SentFridayAfterHours_CountsFromMonday_WaitAndRuleSaySo()
    {
        var sent = await SubmittedAsync(portal, RequestType.Renew, submittedAtUtc: Local(11, 20, 17, 30));
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var page = await LoadAsync(staff, sent.RequestId, Ct);

        // Arrival counts as Monday 23/11; Tuesday, Wednesday and Thursday (today) have passed: 3 working days.
        Assert.Contains("Đến Sở ngoài giờ hành chính (17:30 Thứ Sáu 20/11/2026) → tính là ngày nhận Thứ Hai 23/11/2026", page.Text, StringComparison.Ordinal);
        Assert.Contains("chờ tiếp nhận 3 ngày làm việc", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceivedFridayAfterHours_DayXIsMonday_DueThreeWorkingDaysLater_StatedPlainly()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Renew, submittedAtUtc: Local(11, 20, 17, 10));
        await ReceiveAsync(portal, arranged.RequestId, Local(11, 20, 17, 30));
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var page = await LoadAsync(staff, arranged.RequestId, Ct);

        Assert.Equal(new DateOnly(2026, 11, 26), (await ReadAsync(portal, arranged.RequestId)).DueDate);
        Assert.Contains(
            "Nhận ngoài giờ hành chính (17:30 Thứ Sáu 20/11/2026) → tính là ngày nhận Thứ Hai 23/11/2026; hạn 3 ngày làm việc: 26/11/2026 "
            + "(ngày nhận không tính vào thời hạn, Bộ luật Dân sự 2015 Điều 147).",
            page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"receipt-wait\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SentOnSunday_CountsFromMonday_AsADayOff()
    {
        var sent = await SubmittedAsync(portal, RequestType.RecoverToken, submittedAtUtc: Local(11, 22, 9, 0));
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var page = await LoadAsync(staff, sent.RequestId, Ct);

        Assert.Contains("Đến Sở vào ngày nghỉ (09:00 Chủ nhật 22/11/2026) → tính là ngày nhận Thứ Hai 23/11/2026", page.Text, StringComparison.Ordinal);
    }
}
