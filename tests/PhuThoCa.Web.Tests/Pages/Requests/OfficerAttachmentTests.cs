using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Tests.Support;
using static PhuThoCa.Web.Tests.Pages.Requests.OfficerWorld;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>Files of a request: checked by content, hashed, stored outside the web root, downloaded only by those who see the request.</summary>
public partial class OfficerAttachmentTests(PortalFactory portal)
{
    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_SignedLetterPdf_IsStoredWithItsHash_AndDownloadsTheSameBytes()
    {
        var world = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Renew, Ct);

        var response = await UploadAsync(client, id, "..\\..\\Công văn số 125.pdf", Pdf, AttachmentPurpose.SignedLetter, returnTo: "edit", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Requests/Edit/{Id(id)}#attachments", response.Headers.Location!.OriginalString);
        await using var db = portal.CreateDbContext();
        var saved = await db.RequestAttachments.SingleAsync(a => a.RequestId == id, Ct);
        Assert.Equal(AttachmentPurpose.SignedLetter, saved.Purpose);
        Assert.Equal("Công văn số 125.pdf", saved.FileName);
        Assert.Equal("application/pdf", saved.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), saved.Sha256);
        Assert.True(File.Exists(Path.Combine(portal.DataFolder, "files", saved.StorageKey)));
        var download = await client.GetAsync(new Uri($"/Requests/Attachments/{Id(id)}?handler=Download&attachmentId={Id(saved.Id)}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        var editor = TestHtml.Text(await client.GetStringAsync(new Uri(Editor(id), UriKind.Relative), Ct));
        Assert.Contains("✓ Công văn đã ký đính kèm", editor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_FileThatIsNotPdfPngOrJpegByContent_IsRefused()
    {
        var world = await CreateAsync(portal, Ct);
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(client, RequestType.Renew, Ct);
        var executable = Encoding.ASCII.GetBytes("MZ\u0090\0\u0003\0\0\0This program cannot be run in DOS mode.");

        var response = await UploadAsync(client, id, "cong-van.pdf", executable, AttachmentPurpose.SignedLetter, returnTo: "edit", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Chỉ chấp nhận tệp PDF, PNG hoặc JPEG (kiểm tra theo nội dung tệp).", TestHtml.Text(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.RequestAttachments.AnyAsync(a => a.RequestId == id, Ct));
    }

    [Fact]
    public async Task Upload_BySoStaffOnADraft_IsForbidden_ButStaffMayReadTheList()
    {
        var world = await CreateAsync(portal, Ct);
        var officer = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(officer, RequestType.Renew, Ct);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var list = await staff.GetAsync(new Uri($"/Requests/Attachments/{Id(id)}", UriKind.Relative), Ct);
        var upload = await UploadAsync(staff, id, "ket-qua.pdf", Pdf, AttachmentPurpose.Result, returnTo: null, Ct);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", upload.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.RequestAttachments.AnyAsync(a => a.RequestId == id, Ct));
    }

    [Fact]
    public async Task Upload_AfterSubmission_IsForSoStaff_NotForTheAgency()
    {
        var world = await CreateAsync(portal, Ct);
        var officer = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await NewDraftAsync(officer, RequestType.Issue, Ct);
        await FillLetterAndContactAsync(officer, id, Ct);
        await PostAsync(officer, id, "AddIssueLine", new Dictionary<string, string> { ["IssueLine.SubscriberId"] = Id(world.PersonA) }, Ct);
        await SubmitAsync(officer, id, Ct);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var byOfficer = await UploadAsync(officer, id, "bo-sung.pdf", Pdf, AttachmentPurpose.Supporting, null, Ct);
        var byStaff = await UploadAsync(staff, id, "ket-qua-cua-cuc.pdf", Pdf, AttachmentPurpose.Result, null, Ct);
        var officerSees = TestHtml.Text(await officer.GetStringAsync(new Uri($"/Requests/Attachments/{Id(id)}", UriKind.Relative), Ct));

        Assert.Equal(HttpStatusCode.Redirect, byOfficer.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", byOfficer.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, byStaff.StatusCode);
        Assert.Equal($"/Requests/Attachments/{Id(id)}", byStaff.Headers.Location!.OriginalString);
        Assert.Contains("ket-qua-cua-cuc.pdf", officerSees, StringComparison.Ordinal);
        Assert.Contains("Kết quả, biên bản", officerSees, StringComparison.Ordinal);
        await using var db = portal.CreateDbContext();
        var saved = await db.RequestAttachments.SingleAsync(a => a.RequestId == id, Ct);
        Assert.Equal(AttachmentPurpose.Result, saved.Purpose);
    }

    /// <summary>GETs the attachments page for its antiforgery token, then posts the file as multipart form data.</summary>
    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int requestId, string fileName, byte[] bytes,
        AttachmentPurpose purpose, string? returnTo, CancellationToken ct, int? formPageRequestId = null)
    {
        var page = await client.GetStringAsync(new Uri($"/Requests/Attachments/{Id(formPageRequestId ?? requestId)}", UriKind.Relative), ct);
        var token = AntiforgeryField().Match(page);
        using var content = new MultipartFormDataContent();
        if (token.Success)
        {
            content.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        }

        content.Add(new StringContent(purpose.ToString()), "Upload.Purpose");
        if (returnTo is not null)
        {
            content.Add(new StringContent(returnTo), "ReturnTo");
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "Upload.File", fileName);
        return await client.PostAsync(new Uri($"/Requests/Attachments/{Id(requestId)}", UriKind.Relative), content, ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
