using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Certificates;
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

    [BindProperty]
    public IFormFile? CertificateFile { get; set; }

    /// <summary>What the uploaded file said, shown above the form.</summary>
    public ParsedCertificate? Parsed { get; private set; }

    public List<string> Warnings { get; } = [];

    /// <summary>Reads an uploaded .cer/.crt/.pem and fills the form (features G1.3); nothing is saved yet.</summary>
    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        if (CertificateFile is null || CertificateFile.Length == 0)
        {
            ModelState.AddModelError(nameof(CertificateFile), "Vui lòng chọn tệp chứng thư số.");
            return Page();
        }

        using var buffer = new MemoryStream();
        await CertificateFile.OpenReadStream().CopyToAsync(buffer, ct);
        if (!CertificateFileParser.TryParse(buffer.ToArray(), out var parsed, out var error))
        {
            ModelState.AddModelError(nameof(CertificateFile), error!);
            return Page();
        }

        Parsed = parsed!;
        Input.SerialNumber = Parsed.SerialNumber;
        Input.SubjectDn = Parsed.SubjectDn;
        Input.Issuer = Parsed.Issuer;
        Input.NotBefore = Format.Date(Parsed.NotBeforeUtc);
        Input.NotAfter = Format.Date(Parsed.NotAfterUtc);
        Input.ThumbprintSha1 = Parsed.ThumbprintSha1;
        Input.ThumbprintSha256 = Parsed.ThumbprintSha256;
        Input.KeyAlgorithm = Parsed.KeyAlgorithm;
        if (Parsed.Email is string email)
        {
            Input.SubscriberId = await db.Subscribers.Where(s => s.Email == email).Select(s => s.Id).FirstOrDefaultAsync(ct);
        }

        if (!Parsed.IsKnownGovernmentCa)
        {
            Warnings.Add($"Tổ chức cấp “{Parsed.IssuerCommonName}” không phải CA của Ban Cơ yếu Chính phủ: hãy kiểm tra lại tệp.");
        }

        if (Parsed.NotAfterUtc > Parsed.NotBeforeUtc.AddYears(RenewalPolicy.MaxInitialValidityYears).AddDays(1))
        {
            Warnings.Add($"Thời hạn của chứng thư dài hơn {RenewalPolicy.MaxInitialValidityYears} năm (Nghị định 68/2024/NĐ-CP, Điều 9): có thể là lỗi nhập liệu.");
        }

        if (Input.SubscriberId == 0)
        {
            Warnings.Add("Không tìm thấy thuê bao có thư điện tử trong chứng thư: hãy chọn thuê bao.");
        }

        var serial = Parsed.SerialNumber;
        var existing = await db.Certificates.IgnoreQueryFilters().Where(c => c.SerialNumber == serial).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            Warnings.Add($"Chứng thư số {serial} đã có trong sổ đăng ký.");
        }

        return Page();
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
