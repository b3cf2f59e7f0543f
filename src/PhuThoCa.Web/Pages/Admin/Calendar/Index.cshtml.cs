using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Calendar;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Api;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Calendar;

namespace PhuThoCa.Web.Pages.Admin.Calendar;

/// <summary>
/// The overrides of one year next to what the rules suggest (Tết by the lunar calendar, Giỗ Tổ, compensatory days) and
/// the resulting calendar, with the year's change history; admin only (folder /Admin).
/// </summary>
public class IndexModel(AppDbContext db, CurrentUser me, CalendarProvider provider, IDeadlineRecalculator recalculator) : PageModel
{
    // Same window as the domain's CalendarYear.TetScheduleWindowDays (internal there): official days off this close to
    // mùng 1 Tết replace the computed Tết days (docs/adr/0005).
    private const int TetScheduleWindowDays = 10;

    public int Year { get; private set; }

    public string? Notice { get; private set; }

    public List<CalendarOverride> Overrides { get; private set; } = [];

    public List<int> YearsWithOverrides { get; private set; } = [];

    /// <summary>Named days off computed by the rules alone (no override), each marked as applied or not in the effective calendar.</summary>
    public List<(CalendarLegendRow Row, bool Applied)> Suggested { get; private set; } = [];

    public IReadOnlyList<CalendarLegendRow> Effective { get; private set; } = [];

    public DateOnly LunarNewYear { get; private set; }

    public string LunarYearName { get; private set; } = "";

    /// <summary>True when official days off near Tết replace the computed Tết days (see WorkingDayCalendar).</summary>
    public bool HasOfficialTetSchedule { get; private set; }

    public int WorkingDays { get; private set; }

    public List<TimelineEvent> History { get; private set; } = [];

    public bool HasPrevious => Year > CalendarApi.MinYear;

    public bool HasNext => Year < CalendarApi.MaxYear;

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        Year = year ?? me.Today.Year;
        if (Year is < CalendarApi.MinYear or > CalendarApi.MaxYear)
        {
            Notice = string.Create(
                CultureInfo.InvariantCulture,
                $"Chỉ điều chỉnh được lịch từ năm {CalendarApi.MinYear} đến năm {CalendarApi.MaxYear}; đang hiển thị năm gần nhất.");
            Year = Math.Clamp(Year, CalendarApi.MinYear, CalendarApi.MaxYear);
        }

        var first = new DateOnly(Year, 1, 1);
        var last = new DateOnly(Year, 12, 31);
        Overrides = await db.CalendarOverrides.AsNoTracking().Where(o => o.Date >= first && o.Date <= last).OrderBy(o => o.Date).ToListAsync(ct);
        YearsWithOverrides = (await db.CalendarOverrides.AsNoTracking().Select(o => o.Date).ToListAsync(ct))
            .Select(d => d.Year).Distinct().Order().ToList();

        var calendar = await provider.GetAsync(db, ct);
        var rulesOnly = new WorkingDayCalendar(provider.Settings, []);
        Effective = CalendarYearView.Legend(calendar, Year);
        Suggested = CalendarYearView.Legend(rulesOnly, Year)
            .Select(r => (r, !calendar.IsWorkingDay(r.Date)))
            .ToList();
        WorkingDays = CalendarYearView.WorkingDayCount(calendar, Year);
        LunarNewYear = LunarCalendar.GetNewYearDay(Year);
        LunarYearName = LunarCalendar.GetCanChiYearName(Year);
        HasOfficialTetSchedule = Overrides.Any(o => o.Kind == CalendarOverrideKind.DayOff && !o.IsProvincial
            && Math.Abs(o.Date.DayNumber - LunarNewYear.DayNumber) <= TetScheduleWindowDays);
        History = await db.TimelineEvents.AsNoTracking()
            .Where(e => e.Subject == TimelineSubject.Calendar && e.SubjectId == Year)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Take(100)
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var existing = await db.CalendarOverrides.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (existing is null)
        {
            TempData["StatusMessage"] = "Ngày điều chỉnh này không còn tồn tại (có thể đã được xóa).";
            return RedirectToPage("Index");
        }

        const string action = "Xóa ngày điều chỉnh lịch";
        var note = OverrideChanges.Describe(existing);
        db.CalendarOverrides.Remove(existing);
        db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Calendar, existing.Date.Year, me.UtcNow, me.DisplayName, action, note: note));
        var recalculated = await OverrideChanges.SaveAndRecalculateAsync(db, provider, recalculator, $"{action}: {note}", ct);
        TempData["StatusMessage"] = $"Đã xóa ngày điều chỉnh {Format.Date(existing.Date)}. {recalculated}";
        return RedirectToPage("Index", new { year = existing.Date.Year });
    }
}
