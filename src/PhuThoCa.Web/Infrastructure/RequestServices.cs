using Microsoft.EntityFrameworkCore;
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

    /// <summary>
    /// Where the setting requires it, a request is received only once its signed letter has been verified (issue 16,
    /// SignedLetterPolicy); throws the domain's problem otherwise.
    /// </summary>
    public Task EnsureSignedLetterAllowsReceiptAsync(Request request, string? paperLetterNote, CancellationToken ct = default) =>
        signedLetters.EnsureReceivableAsync(request, paperLetterNote, ct);

    public async Task<IWorkingDayDeadlines> DeadlinesAsync(CancellationToken ct = default) =>
        new CalendarDeadlines(await calendars.GetAsync(db, ct), settings);

    /// <summary>
    /// Next receipt sequence of the year, taken atomically on the year's counter row (<see cref="AtomicCounters"/>): two staff
    /// receiving different requests at the same moment each get their own number. The number is taken before the receipt
    /// is saved, so a save that then fails (the request itself was changed meanwhile) leaves that number unused; a number is
    /// never issued twice.
    /// </summary>
    public Task<int> NextReceiptSequenceAsync(int year, CancellationToken ct = default) =>
        AtomicCounters.NextAsync(db, "ReceiptCounters", [("Year", year)], ct);

    /// <summary>
    /// Refuses a letter number the agency already sent on another request in the same year (the domain's
    /// <see cref="Request.EnsureLetterNumberIsFree"/>); read from the agency's sent requests whose letter is of that year.
    /// </summary>
    public async Task EnsureLetterNumberIsFreeAsync(Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Letter.Number is null || request.Letter.Date is not { } date)
        {
            return;
        }

        var from = new DateOnly(date.Year, 1, 1);
        var to = new DateOnly(date.Year, 12, 31);
        var sent = await db.Requests.AsNoTracking()
            .Where(r => r.AgencyId == request.AgencyId && r.Id != request.Id && r.SubmittedAtUtc != null
                        && r.Letter.Number != null && r.Letter.Date >= from && r.Letter.Date <= to)
            .Select(r => new SentLetterNumber(r.Id, r.ReceiptNumber, r.Letter.Number!, r.Letter.Date))
            .ToListAsync(ct);
        request.EnsureLetterNumberIsFree(sent);
    }

    /// <summary>
    /// The certificates and tokens the request's lines point at, for the domain's eligibility checks and register updates;
    /// <paramref name="track"/> false when they are only read. Nothing is read for a kind no line points at (an issue
    /// request's lines point at neither until the Cục's result).
    /// </summary>
    public async Task<RequestSubjects> SubjectsAsync(Request request, bool track = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var certificateIds = request.Lines.Where(l => l.CertificateId is not null).Select(l => l.CertificateId!.Value).ToList();
        var tokenIds = request.Lines.Where(l => l.TokenId is not null).Select(l => l.TokenId!.Value).ToList();
        var certificates = track ? db.Certificates : db.Certificates.AsNoTracking();
        var tokens = track ? db.Tokens : db.Tokens.AsNoTracking();
        return new RequestSubjects(
            certificateIds.Count == 0 ? [] : await certificates.Where(c => certificateIds.Contains(c.Id)).ToListAsync(ct),
            tokenIds.Count == 0 ? [] : await tokens.Where(t => tokenIds.Contains(t.Id)).ToListAsync(ct));
    }
}
