using FluentValidation;
using PhuThoCa.Domain.Tokens;

namespace PhuThoCa.Web.Pages.Tokens;

public sealed class TokenInput
{
    public int AgencyId { get; set; }

    public string? SerialNumber { get; set; }

    public string? Model { get; set; }

    public string? Notes { get; set; }
}

public sealed class TokenInputValidator : AbstractValidator<TokenInput>
{
    public TokenInputValidator()
    {
        RuleFor(x => x.AgencyId).GreaterThan(0).WithMessage("Vui lòng chọn cơ quan quản lý thiết bị.");
        RuleFor(x => x.SerialNumber).NotEmpty().WithMessage("Vui lòng nhập số hiệu thiết bị.")
            .MaximumLength(UsbToken.SerialMaxLength).WithMessage($"Số hiệu không được dài quá {UsbToken.SerialMaxLength} ký tự.")
            .Matches("^[A-Za-z0-9._-]+$").When(x => !string.IsNullOrWhiteSpace(x.SerialNumber), ApplyConditionTo.CurrentValidator)
            .WithMessage("Số hiệu thiết bị chỉ gồm chữ cái không dấu, chữ số và các ký tự . _ -");
        RuleFor(x => x.Model).NotEmpty().WithMessage("Vui lòng nhập chủng loại thiết bị.").MaximumLength(100);
        RuleFor(x => x.Notes).MaximumLength(1000).WithMessage("Ghi chú không được dài quá 1000 ký tự.");
    }
}
