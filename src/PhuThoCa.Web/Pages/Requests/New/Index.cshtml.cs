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

    public string AgencyName { get; private set; } = "";

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
        db.Requests.Add(request);
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Đã tạo bản nháp yêu cầu {RequestLabels.TypeShort(type).ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} "
            + $"({RequestLabels.Form(type)}). Hãy điền văn bản đề nghị, Mục 1 và danh sách đề nghị rồi gửi.";
        return RedirectToPage("/Requests/Edit/Index", new { id = request.Id });
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
        return name is not null;
    }
}
