using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Calendar;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>What request handlers need besides the DbContext: the working-day deadlines and receipt numbers.</summary>
public sealed class RequestServices(AppDbContext db, CalendarProvider calendars, RequestDeadlineSettings settings)
{
    public RequestDeadlineSettings Settings => settings;

    public async Task<IWorkingDayDeadlines> DeadlinesAsync(CancellationToken ct = default) =>
        new CalendarDeadlines(await calendars.GetAsync(db, ct), settings);

    /// <summary>
    /// Next receipt sequence of the year, from a counter row with a concurrency token: two staff receiving at the same
    /// moment cannot get the same number (one of the saves fails and is told to retry).
    /// </summary>
    public async Task<int> NextReceiptSequenceAsync(int year, CancellationToken ct = default)
    {
        var counter = await db.ReceiptCounters.FirstOrDefaultAsync(c => c.Year == year, ct);
        if (counter is null)
        {
            counter = new ReceiptCounter(year);
            db.ReceiptCounters.Add(counter);
        }

        return counter.Next();
    }
}
