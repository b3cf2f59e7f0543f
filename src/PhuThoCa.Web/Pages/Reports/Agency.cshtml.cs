using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Reports.AgencyReports;

namespace PhuThoCa.Web.Pages.Reports;

/// <summary>
/// One agency's report to Sở for a round (QĐ-PT Điều 9.6). The officer of the agency writes the forecast, saves the draft
/// and sends it; the figures are live (the agency's part of the Điều 8.4 tables for the round's period) until it is sent and
/// frozen afterwards. Sở opens a sent report and records that it has received it. An officer asking for another agency's
/// report, or Sở asking for an unknown agency, gets 404 (query filters, ADR 0009). A GET only reads.
/// </summary>
[Authorize(Policy = Policies.ViewReports)]
public class AgencyModel(AppDbContext db, CurrentUser me, SaveDraft save, SendReport send, ReceiveReport receive) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "agency")]
    public int? AgencyId { get; set; }

    [BindProperty]
    public ForecastInput Forecast { get; set; } = new();

    public ReportingRound Round { get; private set; } = null!;

    public string AgencyName { get; private set; } = "";

    public AgencyReport? Report { get; private set; }

    public ReportSnapshot? Figures { get; private set; }

    public bool IsOfficer => me.IsOfficer;

    public bool CanEdit { get; private set; }

    public bool CanReceive { get; private set; }

    /// <summary>The report as Sở may see it: sent or received (a draft stays the agency's).</summary>
    public bool IsSent => Report is { Status: not AgencyReportStatus.Draft };

    public async Task<IActionResult> OnGetAsync(int roundId, CancellationToken ct)
    {
        if (!await LoadAsync(roundId, ct))
        {
            return NotFound();
        }

        Forecast = ForecastInput.From(Report?.Forecast ?? AgencyForecast.None);
        await FiguresAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int roundId, CancellationToken ct) => AgencyActionAsync(roundId, sending: false, ct);

    public Task<IActionResult> OnPostSendAsync(int roundId, CancellationToken ct) => AgencyActionAsync(roundId, sending: true, ct);

    public async Task<IActionResult> OnPostReceiveAsync(int roundId, CancellationToken ct)
    {
        if (!await me.CanAsync(Policies.ScienceDepartment))
        {
            return Forbid();
        }

        if (!await LoadAsync(roundId, ct) || Report is null)
        {
            return NotFound();
        }

        Forecast = ForecastInput.From(Report.Forecast);
        await FiguresAsync(ct);
        var tracked = await db.AgencyReports.FirstAsync(r => r.Id == Report.Id, ct);
        await receive.HandleAsync(tracked, me.Actor(), ct);
        TempData["Message"] = $"Đã tiếp nhận báo cáo của {AgencyName}.";
        return RedirectToPage(new { roundId, agency = AgencyId });
    }

    private async Task<IActionResult> AgencyActionAsync(int roundId, bool sending, CancellationToken ct)
    {
        if (!await me.CanAsync(Policies.FileRequests) || !me.IsOfficer)
        {
            return Forbid();
        }

        if (!await LoadAsync(roundId, ct))
        {
            return NotFound();
        }

        await FiguresAsync(ct);
        var result = await save.ValidateAsync(Forecast, ct);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("Forecast." + error.PropertyName, error.ErrorMessage);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (sending)
        {
            var sent = await send.HandleAsync(Round, AgencyId!.Value, Forecast, me.Actor(), ct);
            TempData["Message"] = "Đã gửi báo cáo cho Sở Khoa học và Công nghệ" + (sent.SentLate ? " (sau hạn nộp)." : ".");
        }
        else
        {
            await save.HandleAsync(Round, AgencyId!.Value, Forecast, me.Actor(), ct);
            TempData["Message"] = "Đã lưu nháp báo cáo.";
        }

        return RedirectToPage(new { roundId });
    }

    /// <summary>The round and the agency the user may see; false for 404.</summary>
    private async Task<bool> LoadAsync(int roundId, CancellationToken ct)
    {
        var round = await db.ReportingRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return false;
        }

        Round = round;
        if (me.IsOfficer)
        {
            if (AgencyId is { } asked && asked != me.AgencyId)
            {
                return false;
            }

            AgencyId = me.AgencyId;
        }

        // The query filter hides every agency but the officer's own.
        var agency = AgencyId is { } id ? await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(ct) : null;
        if (agency is null)
        {
            return false;
        }

        AgencyName = agency;
        Report = await db.AgencyReports.AsNoTracking().FirstOrDefaultAsync(r => r.RoundId == roundId && r.AgencyId == AgencyId, ct);
        CanEdit = me.IsOfficer && Report is null or { Status: AgencyReportStatus.Draft } && await me.CanAsync(Policies.FileRequests);
        CanReceive = Report is { Status: AgencyReportStatus.Sent } && await me.CanAsync(Policies.ScienceDepartment);
        return true;
    }

    /// <summary>Frozen figures once sent; live ones (with the draft's forecast) while the agency writes it; none for Sở before sending.</summary>
    private async Task FiguresAsync(CancellationToken ct)
    {
        if (IsSent)
        {
            Figures = ReportSnapshot.Read(Report!.FiguresJson!);
        }
        else if (me.IsOfficer)
        {
            Figures = await send.FiguresAsync(Round, AgencyId!.Value, Report?.Forecast ?? AgencyForecast.None, me.Today, ct);
        }
    }
}
