using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Reports;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Pages.Requests;

namespace PhuThoCa.Web.Tests.Pages.Reports;

/// <summary>
/// The demand plan's detail list: the page reads its first lines only and the workbook all of them, while the plan's
/// counts are the whole plan's in both.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public sealed class ProvinceReportPlanTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Query_WithAPreviewOfPlanLines_ReadsTheFirstLines_AndCountsTheWholePlan()
    {
        using var scope = portal.Services.CreateScope();
        var query = scope.ServiceProvider.GetRequiredService<ProvinceReportQuery>();
        var period = ReportPeriod.Calendar(ReportPeriodKind.Year, 2026, 1);
        var today = new DateOnly(2026, 11, 26);

        var full = await query.RunAsync(period, null, today, includeForecasts: true, planLines: null, Ct);
        var preview = await query.RunAsync(period, null, today, includeForecasts: true, planLines: 3, Ct);

        Assert.True(full.DemandPlan.Count > 3, $"the demo data has {full.DemandPlan.Count} plan lines; the preview needs more than 3");
        Assert.Equal(full.DemandPlan.Count, full.DemandPlanCount);
        Assert.Equal(full.DemandPlanCount, preview.DemandPlanCount);
        Assert.Equal(full.DemandPlan.Take(3), preview.DemandPlan);
        Assert.Equal(full.DemandPlanCount, full.Total.PlanTotal);
        Assert.Equal(full.DemandPlan.Count(l => l.CanBeRenewed), preview.Total.PlanRenewals);
        Assert.Equal(full.DemandPlan.Count(l => !l.CanBeRenewed), preview.Total.PlanNewIssues);
        Assert.Equal(full.Agencies.Select(a => (a.AgencyName, a.PlanRenewals, a.PlanNewIssues)),
            preview.Agencies.Select(a => (a.AgencyName, a.PlanRenewals, a.PlanNewIssues)));
        Assert.Equal(full.DemandPlan.OrderBy(l => l.ExpiresOn).Select(l => l.ExpiresOn), full.DemandPlan.Select(l => l.ExpiresOn));
    }

    [Fact]
    public async Task Query_SubscribersInUse_FromTheMaintainedCounts_EqualACountOfTheRegister()
    {
        using var scope = portal.Services.CreateScope();
        var query = scope.ServiceProvider.GetRequiredService<ProvinceReportQuery>();
        await using var db = portal.CreateDbContext();
        var register = (await db.Subscribers.Where(s => s.IsActive).Select(s => new { s.AgencyId, s.Kind }).ToListAsync(Ct))
            .CountBy(s => (s.AgencyId, s.Kind)).ToDictionary();

        var report = await query.RunAsync(ReportPeriod.Calendar(ReportPeriodKind.Year, 2026, 1), null, new DateOnly(2026, 11, 26), Ct);

        Assert.True(register.Count > 3, "the demo data has subscribers in use of several agencies and kinds");
        foreach (var agency in report.Agencies)
        {
            Assert.Equal(
                (register.GetValueOrDefault((agency.AgencyId, SubscriberKind.Person)), register.GetValueOrDefault((agency.AgencyId, SubscriberKind.Organization)),
                    register.GetValueOrDefault((agency.AgencyId, SubscriberKind.DeviceServiceSoftware))),
                (agency.Persons, agency.Organizations, agency.Devices));
        }

        Assert.Equal(register.Values.Sum(), report.Total.Persons + report.Total.Organizations + report.Total.Devices);
    }

    [Fact]
    public async Task Page_ShowsTheWholePlansCount_AndItsFirstLines_TheWorkbookListsThemAll()
    {
        var staff = await portal.CreateClientAsync("lanhdao.skhcn", Ct);

        var html = await staff.GetStringAsync(new Uri("/Reports?p=year&year=2026", UriKind.Relative), Ct);
        var count = int.Parse(Regex.Match(TestHtml.Text(html), @"Chi tiết nhu cầu năm 2027 \(([\d.]+) chứng thư\)").Groups[1].Value.Replace(".", "", StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture);
        var rowsOnPage = Regex.Count(html, "data-testid=\"plan-lines\\|");

        using var stream = new MemoryStream(await staff.GetByteArrayAsync(new Uri("/Reports?handler=Excel&p=year&year=2026", UriKind.Relative), Ct));
        var lines = stream.Query(sheetName: "Chi tiết nhu cầu năm 2027").Cast<IDictionary<string, object?>>()
            .Where(r => r["A"] is double).ToList();
        Assert.True(count > 0, "the demo data has certificates expiring in 2027");
        Assert.Equal(count, lines.Count);
        Assert.Equal(Math.Min(count, ReportTables.DetailRowsOnPage), rowsOnPage);
        var plan = stream.Query(sheetName: "Nhu cầu năm 2027").Cast<IDictionary<string, object?>>().Single(r => Equals(r["B"], "Tổng cộng"));
        Assert.Equal((double)count, plan["E"]);
    }
}
