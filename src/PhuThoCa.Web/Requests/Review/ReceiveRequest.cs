using FluentValidation;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

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
/// period from the working-day calendar.
/// </summary>
public sealed class ReceiveRequest(AppDbContext db, IValidator<ReceiveInput> validator, RequestServices services)
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
        return request.DueDate is { } due
            ? $"Đã tiếp nhận yêu cầu, số tiếp nhận {request.ReceiptNumber}; hạn xử lý {Format.Date(due)}."
            : $"Đã tiếp nhận yêu cầu, số tiếp nhận {request.ReceiptNumber}.";
    }
}
