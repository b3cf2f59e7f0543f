using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using DomainRequest = PhuThoCa.Domain.Requests.Request;

namespace PhuThoCa.Web.Pages.Requests.Filing;

/// <summary>
/// Lập yêu cầu: the officer picks the workflow and gets a draft of the own agency. Only agency officers file: the letter
/// is the agency's (QĐ-PT Điều 4–6, 9.1: "cơ quan, tổ chức quản lý trực tiếp có văn bản đề nghị"), so Sở users, who
/// receive and process these letters, never file one on an agency's behalf; they see requests on the list and details.
/// </summary>
[Authorize(Policy = Policies.FileRequests)]
public class NewRequestModel(AppDbContext db, CurrentUser me) : PageModel
{
    /// <summary>The chosen form; a link may preselect it (<c>?type=Renew</c> from the landing page's expiring certificates).</summary>
    [BindProperty(SupportsGet = true)]
    public RequestType? Type { get; set; }

    /// <summary>A certificate to put on the draft (the "Lập yêu cầu …" buttons of the certificate page).</summary>
    [BindProperty(SupportsGet = true, Name = "certificate")]
    public int? CertificateId { get; set; }

    /// <summary>A locked token to put on a recovery draft (the token page's "Lập yêu cầu khôi phục").</summary>
    [BindProperty(SupportsGet = true, Name = "token")]
    public int? TokenId { get; set; }

    public string AgencyName { get; private set; } = "";

    /// <summary>What the draft will start with, e.g. "chứng thư số 54… của Nguyễn Văn An"; null without a subject.</summary>
    public string? SubjectText { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Forbid();
        }

        if (Type is not { } type || !Enum.IsDefined(type))
        {
            ModelState.AddModelError(string.Empty, "Vui lòng chọn loại yêu cầu.");
            return Page();
        }

        var request = new DomainRequest(type, me.AgencyId!.Value, me.Actor());
        var subject = await StartingLineAsync(request, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Requests.Add(request);
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Đã tạo bản nháp yêu cầu {RequestLabels.TypeShort(type).ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} "
            + $"({RequestLabels.Form(type)})" + (subject is null ? "" : $" với {subject}") + ". Hãy điền văn bản đề nghị, Mục 1 và danh sách đề nghị rồi gửi.";
        // A change or a revocation needs what changes or why: the editor opens its line form on the certificate.
        return request.Lines.Count == 0 && CertificateId is { } cert
            ? RedirectToPage("/Requests/Edit/Index", null, new { id = request.Id, cert }, "line-form")
            : RedirectToPage("/Requests/Edit/Index", new { id = request.Id });
    }

    /// <summary>
    /// The line a draft started from a certificate's or a token's page begins with, judged by <see cref="NextRequests"/>
    /// (the rules and the open requests) like the page that offered the button; a refusal goes to the page's summary.
    /// Renewal and recovery lines need nothing more and are added; a change or a revocation is left to the editor's form.
    /// </summary>
    private async Task<string?> StartingLineAsync(DomainRequest request, CancellationToken ct)
    {
        if (CertificateId is { } certificateId)
        {
            var certificate = await db.Certificates.Include(c => c.Subscriber)
                .FirstOrDefaultAsync(c => c.Id == certificateId && c.Subscriber!.AgencyId == me.AgencyId, ct);
            if (certificate?.Subscriber is null || request.Type is not (RequestType.Renew or RequestType.ChangeInfo or RequestType.Revoke))
            {
                ModelState.AddModelError(string.Empty, "Chứng thư số không thuộc cơ quan hoặc không dùng cho loại yêu cầu này.");
                return null;
            }

            var open = await RelatedRequests.ForCertificateAsync(db, certificate.Id, ct);
            var next = NextRequests.ForCertificate(certificate, me.Today, open.Where(r => r.IsOpen).Select(r => r.Ref)).First(n => n.Type == request.Type);
            if (!Refused(next, $"Chứng thư số {certificate.SerialNumber}"))
            {
                if (request.Type == RequestType.Renew)
                {
                    request.AddRenewLine(certificate.Subscriber, certificate);
                }
            }

            return $"chứng thư số {certificate.SerialNumber} của {certificate.Subscriber.Name}";
        }

        if (TokenId is { } tokenId)
        {
            var token = await db.Tokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.AgencyId == me.AgencyId, ct);
            if (token is null || request.Type != RequestType.RecoverToken)
            {
                ModelState.AddModelError(string.Empty, "Thiết bị không thuộc cơ quan hoặc không dùng cho loại yêu cầu này.");
                return null;
            }

            var open = await RelatedRequests.ForTokenAsync(db, token.Id, ct);
            if (Refused(NextRequests.ForToken(token, open.Where(r => r.IsOpen).Select(r => r.Ref)), $"Thiết bị {token.SerialNumber}"))
            {
                return null;
            }

            // As the editor's "Thêm": the subscriber of the valid certificate on the token, else the custodian subscriber.
            var certificate = await db.Certificates.Where(c => c.TokenId == token.Id && c.Status == Domain.Certificates.CertificateStatus.Valid)
                .OrderByDescending(c => c.NotAfterUtc).FirstOrDefaultAsync(ct);
            var subscriberId = certificate?.SubscriberId ?? token.CustodianSubscriberId;
            if (subscriberId is not null && await db.Subscribers.FirstOrDefaultAsync(s => s.Id == subscriberId, ct) is { } subscriber)
            {
                request.AddRecoverTokenLine(subscriber, token, certificate?.SubscriberId == subscriber.Id ? certificate : null);
            }

            return $"thiết bị {token.SerialNumber}";
        }

        return null;
    }

    private bool Refused(NextRequest next, string subject)
    {
        if (next.OpenRequest is { } open)
        {
            ModelState.AddModelError(string.Empty, $"{subject} đã có yêu cầu {RequestLabels.TypeShort(next.Type).ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} "
                + $"đang xử lý ({open.ReceiptNumber ?? "yêu cầu số " + open.RequestId.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
            return true;
        }

        foreach (var problem in next.Problems)
        {
            ModelState.AddModelError(string.Empty, $"{subject}: {problem}");
        }

        return next.Problems.Count > 0;
    }

    /// <summary>An officer of an existing agency; a province-wide user with the officer role too is not one (CurrentUser.IsOfficer).</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!me.IsOfficer || me.AgencyId is not > 0)
        {
            return false;
        }

        var name = await db.Agencies.Where(a => a.Id == me.AgencyId).Select(a => a.Name).FirstOrDefaultAsync(ct);
        AgencyName = name ?? "";
        SubjectText = CertificateId is { } certificateId
            ? await db.Certificates.Where(c => c.Id == certificateId && c.Subscriber!.AgencyId == me.AgencyId)
                .Select(c => "chứng thư số " + c.SerialNumber + " của " + c.Subscriber!.Name).FirstOrDefaultAsync(ct)
            : TokenId is { } tokenId
                ? await db.Tokens.Where(t => t.Id == tokenId && t.AgencyId == me.AgencyId).Select(t => "thiết bị " + t.SerialNumber).FirstOrDefaultAsync(ct)
                : null;
        return name is not null;
    }
}
