using System.Net;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Requests.CaPortal;
using PhuThoCa.Web.Requests.Completion;
using PhuThoCa.Web.Requests.Filing;
using PhuThoCa.Web.Requests.Review;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>On-time statistics over requests of a fresh agency whose history is written at known past times.</summary>
[Collection(WorkflowSerialGroup.Name)]
public partial class StaffStatisticsTests(PortalFactory portal)
{
    private static readonly string[] CountColumns = ["B", "C", "D", "E", "F", "G", "H"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Statistics_CountsEachOutcome_AndTheExcelFileCarriesTheFilterAndTheSameNumbers()
    {
        var (agencyId, agencyName) = await ArrangeAgencyWithHistoryAsync();
        var staff = await portal.CreateClientAsync("lanhdao.skhcn", Ct);
        var query = $"from=01/11/2026&to=26/11/2026&agency={agencyId}";

        var html = await staff.GetStringAsync(new Uri($"/Requests/Statistics?{query}", UriKind.Relative), Ct);

        Assert.Equal("6", Cell(html, "total-received"));
        Assert.Equal("1", Cell(html, "total-early"));
        Assert.Equal("1", Cell(html, "total-ondueday"));
        Assert.Equal("1", Cell(html, "total-late"));
        Assert.Equal("2", Cell(html, "total-pending"));
        Assert.Equal("1", Cell(html, "total-pendingoverdue"));
        Assert.Equal("1", Cell(html, "total-withdrawn"));
        Assert.Contains("Gia hạn chứng thư chữ ký số", TestHtml.Text(html), StringComparison.Ordinal);

        var response = await staff.GetAsync(new Uri($"/Requests/Statistics?handler=Excel&{query}&by=agency", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var rows = MiniExcel.Query(stream).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("THỐNG KÊ GIẢI QUYẾT YÊU CẦU THEO THỜI HẠN", rows[0]["A"]);
        Assert.Equal("Từ ngày 01/11/2026 đến ngày 26/11/2026", rows[1]["A"]);
        Assert.Equal("Cơ quan: " + agencyName, rows[3]["A"]);
        Assert.Equal("Nhóm theo: Cơ quan", rows[4]["A"]);
        Assert.Equal("Tiếp nhận", rows[7]["B"]);
        var agencyRow = rows.Single(r => Equals(r["A"], agencyName));
        var total = rows.Single(r => Equals(r["A"], "Tổng cộng"));
        Assert.Equal([6d, 1d, 1d, 1d, 2d, 1d, 1d], CountColumns.Select(c => Convert.ToDouble(total[c], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(total["B"], agencyRow["B"]);
        Assert.Equal(66.7, Convert.ToDouble(total["I"], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A period that ended before today judges each request as it stood at the end of its last day (ADR 0029): resolved
    /// by then (the stored resolution), closed by then (its final status), or still open then, from its history rows up to
    /// that day, even when it was resolved or withdrawn afterwards.
    /// </summary>
    [Fact]
    public async Task Statistics_ForAPastPeriod_JudgesEachRequestAsItStoodAtItsEnd()
    {
        var (agencyId, _) = await ArrangeAgencyWithHistoryAsync();
        var staff = await portal.CreateClientAsync("lanhdao.skhcn", Ct);
        (string From, string To, int[] Expected)[] periods =
        [
            // 04/11: the early one is filed; the on-day one (filed 05/11) and the late one (due 04/11, recovered 05/11) are pending, not overdue yet.
            ("01/11/2026", "04/11/2026", [3, 1, 0, 0, 2, 0, 0]),
            // 20/11: three resolved, the withdrawn one closed on 10/11, the one received 16/11 (due 19/11) pending overdue.
            ("01/11/2026", "20/11/2026", [5, 1, 1, 1, 1, 1, 1]),
            // 09/11: the one received that day and withdrawn the next counts as pending at the end of 09/11.
            ("05/11/2026", "09/11/2026", [1, 0, 0, 0, 1, 0, 0]),
        ];
        string[] cells = ["received", "early", "ondueday", "late", "pending", "pendingoverdue", "withdrawn"];

        foreach (var (from, to, expected) in periods)
        {
            var html = await staff.GetStringAsync(new Uri($"/Requests/Statistics?from={from}&to={to}&agency={agencyId}", UriKind.Relative), Ct);

            Assert.Equal(expected.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), cells.Select(c => Cell(html, "total-" + c)));
        }
    }

    [Fact]
    public async Task Statistics_WithAnEndBeforeTheStart_ShowsTheMessageNextToTheField()
    {
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var html = await staff.GetStringAsync(new Uri("/Requests/Statistics?from=20/11/2026&to=01/11/2026", UriKind.Relative), Ct);

        Assert.Contains("Ngày kết thúc phải từ ngày bắt đầu trở về sau.", TestHtml.Text(html), StringComparison.Ordinal);
        Assert.Contains("value=\"01/11/2026\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics_ForAnAgencyOfficer_IsDenied()
    {
        var officer = await portal.CreateClientAsync("canbo.syte", Ct);

        var response = await officer.GetAsync(new Uri("/Requests/Statistics", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static string Cell(string html, string testId) =>
        Regex.Match(html, $"data-testid=\"{testId}\">([^<]*)<").Groups[1].Value;

    private static DateTime At(int day, int month, int hour) => VietnamTime.FromLocal(new DateTime(2026, month, day, hour, 0, 0));

    /// <summary>
    /// Seven requests of a new agency: resolved before, on and after the due date, pending in time, pending overdue,
    /// withdrawn, and one received before the period (not counted). November 2026 has no holiday.
    /// </summary>
    private async Task<(int Id, string Name)> ArrangeAgencyWithHistoryAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var agencyName = $"UBND xã Thử Nghiệm {unique}";
        var agencyId = await NewCommuneAsync(portal, agencyName, "thu" + unique);

        var officer = await portal.CreateUserAsync(Roles.AgencyOfficer, agencyId);

        // Early: received Monday 02/11 (due Thursday 05/11), filed Wednesday 04/11.
        var early = await SubmittedAsync(portal, RequestType.Renew, officer, agencyName, At(2, 11, 8));
        await ReceiveAsync(portal, early.RequestId, At(2, 11, 9));
        await AcceptAndFileAsync(early.RequestId, At(3, 11, 9), "HS-01", At(4, 11, 9));

        // On the due day: filed Thursday 05/11.
        var onDay = await SubmittedAsync(portal, RequestType.ChangeInfo, officer, agencyName, At(2, 11, 8));
        await ReceiveAsync(portal, onDay.RequestId, At(2, 11, 10));
        await AcceptAndFileAsync(onDay.RequestId, At(5, 11, 9), "HS-02", At(5, 11, 15));

        // Late: recovery received Tuesday 03/11 (due Wednesday 04/11), recovered Thursday 05/11.
        var late = await SubmittedAsync(portal, RequestType.RecoverToken, officer, agencyName, At(3, 11, 8));
        await ReceiveAsync(portal, late.RequestId, At(3, 11, 9));
        await PerformAsync<AcceptRequest, NoteInput>(portal, late.RequestId, new NoteInput(), Staff, At(4, 11, 9));
        await PerformAsync<RecordRecovery, NoteInput>(portal, late.RequestId, new NoteInput(), Staff, At(5, 11, 9));

        // Pending in time: received this morning.
        var pending = await SubmittedAsync(portal, RequestType.Renew, officer, agencyName, At(26, 11, 7));
        await ReceiveAsync(portal, pending.RequestId, At(26, 11, 8));

        // Pending overdue: received Monday 16/11 (due Thursday 19/11), still being checked.
        var overdue = await SubmittedAsync(portal, RequestType.Renew, officer, agencyName, At(16, 11, 8));
        await ReceiveAsync(portal, overdue.RequestId, At(16, 11, 9));

        // Withdrawn by the agency the day after the receipt.
        var withdrawn = await SubmittedAsync(portal, RequestType.Renew, officer, agencyName, At(9, 11, 8));
        await ReceiveAsync(portal, withdrawn.RequestId, At(9, 11, 9));
        await PerformAsync<CancelRequest, CancelInput>(portal, withdrawn.RequestId,
            new CancelInput { Reason = "Cơ quan rút hồ sơ để lập lại" }, officer, At(10, 11, 9));

        // Received before the period: not counted.
        var before = await SubmittedAsync(portal, RequestType.Renew, officer, agencyName, At(26, 10, 8));
        await ReceiveAsync(portal, before.RequestId, At(26, 10, 9));
        return (agencyId, agencyName);
    }

    private const string Staff = "chuyenvien.skhcn";

    private async Task AcceptAndFileAsync(int requestId, DateTime acceptedAtUtc, string dossierCode, DateTime filedAtUtc)
    {
        await PerformAsync<AcceptRequest, NoteInput>(portal, requestId, new NoteInput(), Staff, acceptedAtUtc);
        await PerformAsync<RecordFiling, FilingInput>(portal, requestId, new FilingInput { DossierCode = dossierCode }, Staff, filedAtUtc);
    }
}
