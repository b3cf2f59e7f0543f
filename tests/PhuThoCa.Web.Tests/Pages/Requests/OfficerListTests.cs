using System.Text.RegularExpressions;
using PhuThoCa.Tests.Support;
using static PhuThoCa.Web.Tests.Pages.Requests.OfficerWorld;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>"Yêu cầu của cơ quan tôi": filters by due status on the working-day calendar (fake today: Thursday 26/11/2026).</summary>
public partial class OfficerListTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_FiltersByDueStatus()
    {
        var world = await CreateAsync(portal, Ct);
        // The Cục's expected period: 03 working days from day X (the receipt day, not counted).
        var onTime = await world.AddReceivedIssueRequestAsync(new DateTime(2026, 11, 26, 8, 30, 0), Ct);   // due Tue 01/12
        var dueToday = await world.AddReceivedIssueRequestAsync(new DateTime(2026, 11, 23, 9, 0, 0), Ct);  // due Thu 26/11
        var overdue = await world.AddReceivedIssueRequestAsync(new DateTime(2026, 11, 18, 10, 0, 0), Ct);  // due Mon 23/11
        var client = await portal.CreateClientAsync(world.Officer, Ct);

        var all = await ReceiptsAsync(client, "/Requests");
        var onTimeList = await ReceiptsAsync(client, "/Requests?due=OnTime");
        var todayList = await ReceiptsAsync(client, "/Requests?due=DueToday");
        var overdueList = await ReceiptsAsync(client, "/Requests?due=Overdue");
        var overdueText = TestHtml.Text(await client.GetStringAsync(new Uri("/Requests?due=Overdue", UriKind.Relative), Ct));
        var onTimeText = TestHtml.Text(await client.GetStringAsync(new Uri("/Requests?due=OnTime", UriKind.Relative), Ct));

        Assert.Equal([overdue.ReceiptNumber, dueToday.ReceiptNumber, onTime.ReceiptNumber], all);
        Assert.Equal([onTime.ReceiptNumber], onTimeList);
        Assert.Equal([dueToday.ReceiptNumber], todayList);
        Assert.Equal([overdue.ReceiptNumber], overdueList);
        Assert.Contains("23/11/2026 · Quá thời hạn dự kiến 3 ngày làm việc", overdueText, StringComparison.Ordinal);
        Assert.Contains("Cục CTS&BMTT (dự kiến)", overdueText, StringComparison.Ordinal);
        // The header's counts ignore the due filter (one statement of conditional counts); the pager counts the filter's rows.
        Assert.Contains("Quá hạn: 1", onTimeText, StringComparison.Ordinal);
        Assert.Contains("Đến hạn hôm nay: 1", onTimeText, StringComparison.Ordinal);
        Assert.Contains("Hiển thị 1–1 trên tổng số 1", onTimeText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FiltersByTypeAndOpenState_AndShowsTheFormNumber()
    {
        var world = await CreateAsync(portal, Ct);
        var received = await world.AddReceivedIssueRequestAsync(new DateTime(2026, 11, 26, 8, 0, 0), Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var draft = await NewDraftAsync(client, Domain.Requests.RequestType.RecoverToken, Ct);

        var issues = TestHtml.Text(await client.GetStringAsync(new Uri("/Requests?type=Issue", UriKind.Relative), Ct));
        var recover = await client.GetStringAsync(new Uri("/Requests?type=RecoverToken&state=open", UriKind.Relative), Ct);
        var closed = await client.GetStringAsync(new Uri("/Requests?state=closed", UriKind.Relative), Ct);

        Assert.Contains(received.ReceiptNumber, issues, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 01", issues, StringComparison.Ordinal);
        Assert.Contains($"data-request-id=\"{Id(draft)}\"", recover, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 06", TestHtml.Text(recover), StringComparison.Ordinal);
        Assert.Contains("Không có yêu cầu nào khớp điều kiện lọc.", TestHtml.Text(closed), StringComparison.Ordinal);
    }

    private static async Task<string[]> ReceiptsAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative), Ct);
        return [.. ReceiptLink().Matches(html).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"class=""font-monospace"">(SKHCN-\d{4}-\d{6})</a>")]
    private static partial Regex ReceiptLink();
}
