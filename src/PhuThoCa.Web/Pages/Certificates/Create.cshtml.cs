using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Certificates;

[Authorize(Policy = Policies.EditRegisters)]
public class CreateModel(AppDbContext db, CurrentUser me, IValidator<CertificateInput> validator) : PageModel
{
    [BindProperty]
    public CertificateInput Input { get; set; } = new();

    public List<PickItem> Subscribers { get; private set; } = [];

    public List<PickItem> Tokens { get; private set; } = [];

    public async Task OnGetAsync(int? subscriberId, CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.SubscriberId = subscriberId ?? 0;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: ct)
            || !await CertificateFormOptions.CheckAgainstRegisterAsync(db, Input, null, ModelState, ct))
        {
            return Page();
        }

        var certificate = new Certificate(Input.SubscriberId, Input.ToDetails(), Input.TokenId);
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(ct);
        db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Certificate, certificate.Id, me.UtcNow, me.DisplayName, "Tạo mới"));
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = $"Đã thêm chứng thư số {certificate.SerialNumber}.";
        return RedirectToPage("Details", new { id = certificate.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Subscribers = await CertificateFormOptions.SubscribersAsync(db, ct);
        Tokens = await CertificateFormOptions.TokensAsync(db, Input.TokenId, ct);
    }
}
