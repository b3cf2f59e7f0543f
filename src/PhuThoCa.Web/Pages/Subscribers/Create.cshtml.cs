using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Subscribers;

[Authorize(Policy = Policies.EditRegisters)]
public class CreateModel(AppDbContext db, CurrentUser me, IValidator<SubscriberInput> validator) : PageModel
{
    [BindProperty]
    public SubscriberInput Input { get; set; } = new();

    public List<SelectListItem> Agencies { get; private set; } = [];

    public bool CanChooseAgency => me.IsProvinceWide;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.AgencyId = me.AgencyId ?? 0;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (me.AgencyId is int own)
        {
            Input.AgencyId = own; // an officer files only for the own agency, whatever was posted
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: ct))
        {
            return Page();
        }

        if (Agencies.All(a => a.Value != Input.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError("Input.AgencyId", "Cơ quan không tồn tại.");
            return Page();
        }

        var subscriber = new Subscriber(Input.AgencyId, Input.ToDetails());
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync(ct);
        db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Subscriber, subscriber.Id, me.UtcNow, me.DisplayName, "Tạo mới"));
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Đã thêm thuê bao “{subscriber.Name}”.";
        return RedirectToPage("Details", new { id = subscriber.Id });
    }

    private async Task LoadAsync(CancellationToken ct) => Agencies = await SubscriberFormOptions.AgenciesAsync(db, ct);
}
