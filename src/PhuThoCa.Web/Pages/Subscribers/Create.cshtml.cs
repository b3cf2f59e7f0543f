using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using DomainRequest = PhuThoCa.Domain.Requests.Request;

namespace PhuThoCa.Web.Pages.Subscribers;

[Authorize(Policy = Policies.EditRegisters)]
public class CreateModel(AppDbContext db, CurrentUser me, IValidator<SubscriberInput> validator) : PageModel
{
    [BindProperty]
    public SubscriberInput Input { get; set; } = new();

    public List<SelectListItem> Agencies { get; private set; } = [];

    public bool CanChooseAgency => me.IsProvinceWide;

    /// <summary>
    /// "Thêm thuê bao" from an issue draft (/Subscribers/Create?returnToDraft={id}): after the save the new subscriber is added
    /// to that draft as a line and the editor is shown again. Only an editable issue request of the officer's own agency is
    /// returned to (the agency query filter hides others); any other id is ignored, never followed.
    /// </summary>
    [BindProperty(SupportsGet = true)]
    public int? ReturnToDraft { get; set; }

    /// <summary>The draft the page returns to, when <see cref="ReturnToDraft"/> names one it may return to.</summary>
    public DomainRequest? Draft { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.AgencyId = me.AgencyId ?? 0;
        if (Draft?.IssueSubscriberKind is { } kind)
        {
            Input.Kind = kind;
        }
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
        if (Draft is { } draft && draft.AgencyId == subscriber.AgencyId)
        {
            return await AddToDraftAsync(draft, subscriber, ct);
        }

        TempData["StatusMessage"] = $"Đã thêm thuê bao “{subscriber.Name}”.";
        return RedirectToPage("Details", new { id = subscriber.Id });
    }

    /// <summary>Adds the new subscriber to the draft through the domain's issue line rule (Request.AddIssueLine), as the editor does.</summary>
    private async Task<IActionResult> AddToDraftAsync(DomainRequest draft, Subscriber subscriber, CancellationToken ct)
    {
        try
        {
            draft.AddIssueLine(subscriber);
            await db.SaveChangesAsync(ct);
            TempData["StatusMessage"] = $"Đã thêm thuê bao “{subscriber.Name}” vào sổ và vào danh sách đề nghị cấp của yêu cầu này.";
        }
        catch (DomainRuleException refused)
        {
            // The subscriber is saved; the line is not (e.g. another form's subscriber kind): say why on the editor.
            TempData["StatusMessage"] = $"Đã thêm thuê bao “{subscriber.Name}” vào sổ nhưng chưa thêm vào yêu cầu: {refused.Message}";
        }

        return RedirectToPage("/Requests/Edit/Index", null, new { id = draft.Id }, "lines");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Agencies = await SubscriberFormOptions.AgenciesAsync(db, ct);
        if (ReturnToDraft is not { } draftId || !me.IsOfficer || !await me.CanAsync(Policies.FileRequests))
        {
            ReturnToDraft = null;
            return;
        }

        Draft = await db.Requests.Include(r => r.Lines)
            .FirstOrDefaultAsync(r => r.Id == draftId && r.AgencyId == me.AgencyId && r.Type == RequestType.Issue, ct);
        if (Draft is null || !RequestStatuses.IsEditable(Draft.Status))
        {
            Draft = null;
            ReturnToDraft = null;
        }
    }
}
