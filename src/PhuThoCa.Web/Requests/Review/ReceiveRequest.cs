using FluentValidation;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Letters;

namespace PhuThoCa.Web.Requests.Review;

/// <summary>An optional note of a Sở step (receive, accept, recovery).</summary>
public sealed class NoteInput
{
    public string? Note { get; set; }
}

public sealed class NoteInputValidator : AbstractValidator<NoteInput>
{
    public NoteInputValidator() => this.Note(x => x.Note);
}

/// <summary>Tiếp nhận: an optional note, and how a letter that came on paper reached Sở (when there is no signed PDF).</summary>
public sealed class ReceiveInput
{
    public string? Note { get; set; }

    public string? PaperLetter { get; set; }
}

public sealed class ReceiveInputValidator : AbstractValidator<ReceiveInput>
{
    public ReceiveInputValidator()
    {
        this.Note(x => x.Note);
        this.Note(x => x.PaperLetter);
    }
}

/// <summary>
/// Tiếp nhận (form "Receipt"): Sở records the receipt; the year's next receipt number (first receipt only) and the running
/// period from the working-day calendar. On each receipt of a request Sở decides itself (Mẫu 04, 06; again after a
/// supplement, since the period restarts), a giấy tiếp nhận hồ sơ và hẹn trả kết quả is numbered from its own year's register
/// (<see cref="LetterKinds.ReceiptSlip"/>) and stored in the same save, so it can be downloaded at once.
/// </summary>
public sealed class ReceiveRequest(AppDbContext db, IValidator<ReceiveInput> validator, RequestServices services,
    RequestLetterService letters, RequestLetterOptions options)
    : RequestActionHandler<ReceiveInput>(db, validator)
{
    public override RequestAction Action => RequestAction.Receive;

    protected override async Task<string> ActAsync(Request request, ReceiveInput input, Actor actor, CancellationToken ct)
    {
        var paperLetter = Text.CleanOrNull(input.PaperLetter);
        await services.EnsureSignedLetterAllowsReceiptAsync(request, paperLetter, ct);
        var deadlines = await services.DeadlinesAsync(ct);
        int? sequence = request.ReceiptNumber is null
            ? await services.NextReceiptSequenceAsync(VietnamTime.ToDate(actor.AtUtc).Year, ct)
            : null;
        var note = paperLetter is null ? Text.CleanOrNull(input.Note)
            : string.Join(" ", new[] { Text.CleanOrNull(input.Note), $"Công văn bản giấy: {paperLetter}" }.Where(n => n is not null));
        request.Receive(actor, deadlines, sequence, note);
        if (RequestTypes.SlipsGivenAtReceipt(request.Type))
        {
            await letters.AddOneStopSlipAsync(LetterKinds.ReceiptSlip, request, actor, null, LetterPages.StatusBaseUrl(options), ct);
        }

        return request.DueDate is { } due
            ? $"Đã tiếp nhận yêu cầu, số tiếp nhận {request.ReceiptNumber}; hạn xử lý {Format.Date(due)}."
            : $"Đã tiếp nhận yêu cầu, số tiếp nhận {request.ReceiptNumber}.";
    }
}
