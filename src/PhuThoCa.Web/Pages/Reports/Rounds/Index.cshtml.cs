using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Reports.AgencyReports;

namespace PhuThoCa.Web.Pages.Reports.Rounds;

/// <summary>
/// Báo cáo gửi Sở (QĐ-PT Điều 9.6). Sở: the rounds it defined, how many agencies have sent, and the form to create a
/// round. An officer: the rounds with their agency's status and deadline. A GET only reads.
/// </summary>
[Authorize(Policy = Policies.ViewReports)]
public class IndexModel(AppDbContext db, CurrentUser me, CreateRound create) : PageModel
{
    public const string Title = "Báo cáo của cơ quan gửi Sở";

    [BindProperty]
    public RoundInput Round { get; set; } = new();

    public bool IsOfficer => me.IsOfficer;

    public bool CanCreate { get; private set; }

    public IReadOnlyList<RoundRow> Rows { get; private set; } = [];

    public int AgencyCount { get; private set; }

    public DateOnly Today => me.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Round.Choice = "quarter-" + (((me.Today.Month - 1) / 3) + 1).ToString(CultureInfo.InvariantCulture);
        Round.Year = me.Today.Year.ToString(CultureInfo.InvariantCulture);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!await me.CanAsync(Policies.ScienceDepartment))
        {
            return Forbid();
        }

        await LoadAsync(ct);
        var result = await create.ValidateAsync(Round, ct);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("Round." + error.PropertyName, error.ErrorMessage);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var round = await create.HandleAsync(Round, me.Actor(), ct);
        TempData["Message"] = $"Đã tạo kỳ báo cáo {round.Period.LabelInSentence}, hạn nộp {Format.Date(round.Deadline)}.";
        return RedirectToPage("Details", new { id = round.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanCreate = await me.CanAsync(Policies.ScienceDepartment);
        var rounds = await db.ReportingRounds.AsNoTracking().OrderByDescending(r => r.Deadline).ThenByDescending(r => r.Id).ToListAsync(ct);
        // The query filter leaves an officer their own agency's reports only.
        var reports = await db.AgencyReports.AsNoTracking()
            .Select(r => new { r.RoundId, r.Status, r.SentLate, r.SentAtUtc }).ToListAsync(ct);
        AgencyCount = await db.Agencies.AsNoTracking().CountAsync(a => a.IsActive, ct);
        Rows = [.. rounds.Select(r =>
        {
            var of = reports.Where(x => x.RoundId == r.Id).ToList();
            var own = of.FirstOrDefault();
            return new RoundRow(r, of.Count(x => x.Status != AgencyReportStatus.Draft), of.Count(x => x.Status == AgencyReportStatus.Received),
                own?.Status, own?.SentAtUtc, own?.SentLate == true);
        })];
    }
}

/// <summary>A round as the list shows it: how many agencies have sent (Sở), or the officer's own report's state.</summary>
public sealed record RoundRow(ReportingRound Round, int Sent, int Received, AgencyReportStatus? OwnStatus, DateTime? OwnSentAtUtc, bool OwnLate);
