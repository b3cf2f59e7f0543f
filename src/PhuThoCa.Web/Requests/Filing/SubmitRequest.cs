using FluentValidation;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Requests.Filing;

/// <summary>
/// Gửi yêu cầu / gửi lại sau bổ sung (form "Submission"): the sender's confirmation of QĐ-PT Điều 9 khoản 1 goes to the
/// domain, which refuses the submission without it; the note is kept with a resubmission only.
/// </summary>
public sealed class SubmitInput
{
    public bool Confirm { get; set; }

    public string? Note { get; set; }

    /// <summary>Mẫu 01–03/05: how the agency sent the letter to the Cục.</summary>
    public CaDispatchChannel? SentVia { get; set; }

    /// <summary>Mẫu 01–03/05: the day it was sent, dd/MM/yyyy.</summary>
    public string? SentOn { get; set; }

    public CaDispatch? ToDispatch() => SentVia is { } via && Format.ParseDate(SentOn) is { } on ? new CaDispatch(via, on) : null;
}

public sealed class SubmitInputValidator : AbstractValidator<SubmitInput>
{
    public SubmitInputValidator()
    {
        this.Note(x => x.Note);
        RuleFor(x => x.SentVia).IsInEnum().WithMessage("Hình thức gửi không hợp lệ.");
        RuleFor(x => x.SentOn).Must(d => Format.TryParseDate(d, out _)).WithMessage("Ngày gửi phải có dạng dd/MM/yyyy.");
    }
}

/// <summary>
/// The agency sends its signed letter (to Sở or to the Cục with Sở in copy); the version sent is stored with the status
/// change (<see cref="SentLetter"/>) and is fixed from then on.
/// </summary>
public sealed class SubmitRequest(AppDbContext db, IValidator<SubmitInput> validator, RequestServices services, SentLetter sent)
    : RequestActionHandler<SubmitInput>(db, validator)
{
    public override RequestAction Action => RequestAction.Submit;

    protected override async Task<string> ActAsync(Request request, SubmitInput input, Actor actor, CancellationToken ct)
    {
        await services.EnsureLetterNumberIsFreeAsync(request, ct);
        request.Submit(actor, await services.SubjectsAsync(request, track: false, ct), input.Confirm, input.ToDispatch());
        await sent.StageAsync(Db, request, actor, ct);
        return "Đã gửi yêu cầu.";
    }
}

/// <summary>
/// The agency sends the request again after supplementing it; checked as at the first submission. The letter sent again is
/// stored as a new version beside the first (both kept; the details page shows what changed).
/// </summary>
public sealed class ResubmitRequest(AppDbContext db, IValidator<SubmitInput> validator, RequestServices services, SentLetter sent)
    : RequestActionHandler<SubmitInput>(db, validator)
{
    public override RequestAction Action => RequestAction.Resubmit;

    protected override async Task<string> ActAsync(Request request, SubmitInput input, Actor actor, CancellationToken ct)
    {
        await services.EnsureLetterNumberIsFreeAsync(request, ct);
        request.Resubmit(actor, await services.SubjectsAsync(request, track: false, ct), input.Confirm, Text.CleanOrNull(input.Note));
        await sent.StageAsync(Db, request, actor, ct);
        return "Đã gửi lại yêu cầu sau khi bổ sung.";
    }
}
