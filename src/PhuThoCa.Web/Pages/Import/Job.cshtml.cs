using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Import;

/// <summary>Progress of an import (the page polls <see cref="OnGetStatus"/>), then its summary and the refused rows.</summary>
[Authorize(Policy = Policies.EditRegisters)]
public class JobModel(ImportJobs jobs, CurrentUser me) : PageModel
{
    public ImportJob Job { get; private set; } = null!;

    public IActionResult OnGet(Guid id)
    {
        if (jobs.Find(id, me.Id) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        return Page();
    }

    /// <summary>JSON progress for the page's script (read only).</summary>
    public IActionResult OnGetStatus(Guid id)
    {
        if (jobs.Find(id, me.Id) is not { } job)
        {
            return NotFound();
        }

        return new JsonResult(new
        {
            phase = job.Phase.ToString(),
            label = ImportJob.PhaseLabel(job.Phase),
            processed = job.Processed,
            total = job.Total,
            percent = job.Percent,
            done = job.Phase is ImportPhase.Done or ImportPhase.Failed,
        });
    }

    /// <summary>After a clean dry run: the same file, imported for real.</summary>
    public IActionResult OnPostImport(Guid id)
    {
        if (jobs.Find(id, me.Id) is not { } job)
        {
            return NotFound();
        }

        var next = jobs.Enqueue(job.Register, job.Files, IndexModel.ActorOf(me), dryRun: false);
        return RedirectToPage("Job", new { id = next.Id });
    }
}
