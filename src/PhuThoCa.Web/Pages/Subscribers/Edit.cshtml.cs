using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Subscribers;

[Authorize(Policy = Policies.EditRegisters)]
public class EditModel(AppDbContext db, CurrentUser me, IValidator<SubscriberInput> validator) : PageModel
{
    [BindProperty]
    public SubscriberInput Input { get; set; } = new();

    /// <summary>The row version the form showed (RegisterVersions): a stale form is refused, not saved over a newer change.</summary>
    [BindProperty]
    public string? Version { get; set; }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public List<SelectListItem> Agencies { get; private set; } = [];

    public bool CanChooseAgency => me.IsProvinceWide;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscriber is null)
        {
            return NotFound();
        }

        await LoadAsync(subscriber.Id, subscriber.Name, ct);
        Input = SubscriberInput.From(subscriber);
        Version = db.VersionOf(subscriber);
        KeepNationalIdMasked(subscriber.NationalId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var subscriber = await db.Subscribers.Include(s => s.Agency).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscriber is null)
        {
            return NotFound();
        }

        await LoadAsync(subscriber.Id, subscriber.Name, ct);
        if (!CanChooseAgency)
        {
            Input.AgencyId = subscriber.AgencyId;
        }

        // The form never carries the stored CCCD (masked by default, issue 14): an empty field keeps it.
        var keptNationalId = string.IsNullOrWhiteSpace(Input.NationalId) && subscriber.NationalId is not null;
        if (keptNationalId)
        {
            Input.NationalId = subscriber.NationalId;
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: ct))
        {
            if (keptNationalId)
            {
                KeepNationalIdMasked(subscriber.NationalId);
            }

            return Page();
        }

        var changes = subscriber.Update(Input.ToDetails()).ToList();
        if (Input.AgencyId != subscriber.AgencyId)
        {
            var target = await db.Agencies.FirstOrDefaultAsync(a => a.Id == Input.AgencyId, ct);
            if (target is null)
            {
                ModelState.AddModelError("Input.AgencyId", "Cơ quan không tồn tại.");
                return Page();
            }

            changes.Add(subscriber.MoveToAgency(target.Id, subscriber.Agency?.Name ?? "", target.Name));
        }

        if (changes.Count > 0)
        {
            db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Subscriber, subscriber.Id, me.UtcNow, me.DisplayName,
                "Cập nhật thông tin", note: FieldChange.Describe(changes)));
        }

        db.ExpectVersion(subscriber, Version);
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = changes.Count > 0 ? "Đã lưu thay đổi." : "Không có thông tin nào thay đổi.";
        return RedirectToPage("Details", new { id });
    }

    private void KeepNationalIdMasked(string? stored)
    {
        if (stored is not null)
        {
            Input.NationalId = null;
            ViewData["NationalIdKept"] = PhuThoCa.Domain.Subscribers.NationalId.Mask(stored);
        }
    }

    private async Task LoadAsync(int id, string name, CancellationToken ct)
    {
        Id = id;
        Name = name;
        Agencies = await SubscriberFormOptions.AgenciesAsync(db, ct);
    }
}
