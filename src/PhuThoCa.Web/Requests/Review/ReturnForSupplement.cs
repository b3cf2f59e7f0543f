using FluentValidation;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Letters;

namespace PhuThoCa.Web.Requests.Review;

/// <summary>Yêu cầu bổ sung (form "Return"): what the agency must supplement.</summary>
public sealed class ReturnInput
{
    public string? Reason { get; set; }
}

public sealed class ReturnInputValidator : AbstractValidator<ReturnInput>
{
    public ReturnInputValidator() => this.Reason(x => x.Reason, "Vui lòng nêu rõ nội dung cơ quan cần bổ sung.");
}

/// <summary>
/// Sở returns the request to the agency to supplement it; the legal clock stops (or pauses, see settings). For a request
/// Sở decides itself (Mẫu 04, 06) the phiếu yêu cầu bổ sung, hoàn thiện hồ sơ with the reasons written is numbered from its
/// own year's register (<see cref="LetterKinds.SupplementSlip"/>) and stored in the same save.
/// </summary>
public sealed class ReturnForSupplement(AppDbContext db, IValidator<ReturnInput> validator, RequestServices services,
    RequestLetterService letters, RequestLetterOptions options)
    : RequestActionHandler<ReturnInput>(db, validator)
{
    public override RequestAction Action => RequestAction.ReturnForSupplement;

    protected override async Task<string> ActAsync(Request request, ReturnInput input, Actor actor, CancellationToken ct)
    {
        request.ReturnForSupplement(input.Reason!, actor, await services.DeadlinesAsync(ct));
        if (RequestTypes.SlipsGivenAtReceipt(request.Type))
        {
            await letters.AddOneStopSlipAsync(LetterKinds.SupplementSlip, request, actor, request.SupplementReason,
                LetterPages.StatusBaseUrl(options), ct);
        }

        return "Đã trả yêu cầu để cơ quan bổ sung hồ sơ.";
    }
}
