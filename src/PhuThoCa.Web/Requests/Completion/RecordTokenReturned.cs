using FluentValidation;
using FluentValidation.Results;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Requests.Completion;

/// <summary>Nộp lại thiết bị (form "TokenReturn"): per token of a revocation, returned to the Cục or lost (Mẫu 09).</summary>
public sealed class TokenReturnInput
{
    public List<TokenReturnLine> Lines { get; set; } = [];

    public string? Note { get; set; }
}

public sealed class TokenReturnLine
{
    public int LineId { get; set; }

    public TokenReturnOutcome? ReturnOutcome { get; set; }

    public string? ReturnedOn { get; set; }

    public string? MinutesNumber { get; set; }
}

public sealed class TokenReturnInputValidator : AbstractValidator<TokenReturnInput>
{
    public const int MinutesNumberMaxLength = 50;

    public TokenReturnInputValidator()
    {
        this.Note(x => x.Note);
        RuleFor(x => x).Custom((input, context) =>
        {
            void Add(string property, string message) => context.AddFailure(new ValidationFailure(property, message));
            var today = ActionValidation.TodayOf(context);
            foreach (var line in ActionValidation.RequestOf(context).Lines.Where(l => l.TokenId is not null))
            {
                var i = input.Lines.FindIndex(l => l.LineId == line.Id);
                if (i < 0)
                {
                    Add(string.Empty, $"Thiếu kết quả của dòng “{line.SubscriberName}”.");
                    continue;
                }

                var row = input.Lines[i];
                if (row.ReturnOutcome is null || !Enum.IsDefined(row.ReturnOutcome.Value))
                {
                    Add($"Lines[{i}].ReturnOutcome", "Vui lòng chọn kết quả: đã bàn giao cho Cục hoặc thất lạc.");
                }

                if (ActionValidation.LineDate(row.ReturnedOn, $"Lines[{i}].ReturnedOn", "ngày bàn giao hoặc xác nhận thất lạc", Add) is { } on
                    && on > today)
                {
                    Add($"Lines[{i}].ReturnedOn", "Ngày không được sau ngày hôm nay.");
                }

                if (row.MinutesNumber is { Length: > MinutesNumberMaxLength })
                {
                    Add($"Lines[{i}].MinutesNumber", $"Số biên bản không được dài quá {MinutesNumberMaxLength} ký tự.");
                }
            }
        });
    }
}

/// <summary>The agency returned the revoked certificates' tokens to the Cục, or recorded them lost; the request completes.</summary>
public sealed class RecordTokenReturned(AppDbContext db, IValidator<TokenReturnInput> validator, RequestServices services)
    : RequestActionHandler<TokenReturnInput>(db, validator)
{
    public override RequestAction Action => RequestAction.RecordTokenReturned;

    protected override async Task<string> ActAsync(Request request, TokenReturnInput input, Actor actor, CancellationToken ct)
    {
        var subjects = await services.SubjectsAsync(request, ct: ct);
        var returns = request.Lines.Where(l => l.TokenId is not null).Select(l =>
        {
            var row = input.Lines.First(r => r.LineId == l.Id);
            return new TokenReturn(subjects.Tokens.Single(t => t.Id == l.TokenId), row.ReturnOutcome!.Value,
                Format.ParseDate(row.ReturnedOn)!.Value, Text.CleanOrNull(row.MinutesNumber));
        }).ToList();
        Db.TimelineEvents.AddRange(request.RecordTokenReturned(returns, actor, Text.CleanOrNull(input.Note)));
        return "Đã ghi nhận nộp lại thiết bị; yêu cầu hoàn thành.";
    }
}
