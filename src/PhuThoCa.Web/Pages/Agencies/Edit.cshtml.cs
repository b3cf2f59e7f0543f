using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Agencies;

/// <summary>Create (no id) or edit an agency. Administrators only.</summary>
[Authorize(Policy = Policies.Admin)]
public class EditModel(AppDbContext db, CurrentUser me, IValidator<AgencyInput> validator) : PageModel
{
    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    /// <summary>The row version the form showed (RegisterVersions): a stale form is refused, not saved over a newer change.</summary>
    [BindProperty]
    public string? Version { get; set; }

    public int? Id { get; private set; }

    public List<(int Id, string Name)> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (id is null)
        {
            return Page();
        }

        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null)
        {
            return NotFound();
        }

        Input = AgencyInput.From(agency);
        Version = db.VersionOf(agency);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var agency = id is null ? null : await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (id is not null && agency is null)
        {
            return NotFound();
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: ct))
        {
            return Page();
        }

        var name = Text.Clean(Input.Name);
        if (await db.Agencies.AnyAsync(a => a.Name == name && a.Id != id, ct))
        {
            ModelState.AddModelError("Input.Name", $"Đã có cơ quan tên “{name}”.");
            return Page();
        }

        if (agency is null)
        {
            agency = new Agency(Input.Kind, Input.Name!, Input.ShortName!, Input.Address!, Input.EmailDomain!, Input.ParentId, Input.ParentAuthorityName, Input.Phone);
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(ct);
            db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Agency, agency.Id, me.UtcNow, me.DisplayName, "Tạo mới"));
        }
        else
        {
            db.ExpectVersion(agency, Version);
            var changes = agency.Update(Input.Kind, Input.Name!, Input.ShortName!, Input.Address!, Input.EmailDomain!, Input.ParentId,
                Input.ParentAuthorityName, Input.Phone, Input.IsActive);
            if (changes.Count > 0)
            {
                db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Agency, agency.Id, me.UtcNow, me.DisplayName, "Cập nhật thông tin", note: FieldChange.Describe(changes)));
            }
        }

        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Đã lưu cơ quan “{agency.Name}”.";
        return RedirectToPage("Index");
    }

    private async Task LoadAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Parents = (await db.Agencies.AsNoTracking().Where(a => a.Id != id).OrderBy(a => a.SortKey).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .Select(a => (a.Id, a.Name)).ToList();
    }
}
