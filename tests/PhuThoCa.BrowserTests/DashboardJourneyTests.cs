using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;

namespace PhuThoCa.BrowserTests;

/// <summary>
/// Issue 12 item 4: an officer lands on the agency's returned requests, opens one and resubmits it; Sở staff land on the
/// queue and the trend charts, drawn by Chart.js with the numbers of their tables.
/// </summary>
public class DashboardJourneyTests(BrowserPortal portal)
{
    private const string Officer = "canbo.viettri";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Officer_SeesTheRequestWaitingForSupplement_OpensIt_AndResubmits()
    {
        int returned;
        int first;
        await using (var db = portal.Factory.CreateDbContext())
        {
            var agencyId = await db.Agencies.Where(a => a.Name == "UBND phường Việt Trì").Select(a => a.Id).SingleAsync(Ct);
            var ids = await db.Requests.Where(r => r.AgencyId == agencyId && r.Status == RequestStatus.ReturnedForSupplement)
                .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(Ct);
            returned = ids.Count;
            first = ids[0];
        }

        var page = await portal.SignInAsync(Officer);
        await page.GotoAsync(portal.BaseUrl + "/");

        await Assertions.Expect(page.GetByTestId("returned-for-supplement")).ToContainTextAsync($"{returned} yêu cầu chờ bổ sung");
        await BrowserPortal.ScreenshotAsync(page, "40-officer-landing");
        await page.Locator($"[data-testid=returned-for-supplement] a[href='/Requests/Details/{first}']").ClickAsync();
        await page.WaitForURLAsync($"**/Requests/Details/{first}");
        await page.GetByTestId("form-resubmit").GetByLabel("Tôi xác nhận thông tin đề nghị là chính xác").CheckAsync();
        await page.GetByTestId("form-resubmit").GetByRole(AriaRole.Button, new() { Name = "Gửi lại sau bổ sung" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Đã gửi");

        await page.GotoAsync(portal.BaseUrl + "/");
        if (returned == 1)
        {
            await Assertions.Expect(page.GetByTestId("returned-for-supplement")).ToHaveCountAsync(0);
        }
        else
        {
            await Assertions.Expect(page.GetByTestId("returned-for-supplement")).ToContainTextAsync($"{returned - 1} yêu cầu chờ bổ sung");
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_SeesTheTrendCharts_DrawnWithTheNumbersOfTheirTables()
    {
        var page = await portal.SignInAsync("chuyenvien.skhcn");
        await page.GotoAsync(portal.BaseUrl + "/");

        await Assertions.Expect(page.GetByTestId("department-work")).ToBeVisibleAsync();
        foreach (var id in new[] { "chart-received", "chart-completed", "chart-ontime", "chart-expiring" })
        {
            // Chart.js registers a chart per canvas once it has drawn it.
            var drawn = await page.EvaluateAsync<bool>($"() => !!Chart.getChart(document.getElementById('{id}'))");
            Assert.True(drawn, id + " was not drawn");
        }

        var charted = await page.EvaluateAsync<int[]>("() => Chart.getChart(document.getElementById('chart-expiring')).data.datasets[0].data");
        await page.Locator("[data-testid=trends] details summary").Last.ClickAsync();
        var tabled = await page.Locator("[data-testid=table-expiring] tbody tr td:last-child").AllInnerTextsAsync();
        Assert.Equal(charted, tabled.Select(int.Parse).ToArray());

        await using (var db = portal.Factory.CreateDbContext())
        {
            var month = VietnamTime.ToDate(portal.Factory.Clock.GetUtcNow().UtcDateTime);
            var from = VietnamTime.FromLocal(new DateTime(month.Year, month.Month, 1, 0, 0, 0, DateTimeKind.Unspecified));
            var to = from.AddMonths(1);
            var thisMonth = await db.Certificates.CountAsync(c => c.Status == Domain.Certificates.CertificateStatus.Valid
                && c.NotAfterUtc >= from && c.NotAfterUtc < to, Ct);
            Assert.Equal(thisMonth, charted[0]);
        }

        await BrowserPortal.ScreenshotAsync(page, "41-department-landing");
        await page.Context.CloseAsync();
    }
}
