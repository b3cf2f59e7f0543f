using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Infrastructure.Calendar;

/// <summary>
/// Holds the working-day calendar built from the configured settings (section <c>Calendar</c>) and the overrides
/// stored in the database. Immutable snapshots: after an admin edits an override, call <see cref="Invalidate"/>. A snapshot
/// is also read again after <see cref="SnapshotLifetime"/>, so that an edit made on another node of a multi-node
/// deployment reaches this one within that time instead of at its next restart.
/// </summary>
public sealed class CalendarProvider(IConfiguration configuration, TimeProvider clock)
{
    public static readonly TimeSpan SnapshotLifetime = TimeSpan.FromMinutes(1);

    private readonly object _gate = new();
    private WorkingDayCalendar? _current;

    // The clock's timestamp when _current was read.
    private long _readAt;

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
        if (current is not null && clock.GetElapsedTime(Volatile.Read(ref _readAt)) < SnapshotLifetime)
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

            if (_current is null || clock.GetElapsedTime(_readAt) >= SnapshotLifetime)
            {
                _current = built;
                _readAt = clock.GetTimestamp();
            }

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
