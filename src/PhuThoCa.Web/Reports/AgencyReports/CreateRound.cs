using FluentValidation;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Reports.AgencyReports;

/// <summary>Tạo kỳ báo cáo (form "Round"): the period, the deadline and a note.</summary>
public sealed class RoundInput
{
    public string? Choice { get; set; }

    public string? Year { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Deadline { get; set; }

    public string? Note { get; set; }
}

public sealed class RoundInputValidator : AbstractValidator<RoundInput>
{
    public RoundInputValidator()
    {
        RuleFor(x => x).Custom((input, context) =>
            ReportPeriodChoice.Parse(input.Choice, input.Year, input.From, input.To, (field, message) => context.AddFailure(field, message)));
        RuleFor(x => x.Deadline).NotEmpty().WithMessage("Vui lòng nhập hạn nộp báo cáo (dd/MM/yyyy).")
            .Must(v => Format.TryParseDate(v, out _)).WithMessage("Ngày không hợp lệ, nhập theo dạng dd/MM/yyyy.");
        RuleFor(x => x.Note).MaximumLength(ReportingRound.NoteMaxLength).WithMessage($"Ghi chú không được dài quá {ReportingRound.NoteMaxLength} ký tự.");
    }
}

/// <summary>
/// Sở defines a kỳ báo cáo (QĐ-PT Điều 9.6: the agencies report to Sở "định kỳ hoặc đột xuất"): the period every agency
/// reports on and the deadline. The caller checks policy <see cref="Policies.ScienceDepartment"/>.
/// </summary>
public sealed class CreateRound(AppDbContext db, IValidator<RoundInput> validator)
{
    public Task<FluentValidation.Results.ValidationResult> ValidateAsync(RoundInput input, CancellationToken ct = default) =>
        validator.ValidateAsync(input, ct);

    /// <summary>Validates and saves; throws <see cref="ValidationException"/> or <see cref="DomainRuleException"/> before writing.</summary>
    public async Task<ReportingRound> HandleAsync(RoundInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = await ValidateAsync(input, ct);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }

        var period = ReportPeriodChoice.Parse(input.Choice, input.Year, input.From, input.To, (_, _) => { })!;
        var round = new ReportingRound(period, Format.ParseDate(input.Deadline)!.Value, input.Note, actor);
        db.ReportingRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return round;
    }
}
