using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Pages.Requests;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>
/// The counters the dashboard's trends read (issue 15, migration MonthlyCounts): the triggers keep RequestMonthCounts and
/// CertificateExpiryCounts equal to a count of the register, by Vietnam month computed here in C#, after the demo's inserts,
/// the workflow's moves (receipt, resolution early and late, completion) and a script's updates and deletes.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public sealed class MonthlyCountTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCounts_EqualACountOfTheRegister_AfterEveryKindOfChange()
    {
        var now = NowUtc(portal);
        var early = await RecoveredAsync(portal, now.AddDays(-40), now.AddDays(-40).AddHours(1), now.AddDays(-40).AddHours(2));
        var late = await RecoveredAsync(portal, now.AddDays(-20), now.AddDays(-19), now.AddDays(-13));
        var removed = await SubmittedAsync(portal, RequestType.Renew);
        await ReceiveAsync(portal, removed.RequestId, now.AddMinutes(-30));

        await using var db = portal.CreateDbContext();
        var measures = await AssertCountsMatchAsync(db);
        Assert.Superset(new HashSet<RequestMonthMeasure>
        {
            RequestMonthMeasure.Received, RequestMonthMeasure.Completed, RequestMonthMeasure.ResolvedEarly, RequestMonthMeasure.ResolvedLate,
        }, measures);

        // Not something the portal does: a script's updates and deletes are counted by the same triggers. 17:30 UTC on the
        // last day of a month is already the next month in Vietnam.
        var receivedAt = await db.Requests.Where(r => r.Id == early).Select(r => r.ReceivedAtUtc).SingleAsync(Ct);
        var lateType = await db.Requests.Where(r => r.Id == late).Select(r => r.Type).SingleAsync(Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET ReceivedAtUtc = '2026-10-31 17:30:00' WHERE Id = {early}", Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET Type = {(int)RequestType.Renew} WHERE Id = {late}", Ct);
        await DeleteByScriptAsync(db, removed.RequestId, Ct);
        var certificates = await db.Certificates.Where(c => c.Status == CertificateStatus.Valid).OrderBy(c => c.Id).Select(c => new { c.Id, c.NotAfterUtc })
            .Take(2).ToListAsync(Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Certificates SET Status = {(int)CertificateStatus.Revoked} WHERE Id = {certificates[0].Id}", Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Certificates SET NotAfterUtc = '2027-01-31 17:00:00' WHERE Id = {certificates[1].Id}", Ct);
        await AssertCountsMatchAsync(db);

        // Put back as the domain wrote them: the collection's reports and dashboard tests read the same register.
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET ReceivedAtUtc = {receivedAt} WHERE Id = {early}", Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Requests SET Type = {(int)lateType} WHERE Id = {late}", Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Certificates SET Status = {(int)CertificateStatus.Valid} WHERE Id = {certificates[0].Id}", Ct);
        await db.Database.ExecuteSqlAsync($"UPDATE Certificates SET NotAfterUtc = {certificates[1].NotAfterUtc} WHERE Id = {certificates[1].Id}", Ct);
        await AssertCountsMatchAsync(db);
    }

    [Fact]
    public async Task AnAgencyScopedContext_SeesNoCounters()
    {
        await using var province = portal.CreateDbContext();
        var agencyId = await province.Agencies.Select(a => a.Id).FirstAsync(Ct);
        await using var agency = portal.CreateDbContext(new AgencyScope(agencyId));

        Assert.NotEmpty(await province.RequestMonthCounts.ToListAsync(Ct));
        Assert.NotEmpty(await province.CertificateExpiryCounts.ToListAsync(Ct));
        Assert.Empty(await agency.RequestMonthCounts.ToListAsync(Ct));
        Assert.Empty(await agency.CertificateExpiryCounts.ToListAsync(Ct));
    }

    /// <summary>Compares the counters with the register counted here; returns the measures that have counts.</summary>
    private static async Task<HashSet<RequestMonthMeasure>> AssertCountsMatchAsync(AppDbContext db)
    {
        static int Key(DateTime utc) => RequestMonthCount.MonthKey(VietnamTime.ToDate(utc));
        var requests = await db.Requests.AsNoTracking()
            .Select(r => new { r.Type, r.Status, r.ReceivedAtUtc, r.ClosedAtUtc, r.ResolvedAtUtc, r.Resolution }).ToListAsync(Ct);
        var counted = requests.Where(r => r.ReceivedAtUtc is not null).Select(r => (RequestMonthMeasure.Received, Key(r.ReceivedAtUtc!.Value), r.Type))
            .Concat(requests.Where(r => r.Status == RequestStatus.Completed && r.ClosedAtUtc is not null)
                .Select(r => (RequestMonthMeasure.Completed, Key(r.ClosedAtUtc!.Value), r.Type)))
            .Concat(requests.Where(r => r.ResolvedAtUtc is not null && r.Resolution is not null)
                .Select(r => (RequestMonthCount.Resolved(r.Resolution!.Value), Key(r.ResolvedAtUtc!.Value), r.Type)))
            .CountBy(k => k).Select(g => (g.Key.Item1, g.Key.Item2, g.Key.Type, g.Value)).Order().ToList();
        var kept = (await db.RequestMonthCounts.Where(c => c.Count != 0).ToListAsync(Ct))
            .Select(c => (c.Measure, c.Month, c.Type, c.Count)).Order().ToList();
        Assert.NotEmpty(counted);
        Assert.Equal(counted, kept);

        var expiries = (await db.Certificates.AsNoTracking().Where(c => c.Status == CertificateStatus.Valid).Select(c => c.NotAfterUtc).ToListAsync(Ct))
            .CountBy(Key).Select(g => (g.Key, g.Value)).Order().ToList();
        var keptExpiries = (await db.CertificateExpiryCounts.Where(c => c.Count != 0).ToListAsync(Ct)).Select(c => (c.Month, c.Count)).Order().ToList();
        Assert.NotEmpty(expiries);
        Assert.Equal(expiries, keptExpiries);
        return [.. kept.Select(k => k.Measure)];
    }
}
