using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Requests.Completion;

/// <summary>Bàn giao kết quả (form "Handover"): who received the result, and when.</summary>
public sealed class HandOverInput
{
    public string? ReceiverName { get; set; }

    public string? HandedOverOn { get; set; }

    public string? Note { get; set; }

    /// <summary>Why someone other than the person named in the agency's letter receives the result (QĐ-PT Điều 5.4c).</summary>
    public string? OtherReceiverReason { get; set; }

    /// <summary>Condition of new tokens written on their handover record (Mẫu 08); optional.</summary>
    public string? TokenCondition { get; set; }
}

public sealed class HandOverInputValidator : AbstractValidator<HandOverInput>
{
    public HandOverInputValidator()
    {
        this.Note(x => x.Note);
        this.Note(x => x.OtherReceiverReason);
        RuleFor(x => x.ReceiverName).NotEmpty().WithMessage("Vui lòng nhập họ tên người nhận bàn giao.")
            .MaximumLength(200).WithMessage("Họ tên không được dài quá 200 ký tự.");
        this.PastDate(x => x.HandedOverOn, "ngày bàn giao");
    }
}

/// <summary>
/// The result reaches the person the agency named and the request completes. For an issue request the agency hands each
/// new token to its subscriber: custody is recorded on the token (QĐ-PT Điều 9.2, Mẫu 08).
/// </summary>
public sealed class HandOver(AppDbContext db, IValidator<HandOverInput> validator) : RequestActionHandler<HandOverInput>(db, validator)
{
    public override RequestAction Action => RequestAction.HandOver;

    protected override async Task<string> ActAsync(Request request, HandOverInput input, Actor actor, CancellationToken ct)
    {
        var on = Format.ParseDate(input.HandedOverOn)!.Value;
        request.HandOver(input.ReceiverName!, on, actor, Text.CleanOrNull(input.Note), Text.CleanOrNull(input.OtherReceiverReason));
        if (request.Type == RequestType.Issue)
        {
            foreach (var line in request.Lines.Where(l => l.ResultTokenSerial is not null))
            {
                var token = await Db.Tokens.FirstAsync(t => t.SerialNumber == line.ResultTokenSerial, ct);
                Db.TokenHandovers.Add(token.HandOver(new TokenHandoverDetails(on, request.Contact.FullName ?? actor.DisplayName,
                    request.Contact.Position, line.SubscriberName, null, line.SubscriberId,
                    $"Bàn giao thiết bị và chứng thư số mới cấp theo yêu cầu {request.ReceiptNumber}", Text.CleanOrNull(input.TokenCondition)), actor));
            }
        }

        return $"Đã ghi nhận bàn giao cho {request.HandedOverTo}; yêu cầu hoàn thành.";
    }
}
