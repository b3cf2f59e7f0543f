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

/// <summary>
/// Tiếp nhận (form "Receipt"): Sở records the receipt; the year's next receipt number (first receipt only) and the running
/// period from the working-day calendar.
/// </summary>
public sealed class ReceiveRequest(AppDbContext db, IValidator<NoteInput> validator, RequestServices services)
    : RequestActionHandler<NoteInput>(db, validator)
{
    public override RequestAction Action => RequestAction.Receive;

    protected override async Task<string> ActAsync(Request request, NoteInput input, Actor actor, CancellationToken ct)
    {
        await services.EnsureSignedLetterAllowsReceiptAsync(request, ct);
        var deadlines = await services.DeadlinesAsync(ct);
        int? sequence = request.ReceiptNumber is null
            ? await services.NextReceiptSequenceAsync(VietnamTime.ToDate(actor.AtUtc).Year, ct)
            : null;
        request.Receive(actor, deadlines, sequence, Text.CleanOrNull(input.Note));
        return request.DueDate is { } due
            ? $"Đã tiếp nhận yêu cầu, số tiếp nhận {request.ReceiptNumber}; hạn xử lý {Format.Date(due)}."
            : $"Đã tiếp nhận yêu cầu, số tiếp nhận {request.ReceiptNumber}.";
    }
}
