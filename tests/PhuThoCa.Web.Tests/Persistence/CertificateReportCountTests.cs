using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Calendar;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Infrastructure.Reports;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Requests.CaPortal;
using PhuThoCa.Web.Tests.Pages.Requests;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>
/// The counts of the report's certificate figures (ADR 0037): the triggers keep them equal to a count of the register after
/// the workflow's changes and a script's (a subscriber moved to another agency included), and the report's certificate
/// figures and demand plan counted from them equal those counted from the register's rows, for periods of whole months
/// that reach today or ended, province-wide, for one agency and in an agency-scoped context.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public sealed class CertificateReportCountTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCounters_EqualACountOfTheRegister_AfterEveryKindOfChange()
    {
        var now = NowUtc(portal);
        var revoked = await ReceivedAsync(portal, RequestType.Revoke, now.AddDays(-3));
        await PerformAsync<RecordCaResult, CaResultInput>(portal, revoked.RequestId,
            new CaResultInput { RevokedOn = VietnamTime.DateText(VietnamTime.ToDate(now.AddDays(-1))) }, "chuyenvien.skhcn", now.AddDays(-1));
        var moved = await SubmittedAsync(portal, RequestType.Renew);

        await using var db = portal.CreateDbContext();
        var kept = await AssertCountersMatchAsync(db);
        Assert.Contains(kept, c => c.Measure == CertificateReportCount.Revoked);
        Assert.Contains(kept, c => c.Measure == CertificateReportCount.Started && c.Value == 1);
        Assert.Contains(kept, c => c.Measure == CertificateReportCount.Standing && CertificateReportCount.HasRevocationTime(c.Value));

        // Not something the portal does: a script moves a subscriber to another agency (its certificates follow) and
        // changes a certificate's dates and status; the triggers count it all.
        var subscriber = await db.Subscribers.Where(s => s.Id == moved.SubscriberId).Select(s => new { s.AgencyId }).SingleAsync(Ct);
        var other = await db.Agencies.Where(a => a.Id != subscriber.AgencyId).Select(a => a.Id).FirstAsync(Ct);
        var certificate = await db.Certificates.Where(c => c.Id == moved.CertificateId).Select(c => new { c.NotAfterUtc, c.Status }).SingleAsync(Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Subscribers SET AgencyId = {other} WHERE Id = {moved.SubscriberId}", Ct);
        await AssertCountersMatchAsync(db);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE Certificates SET NotAfterUtc = '2027-03-31 17:30:00', Status = {(int)Domain.Certificates.CertificateStatus.Expired} WHERE Id = {moved.CertificateId}", Ct);
        await AssertCountersMatchAsync(db);

        // Put back: the collection's other tests read the register.
        await db.Database.ExecuteSqlAsync($"UPDATE Subscribers SET AgencyId = {subscriber.AgencyId} WHERE Id = {moved.SubscriberId}", Ct);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE Certificates SET NotAfterUtc = {certificate.NotAfterUtc}, Status = {(int)certificate.Status} WHERE Id = {moved.CertificateId}", Ct);
        await AssertCountersMatchAsync(db);
    }

    [Fact]
    public async Task TheReportFromTheCounters_EqualsTheReportCountedFromTheRegister()
    {
        var now = NowUtc(portal);
        var today = VietnamTime.ToDate(now);
        var revoked = await ReceivedAsync(portal, RequestType.Revoke, now.AddDays(-4));
        await PerformAsync<RecordCaResult, CaResultInput>(portal, revoked.RequestId,
            new CaResultInput { RevokedOn = VietnamTime.DateText(VietnamTime.ToDate(now.AddDays(-2))) }, "chuyenvien.skhcn", now.AddDays(-2));

        await using var db = portal.CreateDbContext();
        // A renewed certificate expiring next year: the plan's "new issue" (a second renewal is not allowed).
        var renewed = await db.Certificates.Where(c => c.Status == Domain.Certificates.CertificateStatus.Valid && c.RenewalCount > 0)
            .Select(c => new { c.Id, c.NotAfterUtc }).FirstAsync(Ct);
        var nextYear = VietnamTime.LastSecondUtc(new DateOnly(today.Year + 1, 6, 30));
        await db.Database.ExecuteSqlAsync($"UPDATE Certificates SET NotAfterUtc = {nextYear} WHERE Id = {renewed.Id}", Ct);
        try
        {
            await CompareAsync(db, today, revoked.AgencyId);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Certificates SET NotAfterUtc = {renewed.NotAfterUtc} WHERE Id = {renewed.Id}", Ct);
        }
    }

    private async Task CompareAsync(AppDbContext db, DateOnly today, int agencyId)
    {
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        ReportPeriod[] periods =
        [
            ReportPeriod.Calendar(ReportPeriodKind.Year, today.Year, 1),
            ReportPeriod.Calendar(ReportPeriodKind.HalfYear, today.Year, today.Month <= 6 ? 1 : 2),
            ReportPeriod.Calendar(ReportPeriodKind.Quarter, today.Year, ((today.Month - 1) / 3) + 1),
            ReportPeriod.Calendar(ReportPeriodKind.Month, today.Year, today.Month),
            ReportPeriod.Calendar(ReportPeriodKind.Month, lastMonth.Year, lastMonth.Month),
            ReportPeriod.Calendar(ReportPeriodKind.Year, today.Year - 1, 1),
        ];
        var seen = new AgencyFigures(0, "");
        foreach (var period in periods)
        {
            foreach (var agency in new int?[] { null, agencyId })
            {
                var (counted, read) = await BothAsync(db, period, agency, today);
                Assert.Equal(read, counted);
            }

            seen.Add((await RunAsync(db, period, null, today)).Total);
        }

        Assert.True(seen is { Issued: > 0, Renewed: > 0, Revoked: > 0, Expired: > 0, ValidAtEnd: > 0, PlanRenewals: > 0, PlanNewIssues: > 0 },
            $"the periods hold every certificate figure the counters keep: {JsonSerializer.Serialize(new { seen.Issued, seen.Renewed, seen.Revoked, seen.Expired, seen.ValidAtEnd, seen.PlanRenewals, seen.PlanNewIssues })}");

        await using var scoped = portal.CreateDbContext(new AgencyScope(agencyId));
        Assert.All(await scoped.CertificateReportCounts.ToListAsync(Ct), c => Assert.Equal(agencyId, c.AgencyId));
        var (scopedCounted, scopedRead) = await BothAsync(scoped, periods[0], null, today);
        Assert.Equal(scopedRead, scopedCounted);
    }

    private async Task<(string Counted, string Read)> BothAsync(AppDbContext db, ReportPeriod period, int? agencyId, DateOnly today) =>
        (Figures(await RunAsync(db, period, agencyId, today)), Figures(await RunAsync(db, period, agencyId, today, useCounters: false)));

    private async Task<ProvinceReport> RunAsync(AppDbContext db, ReportPeriod period, int? agencyId, DateOnly today, bool useCounters = true) =>
        await new ProvinceReportQuery(db, portal.Services.GetRequiredService<CalendarProvider>(),
            portal.Services.GetRequiredService<RequestDeadlineSettings>())
        { UseCounters = useCounters }.RunAsync(period, agencyId, today, Ct);

    /// <summary>The certificate figures and the plan's counts of every agency and the total, as JSON.</summary>
    private static string Figures(ProvinceReport report) =>
        JsonSerializer.Serialize(report.Agencies.Append(report.Total).Select(a => new
        {
            a.AgencyId,
            a.Issued,
            a.Renewed,
            a.Changed,
            a.Revoked,
            a.Expired,
            a.ValidAtEnd,
            a.PlanRenewals,
            a.PlanNewIssues,
        }));

    /// <summary>The register counted here, measure by measure, independently of the triggers.</summary>
    private static async Task<List<CertificateReportCount>> AssertCountersMatchAsync(AppDbContext db)
    {
        static int Month(DateTime utc) => RequestMonthCount.MonthKey(VietnamTime.ToDate(utc));

        var rows = await db.Certificates.AsNoTracking().IgnoreQueryFilters()
            .Select(c => new { c.NotBeforeUtc, c.NotAfterUtc, c.RevokedAtUtc, c.Status, c.PredecessorId, c.RenewalCount, c.Subscriber!.AgencyId })
            .ToListAsync(Ct);
        var keys = new List<(int Measure, int Month, int AgencyId, int Status, int Value)>();
        foreach (var c in rows)
        {
            keys.Add((CertificateReportCount.Started, Month(c.NotBeforeUtc), c.AgencyId, 0, c.PredecessorId != null || c.RenewalCount > 0 ? 1 : 0));
            if (c.RevokedAtUtc is { } revoked)
            {
                keys.Add((CertificateReportCount.Revoked, Month(revoked), c.AgencyId, 0, 0));
            }

            if (c.Status != Domain.Certificates.CertificateStatus.Superseded && (c.RevokedAtUtc == null || c.RevokedAtUtc >= c.NotAfterUtc))
            {
                keys.Add((CertificateReportCount.Expired, Month(c.NotAfterUtc), c.AgencyId, 0, 0));
            }

            keys.Add((CertificateReportCount.Standing, Month(c.NotAfterUtc), c.AgencyId, (int)c.Status, (c.RenewalCount * 2) + (c.RevokedAtUtc != null ? 1 : 0)));
        }

        var expected = keys.CountBy(k => k).Select(g => (g.Key.Measure, g.Key.Month, g.Key.AgencyId, g.Key.Status, g.Key.Value, g.Value)).Order().ToList();
        var kept = await db.CertificateReportCounts.IgnoreQueryFilters().Where(c => c.Count != 0).ToListAsync(Ct);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, kept.Select(c => (c.Measure, c.Month, c.AgencyId, c.Status, c.Value, c.Count)).Order().ToList());
        return kept;
    }
}
