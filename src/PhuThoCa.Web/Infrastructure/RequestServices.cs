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
    /// Next receipt sequence of the year, taken by one atomic UPDATE … RETURNING (OUTPUT on SQL Server) on the year's
    /// counter row: two staff receiving different requests at the same moment each get their own number and neither is
    /// told the record changed. The number is taken before the receipt is saved, so a save that then fails (the request
    /// itself was changed meanwhile) leaves that number unused; a number is never issued twice.
    /// </summary>
    public async Task<int> NextReceiptSequenceAsync(int year, CancellationToken ct = default)
    {
        var sqlServer = db.Database.ProviderName?.Contains("SqlServer", StringComparison.Ordinal) == true;
        for (var attempt = 0; ; attempt++)
        {
            var version = Guid.NewGuid().ToByteArray();
            var taken = sqlServer
                ? await db.Database.SqlQuery<int>($"UPDATE [ReceiptCounters] SET [LastValue] = [LastValue] + 1, [Version] = {version} OUTPUT inserted.[LastValue] AS [Value] WHERE [Year] = {year}").ToListAsync(ct)
                : await db.Database.SqlQuery<int>($"UPDATE \"ReceiptCounters\" SET \"LastValue\" = \"LastValue\" + 1, \"Version\" = {version} WHERE \"Year\" = {year} RETURNING \"LastValue\" AS \"Value\"").ToListAsync(ct);
            if (taken.Count == 1)
            {
                return taken[0];
            }

            // First receipt of the year: create the row holding 1, unless another receipt just did (then take the next).
            var created = sqlServer
                ? await db.Database.SqlQuery<int>($"INSERT INTO [ReceiptCounters] ([Year], [LastValue], [Version]) OUTPUT inserted.[LastValue] AS [Value] SELECT {year}, 1, {version} WHERE NOT EXISTS (SELECT 1 FROM [ReceiptCounters] WITH (UPDLOCK, HOLDLOCK) WHERE [Year] = {year})").ToListAsync(ct)
                : await db.Database.SqlQuery<int>($"INSERT INTO \"ReceiptCounters\" (\"Year\", \"LastValue\", \"Version\") VALUES ({year}, 1, {version}) ON CONFLICT DO NOTHING RETURNING \"LastValue\" AS \"Value\"").ToListAsync(ct);
            if (created.Count == 1)
            {
                return created[0];
            }

            if (attempt >= 3)
            {
                throw new InvalidOperationException($"No receipt number could be taken for {year}.");
            }
        }
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
