using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Subscribers;

namespace PhuThoCa.Web.Pages.Tokens;

[Authorize(Policy = Policies.EditRegisters)]
public class CreateModel(AppDbContext db, CurrentUser me, IValidator<TokenInput> validator) : PageModel
{
    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public List<SelectListItem> Agencies { get; private set; } = [];

    public bool CanChooseAgency => me.IsProvinceWide;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agencies = await SubscriberFormOptions.AgenciesAsync(db, ct);
        Input.AgencyId = me.AgencyId ?? 0;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Agencies = await SubscriberFormOptions.AgenciesAsync(db, ct);
        if (me.AgencyId is int own)
        {
            Input.AgencyId = own;
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: ct))
        {
            return Page();
        }

        if (!await TokenRules.CheckAsync(db, Input, null, Agencies, ModelState, ct))
        {
            return Page();
        }

        var token = new UsbToken(Input.AgencyId, Input.SerialNumber!, Input.Model!, Input.Notes);
        db.Tokens.Add(token);
        await db.SaveChangesAsync(ct);
        db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Token, token.Id, me.UtcNow, me.DisplayName, "Nhập kho", null, TokenTransitions.Label(token.Status)));
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Đã nhập thiết bị {token.SerialNumber} vào kho.";
        return RedirectToPage("Details", new { id = token.Id });
    }
}

public static class TokenRules
{
    public static async Task<bool> CheckAsync(AppDbContext db, TokenInput input, int? exceptId, List<SelectListItem> agencies,
        Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, CancellationToken ct)
    {
        if (agencies.All(a => a.Value != input.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            modelState.AddModelError("Input.AgencyId", "Cơ quan không tồn tại.");
        }

        var serial = UsbToken.NormalizeSerial(input.SerialNumber);
        if (await db.Tokens.IgnoreQueryFilters().AnyAsync(t => t.SerialNumber == serial && t.Id != exceptId, ct))
        {
            modelState.AddModelError("Input.SerialNumber", $"Số hiệu thiết bị {serial} đã có trong sổ đăng ký.");
        }

        return modelState.IsValid;
    }
}
