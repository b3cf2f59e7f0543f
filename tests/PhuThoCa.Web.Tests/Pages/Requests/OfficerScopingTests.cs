using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Tests.Support;
using static PhuThoCa.Web.Tests.Pages.Requests.OfficerWorld;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>An officer of another agency gets 404 on a request, its files and its actions, on GET and POST, and nothing changes.</summary>
public class OfficerScopingTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OfficerOfAnotherAgency_Gets404_OnTheRequestItsFilesAndItsActions()
    {
        var owner = await CreateAsync(portal, Ct);
        var stranger = await CreateAsync(portal, Ct);
        var cert = await owner.AddCertificateAsync(owner.PersonA, daysLeft: 300, ct: Ct);
        var ownClient = await portal.CreateClientAsync(owner.Officer, Ct);
        var id = await NewDraftAsync(ownClient, RequestType.Renew, Ct);
        await OfficerAttachmentTests.UploadAsync(ownClient, id, "cong-van.pdf", OfficerAttachmentTests.Pdf, AttachmentPurpose.SignedLetter, null, Ct);
        await using (var db = portal.CreateDbContext())
        {
            var attachmentId = await db.RequestAttachments.Where(a => a.RequestId == id).Select(a => a.Id).SingleAsync(Ct);
            var client = await portal.CreateClientAsync(stranger.Officer, Ct);
            var strangerDraft = await NewDraftAsync(client, RequestType.Renew, Ct);

            string[] gets =
            [
                Editor(id), $"{Editor(id)}?cert={Id(cert.Id)}", $"/Requests/Attachments/{Id(id)}",
                $"/Requests/Attachments/{Id(id)}?handler=Download&attachmentId={Id(attachmentId)}",
                $"/Requests/Attachments/{Id(strangerDraft)}?handler=Download&attachmentId={Id(attachmentId)}",
            ];
            foreach (var url in gets)
            {
                var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url}: {(int)response.StatusCode}");
            }

            var own = Editor(strangerDraft);
            var posts = new (string Handler, Dictionary<string, string> Fields)[]
            {
                ("Letter", new() { ["Letter.Number"] = "1/UBND", ["Letter.Date"] = "20/11/2026", ["Letter.SignerName"] = "X", ["Letter.SignerPosition"] = "Y" }),
                ("Contact", new() { ["Contact.FullName"] = "X", ["Contact.Phone"] = "0912345678" }),
                ("AddRenewLine", new() { ["certificateId"] = Id(cert.Id) }),
                ("Submit", new() { ["Submission.Confirm"] = "true" }),
                ("Cancel", new() { ["Cancellation.Reason"] = "Thử truy cập trái phép" }),
            };
            foreach (var (handler, fields) in posts)
            {
                var response = await PortalFactory.PostFormAsync(client, $"{Editor(id)}?handler={handler}", fields, formPageUrl: own, ct: Ct);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {handler}: {(int)response.StatusCode}");
            }

            var upload = await OfficerAttachmentTests.UploadAsync(client, id, "x.pdf", OfficerAttachmentTests.Pdf, AttachmentPurpose.Supporting, null, Ct,
                formPageRequestId: strangerDraft);
            Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);

            // The stranger cannot put the other agency's certificate on an own request either.
            var foreignLine = await PortalFactory.PostFormAsync(client, $"{own}?handler=AddRenewLine",
                new Dictionary<string, string> { ["certificateId"] = Id(cert.Id) }, formPageUrl: own, ct: Ct);
            Assert.Contains("Chứng thư không thuộc cơ quan lập yêu cầu.", TestHtml.Text(await foreignLine.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

            var list = TestHtml.Text(await client.GetStringAsync(new Uri("/Requests", UriKind.Relative), Ct));
            Assert.DoesNotContain(cert.Serial, list, StringComparison.Ordinal);
        }

        await using var after = portal.CreateDbContext();
        var request = await after.Requests.Include(r => r.Lines).SingleAsync(r => r.Id == id, Ct);
        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Null(request.Letter.Number);
        Assert.Empty(request.Lines);
        Assert.Equal(1, await after.RequestAttachments.CountAsync(a => a.RequestId == id, Ct));
    }

    [Fact]
    public async Task SoStaff_SeeAllAgencies_ButDoNotFile()
    {
        var world = await CreateAsync(portal, Ct);
        var officer = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(officer, RequestType.Issue, Ct);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var list = await staff.GetStringAsync(new Uri($"/Requests?agency={Id(world.AgencyId)}", UriKind.Relative), Ct);
        var newPage = await staff.GetAsync(new Uri("/Requests/New", UriKind.Relative), Ct);
        var editor = await staff.GetAsync(new Uri(Editor(id), UriKind.Relative), Ct);

        Assert.Contains($"data-request-id=\"{Id(id)}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("+ Lập yêu cầu", TestHtml.Text(list), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, newPage.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", newPage.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, editor.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", editor.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
