using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Infrastructure.Calendar;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Api;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Calendar;

/// <summary>The working-day calendar of a year as twelve month grids with lunar days, for every signed-in user.</summary>
public class IndexModel(AppDbContext db, CalendarProvider provider, CurrentUser me) : PageModel
{
    public int Year { get; private set; }

    public DateOnly Today { get; private set; }

    public string? Notice { get; private set; }

    public IReadOnlyList<CalendarMonth> Months { get; private set; } = [];

    public IReadOnlyList<CalendarLegendRow> Legend { get; private set; } = [];

    public int WorkingDays { get; private set; }

    public DateOnly LunarNewYear { get; private set; }

    public string LunarYearName { get; private set; } = "";

    public DateOnly HungKingsDay { get; private set; }

    public bool CanAdminister { get; private set; }

    public bool HasPrevious => Year > CalendarApi.MinYear;

    public bool HasNext => Year < CalendarApi.MaxYear;

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        CanAdminister = await me.CanAsync(Policies.Admin);
        Today = me.Today;
        Year = year ?? Today.Year;
        if (Year is < CalendarApi.MinYear or > CalendarApi.MaxYear)
        {
            Notice = string.Create(
                CultureInfo.InvariantCulture,
                $"Lịch làm việc chỉ có từ năm {CalendarApi.MinYear} đến năm {CalendarApi.MaxYear}; đang hiển thị năm gần nhất.");
            Year = Math.Clamp(Year, CalendarApi.MinYear, CalendarApi.MaxYear);
        }

        var calendar = await provider.GetAsync(db, ct);
        Months = CalendarYearView.Months(calendar, Year, Today);
        Legend = CalendarYearView.Legend(calendar, Year);
        WorkingDays = CalendarYearView.WorkingDayCount(calendar, Year);
        LunarNewYear = LunarCalendar.GetNewYearDay(Year);
        LunarYearName = LunarCalendar.GetCanChiYearName(Year);
        HungKingsDay = LunarCalendar.ToSolar(10, 3, Year);
    }
}
