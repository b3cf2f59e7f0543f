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

        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: ct))
        {
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

        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = changes.Count > 0 ? "Đã lưu thay đổi." : "Không có thông tin nào thay đổi.";
        return RedirectToPage("Details", new { id });
    }

    private async Task LoadAsync(int id, string name, CancellationToken ct)
    {
        Id = id;
        Name = name;
        Agencies = await SubscriberFormOptions.AgenciesAsync(db, ct);
    }
}
