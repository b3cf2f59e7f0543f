using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Subscribers;

namespace PhuThoCa.Web.Pages.Tokens;

[Authorize(Policy = Policies.EditRegisters)]
public class EditModel(AppDbContext db, CurrentUser me, IValidator<TokenInput> validator) : PageModel
{
    [BindProperty]
    public TokenInput Input { get; set; } = new();

    /// <summary>The row version the form showed (RegisterVersions): a stale form is refused, not saved over a newer change.</summary>
    [BindProperty]
    public string? Version { get; set; }

    public int Id { get; private set; }

    public string Serial { get; private set; } = "";

    public List<SelectListItem> Agencies { get; private set; } = [];

    public bool CanChooseAgency => false;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var token = await db.Tokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null)
        {
            return NotFound();
        }

        Id = id;
        Serial = token.SerialNumber;
        Agencies = await SubscriberFormOptions.AgenciesAsync(db, ct);
        Input = new TokenInput { AgencyId = token.AgencyId, SerialNumber = token.SerialNumber, Model = token.Model, Notes = token.Notes };
        Version = db.VersionOf(token);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var token = await db.Tokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null)
        {
            return NotFound();
        }

        Id = id;
        Serial = token.SerialNumber;
        Agencies = await SubscriberFormOptions.AgenciesAsync(db, ct);
        Input.AgencyId = token.AgencyId;
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: ct)
            || !await TokenRules.CheckAsync(db, Input, id, Agencies, ModelState, ct))
        {
            return Page();
        }

        var changes = token.Update(Input.SerialNumber!, Input.Model!, Input.Notes);
        if (changes.Count > 0)
        {
            db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Token, id, me.UtcNow, me.DisplayName, "Cập nhật thông tin", note: FieldChange.Describe(changes)));
        }

        db.ExpectVersion(token, Version);
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = changes.Count > 0 ? "Đã lưu thay đổi." : "Không có thông tin nào thay đổi.";
        return RedirectToPage("Details", new { id });
    }
}
