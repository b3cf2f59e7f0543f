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

/// <summary>Ban hành thông báo từ chối (form "Notice"): the signer and the dates of issue and of sending.</summary>
public sealed class RejectionNoticeInput
{
    public string? SignerName { get; set; }

    /// <summary>Quyền hạn and chức vụ, lines separated by "/" (e.g. "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC").</summary>
    public string? SignerPosition { get; set; }

    public string? IssuedOn { get; set; }

    public string? SentOn { get; set; }
}

public sealed class RejectionNoticeInputValidator : AbstractValidator<RejectionNoticeInput>
{
    public RejectionNoticeInputValidator()
    {
        RuleFor(x => x.SignerName).NotEmpty().WithMessage("Vui lòng nhập họ tên người ký thông báo.")
            .MaximumLength(200).WithMessage("Họ tên không được dài quá 200 ký tự.");
        RuleFor(x => x.SignerPosition).NotEmpty().WithMessage("Vui lòng nhập quyền hạn, chức vụ của người ký.")
            .MaximumLength(200).WithMessage("Quyền hạn, chức vụ không được dài quá 200 ký tự.");
        this.PastDate(x => x.IssuedOn, "ngày ban hành");
        this.PastDate(x => x.SentOn, "ngày gửi");
        RuleFor(x => x.SentOn)
            .Must((input, sent) => Format.ParseDate(sent) is not { } s || Format.ParseDate(input.IssuedOn) is not { } i || s >= i)
            .WithMessage("Ngày gửi không được trước ngày ban hành.");
    }
}

/// <summary>
/// Sở issues its written refusal (QĐ-PT Điều 5.4b, 6.3: "từ chối bằng văn bản, nêu rõ lý do") of a rejected request: the
/// number is the next of the issue year's register (<see cref="LetterKinds.Rejection"/>, <see cref="AtomicCounters"/>),
/// the signer and the dates of issue and of sending are recorded with the stored PDF and its content, in one save. Issued
/// once (<see cref="LetterRecords.EnsureRejectionNoticeMayBeIssued"/>); the caller checks policy
/// <see cref="Policies.RejectRequests"/>.
/// </summary>
public sealed class IssueRejectionNotice(AppDbContext db, IValidator<RejectionNoticeInput> validator, RequestLetterService letters,
    RequestLetterOptions options)
{
    public const string Register = LetterKinds.Rejection;

    public Task<ValidationResult> ValidateAsync(Request request, RejectionNoticeInput input, DateOnly today, CancellationToken ct = default)
    {
        var context = new ValidationContext<RejectionNoticeInput>(input);
        ActionValidation.SetContext(context, request, today);
        return validator.ValidateAsync(context, ct);
    }

    /// <summary>The notice already issued for the request, or null.</summary>
    public Task<GeneratedLetter?> IssuedAsync(int requestId, CancellationToken ct = default) =>
        letters.LatestAsync(requestId, LetterKinds.Rejection, ct);

    /// <summary>
    /// Validates, checks the rule, takes the number and stores the notice; throws <see cref="ValidationException"/> or
    /// <see cref="DomainRuleException"/> before anything is written.
    /// </summary>
    public async Task<GeneratedLetter> HandleAsync(Request request, RejectionNoticeInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var result = await ValidateAsync(request, input, VietnamTime.ToDate(actor.AtUtc), ct);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }

        var issuedOn = Format.ParseDate(input.IssuedOn)!.Value;
        LetterRecords.EnsureRejectionNoticeMayBeIssued(request, await IssuedAsync(request.Id, ct), issuedOn);
        var record = new LetterRecord(Text.CleanOrNull(input.SignerName), Text.CleanOrNull(input.SignerPosition), issuedOn,
            Format.ParseDate(input.SentOn)!.Value);
        var sequence = await AtomicCounters.NextAsync(db, "DocumentCounters", [("Register", Register), ("Year", issuedOn.Year)], ct);
        var details = new RejectionNoticeDetails(options.Issuer.RejectionNumber(sequence), issuedOn)
        {
            SignerTitle = record.SignerPosition,
            SignerName = record.SignerName,
        };
        var letter = letters.RejectionNotice(await letters.DataForAsync(request, ct), details, LetterPages.StatusBaseUrl(options));
        var (row, _) = await letters.PrepareAsync(request.Id, LetterKinds.Rejection, letter, actor, record, ct);
        db.GeneratedLetters.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }
}
