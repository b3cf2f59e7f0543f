using System.Globalization;
using System.Net;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Tests.Support;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>Bulk receipt from the inbox (features G2.7): each selected request received on its own, with an outcome each.</summary>
[Collection(WorkflowSerialGroup.Name)]
public class StaffBulkReceiveTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReceiveSelected_ReceivesTheWaitingOnes_AndReportsEachRefusal()
    {
        var renew = await SubmittedAsync(portal, RequestType.Renew);
        var change = await SubmittedAsync(portal, RequestType.ChangeInfo);
        var already = await SubmittedAsync(portal, RequestType.Renew);
        await ReceiveAsync(portal, already.RequestId, NowUtc(portal).AddMinutes(-20));
        var staff = await portal.CreateClientAsync("chuyenvien2.skhcn", Ct);

        var inbox = await staff.GetStringAsync(new Uri("/Requests/Inbox?group=submitted", UriKind.Relative), Ct);
        var response = await PortalFactory.PostFormAsync(staff, "/Requests/Inbox?handler=ReceiveSelected&group=submitted", new Dictionary<string, string>
        {
            ["selected"] = Id(renew.RequestId),
        }, formPageUrl: "/Requests/Inbox?group=submitted", ct: Ct);
        // A second post with several values of "selected" (PostFormAsync takes one value per name).
        var second = await PostSelectedAsync(staff, [change.RequestId, already.RequestId, 987_654_321]);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var secondText = TestHtml.Text(second); // tags become spaces: "SKHCN-… : message"

        Assert.Contains($"value=\"{renew.RequestId}\"", inbox, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kết quả tiếp nhận: 1 / 1 yêu cầu", TestHtml.Text(html), StringComparison.Ordinal);
        var receivedRenew = await ReadAsync(portal, renew.RequestId);
        var receivedChange = await ReadAsync(portal, change.RequestId);
        Assert.Equal(RequestStatus.Received, receivedRenew.Status);
        Assert.Equal(RequestStatus.Received, receivedChange.Status);
        Assert.Equal("chuyenvien2.skhcn", await UserNameAsync(receivedChange.History.OrderBy(h => h.Id).Last().ActorUserId));
        Assert.Contains("Kết quả tiếp nhận: 1 / 3 yêu cầu", secondText, StringComparison.Ordinal);
        Assert.Contains($"{receivedChange.ReceiptNumber} : Đã tiếp nhận; hạn xử lý", secondText, StringComparison.Ordinal);
        Assert.Contains("Yêu cầu #987654321 : Không tìm thấy yêu cầu.", secondText, StringComparison.Ordinal);
        var alreadyNow = await ReadAsync(portal, already.RequestId);
        Assert.Equal(2, alreadyNow.History.Count);
        Assert.Contains($"{alreadyNow.ReceiptNumber} : Không thể", secondText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveSelected_ByAnAuditor_IsForbidden_AndChangesNothing()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Renew);
        var auditor = await portal.CreateClientAsync("kiemtra", Ct);

        var page = await auditor.GetStringAsync(new Uri("/Requests/Inbox", UriKind.Relative), Ct);
        var response = await PortalFactory.PostFormAsync(auditor, "/Requests/Inbox?handler=ReceiveSelected", new Dictionary<string, string>
        {
            ["selected"] = Id(arranged.RequestId),
        }, formPageUrl: "/Requests/Inbox", ct: Ct);

        Assert.DoesNotContain("data-testid=\"receive-selected\"", page, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RequestStatus.Submitted, (await ReadAsync(portal, arranged.RequestId)).Status);
    }

    private static async Task<string> PostSelectedAsync(HttpClient client, int[] ids)
    {
        var page = await client.GetStringAsync(new Uri("/Requests/Inbox", UriKind.Relative), Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = ids.Select(id => new KeyValuePair<string, string>("selected", Id(id)))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(fields);
        var response = await client.PostAsync(new Uri("/Requests/Inbox?handler=ReceiveSelected", UriKind.Relative), content, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private async Task<string?> UserNameAsync(string userId)
    {
        await using var db = portal.CreateDbContext();
        return db.Users.Where(u => u.Id == userId).Select(u => u.UserName).SingleOrDefault();
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
