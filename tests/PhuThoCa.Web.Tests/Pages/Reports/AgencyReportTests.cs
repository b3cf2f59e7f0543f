using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Reports;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Pages.Requests;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Pages.Reports;

/// <summary>
/// The agencies' reports to Sở (QĐ-PT Điều 9.6) through the real pages: Sở sets a round, the officer sees it, fills the
/// forecast and sends; the figures are frozen at sending; Sở sees who has and has not reported and receives; another
/// agency's officer gets 404; the province report's plan shows the forecast; the reminder is written once. The portal's
/// clock stands at 26/11/2026 09:00 (Vietnam time).
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public partial class AgencyReportTests(PortalFactory portal)
{
    private const string Staff = "chuyenvien.skhcn";

    private static readonly string[] ForecastColumns = ["F", "G", "H"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Round_IsReportedByTheOfficer_FrozenAtSending_AndReceivedBySo()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var aName = $"UBND xã Báo Cáo Sở A {unique}";
        var bName = $"UBND xã Báo Cáo Sở B {unique}";
        var a = await NewCommuneAsync(portal, aName, "bsa" + unique);
        var b = await NewCommuneAsync(portal, bName, "bsb" + unique);
        var officerA = await portal.CreateClientAsync(await portal.CreateUserAsync(Roles.AgencyOfficer, a), Ct);
        var officerB = await portal.CreateClientAsync(await portal.CreateUserAsync(Roles.AgencyOfficer, b), Ct);
        var staff = await portal.CreateClientAsync(Staff, Ct);
        await AddOrganizationAsync(a, aName + " – văn phòng");

        // Sở creates the round: a bad deadline is shown next to the field and the form keeps what was typed.
        var bad = await PortalFactory.PostFormAsync(staff, "/Reports/Rounds?handler=Create", RoundFields("31/02/2026"), "/Reports/Rounds", Ct);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Ngày không hợp lệ, nhập theo dạng dd/MM/yyyy.", TestHtml.Text(badHtml), StringComparison.Ordinal);
        Assert.Equal("31/02/2026", TestHtml.InputValue(badHtml, "Round.Deadline"));

        // The deadline, 20/11/2026, has passed: the report will be sent late.
        var created = await PortalFactory.PostFormAsync(staff, "/Reports/Rounds?handler=Create", RoundFields("20/11/2026"), "/Reports/Rounds", Ct);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var roundId = int.Parse(RoundIdOf().Match(created.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // An officer cannot create a round (the antiforgery token comes from a form the officer has).
        var refused = await PortalFactory.PostFormAsync(officerA, "/Reports/Rounds?handler=Create", RoundFields("30/12/2026"), $"/Reports/Agency/{roundId}", Ct);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);

        // The officer sees the round on the list and on the landing page.
        var list = TestHtml.Text(await officerA.GetStringAsync(new Uri("/Reports/Rounds", UriKind.Relative), Ct));
        Assert.Contains("Quý IV năm 2026 20/11/2026 (đã quá hạn) Chưa lập", list, StringComparison.Ordinal);
        var landing = await officerA.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Contains($"href=\"/Reports/Agency/{roundId}\"", landing, StringComparison.Ordinal);

        // The draft shows live figures; a negative forecast is refused next to its field, keeping the input.
        var page = $"/Reports/Agency/{roundId}";
        var draft = await officerA.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        Assert.Equal(["1", aName, "0", "1", "0", "1"], Row(draft, "subscribers", aName));
        var negative = await PortalFactory.PostFormAsync(officerA, page + "?handler=Save", Forecast("5", "-3", "7"), page, Ct);
        var negativeHtml = await negative.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Nhập số nguyên không âm (từ 0 đến 1.000.000).", TestHtml.Text(negativeHtml), StringComparison.Ordinal);
        Assert.Equal("-3", TestHtml.InputValue(negativeHtml, "Forecast.NewTokens"));

        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.PostFormAsync(officerA, page + "?handler=Save", Forecast("5", "2", "7"), page, Ct)).StatusCode);
        var saved = await officerA.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        await KeepAsync("agency-report-draft", saved);
        await KeepAsync("officer-landing", await officerA.GetStringAsync(new Uri("/", UriKind.Relative), Ct));
        Assert.Equal("2", TestHtml.InputValue(saved, "Forecast.NewTokens"));
        Assert.Contains("Trạng thái: Nháp", TestHtml.Text(saved), StringComparison.Ordinal);
        Assert.Equal(["1", aName, "0", "0", "0", "5", "2", "7"], Row(saved, "plan", aName));

        // Sở does not see a draft, and the province plan does not count it.
        Assert.Contains("Cơ quan chưa gửi báo cáo kỳ này.", TestHtml.Text(await staff.GetStringAsync(new Uri($"{page}?agency={a}", UriKind.Relative), Ct)),
            StringComparison.Ordinal);
        Assert.Equal(["1", aName, "0", "0", "0", "0", "0", "0"], Row(await staff.GetStringAsync(new Uri($"/Reports?p=quarter-4&year=2026&agency={a}", UriKind.Relative), Ct), "plan", aName));

        // Another agency's officer gets 404 for A's report, reading or sending.
        Assert.Equal(HttpStatusCode.NotFound, (await officerB.GetAsync(new Uri($"{page}?agency={a}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await PortalFactory.PostFormAsync(officerB, $"{page}?handler=Send&agency={a}", Forecast("1", "1", "1"), page, Ct)).StatusCode);

        // Sent (late), then a register changes: the report keeps the figures it was sent with.
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.PostFormAsync(officerA, page + "?handler=Send", Forecast("5", "2", "7"), page, Ct)).StatusCode);
        await AddOrganizationAsync(a, aName + " – trung tâm");
        var sent = await officerA.GetStringAsync(new Uri(page, UriKind.Relative), Ct);
        Assert.Contains("Trạng thái: Đã gửi", TestHtml.Text(sent), StringComparison.Ordinal);
        Assert.Contains("(gửi muộn, sau hạn nộp)", TestHtml.Text(sent), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"send-report\"", sent, StringComparison.Ordinal);
        Assert.Equal(["1", aName, "0", "1", "0", "1"], Row(sent, "subscribers", aName));
        var live = await staff.GetStringAsync(new Uri($"/Reports?p=quarter-4&year=2026&agency={a}", UriKind.Relative), Ct);
        Assert.Equal(["1", aName, "0", "2", "0", "2"], Row(live, "subscribers", aName));
        var again = await PortalFactory.PostFormAsync(officerA, page + "?handler=Save", Forecast("9", "9", "9"), page, Ct);
        Assert.Contains("Báo cáo đã gửi Sở nên không sửa được nữa.", TestHtml.Text(await again.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        // Sở sees who has and has not reported.
        var details = await staff.GetStringAsync(new Uri($"/Reports/Rounds/Details/{roundId}", UriKind.Relative), Ct);
        await KeepAsync("round-details", details);
        await KeepAsync("rounds", await staff.GetStringAsync(new Uri("/Reports/Rounds", UriKind.Relative), Ct));
        var rowOfA = Row(details, "agency", aName);
        Assert.Equal([aName, "Đã gửi"], rowOfA[..2]);
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$", rowOfA[2]);
        Assert.Equal(["Gửi muộn", "—", "Mở báo cáo"], rowOfA[3..]);
        Assert.Contains("1 cơ quan đã gửi", TestHtml.Text(details), StringComparison.Ordinal);
        Assert.Equal([bName, "Chưa gửi", "—", "—", "—", ""], Row(details, "agency", bName));

        // Sở opens A's report and receives it.
        var opened = await staff.GetStringAsync(new Uri($"{page}?agency={a}", UriKind.Relative), Ct);
        Assert.Contains("Số thuê bao mới dự kiến cần cấp chứng thư số 5", TestHtml.Text(opened), StringComparison.Ordinal);
        Assert.Equal(["1", aName, "0", "1", "0", "1"], Row(opened, "subscribers", aName));
        Assert.Equal(HttpStatusCode.Redirect,
            (await PortalFactory.PostFormAsync(staff, $"{page}?handler=Receive&agency={a}", new Dictionary<string, string>(), $"{page}?agency={a}", Ct)).StatusCode);
        Assert.Contains("Trạng thái: Sở đã tiếp nhận", TestHtml.Text(await staff.GetStringAsync(new Uri($"{page}?agency={a}", UriKind.Relative), Ct)),
            StringComparison.Ordinal);
        Assert.Contains("Sở đã tiếp nhận", TestHtml.Text(await officerA.GetStringAsync(new Uri("/Reports/Rounds", UriKind.Relative), Ct)), StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/Reports/Agency/{roundId}\"", await officerA.GetStringAsync(new Uri("/", UriKind.Relative), Ct), StringComparison.Ordinal);

        // The province report's plan adds A's forecast (the round ends within Q4 2026), on the page and in the workbook.
        var province = await staff.GetStringAsync(new Uri("/Reports?p=quarter-4&year=2026", UriKind.Relative), Ct);
        Assert.Equal(["5", "2", "7"], Row(province, "plan", aName)[5..]);
        Assert.Equal(["0", "0", "0"], Row(province, "plan", bName)[5..]);
        Assert.Equal(["0", "0", "0"], Row(await staff.GetStringAsync(new Uri("/Reports?p=month-10&year=2026", UriKind.Relative), Ct), "plan", aName)[5..]);
        var excel = await staff.GetAsync(new Uri($"/Reports?handler=Excel&p=quarter-4&year=2026&agency={a}", UriKind.Relative), Ct);
        using var stream = new MemoryStream(await excel.Content.ReadAsByteArrayAsync(Ct));
        var plan = stream.Query(sheetName: "Nhu cầu năm 2027").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Cơ quan dự kiến: thuê bao mới", plan[5]["F"]);
        var rowA = plan.Single(r => Equals(r["B"], aName));
        Assert.Equal([5d, 2d, 7d], ForecastColumns.Select(c => Assert.IsType<double>(rowA[c])));
    }

    [Fact]
    public async Task Reminder_BeforeTheDeadline_IsWrittenOnce_AndNotForAnAgencyThatHasSent()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var waiting = await NewCommuneAsync(portal, $"UBND xã Nhắc Hạn {unique}", "nh" + unique);
        var done = await NewCommuneAsync(portal, $"UBND xã Đã Gửi {unique}", "dg" + unique);
        var officer = await portal.CreateUserAsync(Roles.AgencyOfficer, waiting);
        var officerDone = await portal.CreateUserAsync(Roles.AgencyOfficer, done);
        int roundId;
        await using (var db = portal.CreateDbContext())
        {
            var actor = new Actor("test", "Người Kiểm Thử", NowUtc(portal));
            // Due 28/11/2026, two days from the portal's today: inside the default three-day window.
            var round = new ReportingRound(ReportPeriod.Range(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 20)), new DateOnly(2026, 11, 28), null, actor);
            db.ReportingRounds.Add(round);
            await db.SaveChangesAsync(Ct);
            roundId = round.Id;
            var report = new AgencyReport(round, done, actor);
            report.Send(round, "{\"Scope\":\"\",\"PeriodLabel\":\"\",\"AsOf\":\"2026-11-26\",\"Tables\":[]}", actor);
            db.AgencyReports.Add(report);
            await db.SaveChangesAsync(Ct);
        }

        for (var run = 0; run < 2; run++)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AgencyReportReminders>().RunAsync(Ct);
        }

        await using (var db = portal.CreateDbContext())
        {
            var key = $"{AgencyReportReminders.KeyPrefix}{roundId}:{waiting}";
            var officerId = await db.Users.Where(u => u.UserName == officer).Select(u => u.Id).SingleAsync(Ct);
            var notification = await db.Notifications.SingleAsync(n => n.Key == key, Ct);
            Assert.Equal(officerId, notification.UserId);
            Assert.Equal("Hạn gửi báo cáo từ ngày 01/11/2026 đến ngày 20/11/2026: 28/11/2026", notification.Title);
            Assert.Contains("còn 2 ngày", notification.Detail, StringComparison.Ordinal);
            Assert.Equal(1, await db.ReportReminders.CountAsync(r => r.RoundId == roundId && r.AgencyId == waiting, Ct));

            var doneId = await db.Users.Where(u => u.UserName == officerDone).Select(u => u.Id).SingleAsync(Ct);
            Assert.False(await db.Notifications.AnyAsync(n => n.UserId == doneId, Ct));
            Assert.False(await db.ReportReminders.AnyAsync(r => r.RoundId == roundId && r.AgencyId == done, Ct));
        }
    }

    /// <summary>Keeps a page's HTML in the folder named by PAGES_OUT, to look at (nothing is written otherwise).</summary>
    private static async Task KeepAsync(string name, string html)
    {
        if (Environment.GetEnvironmentVariable("PAGES_OUT") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".html"), html, Ct);
        }
    }

    private static Dictionary<string, string> RoundFields(string deadline) => new()
    {
        ["Round.Choice"] = "quarter-4",
        ["Round.Year"] = "2026",
        ["Round.Deadline"] = deadline,
        ["Round.Note"] = "Báo cáo quý IV năm 2026",
    };

    private static Dictionary<string, string> Forecast(string subscribers, string tokens, string renewals) => new()
    {
        ["Forecast.NewSubscribers"] = subscribers,
        ["Forecast.NewTokens"] = tokens,
        ["Forecast.Renewals"] = renewals,
        ["Forecast.Note"] = "Tuyển dụng mới năm 2027",
    };

    private async Task AddOrganizationAsync(int agencyId, string name)
    {
        await using var db = portal.CreateDbContext();
        var unique = Guid.NewGuid().ToString("N")[..6];
        db.Subscribers.Add(new Subscriber(agencyId, new SubscriberDetails(SubscriberKind.Organization, name, null, null, null, null, null,
            $"vanthu@{unique}.phutho.gov.vn", null, "0101234567", "1234567", null, null)));
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>The cells of the row labelled <paramref name="label"/> of table <paramref name="table"/>, as the page shows them.</summary>
    private static string[] Row(string html, string table, string label)
    {
        var match = Regex.Match(WebUtility.HtmlDecode(html), $"<tr[^>]*data-testid=\"{Regex.Escape($"{table}|{label}")}\"[^>]*>(.*?)</tr>",
            RegexOptions.Singleline);
        Assert.True(match.Success, $"no row “{label}” in table {table}");
        return [.. Regex.Matches(match.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline)
            .Select(m => TestHtml.Text(m.Groups[1].Value).Trim())];
    }

    [GeneratedRegex(@"/Reports/Rounds/Details/(\d+)")]
    private static partial Regex RoundIdOf();
}
