using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Mail;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Admin.Mail;

/// <summary>Mẫu thư: each event's Vietnamese template, edited with a preview; every save is a new version, older kept.</summary>
public class TemplatesModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public MailEvent Event { get; set; } = MailEvent.Received;

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    public List<MailTemplate> Versions { get; private set; } = [];

    public (string Subject, string Body)? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Event))
        {
            return NotFound();
        }

        await LoadAsync(ct);
        var current = Versions.FirstOrDefault();
        (Subject, Body) = current is null ? MailPlaceholders.Default(Event) : (current.Subject, current.Body);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Event))
        {
            return NotFound();
        }

        await LoadAsync(ct);
        if (Validate())
        {
            Preview = (MailPlaceholders.Render(Subject!, SampleValues), MailPlaceholders.Render(Body!, SampleValues));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Event))
        {
            return NotFound();
        }

        await LoadAsync(ct);
        if (!Validate())
        {
            return Page();
        }

        var version = (Versions.FirstOrDefault()?.Version ?? 0) + 1;
        db.MailTemplates.Add(new MailTemplate(Event, version, Subject!, Body!, me.DisplayName, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Đã lưu phiên bản {version} của mẫu thư.";
        return RedirectToPage(new { Event });
    }

    /// <summary>Example values for the preview.</summary>
    public static IReadOnlyDictionary<string, string?> SampleValues { get; } = new Dictionary<string, string?>
    {
        ["nguoi_nhan"] = "Nguyễn Văn An",
        ["co_quan"] = "Sở Y tế tỉnh Phú Thọ",
        ["loai_yeu_cau"] = "Gia hạn chứng thư chữ ký số",
        ["so_tiep_nhan"] = "SKHCN-2026-000123",
        ["trang_thai"] = "Chờ bổ sung",
        ["nguoi_thuc_hien"] = "Trần Thị Bình",
        ["ly_do"] = "Bổ sung bản sao văn bản phân công nhiệm vụ.",
        ["han_xu_ly"] = "01/12/2026",
        ["thue_bao"] = "Lê Văn Cường",
        ["so_hieu"] = "54010203040506070809",
        ["ngay_het_han"] = "31/12/2026",
        ["so_ngay_con_lai"] = "30",
        ["ky_bao_cao"] = "quý IV năm 2026",
        ["han_nop"] = "15/12/2026",
        ["lien_ket"] = "https://chukyso.phutho.gov.vn/Requests/Details/123",
    };

    private bool Validate()
    {
        foreach (var problem in MailPlaceholders.Problems(Event, Subject, Body))
        {
            ModelState.AddModelError(problem.StartsWith("Tiêu đề", StringComparison.Ordinal) ? nameof(Subject) : nameof(Body), problem);
        }

        return ModelState.IsValid;
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Versions = await db.MailTemplates.AsNoTracking().Where(t => t.Event == Event).OrderByDescending(t => t.Version).ToListAsync(ct);
}
