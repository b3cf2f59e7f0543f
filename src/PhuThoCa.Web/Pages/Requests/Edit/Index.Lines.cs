using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Requests.Edit;

/// <summary>The editor's line handlers: one per workflow's line kind, and removal.</summary>
public partial class DraftEditorModel
{
    public async Task<IActionResult> OnPostAddIssueLineAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, null, ct) || Req.Type != RequestType.Issue)
        {
            return NotFound();
        }

        var typed = await ApplyTypedAsync(null, ct);

        if (!await SectionValidAsync(issueValidator, IssueLine, nameof(IssueLine), complete: true, ct))
        {
            return await RefusedAsync(typed, ct);
        }

        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == IssueLine.SubscriberId && s.AgencyId == Req.AgencyId, ct);
        if (subscriber is null)
        {
            ModelState.AddModelError("IssueLine.SubscriberId", "Thuê bao không thuộc cơ quan lập yêu cầu.");
            return await RefusedAsync(typed, ct);
        }

        Req.AddIssueLine(subscriber, IssueLine.PreviousSerial, IssueLine.SimPki);
        return await SavedAsync($"Đã thêm thuê bao “{subscriber.Name}” vào danh sách đề nghị cấp.", "lines", ct, typed);
    }

    public async Task<IActionResult> OnPostAddRevokeLineAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, RevokeLine.CertificateId, null, ct) || Req.Type != RequestType.Revoke)
        {
            return NotFound();
        }

        var typed = await ApplyTypedAsync(null, ct);

        if (!await SectionValidAsync(revokeValidator, RevokeLine, nameof(RevokeLine), complete: true, ct))
        {
            return await RefusedAsync(typed, ct);
        }

        if (await FindCertificateAsync(RevokeLine.CertificateId!.Value, ct) is not { } found)
        {
            return await RefusedAsync(typed, ct);
        }

        var token = found.Certificate.TokenId is { } tokenId ? await db.Tokens.FirstOrDefaultAsync(t => t.Id == tokenId, ct) : null;
        if (found.Certificate.TokenId is not null && token is null)
        {
            // The token is registered to another agency: its return to the Cục could not be tracked by this one.
            ModelState.AddModelError(string.Empty, $"Thiết bị lưu chứng thư số {found.Certificate.SerialNumber} không thuộc cơ quan lập yêu cầu: "
                + "hãy cập nhật sổ thiết bị lưu khóa bí mật trước khi đề nghị thu hồi.");
            return await RefusedAsync(typed, ct);
        }

        var reason = RevokeLine.Reason!.Value;
        Req.AddRevokeLine(found.Subscriber, found.Certificate, token, reason, Format.ParseDate(RevokeLine.InvalidityDate), RevokeLine.Detail);
        return await SavedAsync($"Đã thêm chứng thư số {found.Certificate.SerialNumber} vào danh sách đề nghị thu hồi.", "lines", ct, typed);
    }

    public async Task<IActionResult> OnPostAddRenewLineAsync(int id, int certificateId, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, null, ct) || Req.Type != RequestType.Renew)
        {
            return NotFound();
        }

        var typed = await ApplyTypedAsync(null, ct);

        if (await FindCertificateAsync(certificateId, ct) is not { } found)
        {
            return await RefusedAsync(typed, ct);
        }

        Req.AddRenewLine(found.Subscriber, found.Certificate);
        return await SavedAsync($"Đã thêm chứng thư số {found.Certificate.SerialNumber} vào danh sách đề nghị gia hạn.", "lines", ct, typed);
    }

    public async Task<IActionResult> OnPostAddChangeLineAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ChangeLine.CertificateId, null, ct) || Req.Type is not (RequestType.ChangeInfo or RequestType.Renew))
        {
            return NotFound();
        }

        var typed = await ApplyTypedAsync(null, ct);

        if (!await SectionValidAsync(changeValidator, ChangeLine, nameof(ChangeLine), complete: true, ct))
        {
            return await RefusedAsync(typed, ct);
        }

        if (await FindCertificateAsync(ChangeLine.CertificateId!.Value, ct, allowSecondLine: true) is not { } found)
        {
            return await RefusedAsync(typed, ct);
        }

        if (Req.Type == RequestType.Renew)
        {
            // Mẫu 04 with both boxes ticked: the change goes with the renewal line already in the list.
            if (Req.Lines.FirstOrDefault(l => l.CertificateId == found.Certificate.Id) is not { } renewal)
            {
                ModelState.AddModelError(string.Empty, $"Hãy thêm chứng thư số {found.Certificate.SerialNumber} vào danh sách gia hạn trước.");
                return await RefusedAsync(typed, ct);
            }

            Req.AlsoChangeOnRenewal(renewal, found.Subscriber, ChangeLine.Case!.Value, ChangeLine.OldValue!, ChangeLine.NewValue!);
            return await SavedAsync($"Đã ghi nội dung thay đổi thông tin kèm theo gia hạn chứng thư số {found.Certificate.SerialNumber}.", "lines", ct, typed);
        }

        Req.AddChangeInfoLine(found.Subscriber, found.Certificate, ChangeLine.Case!.Value, ChangeLine.OldValue!, ChangeLine.NewValue!);
        return await SavedAsync($"Đã thêm nội dung thay đổi của chứng thư số {found.Certificate.SerialNumber}.", "lines", ct, typed);
    }

    public async Task<IActionResult> OnPostAddRecoverLineAsync(int id, int tokenId, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, null, ct) || Req.Type != RequestType.RecoverToken)
        {
            return NotFound();
        }

        var typed = await ApplyTypedAsync(null, ct);

        var token = await db.Tokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.AgencyId == Req.AgencyId, ct);
        if (token is null)
        {
            return NotFound();
        }

        if (token.Status != TokenStatus.Locked)
        {
            ModelState.AddModelError(string.Empty, $"Thiết bị {token.SerialNumber} đang ở trạng thái “{TokenTransitions.Label(token.Status)}”: "
                + "chỉ đề nghị khôi phục thiết bị bị khóa do nhập sai mật khẩu quá số lần quy định (Quy chế tỉnh Phú Thọ, Điều 6 khoản 1).");
            return await RefusedAsync(typed, ct);
        }

        if (await OpenRequestAsync(null, token.Id, ct) is { } open)
        {
            Duplicate = open with { Subject = $"Thiết bị {token.SerialNumber}" };
            return await RefusedAsync(typed, ct);
        }

        var certificate = await db.Certificates.Where(c => c.TokenId == token.Id && c.Status == CertificateStatus.Valid)
            .OrderByDescending(c => c.NotAfterUtc).FirstOrDefaultAsync(ct);
        var subscriberId = certificate?.SubscriberId ?? token.CustodianSubscriberId;
        var subscriber = subscriberId is null ? null : await db.Subscribers.FirstOrDefaultAsync(s => s.Id == subscriberId, ct);
        if (subscriber is null)
        {
            ModelState.AddModelError(string.Empty, $"Thiết bị {token.SerialNumber} chưa gắn với thuê bao nào (không có chứng thư còn hiệu lực, "
                + "chưa ghi người giữ là thuê bao): hãy cập nhật sổ thiết bị trước.");
            return await RefusedAsync(typed, ct);
        }

        Req.AddRecoverTokenLine(subscriber, token, certificate?.SubscriberId == subscriber.Id ? certificate : null);
        return await SavedAsync($"Đã thêm thiết bị {token.SerialNumber} vào danh sách đề nghị khôi phục.", "lines", ct, typed);
    }

    public async Task<IActionResult> OnPostRemoveLineAsync(int id, int lineId, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, null, ct))
        {
            return NotFound();
        }

        var typed = await ApplyTypedAsync(null, ct);
        var line = Req.Lines.FirstOrDefault(l => l.Id == lineId);
        if (line is null)
        {
            return NotFound();
        }

        Req.RemoveLine(line);
        return await SavedAsync($"Đã xóa dòng “{line.SubscriberName}” khỏi danh sách đề nghị.", "lines", ct, typed);
    }

    /// <summary>
    /// Checks a certificate picked for a line: own agency, eligibility for renew/change, no open request of the same type
    /// elsewhere (the duplicate guard, features G1.4, shown with a link). Refusals go to the top of the page.
    /// </summary>
    private async Task<(Certificate Certificate, Subscriber Subscriber)?> FindCertificateAsync(int certificateId, CancellationToken ct,
        bool allowSecondLine = false)
    {
        var field = string.Empty;
        var certificate = await db.Certificates.Include(c => c.Subscriber).FirstOrDefaultAsync(c => c.Id == certificateId, ct);
        if (certificate?.Subscriber is null || certificate.Subscriber.AgencyId != Req.AgencyId)
        {
            ModelState.AddModelError(field, "Chứng thư không thuộc cơ quan lập yêu cầu.");
            return null;
        }

        if (!allowSecondLine && Req.Lines.Any(l => l.CertificateId == certificate.Id))
        {
            ModelState.AddModelError(field, $"Chứng thư số {certificate.SerialNumber} đã có trong danh sách đề nghị.");
            return null;
        }

        var problems = Eligibility(Req.Type, certificate, me.Today);
        if (problems.Count > 0)
        {
            ModelState.AddModelError(field, $"Chứng thư số {certificate.SerialNumber}: " + string.Join(" ", problems));
            return null;
        }

        if (await OpenRequestAsync(certificate.Id, null, ct) is { } open)
        {
            Duplicate = open with { Subject = $"Chứng thư số {certificate.SerialNumber}" };
            return null;
        }

        return (certificate, certificate.Subscriber);
    }
}
