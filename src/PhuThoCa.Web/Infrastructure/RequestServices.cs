using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Calendar;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// What request handlers need besides the DbContext: the working-day deadlines, receipt numbers and the register entries
/// a request's lines point at.
/// </summary>
public sealed class RequestServices(AppDbContext db, CalendarProvider calendars, RequestDeadlineSettings settings,
    PhuThoCa.Infrastructure.Signatures.SignedLetterService signedLetters)
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

    /// <summary>
    /// Receives a sent request (details page and the inbox's bulk action alike): deadlines from the working-day calendar,
    /// and the year's next receipt number unless the request already has one (a resubmission keeps its number). Where the
    /// setting requires it, the signed letter must have been verified first (issue 16, SignedLetterPolicy).
    /// </summary>
    public async Task ReceiveAsync(Request request, Actor actor, string? note, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        await signedLetters.EnsureReceivableAsync(request, ct);
        var deadlines = await DeadlinesAsync(ct);
        int? sequence = request.ReceiptNumber is null ? await NextReceiptSequenceAsync(VietnamTime.ToDate(actor.AtUtc).Year, ct) : null;
        request.Receive(actor, deadlines, sequence, note);
    }

    /// <summary>
    /// The certificates and tokens the request's lines point at, for the domain's eligibility checks and register updates;
    /// <paramref name="track"/> false when they are only read.
    /// </summary>
    public async Task<RequestSubjects> SubjectsAsync(Request request, bool track = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var certificateIds = request.Lines.Where(l => l.CertificateId is not null).Select(l => l.CertificateId!.Value).ToList();
        var tokenIds = request.Lines.Where(l => l.TokenId is not null).Select(l => l.TokenId!.Value).ToList();
        var certificates = track ? db.Certificates : db.Certificates.AsNoTracking();
        var tokens = track ? db.Tokens : db.Tokens.AsNoTracking();
        return new RequestSubjects(
            await certificates.Where(c => certificateIds.Contains(c.Id)).ToListAsync(ct),
            await tokens.Where(t => tokenIds.Contains(t.Id)).ToListAsync(ct));
    }
}
