using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Calendar;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Admin.Calendar;

/// <summary>Adds (no id) or edits a calendar override; admin only (folder /Admin). Every change is audited in the year's history.</summary>
public class EditModel(
    AppDbContext db, CurrentUser me, IValidator<OverrideInput> validator, CalendarProvider provider, IDeadlineRecalculator recalculator)
    : PageModel
{
    [BindProperty]
    public OverrideInput Input { get; set; } = new();

    public int? Id { get; private set; }

    /// <summary>The year to go back to.</summary>
    public int Year { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, int? year, CancellationToken ct)
    {
        Id = id;
        Year = year ?? me.Today.Year;
        if (id is null)
        {
            return Page();
        }

        var existing = await db.CalendarOverrides.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (existing is null)
        {
            return NotFound();
        }

        Input = OverrideInput.From(existing);
        Year = existing.Date.Year;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? year, CancellationToken ct)
    {
        Id = id;
        Year = year ?? me.Today.Year;
        CalendarOverride? existing = null;
        if (id is not null)
        {
            existing = await db.CalendarOverrides.FirstOrDefaultAsync(o => o.Id == id, ct);
            if (existing is null)
            {
                return NotFound();
            }

            Year = existing.Date.Year;
        }

        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: ct))
        {
            return Page();
        }

        var date = Format.ParseDate(Input.Date)!.Value;
        var kind = Input.Kind!.Value;
        var clash = await db.CalendarOverrides.AsNoTracking().FirstOrDefaultAsync(o => o.Date == date && o.Id != (id ?? 0), ct);
        if (clash is not null)
        {
            ModelState.AddModelError("Input.Date", DuplicateMessage(clash));
            return Page();
        }

        string action;
        string note;
        var years = new SortedSet<int> { date.Year };
        try
        {
            if (existing is null)
            {
                var created = new CalendarOverride(date, kind, Input.Name!, Input.LegalBasis!, Input.IsProvincial);
                db.CalendarOverrides.Add(created);
                action = "Thêm ngày điều chỉnh lịch";
                note = OverrideChanges.Describe(created);
            }
            else
            {
                var before = new CalendarOverride(existing.Date, existing.Kind, existing.Name, existing.LegalBasis, existing.IsProvincial);
                existing.Edit(date, kind, Input.Name!, Input.LegalBasis!, Input.IsProvincial);
                var changes = OverrideChanges.Diff(before, existing);
                if (changes.Count == 0)
                {
                    TempData["StatusMessage"] = "Không có thông tin nào thay đổi.";
                    return RedirectToPage("Index", new { year = date.Year });
                }

                years.Add(before.Date.Year);
                action = "Sửa ngày điều chỉnh lịch";
                note = $"{OverrideChanges.Describe(existing)}. Thay đổi: {FieldChange.Describe(changes)}";
            }
        }
        catch (DomainRuleException rule)
        {
            OverrideChanges.AddRuleError(ModelState, rule);
            if (rule.Rule is CalendarRules.ExtraWorkingDayMustBeASaturdayOrSunday or CalendarRules.ExtraDayOffMustBeAWeekday)
            {
                ModelState.AddModelError("Input.Date", $"Ngày {Format.Date(date)} là {CalendarLabels.DayOfWeekName(date.DayOfWeek).ToLowerInvariant()}.");
            }

            return Page();
        }

        foreach (var affected in years)
        {
            db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Calendar, affected, me.UtcNow, me.DisplayName, action, note: note));
        }

        string recalculated;
        try
        {
            recalculated = await OverrideChanges.SaveAndRecalculateAsync(db, provider, recalculator, $"{action}: {note}", ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same date between the check above and now (unique index on Date).
            var other = await db.CalendarOverrides.AsNoTracking().FirstOrDefaultAsync(o => o.Date == date && o.Id != (id ?? 0), ct);
            if (other is null)
            {
                throw;
            }

            ModelState.AddModelError("Input.Date", DuplicateMessage(other));
            return Page();
        }

        TempData["StatusMessage"] = existing is null
            ? $"Đã thêm ngày điều chỉnh {Format.Date(date)}. {recalculated}"
            : $"Đã lưu ngày điều chỉnh {Format.Date(date)}. {recalculated}";
        return RedirectToPage("Index", new { year = date.Year });
    }

    private static string DuplicateMessage(CalendarOverride other) =>
        $"Ngày {Format.Date(other.Date)} đã có điều chỉnh “{other.Name}”. Mỗi ngày chỉ có một điều chỉnh: hãy sửa điều chỉnh đó.";
}
