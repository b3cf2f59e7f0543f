using PhuThoCa.Documents.Composers;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Pages.Letters;

namespace PhuThoCa.Web.Requests.Filing;

/// <summary>
/// The agency's letter as sent (issue 11 item 3): at each submission and resubmission the version that goes out is stored,
/// with its signer, its date and the day it was sent, in the same save as the status change. It prints the request's
/// data at that moment with the wording of the newest draft version stored since the last sending (recipients, Nơi nhận,
/// opening and closing sentences), or the default wording.
/// </summary>
public sealed class SentLetter(RequestLetterService letters, RequestLetterOptions options)
{
    /// <summary>Renders and stores the PDF and adds its row to <paramref name="db"/>, which the handler then saves.</summary>
    public async Task StageAsync(AppDbContext db, Request request, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (request.FormNumber is null)
        {
            return;
        }

        var today = VietnamTime.ToDate(actor.AtUtc);
        var kind = RequestLetterComposer.KindOf(request);
        var data = await letters.DataForAsync(request, ct);
        var letter = letters.RequestLetter(data, today, LetterPages.StatusBaseUrl(options), await DraftWordingAsync(request.Id, kind, ct));
        var record = new LetterRecord(request.Letter.SignerName, request.Letter.SignerPosition, request.Letter.Date ?? today, today);
        var (row, _) = await letters.PrepareAsync(request.Id, kind, letter, actor, record, ct);
        db.GeneratedLetters.Add(row);
    }

    /// <summary>The wording of the newest draft stored after the last sent version, or null (the default wording).</summary>
    private async Task<RequestLetterEdits?> DraftWordingAsync(int requestId, string kind, CancellationToken ct)
    {
        var versions = await letters.VersionsAsync(requestId, ct);
        var draft = versions.Where(v => v.Kind == kind).TakeWhile(v => !v.IsSent).FirstOrDefault();
        if (draft is null || RequestLetterService.ContentOf(draft) is not { } content)
        {
            return null;
        }

        return new RequestLetterEdits
        {
            Recipients = content.Recipients,
            CopyTo = content.CopyTo,
            Archive = content.Archive,
            Opening = content.Body.OfType<Documents.Nd30.LetterParagraph>().FirstOrDefault() is { } opening
                ? string.Concat(opening.Spans.Select(s => s.Text))
                : null,
            Closing = content.Closing,
        };
    }
}
