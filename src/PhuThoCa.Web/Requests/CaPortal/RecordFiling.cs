using FluentValidation;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Requests.CaPortal;

/// <summary>Đã tạo hồ sơ trên Hệ thống của Cục (form "Filing"): the dossier code the national system gave.</summary>
public sealed class FilingInput
{
    public string? DossierCode { get; set; }

    public string? Note { get; set; }
}

public sealed class FilingInputValidator : AbstractValidator<FilingInput>
{
    public FilingInputValidator()
    {
        this.Note(x => x.Note);
        RuleFor(x => x.DossierCode).NotEmpty().WithMessage("Vui lòng nhập mã hồ sơ trên Hệ thống đăng ký, quản lý yêu cầu chứng thực.")
            .MaximumLength(Request.DossierCodeMaxLength).WithMessage($"Mã hồ sơ không được dài quá {Request.DossierCodeMaxLength} ký tự.");
    }
}

/// <summary>Sở records that it filed the request on the Cục's system (QĐ-PT Điều 5.4c: within 03 working days).</summary>
public sealed class RecordFiling(AppDbContext db, IValidator<FilingInput> validator, RequestServices services)
    : RequestActionHandler<FilingInput>(db, validator)
{
    public override RequestAction Action => RequestAction.RecordFiledOnCaPortal;

    protected override async Task<string> ActAsync(Request request, FilingInput input, Actor actor, CancellationToken ct)
    {
        request.RecordFiledOnCaPortal(input.DossierCode!, actor, await services.DeadlinesAsync(ct), Text.CleanOrNull(input.Note));
        return $"Đã ghi nhận hồ sơ {request.CaDossierCode} trên Hệ thống của Cục.";
    }
}
