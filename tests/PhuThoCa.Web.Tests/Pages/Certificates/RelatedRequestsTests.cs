using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Pages.Requests;
using static PhuThoCa.Web.Tests.Pages.Requests.OfficerWorld;

namespace PhuThoCa.Web.Tests.Pages.Certificates;

/// <summary>
/// "Yêu cầu liên quan" on the certificate and token pages (issue 13 item 5): the requests about them, open and past, and the
/// next request to start, judged by the rules and the open requests; buttons only for officers of the owning agency.
/// </summary>
public class RelatedRequestsTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Certificate_WithAnOpenRenewal_ShowsItAndIsNotEligible_AndListsThePastRequest()
    {
        var world = await CreateAsync(portal, Ct);
        var (certificateId, serial, _) = await world.AddCertificateAsync(world.PersonA, daysLeft: 90, ct: Ct);
        var cancelled = await AddCancelledRevocationAsync(world, certificateId);
        var officer = await portal.CreateClientAsync(world.Officer, Ct);
        var before = await officer.GetStringAsync(new Uri("/Certificates/Details/" + Id(certificateId), UriKind.Relative), Ct);

        var started = await PortalFactory.PostFormAsync(officer, "/Requests/New",
            new Dictionary<string, string> { ["Type"] = "Renew", ["certificate"] = Id(certificateId) },
            formPageUrl: "/Requests/New?type=Renew&certificate=" + Id(certificateId), ct: Ct);
        var draftId = await DraftIdAsync(world, certificateId);
        var after = await officer.GetStringAsync(new Uri("/Certificates/Details/" + Id(certificateId), UriKind.Relative), Ct);
        var again = await PortalFactory.PostFormAsync(officer, "/Requests/New",
            new Dictionary<string, string> { ["Type"] = "Renew", ["certificate"] = Id(certificateId) }, ct: Ct);

        Assert.Contains("Đủ điều kiện đề nghị gia hạn", TestHtml.Text(before), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"start-Renew\"", before, StringComparison.Ordinal);
        Assert.Contains($"/Requests/New?type=Renew&amp;certificate={Id(certificateId)}", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Contains("/Requests/Edit/" + Id(draftId), started.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var text = TestHtml.Text(after);
        Assert.DoesNotContain("Đủ điều kiện đề nghị gia hạn", text, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"already-open-Renew\"", after, StringComparison.Ordinal);
        Assert.Contains("Đã có yêu cầu gia hạn đang xử lý cho chứng thư này", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Requests/Details/{Id(draftId)}\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"start-Renew\"", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"start-ChangeInfo\"", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"start-Revoke\"", after, StringComparison.Ordinal);
        // Newest first: the open draft, then the cancelled revocation.
        var open = after.IndexOf($"data-request-id=\"{Id(draftId)}\" data-open=\"true\"", StringComparison.Ordinal);
        var past = after.IndexOf($"data-request-id=\"{Id(cancelled)}\" data-open=\"false\"", StringComparison.Ordinal);
        Assert.True(open > 0 && past > open, "the open draft is listed before the cancelled request");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains($"Chứng thư số {serial} đã có yêu cầu gia hạn đang xử lý", TestHtml.Text(await again.Content.ReadAsStringAsync(Ct)),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificate_ForSoStaff_ListsRequestsWithoutButtons_AndAnotherAgencyGets404()
    {
        var world = await CreateAsync(portal, Ct);
        var (certificateId, _, _) = await world.AddCertificateAsync(world.PersonA, daysLeft: 90, ct: Ct);
        var cancelled = await AddCancelledRevocationAsync(world, certificateId);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var other = await portal.CreateClientAsync("canbo.syte", Ct);

        var page = await staff.GetStringAsync(new Uri("/Certificates/Details/" + Id(certificateId), UriKind.Relative), Ct);
        var foreign = await other.GetAsync(new Uri("/Certificates/Details/" + Id(certificateId), UriKind.Relative), Ct);
        var foreignNew = await other.GetStringAsync(new Uri("/Requests/New?type=Renew&certificate=" + Id(certificateId), UriKind.Relative), Ct);

        Assert.Contains("Yêu cầu liên quan", TestHtml.Text(page), StringComparison.Ordinal);
        Assert.Contains($"data-request-id=\"{Id(cancelled)}\"", page, StringComparison.Ordinal);
        Assert.Contains("Đủ điều kiện đề nghị gia hạn", TestHtml.Text(page), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"start-", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain("data-testid=\"draft-subject\"", foreignNew, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LockedToken_OffersRecoveryToItsOfficer_AndTheDraftStartsWithTheToken()
    {
        var world = await CreateAsync(portal, Ct);
        var (_, _, tokenId) = await world.AddCertificateAsync(world.PersonB, daysLeft: 200, tokenStatus: TokenStatus.Locked, ct: Ct);
        var officer = await portal.CreateClientAsync(world.Officer, Ct);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var page = await officer.GetStringAsync(new Uri("/Tokens/Details/" + Id(tokenId), UriKind.Relative), Ct);
        var staffPage = await staff.GetStringAsync(new Uri("/Tokens/Details/" + Id(tokenId), UriKind.Relative), Ct);
        var started = await PortalFactory.PostFormAsync(officer, "/Requests/New",
            new Dictionary<string, string> { ["Type"] = "RecoverToken", ["token"] = Id(tokenId) }, ct: Ct);
        var after = await officer.GetStringAsync(new Uri("/Tokens/Details/" + Id(tokenId), UriKind.Relative), Ct);

        Assert.Contains($"/Requests/New?type=RecoverToken&amp;token={Id(tokenId)}", page, StringComparison.Ordinal);
        Assert.Contains("Lập yêu cầu khôi phục", TestHtml.Text(page), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"start-", staffPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        await using var db = portal.CreateDbContext();
        var draft = await db.Requests.Include(r => r.Lines).SingleAsync(r => r.AgencyId == world.AgencyId && r.Type == RequestType.RecoverToken, Ct);
        Assert.Equal(tokenId, Assert.Single(draft.Lines).TokenId);
        Assert.Contains("data-testid=\"open-request-RecoverToken\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"start-RecoverToken\"", after, StringComparison.Ordinal);
    }

    /// <summary>A revocation of the certificate filed earlier and withdrawn: a past request of the certificate.</summary>
    private async Task<int> AddCancelledRevocationAsync(OfficerWorld world, int certificateId)
    {
        await using var db = portal.CreateDbContext();
        var certificate = await db.Certificates.Include(c => c.Subscriber).SingleAsync(c => c.Id == certificateId, Ct);
        var token = await db.Tokens.SingleAsync(t => t.Id == certificate.TokenId, Ct);
        var actor = await WorkflowArrange.ActorAsync(db, world.Officer, PortalFactory.DefaultNow.UtcDateTime.AddDays(-10));
        var request = new Request(RequestType.Revoke, world.AgencyId, actor);
        request.AddRevokeLine(certificate.Subscriber!, certificate, token, RevocationReason.KeyCompromised, new DateOnly(2026, 11, 10), null);
        db.Requests.Add(request);
        await db.SaveChangesAsync(Ct);
        request.Cancel("Lập nhầm", actor);
        await db.SaveChangesAsync(Ct);
        return request.Id;
    }

    private async Task<int> DraftIdAsync(OfficerWorld world, int certificateId)
    {
        await using var db = portal.CreateDbContext();
        return await db.Requests.Where(r => r.AgencyId == world.AgencyId && r.Type == RequestType.Renew && r.Lines.Any(l => l.CertificateId == certificateId))
            .Select(r => r.Id).SingleAsync(Ct);
    }
}
