using System.Globalization;
using System.Net;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Tests.Support;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>Bulk actions from the inbox (features G2.7): each selected request handled on its own, with an outcome each.</summary>
[Collection(WorkflowSerialGroup.Name)]
public class StaffBulkActionTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bulk_Receive_ReceivesTheWaitingOnes_AndReportsEachRefusal()
    {
        var renew = await SubmittedAsync(portal, RequestType.Renew);
        var change = await SubmittedAsync(portal, RequestType.ChangeInfo);
        var already = await SubmittedAsync(portal, RequestType.Renew);
        await ReceiveAsync(portal, already.RequestId, NowUtc(portal).AddMinutes(-20));
        var staff = await portal.CreateClientAsync("chuyenvien2.skhcn", Ct);

        var inbox = await InboxPageListingAsync(staff, renew.RequestId);
        var response = await PortalFactory.PostFormAsync(staff, "/Requests/Inbox?handler=Bulk&group=submitted", new Dictionary<string, string>
        {
            ["selected"] = Id(renew.RequestId),
            ["BulkAction"] = "Receive",
        }, formPageUrl: "/Requests/Inbox?group=submitted", ct: Ct);
        // A second post with several values of "selected" (PostFormAsync takes one value per name).
        var second = await PostSelectedAsync(staff, [change.RequestId, already.RequestId, 987_654_321], "Receive");
        var html = await response.Content.ReadAsStringAsync(Ct);
        var secondText = TestHtml.Text(second); // tags become spaces: "SKHCN-… : message"

        Assert.Contains($"value=\"{renew.RequestId}\"", inbox, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kết quả “Tiếp nhận”: 1 / 1 yêu cầu thành công", TestHtml.Text(html), StringComparison.Ordinal);
        var receivedRenew = await ReadAsync(portal, renew.RequestId);
        var receivedChange = await ReadAsync(portal, change.RequestId);
        Assert.Equal(RequestStatus.Received, receivedRenew.Status);
        Assert.Equal(RequestStatus.Received, receivedChange.Status);
        Assert.Equal("chuyenvien2.skhcn", await UserNameAsync(receivedChange.History.OrderBy(h => h.Id).Last().ActorUserId));
        Assert.Contains("Kết quả “Tiếp nhận”: 1 / 3 yêu cầu thành công", secondText, StringComparison.Ordinal);
        Assert.Contains($"{receivedChange.ReceiptNumber} : Đã tiếp nhận yêu cầu, số tiếp nhận {receivedChange.ReceiptNumber}; hạn xử lý", secondText, StringComparison.Ordinal);
        Assert.Contains("Yêu cầu #987654321 : Không tìm thấy yêu cầu.", secondText, StringComparison.Ordinal);
        var alreadyNow = await ReadAsync(portal, already.RequestId);
        Assert.Equal(2, alreadyNow.History.Count);
        Assert.Contains($"{alreadyNow.ReceiptNumber} : Không thể", secondText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_ReturnNeedsTheSharedReason_ThenReturnsEach_AndRejectRefusesWhatIsNotBeingChecked()
    {
        var first = await SubmittedAsync(portal, RequestType.Renew);
        var second = await SubmittedAsync(portal, RequestType.ChangeInfo);
        var waiting = await SubmittedAsync(portal, RequestType.Renew);
        await ReceiveAsync(portal, first.RequestId, NowUtc(portal).AddMinutes(-20));
        await ReceiveAsync(portal, second.RequestId, NowUtc(portal).AddMinutes(-20));
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var withoutReason = TestHtml.Text(await PostSelectedAsync(staff, [first.RequestId, second.RequestId], "ReturnForSupplement"));
        var unchanged = await ReadAsync(portal, first.RequestId);
        var returned = TestHtml.Text(await PostSelectedAsync(staff, [first.RequestId, second.RequestId], "ReturnForSupplement",
            "Bổ sung bản sao văn bản cử người tiếp nhận."));
        var rejected = TestHtml.Text(await PostSelectedAsync(staff, [waiting.RequestId], "Reject", "Hồ sơ không thuộc thẩm quyền."));

        Assert.Contains("Vui lòng nêu rõ nội dung cơ quan cần bổ sung.", withoutReason, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Received, unchanged.Status);
        Assert.Contains("Kết quả “Yêu cầu bổ sung”: 2 / 2 yêu cầu thành công", returned, StringComparison.Ordinal);
        foreach (var id in new[] { first.RequestId, second.RequestId })
        {
            var request = await ReadAsync(portal, id);
            Assert.Equal(RequestStatus.ReturnedForSupplement, request.Status);
            Assert.Equal("Bổ sung bản sao văn bản cử người tiếp nhận.", request.History.OrderBy(h => h.Id).Last().Note);
        }

        Assert.Contains("Kết quả “Từ chối”: 0 / 1 yêu cầu thành công", rejected, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Submitted, (await ReadAsync(portal, waiting.RequestId)).Status);
    }

    [Fact]
    public async Task Bulk_ByAnAuditor_IsForbidden_AndChangesNothing()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Renew);
        var auditor = await portal.CreateClientAsync("kiemtra", Ct);

        var page = await auditor.GetStringAsync(new Uri("/Requests/Inbox", UriKind.Relative), Ct);
        var response = await PortalFactory.PostFormAsync(auditor, "/Requests/Inbox?handler=Bulk", new Dictionary<string, string>
        {
            ["selected"] = Id(arranged.RequestId),
        }, formPageUrl: "/Requests/Inbox", ct: Ct);

        Assert.DoesNotContain("data-testid=\"bulk-submit\"", page, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RequestStatus.Submitted, (await ReadAsync(portal, arranged.RequestId)).Status);
    }

    private static async Task<string> PostSelectedAsync(HttpClient client, int[] ids, string action, string? reason = null)
    {
        var page = await client.GetStringAsync(new Uri("/Requests/Inbox", UriKind.Relative), Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = ids.Select(id => new KeyValuePair<string, string>("selected", Id(id)))
            .Append(new KeyValuePair<string, string>("BulkAction", action))
            .Append(new KeyValuePair<string, string>("BulkReason", reason ?? ""))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(fields);
        var response = await client.PostAsync(new Uri("/Requests/Inbox?handler=Bulk", UriKind.Relative), content, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private async Task<string?> UserNameAsync(string userId)
    {
        await using var db = portal.CreateDbContext();
        return db.Users.Where(u => u.Id == userId).Select(u => u.UserName).SingleOrDefault();
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The page of the inbox's "submitted" group that lists <paramref name="requestId"/> (or the 20th page): the
    /// late ones come first, and the shared database holds other tests' waiting requests, so it need not be the first.
    /// </summary>
    private static async Task<string> InboxPageListingAsync(HttpClient staff, int requestId)
    {
        var html = "";
        for (var page = 1; page <= 20; page++)
        {
            html = await staff.GetStringAsync(new Uri($"/Requests/Inbox?group=submitted&p={page}", UriKind.Relative), Ct);
            if (html.Contains($"value=\"{Id(requestId)}\"", StringComparison.Ordinal))
            {
                break;
            }
        }

        return html;
    }
}
