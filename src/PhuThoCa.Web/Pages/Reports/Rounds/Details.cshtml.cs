using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Reports.Rounds;

/// <summary>One round, for Sở: which agencies have and have not reported (status, time sent, late or not), with links.</summary>
[Authorize(Policy = Policies.ProvinceOversight)]
public class DetailsModel(AppDbContext db) : PageModel
{
    public ReportingRound Round { get; private set; } = null!;

    public IReadOnlyList<AgencyRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var round = await db.ReportingRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return NotFound();
        }

        Round = round;
        var reports = await db.AgencyReports.AsNoTracking().Where(r => r.RoundId == id).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive || reports.Select(r => r.AgencyId).Contains(a.Id))
            .Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        var vietnamese = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false);
        Rows = [.. agencies.Select(a => new AgencyRow(a.Id, a.Name, reports.FirstOrDefault(r => r.AgencyId == a.Id)))
            // Not yet sent first, then by name.
            .OrderBy(r => r.Report is { Status: not AgencyReportStatus.Draft } ? 1 : 0).ThenBy(r => r.Name, vietnamese)];
        return Page();
    }
}

public sealed record AgencyRow(int AgencyId, string Name, AgencyReport? Report)
{
    public bool HasSent => Report is { Status: not AgencyReportStatus.Draft };
}
