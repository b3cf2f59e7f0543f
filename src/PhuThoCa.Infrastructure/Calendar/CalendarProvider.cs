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

    // Bumped by Invalidate, so that a snapshot read before an edit is not cached after it.
    private int _generation;

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
        var current = Volatile.Read(ref _current);
        if (current is not null)
        {
            return current;
        }

        var generation = Volatile.Read(ref _generation);
        var overrides = await db.CalendarOverrides.AsNoTracking().ToListAsync(ct);
        var built = new WorkingDayCalendar(Settings, overrides);
        lock (_gate)
        {
            if (_generation != generation)
            {
                // An override changed while this snapshot was read: serve it to this request only, never cache it, or the
                // change would stay invisible until the next edit.
                return built;
            }

            _current ??= built;
            return _current;
        }
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _current = null;
            _generation++;
        }
    }
}
