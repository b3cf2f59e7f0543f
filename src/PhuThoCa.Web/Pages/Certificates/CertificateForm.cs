using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Certificates;

public sealed class CertificateInput
{
    public const string DefaultIssuer = "CN=CA phục vụ các cơ quan Nhà nước G2, O=Ban Cơ yếu Chính phủ, C=VN";

    public int SubscriberId { get; set; }

    public string? SerialNumber { get; set; }

    public string? SubjectDn { get; set; }

    public string? Issuer { get; set; } = DefaultIssuer;

    public string? NotBefore { get; set; }

    public string? NotAfter { get; set; }

    public KeyStorageKind Storage { get; set; } = KeyStorageKind.PkiToken;

    public int? TokenId { get; set; }

    /// <summary>Filled from an uploaded certificate file (hidden fields), kept on save.</summary>
    public string? ThumbprintSha1 { get; set; }

    public string? ThumbprintSha256 { get; set; }

    public string? KeyAlgorithm { get; set; }

    public static CertificateInput From(Certificate c) => new()
    {
        SubscriberId = c.SubscriberId,
        SerialNumber = c.SerialNumber,
        SubjectDn = c.SubjectDn,
        Issuer = c.Issuer,
        NotBefore = Format.Date(c.NotBeforeUtc),
        NotAfter = Format.Date(c.NotAfterUtc),
        Storage = c.Storage,
        TokenId = c.TokenId,
    };

    /// <summary>Dates are typed in Vietnam time: valid from 00:00 of the first day to 23:59:59 of the last.</summary>
    public CertificateDetails ToDetails() => new(
        SerialNumber ?? "",
        SubjectDn ?? "",
        Issuer ?? "",
        VietnamTime.StartUtc(Format.ParseDate(NotBefore)!.Value),
        VietnamTime.LastSecondUtc(Format.ParseDate(NotAfter)!.Value),
        Storage,
        ThumbprintSha1,
        ThumbprintSha256,
        KeyAlgorithm);
}

public sealed class CertificateInputValidator : AbstractValidator<CertificateInput>
{
    public CertificateInputValidator()
    {
        RuleFor(x => x.SubscriberId).GreaterThan(0).WithMessage("Vui lòng chọn thuê bao.");
        RuleFor(x => x.SerialNumber).NotEmpty().WithMessage("Vui lòng nhập số hiệu chứng thư.")
            .Must(Certificate.IsValidSerial).When(x => !string.IsNullOrWhiteSpace(x.SerialNumber), ApplyConditionTo.CurrentValidator)
            .WithMessage("Số hiệu chứng thư chỉ gồm các ký tự hệ thập lục phân 0–9, A–F (tối đa 64 ký tự).");
        RuleFor(x => x.SubjectDn).NotEmpty().WithMessage("Vui lòng nhập chủ thể (Subject) của chứng thư.");
        RuleFor(x => x.Issuer).NotEmpty().WithMessage("Vui lòng nhập tổ chức cấp chứng thư.");
        RuleFor(x => x.NotBefore).NotEmpty().WithMessage("Vui lòng nhập ngày bắt đầu hiệu lực.")
            .Must(t => Format.ParseDate(t) is not null).When(x => !string.IsNullOrWhiteSpace(x.NotBefore), ApplyConditionTo.CurrentValidator)
            .WithMessage("Ngày bắt đầu hiệu lực phải có dạng dd/MM/yyyy.");
        RuleFor(x => x.NotAfter).NotEmpty().WithMessage("Vui lòng nhập ngày hết hạn.")
            .Must(t => Format.ParseDate(t) is not null).When(x => !string.IsNullOrWhiteSpace(x.NotAfter), ApplyConditionTo.CurrentValidator)
            .WithMessage("Ngày hết hạn phải có dạng dd/MM/yyyy.");
        RuleFor(x => x.NotAfter)
            .Must((x, notAfter) => Format.ParseDate(notAfter) > Format.ParseDate(x.NotBefore))
            .When(x => Format.ParseDate(x.NotBefore) is not null && Format.ParseDate(x.NotAfter) is not null)
            .WithMessage("Ngày hết hạn phải sau ngày bắt đầu hiệu lực.");
        RuleFor(x => x.Storage).IsInEnum().WithMessage("Loại thiết bị lưu khóa không hợp lệ.");
    }
}

public sealed record PickItem(int Id, string Text, string Group);

public static class CertificateFormOptions
{
    public static async Task<List<PickItem>> SubscribersAsync(AppDbContext db, CancellationToken ct) =>
        await db.Subscribers.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Agency!.SortKey).ThenBy(s => s.SortKey)
            .Select(s => new PickItem(s.Id, s.Name + " – " + s.Email, s.Agency!.Name)).ToListAsync(ct);

    /// <summary>Tokens that can hold the certificate: in stock or in use, of the subscriber's agency.</summary>
    public static async Task<List<PickItem>> TokensAsync(AppDbContext db, int? keepTokenId, CancellationToken ct) =>
        await db.Tokens.AsNoTracking()
            .Where(t => t.Id == keepTokenId || t.Status == TokenStatus.InStock || t.Status == TokenStatus.HandedOver || t.Status == TokenStatus.Recovered)
            .OrderBy(t => t.Agency!.SortKey).ThenBy(t => t.SerialNumber)
            .Select(t => new PickItem(t.Id, t.SerialNumber + " (" + t.Model + ")", t.Agency!.Name)).ToListAsync(ct);

    /// <summary>Checks the state-dependent rules the validator cannot: the serial is unique, the token belongs to the subscriber's agency.</summary>
    public static async Task<bool> CheckAgainstRegisterAsync(AppDbContext db, CertificateInput input, int? exceptId,
        Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, CancellationToken ct)
    {
        var serial = Certificate.NormalizeSerial(input.SerialNumber);
        var duplicate = await db.Certificates.IgnoreQueryFilters().AnyAsync(c => c.SerialNumber == serial && c.Id != exceptId, ct);
        if (duplicate)
        {
            modelState.AddModelError("Input.SerialNumber", $"Số hiệu chứng thư {serial} đã có trong sổ đăng ký.");
        }

        var subscriber = await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.SubscriberId, ct);
        if (subscriber is null)
        {
            modelState.AddModelError("Input.SubscriberId", "Thuê bao không tồn tại.");
        }
        else if (input.TokenId is int tokenId)
        {
            var token = await db.Tokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tokenId, ct);
            if (token is null || token.AgencyId != subscriber.AgencyId)
            {
                modelState.AddModelError("Input.TokenId", "Thiết bị lưu khóa phải thuộc cùng cơ quan với thuê bao.");
            }
        }

        return modelState.IsValid;
    }

    public static string Days(int days) => days.ToString(CultureInfo.InvariantCulture);
}
