using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Import;

/// <summary>"Nhập từ tệp": choose a register, download its template, upload a file for a dry run or the import.</summary>
[Authorize(Policy = Policies.EditRegisters)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public class IndexModel(ImportJobs jobs, IEnumerable<RegisterImporter> importers, CurrentUser me) : PageModel
{
    /// <summary>Within Kestrel's default request limit (about 28.6 MB).</summary>
    public const int MaxUploadBytes = 28 * 1024 * 1024;

    [BindProperty(SupportsGet = true, Name = "register")]
    public ImportRegister Register { get; set; } = ImportRegister.Subscribers;

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty]
    public bool DryRun { get; set; } = true;

    public IReadOnlyList<RegisterImporter> Registers { get; private set; } = [];

    public RegisterImporter Current => Registers.FirstOrDefault(i => i.Register == Register) ?? Registers[0];

    public ImportActor Actor => ActorOf(me);

    public static ImportActor ActorOf(CurrentUser me) =>
        new(me.Id, me.DisplayName, me.AgencyId, me.IsInRole(PhuThoCa.Infrastructure.Identity.Roles.Administrator));

    public void OnGet() => Load();

    /// <summary>The register's template (.xlsx): headers, one example row and a notes sheet.</summary>
    public IActionResult OnGetTemplate()
    {
        Load();
        var importer = Registers.FirstOrDefault(i => i.Register == Register);
        if (importer is null)
        {
            return NotFound();
        }

        return File(ImportTemplates.Create(importer), TypedWorkbook.ContentType, $"mau-nhap-{ImportRegisterLabels.FileStem(Register)}.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Load();
        if (Registers.All(i => i.Register != Register))
        {
            ModelState.AddModelError(nameof(Register), "Bạn không có quyền nhập danh mục này.");
            return Page();
        }

        var files = Files.Where(f => f.Length > 0).ToList();
        if (files.Count == 0)
        {
            ModelState.AddModelError(nameof(Files), "Vui lòng chọn tệp cần nhập.");
            return Page();
        }

        var content = new List<ImportFile>(files.Count);
        foreach (var file in files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            content.Add(new ImportFile(Path.GetFileName(file.FileName), buffer.ToArray()));
        }

        var job = jobs.Enqueue(Register, content, Actor, DryRun);
        return RedirectToPage("Job", new { id = job.Id });
    }

    private void Load() => Registers = importers.Where(i => i.IsAllowedFor(Actor)).OrderBy(i => i.Register == ImportRegister.Agencies).ThenBy(i => i.Register).ToList();
}
