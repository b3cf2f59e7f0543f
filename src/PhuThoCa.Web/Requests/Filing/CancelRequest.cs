using FluentValidation;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Requests.Filing;

/// <summary>Hủy yêu cầu (form "Cancellation"): the agency withdraws its request, with a reason.</summary>
public sealed class CancelInput
{
    public string? Reason { get; set; }
}

public sealed class CancelInputValidator : AbstractValidator<CancelInput>
{
    public CancelInputValidator() => this.Reason(x => x.Reason, "Vui lòng nêu lý do hủy yêu cầu.");
}

public sealed class CancelRequest(AppDbContext db, IValidator<CancelInput> validator) : RequestActionHandler<CancelInput>(db, validator)
{
    public override RequestAction Action => RequestAction.Cancel;

    protected override Task<string> ActAsync(Request request, CancelInput input, Actor actor, CancellationToken ct)
    {
        request.Cancel(input.Reason!, actor);
        return Task.FromResult("Đã hủy yêu cầu.");
    }
}
