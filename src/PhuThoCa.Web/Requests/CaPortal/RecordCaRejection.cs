using FluentValidation;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Requests.CaPortal;

/// <summary>Cục từ chối (form "CaRejection"): the reason the Cục gave.</summary>
public sealed class CaRejectionInput
{
    public string? Reason { get; set; }
}

public sealed class CaRejectionInputValidator : AbstractValidator<CaRejectionInput>
{
    public CaRejectionInputValidator() =>
        this.Reason(x => x.Reason, "Vui lòng ghi lý do Cục Chứng thực số và Bảo mật thông tin từ chối.");
}

public sealed class RecordCaRejection(AppDbContext db, IValidator<CaRejectionInput> validator, RequestServices services)
    : RequestActionHandler<CaRejectionInput>(db, validator)
{
    public override RequestAction Action => RequestAction.RecordCaRejection;

    protected override async Task<string> ActAsync(Request request, CaRejectionInput input, Actor actor, CancellationToken ct)
    {
        request.RecordCaRejection(input.Reason!, actor, await services.DeadlinesAsync(ct));
        return "Đã ghi nhận Cục từ chối yêu cầu.";
    }
}
