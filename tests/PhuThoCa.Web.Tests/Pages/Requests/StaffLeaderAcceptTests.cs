using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Tests.Support;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary><c>Requests:AcceptRequiresLeader</c>: a second host on the same database with the setting on.</summary>
[Collection(WorkflowSerialGroup.Name)]
public class StaffLeaderAcceptTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Accept_WhenALeaderIsRequired_IsHiddenFromStaff_RefusedToTheirPost_AndDoneByTheLeader()
    {
        var arranged = await SubmittedAsync(portal, RequestType.RecoverToken);
        await ReceiveAsync(portal, arranged.RequestId, NowUtc(portal).AddMinutes(-20));
        using var strict = portal.WithWebHostBuilder(b => b.UseSetting(PhuThoCa.Web.Infrastructure.LeaderOnlyRequirement.Accept, "true"));
        var staff = await SignInAsync(strict, "chuyenvien.skhcn");
        var leader = await SignInAsync(strict, "lanhdao.skhcn");

        var staffPage = await LoadAsync(staff, arranged.RequestId, Ct);
        var staffPost = await PostAsync(staff, arranged.RequestId, "Accept", staffPage, ct: Ct);

        Assert.DoesNotContain("data-testid=\"form-accept\"", staffPage.Html, StringComparison.Ordinal);
        Assert.Contains("chỉ Lãnh đạo Sở được chấp nhận yêu cầu", staffPage.Text, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"form-reject\"", staffPage.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, staffPost.StatusCode);
        Assert.Contains("/Account/AccessDenied", staffPost.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Received, (await ReadAsync(portal, arranged.RequestId)).Status);

        await ActAsync(leader, arranged.RequestId, "Accept", ct: Ct);

        var accepted = await ReadAsync(portal, arranged.RequestId);
        Assert.Equal(RequestStatus.Accepted, accepted.Status);
        Assert.Equal("Trần Minh Đức", accepted.History.Single(h => h.Action == RequestAction.Accept).ActorName);
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string userName)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PortalFactory.SignInAsync(client, factory.Services, userName, ct: Ct);
        return client;
    }
}
