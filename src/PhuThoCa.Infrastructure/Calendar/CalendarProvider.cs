using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Infrastructure.Calendar;

/// <summary>
/// Holds the working-day calendar built from the configured settings (section <c>Calendar</c>) and the overrides
/// stored in the database. Immutable snapshots: after an admin edits an override, call <see cref="Invalidate"/>.
/// </summary>
public sealed class CalendarProvider(IConfiguration configuration)
{
    private readonly object _gate = new();
    private WorkingDayCalendar? _current;

    public CalendarSettings Settings { get; } = ReadSettings(configuration);

    public static CalendarSettings ReadSettings(IConfiguration configuration)
    {
        var section = configuration.GetSection("Calendar");
        var settings = CalendarSettings.Default;
        if (TimeOnly.TryParse(section["OfficeHoursStart"], System.Globalization.CultureInfo.InvariantCulture, out var start))
        {
            settings = settings with { OfficeHoursStart = start };
        }

        if (TimeOnly.TryParse(section["OfficeHoursEnd"], System.Globalization.CultureInfo.InvariantCulture, out var end))
        {
            settings = settings with { OfficeHoursEnd = end };
        }

        if (bool.TryParse(section["CultureDayEnabled"], out var cultureDay))
        {
            settings = settings with { CultureDayEnabled = cultureDay };
        }

        if (bool.TryParse(section["CountOutOfHoursReceiptFromNextWorkingDay"], out var nextDay))
        {
            settings = settings with { CountOutOfHoursReceiptFromNextWorkingDay = nextDay };
        }

        return settings;
    }

    public async Task<WorkingDayCalendar> GetAsync(AppDbContext db, CancellationToken ct = default)
    {
        var current = _current;
        if (current is not null)
        {
            return current;
        }

        var overrides = await db.CalendarOverrides.AsNoTracking().ToListAsync(ct);
        var built = new WorkingDayCalendar(Settings, overrides);
        lock (_gate)
        {
            _current ??= built;
            return _current;
        }
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _current = null;
        }
    }
}
