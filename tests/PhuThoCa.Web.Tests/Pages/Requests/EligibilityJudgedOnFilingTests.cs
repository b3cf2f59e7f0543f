using PhuThoCa.Domain.Requests;
using PhuThoCa.Tests.Support;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>
/// NĐ 68/2024 Điều 12, 14; QĐ-PT Điều 5.1–5.2: the 30-day condition is judged on the day the agency files
/// (<c>Requests:EligibilityJudgedOn</c> = Submission), so the details page warns Sở but lets it accept.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public class EligibilityJudgedOnFilingTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Accept_RenewalFiledWith31DaysLeft_Only29LeftToday_WarnsAndAccepts()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Renew, submittedAtUtc: NowUtc(portal).AddDays(-2), certificateDaysLeft: 29);
        await ReceiveAsync(portal, arranged.RequestId, NowUtc(portal).AddDays(-2).AddMinutes(30));
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var page = await LoadAsync(staff, arranged.RequestId, Ct);

        Assert.Contains("data-testid=\"validity-warnings\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"problems\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("hiện chỉ còn 29 ngày", page.Text, StringComparison.Ordinal);
        Assert.Contains("Nghị định 68/2024/NĐ-CP Điều 12, 14", page.Text, StringComparison.Ordinal);

        await ActAsync(staff, arranged.RequestId, "Accept", ct: Ct);

        Assert.Equal(RequestStatus.Accepted, (await ReadAsync(portal, arranged.RequestId)).Status);
    }
}
