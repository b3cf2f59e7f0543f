using FluentValidation;
using FluentValidation.Results;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Letters;

namespace PhuThoCa.Web.Requests.Review;

/// <summary>Hẹn lại ngày trả kết quả (form "Promise"): the new return date and why the result is late.</summary>
public sealed class PromiseInput
{
    public string? NewDate { get; set; }

    public string? Reason { get; set; }
}

public sealed class PromiseInputValidator : AbstractValidator<PromiseInput>
{
    public PromiseInputValidator()
    {
        RuleFor(x => x.NewDate).NotEmpty().WithMessage("Vui lòng nhập ngày hẹn trả lại (dd/MM/yyyy).")
            .Must(v => Format.TryParseDate(v, out _)).WithMessage("Ngày không hợp lệ, nhập theo dạng dd/MM/yyyy.");
        this.Reason(x => x.Reason, "Vui lòng nêu lý do chậm trả kết quả.");
    }
}

/// <summary>
/// Sở promises a new return date for a Mẫu 04/06 request that will miss or has missed its due date
/// (<see cref="Request.PromiseNewReturnDate"/>: the rules and their legal basis are the domain's). The promise is recorded in
/// the request's history and the phiếu xin lỗi và hẹn lại ngày trả kết quả is numbered from its own year's register
/// (<see cref="LetterKinds.ApologySlip"/>) and stored, in the same save. The legal due date does not move: a late request
/// stays late in the on-time statistics. The caller checks policy <see cref="Policies.ScienceDepartment"/>.
/// </summary>
public sealed class PromiseNewReturnDate(AppDbContext db, IValidator<PromiseInput> validator, RequestServices services,
    RequestLetterService letters, RequestLetterOptions options)
{
    public Task<ValidationResult> ValidateAsync(Request request, PromiseInput input, DateOnly today, CancellationToken ct = default)
    {
        var context = new ValidationContext<PromiseInput>(input);
        ActionValidation.SetContext(context, request, today);
        return validator.ValidateAsync(context, ct);
    }

    /// <summary>
    /// Validates, lets the aggregate check its rules, stores the history row and the numbered slip in one save; throws
    /// <see cref="ValidationException"/> or <see cref="DomainRuleException"/> before anything is written.
    /// </summary>
    public async Task<GeneratedLetter> HandleAsync(Request request, PromiseInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var result = await ValidateAsync(request, input, VietnamTime.ToDate(actor.AtUtc), ct);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }

        var newDate = Format.ParseDate(input.NewDate)!.Value;
        var change = request.PromiseNewReturnDate(newDate, input.Reason!, actor, await services.DeadlinesAsync(ct));
        db.TimelineEvents.Add(change);
        var slip = await letters.AddOneStopSlipAsync(LetterKinds.ApologySlip, request, actor, change.Note, newDate,
            LetterPages.StatusBaseUrl(options), ct);
        await db.SaveChangesAsync(ct);
        return slip;
    }
}
