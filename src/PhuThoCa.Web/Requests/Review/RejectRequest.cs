using FluentValidation;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Requests.Review;

/// <summary>Từ chối (form "Rejection"): the reason the refusal letter states (QĐ-PT Điều 5.4b, 6.3).</summary>
public sealed class RejectInput
{
    public string? Reason { get; set; }
}

public sealed class RejectInputValidator : AbstractValidator<RejectInput>
{
    public RejectInputValidator() =>
        this.Reason(x => x.Reason, "Vui lòng nêu rõ lý do từ chối (văn bản thông báo phải nêu rõ lý do).");
}

public sealed class RejectRequest(AppDbContext db, IValidator<RejectInput> validator) : RequestActionHandler<RejectInput>(db, validator)
{
    public override RequestAction Action => RequestAction.Reject;

    protected override Task<string> ActAsync(Request request, RejectInput input, Actor actor, CancellationToken ct)
    {
        request.Reject(input.Reason!, actor);
        return Task.FromResult("Đã từ chối yêu cầu.");
    }
}
