using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Pages.Requests;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Pages;

/// <summary>
/// Issue 12 item 4: the landing page puts each user's work first. Figures are checked against queries written here,
/// independently of the dashboard's own.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public partial class DashboardTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Officer_SeesTheOwnAgencyReturnedRequestsFirst_WithLinks_AndNoOtherAgencyWork()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Renew);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        await ActAsync(staff, arranged.RequestId, "Receive", ct: Ct);
        await ActAsync(staff, arranged.RequestId, "Return", new Dictionary<string, string> { ["Return.Reason"] = "Thiếu chữ ký của thủ trưởng" }, Ct);

        await using var db = portal.CreateDbContext();
        var returned = await db.Requests.IgnoreQueryFilters()
            .Where(r => r.AgencyId == arranged.AgencyId && r.Status == RequestStatus.ReturnedForSupplement).Select(r => r.Id).ToListAsync(Ct);
        var otherReturned = await db.Requests.IgnoreQueryFilters()
            .Where(r => r.AgencyId != arranged.AgencyId && r.Status == RequestStatus.ReturnedForSupplement).Select(r => r.Id).ToListAsync(Ct);
        var officer = await portal.CreateClientAsync("canbo.syte", Ct);

        var html = await officer.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var text = TestHtml.Text(html);

        Assert.Contains($"{returned.Count} yêu cầu chờ bổ sung", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Việc của cơ quan", StringComparison.Ordinal) < text.IndexOf("Sổ đăng ký", StringComparison.Ordinal));
        Assert.All(returned, id => Assert.Contains($"href=\"/Requests/Details/{id}\"", html, StringComparison.Ordinal));
        Assert.All(otherReturned, id => Assert.DoesNotContain($"href=\"/Requests/Details/{id}\"", html, StringComparison.Ordinal));
        Assert.DoesNotContain("data-testid=\"department-work\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Requests/New?type=Renew\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Department_SeesItsQueue_AndTrendTables_MatchingTheRegisters()
    {
        await SubmittedAsync(portal, RequestType.RecoverToken, submittedAtUtc: VietnamTime.FromLocal(new DateTime(2026, 11, 23, 9, 0, 0)));
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var html = await staff.GetStringAsync(new Uri("/", UriKind.Relative), Ct);

        await using var db = portal.CreateDbContext();
        var today = new DateOnly(2026, 11, 26);
        var overdue = await db.Requests.CountAsync(r => (r.Status == RequestStatus.Received || r.Status == RequestStatus.Accepted)
            && (r.DueStep == DeadlineStep.FileOnCaPortal || r.DueStep == DeadlineStep.RecoverToken) && r.DueDate < today, Ct);
        var waiting = await db.Requests.CountAsync(r => r.Status == RequestStatus.Submitted, Ct);
        Assert.Equal(overdue, Tile(html, "overdue"));
        Assert.Equal(waiting, Tile(html, "waiting-receipt"));
        Assert.InRange(Tile(html, "late-to-receive"), 1, waiting);
        Assert.Contains("id=\"dashboard-charts\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/lib/chartjs/chart.umd.min.", html, StringComparison.Ordinal);

        // Certificates expiring per month over the next 12 months, counted here from the register.
        var from = VietnamTime.FromLocal(new DateTime(2026, 11, 1));
        var to = VietnamTime.FromLocal(new DateTime(2027, 11, 1));
        var expiring = await db.Certificates.CountAsync(c => c.Status == CertificateStatus.Valid && c.NotAfterUtc >= from && c.NotAfterUtc < to, Ct);
        var table = Regex.Match(html, "data-testid=\"table-expiring\".*?</table>", RegexOptions.Singleline).Value;
        var rows = CellNumbers().Matches(table).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(12, rows.Count);
        Assert.Equal(expiring, rows.Sum());
        Assert.Contains("<td>11/2026</td>", table, StringComparison.Ordinal);
        Assert.Contains("<td>10/2027</td>", table, StringComparison.Ordinal);

        // Valid now: the maintained counts of later months plus this month's rest, equal to a count of the register.
        var now = PortalFactory.DefaultNow.UtcDateTime;
        Assert.Equal(await db.Certificates.CountAsync(c => c.Status == CertificateStatus.Valid && c.NotAfterUtc > now, Ct), Tile(html, "valid-certificates"));
    }

    [Theory]
    [InlineData("chuyenvien.skhcn")]
    [InlineData("canbo.syte")]
    public async Task TheTokenTiles_EqualACountOfTheRegister_InTheUsersScope(string userName)
    {
        await SubmittedAsync(portal, RequestType.RecoverToken);
        var client = await portal.CreateClientAsync(userName, Ct);

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);

        await using var db = portal.CreateDbContext();
        var agencyId = await db.Users.Where(u => u.UserName == userName).Select(u => u.AgencyId).SingleAsync(Ct);
        var tokens = db.Tokens.Where(t => agencyId == null || t.AgencyId == agencyId);
        var locked = await tokens.CountAsync(t => t.Status == TokenStatus.Locked, Ct);
        Assert.True(locked > 0, "the arranged recovery locked a token");
        Assert.Equal(locked, Tile(html, "locked-tokens"));
        Assert.Equal(await tokens.CountAsync(t => t.Status == TokenStatus.InStock, Ct), Tile(html, "tokens-in-stock"));
        Assert.Equal(await tokens.CountAsync(t => t.Status == TokenStatus.Lost || t.Status == TokenStatus.Damaged, Ct), Tile(html, "lost-or-damaged"));
    }

    [Fact]
    public async Task Auditor_SeesTheQueueReadOnly_Administrator_GetsTheMailLogLink()
    {
        var auditor = await portal.CreateClientAsync("kiemtra", Ct);
        var admin = await portal.CreateClientAsync("quantri", Ct);

        var seen = await auditor.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var adminSeen = await admin.GetStringAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Contains("data-testid=\"department-work\"", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Admin/Mail\"", seen, StringComparison.Ordinal);
        Assert.Contains("href=\"/Admin/Mail\"", adminSeen, StringComparison.Ordinal);
    }

    /// <summary>
    /// The charts read the counters the database keeps per month (MonthlyCountTests): a request received since the last view
    /// is counted at the next one, with nothing kept between views.
    /// </summary>
    [Fact]
    public async Task Trends_CountARequestReceivedSinceTheLastView()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Renew);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var before = ReceivedInCharts(await staff.GetStringAsync(new Uri("/", UriKind.Relative), Ct));
        Assert.Equal(before, ReceivedInCharts(await staff.GetStringAsync(new Uri("/", UriKind.Relative), Ct)));

        await ActAsync(staff, arranged.RequestId, "Receive", ct: Ct);
        var html = await staff.GetStringAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Equal(before + 1, ReceivedInCharts(html));
        Assert.DoesNotContain("data-testid=\"trends-counted-at\"", html, StringComparison.Ordinal);
    }

    private static int ReceivedInCharts(string html)
    {
        var data = Regex.Match(html, "data-charts=\"([^\"]*)\"");
        Assert.True(data.Success, "no chart data");
        using var json = System.Text.Json.JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(data.Groups[1].Value));
        return json.RootElement.GetProperty("received").EnumerateArray().SelectMany(series => series.EnumerateArray()).Sum(v => v.GetInt32());
    }

    private static int Tile(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\">(\\d+)<");
        Assert.True(match.Success, $"tile {testId} not found");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("<td class=\"text-end\">(\\d+)</td>")]
    private static partial Regex CellNumbers();
}
