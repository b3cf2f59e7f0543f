using System.Net;
using System.Text.RegularExpressions;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Infrastructure;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Pages.Requests;

[Collection(WorkflowSerialGroup.Name)]
public class StaffInboxTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Inbox_ListsOverdueFirst_ShowsTheCucLegAsElapsed_AndTheNavbarCountsTheOverdue()
    {
        var overdue = await SubmittedAsync(portal, RequestType.Renew, submittedAtUtc: VietnamTime.FromLocal(new DateTime(2026, 11, 16, 8, 0, 0)));
        await ReceiveAsync(portal, overdue.RequestId, VietnamTime.FromLocal(new DateTime(2026, 11, 16, 9, 0, 0)));
        var atCuc = await SubmittedAsync(portal, RequestType.Issue, submittedAtUtc: VietnamTime.FromLocal(new DateTime(2026, 11, 10, 8, 0, 0)));
        await ReceiveAsync(portal, atCuc.RequestId, VietnamTime.FromLocal(new DateTime(2026, 11, 10, 9, 0, 0)));
        var overdueReceipt = (await ReadAsync(portal, overdue.RequestId)).ReceiptNumber!;
        var atCucReceipt = (await ReadAsync(portal, atCuc.RequestId)).ReceiptNumber!;
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var html = await staff.GetStringAsync(new Uri("/Requests/Inbox", UriKind.Relative), Ct);

        var rows = Rows(html);
        Assert.Contains("table-danger", rows[0].Class, StringComparison.Ordinal);
        // Other tests leave overdue requests in the shared register: these rows may be on a later page of the inbox.
        var overdueRow = await FindRowAsync(staff, overdueReceipt);
        Assert.Contains("Quá hạn 5 ngày làm việc", overdueRow.Text, StringComparison.Ordinal);
        Assert.Contains("19/11/2026", overdueRow.Text, StringComparison.Ordinal);
        var cucRow = await FindRowAsync(staff, atCucReceipt);
        Assert.DoesNotContain("table-danger", cucRow.Class, StringComparison.Ordinal);
        Assert.DoesNotContain("Quá hạn", cucRow.Text, StringComparison.Ordinal);
        Assert.Contains("Đã qua 12/3 ngày làm việc dự kiến", cucRow.Text, StringComparison.Ordinal);
        var badge = Regex.Match(html, "data-testid=\"overdue-badge\">(\\d+)<");
        Assert.True(badge.Success && int.Parse(badge.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(badge.Groups[1].Value, Regex.Match(html, "data-testid=\"count-overdue\">(\\d+)<").Groups[1].Value);

        var filtered = TestHtml.Text(await staff.GetStringAsync(new Uri("/Requests/Inbox?group=overdue", UriKind.Relative), Ct));
        Assert.Contains(overdueReceipt, filtered, StringComparison.Ordinal);
        Assert.DoesNotContain(atCucReceipt, filtered, StringComparison.Ordinal);
    }

    private static List<(string Class, string Text)> Rows(string html) =>
        [.. Regex.Matches(html, "<tr class=\"([^\"]*)\" data-testid=\"inbox-row\">([\\s\\S]*?)</tr>")
            .Select(m => (Class: m.Groups[1].Value, Text: TestHtml.Text(m.Groups[2].Value)))];

    /// <summary>The inbox row of <paramref name="receipt"/>, on whichever page of the inbox it is.</summary>
    private static async Task<(string Class, string Text)> FindRowAsync(HttpClient staff, string receipt)
    {
        for (var page = 1; page <= 40; page++)
        {
            var rows = Rows(await staff.GetStringAsync(new Uri($"/Requests/Inbox?p={page}", UriKind.Relative), Ct));
            var found = rows.FindIndex(r => r.Text.Contains(receipt, StringComparison.Ordinal));
            if (found >= 0)
            {
                return rows[found];
            }

            if (rows.Count < PagedList<object>.DefaultPageSize)
            {
                break;
            }
        }

        throw new Xunit.Sdk.XunitException($"{receipt} is on no page of the inbox");
    }

    [Fact]
    public async Task Inbox_ForAnAgencyOfficer_IsDenied_AndTheNavbarHasNoInbox()
    {
        var officer = await portal.CreateClientAsync("canbo.viettri", Ct);

        var response = await officer.GetAsync(new Uri("/Requests/Inbox", UriKind.Relative), Ct);
        var home = await officer.GetStringAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"nav-inbox\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_ForTheAuditor_IsReadable()
    {
        var auditor = await portal.CreateClientAsync("kiemtra", Ct);

        var html = await auditor.GetStringAsync(new Uri("/Requests/Inbox", UriKind.Relative), Ct);

        Assert.Contains("Việc cần xử lý", TestHtml.Text(html), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-inbox\"", html, StringComparison.Ordinal);
    }
}
