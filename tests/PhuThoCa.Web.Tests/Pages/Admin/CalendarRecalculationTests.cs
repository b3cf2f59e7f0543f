using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Tests.Support;

using PhuThoCa.Web.Requests.Filing;
using PhuThoCa.Web.Requests.Review;
using PhuThoCa.Web.Tests.Pages.Requests;

namespace PhuThoCa.Web.Tests.Pages.Admin;

/// <summary>An admin adds a day off: open requests get their deadline recomputed, noted in their history.</summary>
public class CalendarRecalculationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddingADayOffInsideARunningPeriod_MovesTheDueDateOfTheOpenRequest()
    {
        // Own portal: the day off added here must not move other tests' deadlines.
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        int requestId;
        await using (var db = portal.CreateDbContext())
        {
            var agency = await db.Agencies.SingleAsync(a => a.Name == "UBND phường Việt Trì", Ct);
            var certificate = await db.Certificates.Include(c => c.Subscriber)
                .Where(c => c.Subscriber!.AgencyId == agency.Id && c.Status == PhuThoCa.Domain.Certificates.CertificateStatus.Valid && c.RenewalCount == 0)
                .OrderByDescending(c => c.NotAfterUtc).FirstAsync(Ct);
            var officer = new Actor("officer", "Cán bộ thử", portal.Clock.GetUtcNow().UtcDateTime.AddHours(-1));
            var staff = new Actor("staff", "Chuyên viên thử", portal.Clock.GetUtcNow().UtcDateTime);
            var request = new Request(RequestType.Renew, agency.Id, officer);
            request.UpdateLetter(new RequestLetter("12", new DateOnly(2026, 11, 25), "Nguyễn Văn Ký", "Chủ tịch"));
            request.UpdateContact(new RequestContact("Bùi Thị Hương", "025190012345", new DateOnly(2022, 1, 1), "Cục Cảnh sát QLHC về TTXH",
                "Công chức", "0912345678", "huong@viettri.phutho.gov.vn", "Phường Việt Trì", "UBND phường Việt Trì"));
            request.AddRenewLine(certificate.Subscriber!, certificate);
            db.Requests.Add(request);
            await db.SaveChangesAsync(Ct);
            await WorkflowArrange.PerformAsync<SubmitRequest, SubmitInput>(portal, db, request, WorkflowArrange.Sent(officer), officer);
            await WorkflowArrange.PerformAsync<ReceiveRequest, ReceiveInput>(portal, db, request, new ReceiveInput(), staff);
            requestId = request.Id;
            // Received Thu 26/11/2026: 3 working days → Tue 01/12/2026.
            Assert.Equal(new DateOnly(2026, 12, 1), request.DueDate);
        }

        var admin = await portal.CreateClientAsync("quantri", Ct);
        var added = await PortalFactory.PostFormAsync(admin, "/Admin/Calendar/Edit?year=2026", new Dictionary<string, string>
        {
            ["Input.Date"] = "30/11/2026",
            ["Input.Kind"] = "DayOff",
            ["Input.Name"] = "Nghỉ theo quyết định của UBND tỉnh (thử)",
            ["Input.LegalBasis"] = "Quyết định 1/QĐ-UBND ngày 20/11/2026 của UBND tỉnh",
            ["Input.IsProvincial"] = "true",
        }, ct: Ct);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await using var after = portal.CreateDbContext();
        Assert.Equal(new DateOnly(2026, 12, 2), (await after.Requests.SingleAsync(r => r.Id == requestId, Ct)).DueDate);
        var note = await after.TimelineEvents.SingleAsync(e => e.Subject == TimelineSubject.Request && e.SubjectId == requestId, Ct);
        Assert.Equal("01/12/2026", note.FromState);
        Assert.Equal("02/12/2026", note.ToState);
    }

    [Fact]
    public async Task WhenTheRecalculationFails_TheCalendarChangeIsNotStoredEither()
    {
        await using var portal = new PortalFactory();
        await portal.InitializeAsync();
        using var failing = portal.WithWebHostBuilder(b => b.ConfigureServices(services =>
            services.AddScoped<PhuThoCa.Web.Infrastructure.IDeadlineRecalculator, FailingRecalculator>()));
        var admin = failing.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PortalFactory.SignInAsync(admin, failing.Services, "quantri", ct: Ct);
        int overridesBefore;
        int calendarEventsBefore;
        await using (var before = portal.CreateDbContext())
        {
            overridesBefore = await before.CalendarOverrides.CountAsync(Ct);
            calendarEventsBefore = await before.TimelineEvents.CountAsync(e => e.Subject == TimelineSubject.Calendar, Ct);
        }

        var response = await PortalFactory.PostFormAsync(admin, "/Admin/Calendar/Edit?year=2026", new Dictionary<string, string>
        {
            ["Input.Date"] = "30/11/2026",
            ["Input.Kind"] = "DayOff",
            ["Input.Name"] = "Nghỉ theo quyết định của UBND tỉnh (thử)",
            ["Input.LegalBasis"] = "Quyết định 1/QĐ-UBND ngày 20/11/2026 của UBND tỉnh",
        }, ct: Ct);

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        await using var after = portal.CreateDbContext();
        Assert.Equal(overridesBefore, await after.CalendarOverrides.CountAsync(Ct));
        Assert.False(await after.CalendarOverrides.AnyAsync(o => o.Date == new DateOnly(2026, 11, 30), Ct));
        Assert.Equal(calendarEventsBefore, await after.TimelineEvents.CountAsync(e => e.Subject == TimelineSubject.Calendar, Ct));
    }

    /// <summary>A recalculation that fails after the calendar change was saved in the same transaction.</summary>
    private sealed class FailingRecalculator : PhuThoCa.Web.Infrastructure.IDeadlineRecalculator
    {
        public Task<int> RecalculateOpenRequestsAsync(string reason, CancellationToken ct) =>
            throw new InvalidOperationException("Simulated failure while recomputing the deadlines.");
    }
}
