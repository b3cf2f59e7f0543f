using FluentValidation;
using PhuThoCa.Domain.Agencies;

namespace PhuThoCa.Web.Pages.Agencies;

public sealed class AgencyInput
{
    public AgencyKind Kind { get; set; } = AgencyKind.ProvincialDepartment;

    public string? Name { get; set; }

    public string? ShortName { get; set; }

    public string? ParentAuthorityName { get; set; }

    public int? ParentId { get; set; }

    public string? Address { get; set; }

    public string? EmailDomain { get; set; }

    public string? Phone { get; set; }

    public bool IsActive { get; set; } = true;

    public static AgencyInput From(Agency a) => new()
    {
        Kind = a.Kind,
        Name = a.Name,
        ShortName = a.ShortName,
        ParentAuthorityName = a.ParentAuthorityName,
        ParentId = a.ParentId,
        Address = a.Address,
        EmailDomain = a.EmailDomain,
        Phone = a.Phone,
        IsActive = a.IsActive,
    };
}

public sealed class AgencyInputValidator : AbstractValidator<AgencyInput>
{
    public AgencyInputValidator()
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage("Loại cơ quan không hợp lệ.");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Vui lòng nhập tên cơ quan.").MaximumLength(Agency.NameMaxLength);
        RuleFor(x => x.ShortName).NotEmpty().WithMessage("Vui lòng nhập tên viết tắt dùng trong số, ký hiệu văn bản.")
            .MaximumLength(Agency.ShortNameMaxLength).WithMessage($"Tên viết tắt không được dài quá {Agency.ShortNameMaxLength} ký tự.");
        RuleFor(x => x.Address).NotEmpty().WithMessage("Vui lòng nhập địa chỉ.");
        RuleFor(x => x.EmailDomain).NotEmpty().WithMessage("Vui lòng nhập tên miền thư điện tử công vụ.")
            .Must(d => PhuThoCa.Domain.Subscribers.OfficialEmail.IsStateIssued("x@" + d)).When(x => !string.IsNullOrWhiteSpace(x.EmailDomain), ApplyConditionTo.CurrentValidator)
            .WithMessage("Tên miền thư điện tử phải là tên miền của cơ quan nhà nước (…gov.vn).");
    }
}

public static class AgencyLabels
{
    public static string Kind(AgencyKind kind) => kind switch
    {
        AgencyKind.ProvincialDepartment => "Sở, ban, ngành",
        AgencyKind.CommuneCommittee => "UBND xã, phường",
        AgencyKind.PublicServiceUnit => "Đơn vị sự nghiệp",
        AgencyKind.Other => "Khác",
    };
}
