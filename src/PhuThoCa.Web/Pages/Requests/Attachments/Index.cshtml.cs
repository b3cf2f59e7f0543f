using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Files;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using DomainRequest = PhuThoCa.Domain.Requests.Request;

namespace PhuThoCa.Web.Pages.Requests.Attachments;

/// <summary>
/// Files of a request: the signed letter and supporting files from the agency, result documents from Sở. Whoever may see
/// the request may list and download its files (an officer of another agency gets 404 through the query filters);
/// uploads are allowed by party and status, see <see cref="AllowedPurposes"/>. The bytes go to the <see cref="FileStore"/>
/// (outside the web root, checked by content, PDF/PNG/JPEG up to 10 MB) with their SHA-256 recorded.
/// </summary>
public class AttachmentsModel(AppDbContext db, CurrentUser me, FileStore files, PhuThoCa.Infrastructure.Signatures.SignedLetterService signatures) : PageModel
{
    public const string ReturnToEditor = "edit";

    [BindProperty]
    public UploadInput Upload { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnTo { get; set; }

    public DomainRequest Req { get; private set; } = null!;

    public List<RequestAttachment> Items { get; private set; } = [];

    public IReadOnlyList<AttachmentPurpose> Purposes { get; private set; } = [];

    public bool CanUpload => Purposes.Count > 0;

    /// <summary>
    /// What the current user may upload to <paramref name="request"/> now. The agency (its officers) while it holds the
    /// request (draft, returned for supplement) and while it must return revoked tokens (the Mẫu 08/09 minutes); Sở users
    /// who handle requests (policy <see cref="Policies.ScienceDepartment"/>, the same users as on the details page) once
    /// the request was sent, for result documents. Auditors only read.
    /// </summary>
    public static IReadOnlyList<AttachmentPurpose> AllowedPurposes(DomainRequest request, CurrentUser user, bool isScienceDepartmentUser)
    {
        if (user.IsOfficer)
        {
            return request.Status switch
            {
                RequestStatus.Draft or RequestStatus.ReturnedForSupplement => [AttachmentPurpose.SignedLetter, AttachmentPurpose.Supporting],
                RequestStatus.AwaitingTokenReturn => [AttachmentPurpose.Result, AttachmentPurpose.Supporting],
                RequestStatus.Submitted or RequestStatus.Received or RequestStatus.Accepted or RequestStatus.Rejected
                    or RequestStatus.AwaitingCaResult or RequestStatus.RejectedByCa or RequestStatus.ResultReceived
                    or RequestStatus.Completed or RequestStatus.Cancelled => [],
            };
        }

        return isScienceDepartmentUser && request.Status is not (RequestStatus.Draft or RequestStatus.Cancelled)
            ? [AttachmentPurpose.Result, AttachmentPurpose.Supporting]
            : [];
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanUpload)
        {
            return Forbid();
        }

        if (Upload.Purpose is not { } purpose || !Purposes.Contains(purpose))
        {
            ModelState.AddModelError("Upload.Purpose", "Vui lòng chọn loại tệp.");
            return Page();
        }

        var file = Upload.File;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("Upload.File", "Vui lòng chọn tệp cần tải lên.");
            return Page();
        }

        if (file.Length > FileStore.MaxBytes)
        {
            ModelState.AddModelError("Upload.File", $"Tệp đính kèm không được lớn hơn {FileStore.MaxBytes / 1024 / 1024} MB.");
            return Page();
        }

        byte[] bytes;
        await using (var upload = file.OpenReadStream())
        using (var buffer = new MemoryStream())
        {
            await upload.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }

        using var content = new MemoryStream(bytes, writable: false);
        var (stored, error) = await files.SaveAsync(content, file.FileName, bytes.Length, ct);
        if (stored is null)
        {
            ModelState.AddModelError("Upload.File", error ?? "Không lưu được tệp.");
            return Page();
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var attachment = new RequestAttachment(Req.Id, purpose, stored.FileName, stored.Key, FileStore.ContentType(stored.Kind),
            stored.Length, sha256, me.Actor());
        db.RequestAttachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Đã đính kèm “{stored.FileName}” ({RequestLabels.Purpose(purpose).ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))}).";
        if (purpose == AttachmentPurpose.SignedLetter && stored.Kind == AttachmentKind.Pdf)
        {
            // Issue 16: every signed letter is verified on upload; the report is stored with the request and audited.
            var check = await signatures.CheckAsync(Req, attachment, bytes, me.Actor(), ct);
            await db.SaveChangesAsync(ct);
            TempData["StatusMessage"] += " " + check.Summary;
        }
        return ReturnTo == ReturnToEditor && me.IsOfficer && RequestStatuses.IsEditable(Req.Status)
            ? RedirectToPage("/Requests/Edit/Index", null, new { id }, "attachments")
            : RedirectToPage(new { id });
    }

    /// <summary>Downloads one file; 404 unless the request is visible to the user (query filters) and the file belongs to it.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int id, int attachmentId, CancellationToken ct)
    {
        var attachment = await db.RequestAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.RequestId == id, ct);
        if (attachment is null || !await db.Requests.AnyAsync(r => r.Id == id, ct))
        {
            return NotFound();
        }

        var bytes = await files.ReadVerifiedAsync(attachment.StorageKey, attachment.Sha256, ct);
        if (bytes is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(bytes, attachment.ContentType, attachment.FileName);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var request = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return false;
        }

        Req = request;
        Purposes = AllowedPurposes(request, me, await me.CanAsync(Policies.ScienceDepartment));
        Items = await db.RequestAttachments.AsNoTracking().Where(a => a.RequestId == id).OrderBy(a => a.UploadedAtUtc).ToListAsync(ct);
        return true;
    }

    public sealed class UploadInput
    {
        public AttachmentPurpose? Purpose { get; set; }

        public IFormFile? File { get; set; }
    }
}
