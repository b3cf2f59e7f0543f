using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>The seeded demo requests: every type in every status it can reach, filed by the demo officers.</summary>
[Collection(WorkflowSerialGroup.Name)]
public class WorkflowDemoDataTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoRequests_CoverEveryReachableStatusOfEveryType()
    {
        await using var db = portal.CreateDbContext();
        var officers = await db.Users.Where(u => u.UserName!.StartsWith("canbo.")).Select(u => u.Id).ToListAsync(Ct);
        var seeded = await db.Requests.AsNoTracking().Where(r => officers.Contains(r.CreatedByUserId))
            .Select(r => new { r.Type, r.Status }).ToListAsync(Ct);

        foreach (var type in RequestTypes.All)
        {
            foreach (var status in RequestTransitions.StatusesOf(type))
            {
                Assert.True(seeded.Any(r => r.Type == type && r.Status == status), $"No demo request {type} in {status}.");
            }
        }
    }

    [Fact]
    public async Task DemoRequests_HaveOverdueOnTimeAndDueTodaySteps_ForSo()
    {
        await using var db = portal.CreateDbContext();
        var today = VietnamTime.ToDate(portal.Clock.GetUtcNow().UtcDateTime);
        var running = await db.Requests.AsNoTracking()
            .Where(r => (r.DueStep == DeadlineStep.FileOnCaPortal || r.DueStep == DeadlineStep.RecoverToken)
                && (r.Status == RequestStatus.Received || r.Status == RequestStatus.Accepted))
            .Select(r => r.DueDate!.Value).ToListAsync(Ct);

        Assert.Contains(running, d => WorkingDayCalendar.GetDueStatus(d, today) == DueStatus.Overdue);
        Assert.Contains(running, d => WorkingDayCalendar.GetDueStatus(d, today) == DueStatus.DueToday);
        Assert.Contains(running, d => WorkingDayCalendar.GetDueStatus(d, today) == DueStatus.OnTime);
        Assert.True(await db.Requests.AnyAsync(r => r.History.Any(h => h.ActorName == "Trần Minh Đức"), Ct), "The leader accepted some demo requests.");
        Assert.Contains(Roles.AgencyOfficer, Roles.All);
    }
}
