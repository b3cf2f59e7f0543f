using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Certificates;

[Authorize(Policy = Policies.EditRegisters)]
public class EditModel(AppDbContext db, CurrentUser me, IValidator<CertificateInput> validator) : PageModel
{
    [BindProperty]
    public CertificateInput Input { get; set; } = new();

    /// <summary>The row version the form showed (RegisterVersions): a stale form is refused, not saved over a newer change.</summary>
    [BindProperty]
    public string? Version { get; set; }

    public int Id { get; private set; }

    public string Serial { get; private set; } = "";

    public List<PickItem> Subscribers { get; private set; } = [];

    public List<PickItem> Tokens { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var certificate = await db.Certificates.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null)
        {
            return NotFound();
        }

        Input = CertificateInput.From(certificate);
        Version = db.VersionOf(certificate);
        await LoadAsync(certificate, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var certificate = await db.Certificates.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null)
        {
            return NotFound();
        }

        await LoadAsync(certificate, ct);
        Input.SubscriberId = certificate.SubscriberId; // the holder of a certificate never changes
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: ct)
            || !await CertificateFormOptions.CheckAgainstRegisterAsync(db, Input, id, ModelState, ct))
        {
            return Page();
        }

        // Thumbprints and key come from the certificate file, never from the edit form.
        Input.ThumbprintSha1 = certificate.ThumbprintSha1;
        Input.ThumbprintSha256 = certificate.ThumbprintSha256;
        Input.KeyAlgorithm = certificate.KeyAlgorithm;
        var changes = certificate.Update(Input.ToDetails()).ToList();
        if (certificate.TokenId != Input.TokenId)
        {
            changes.Add(new FieldChange("Thiết bị", certificate.TokenId?.ToString(System.Globalization.CultureInfo.InvariantCulture), Input.TokenId?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            certificate.AssignToken(Input.TokenId);
        }

        if (changes.Count > 0)
        {
            db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Certificate, id, me.UtcNow, me.DisplayName, "Cập nhật thông tin", note: FieldChange.Describe(changes)));
        }

        db.ExpectVersion(certificate, Version);
        await db.SaveChangesAsync(ct);
        TempData["StatusMessage"] = changes.Count > 0 ? "Đã lưu thay đổi." : "Không có thông tin nào thay đổi.";
        return RedirectToPage("Details", new { id });
    }

    private async Task LoadAsync(Certificate certificate, CancellationToken ct)
    {
        Id = certificate.Id;
        Serial = certificate.SerialNumber;
        Subscribers = await CertificateFormOptions.SubscribersAsync(db, ct);
        Tokens = await CertificateFormOptions.TokensAsync(db, certificate.TokenId, ct);
    }
}
