using System.Text.RegularExpressions;
using FluentValidation;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Requests.Edit;

/// <summary>
/// Mục 1 of each form (domain-spec §3.2): its title and which fields it has. Mẫu 01–04 name the receiver of the
/// certificate or token with "Địa chỉ tiếp nhận"; Mẫu 05 the focal point for collecting tokens with "Địa chỉ thu hồi";
/// Mẫu 06 the person who helps recover the token, with "Cơ quan, tổ chức công tác" and no e-mail or address.
/// </summary>
public sealed record ContactLayout(string Title, bool HasEmail, string? AddressLabel, bool HasWorkplace)
{
    public static ContactLayout For(RequestType type, SubscriberKind? issueKind) => type switch
    {
        RequestType.Issue when issueKind is SubscriberKind.Organization or SubscriberKind.DeviceServiceSoftware =>
            new("Thông tin người tiếp nhận thiết bị lưu khóa bí mật", true, "Địa chỉ tiếp nhận", false),
        RequestType.Issue => new("Thông tin người tiếp nhận chứng thư chữ ký số (thiết bị lưu khóa bí mật)", true, "Địa chỉ tiếp nhận", false),
        RequestType.Renew or RequestType.ChangeInfo => new("Thông tin người tiếp nhận chứng thư chữ ký số", true, "Địa chỉ tiếp nhận", false),
        RequestType.Revoke => new("Thông tin đầu mối phối hợp thu hồi thiết bị lưu khóa bí mật", true, "Địa chỉ thu hồi", false),
        RequestType.RecoverToken => new("Thông tin người phối hợp thực hiện khôi phục thiết bị lưu khóa bí mật", false, null, true),
    };

    public bool HasAddress => AddressLabel is not null;
}

/// <summary>The letter (công văn): "Số", date and signer.</summary>
public sealed class LetterInput
{
    public string? Number { get; set; }

    public string? Date { get; set; }

    public string? SignerName { get; set; }

    public string? SignerPosition { get; set; }

    public static LetterInput From(RequestLetter letter) => new()
    {
        Number = letter.Number,
        Date = Format.Date(letter.Date),
        SignerName = letter.SignerName,
        SignerPosition = letter.SignerPosition,
    };

    public RequestLetter ToLetter() => new(Number, Format.ParseDate(Date), SignerName, SignerPosition);
}

public sealed class LetterInputValidator : AbstractValidator<LetterInput>
{
    public LetterInputValidator(CurrentUser me)
    {
        // When(…) conditions apply to the one check before them (by default they would also switch off NotEmpty).
        RuleFor(x => x.Number).NotEmpty().WithMessage("Vui lòng nhập số, ký hiệu văn bản (ví dụ 15/UBND-VP).")
            .MaximumLength(Request.LetterNumberMaxLength).WithMessage($"Số văn bản không được dài quá {Request.LetterNumberMaxLength} ký tự.")
            .Must(n => n!.Contains('/', StringComparison.Ordinal)).When(x => !string.IsNullOrWhiteSpace(x.Number), ApplyConditionTo.CurrentValidator)
            .WithMessage("Số, ký hiệu văn bản có dạng “số/ký hiệu”, ví dụ 15/UBND-VP.");
        RuleFor(x => x.Date).NotEmpty().WithMessage("Vui lòng nhập ngày văn bản.")
            .Must(d => Format.ParseDate(d) is not null).When(x => !string.IsNullOrWhiteSpace(x.Date), ApplyConditionTo.CurrentValidator)
            .WithMessage("Ngày văn bản phải có dạng dd/MM/yyyy.")
            .Must(d => Format.ParseDate(d) is not { } date || date <= me.Today).When(x => !string.IsNullOrWhiteSpace(x.Date), ApplyConditionTo.CurrentValidator)
            .WithMessage("Ngày văn bản không được sau ngày hôm nay.");
        RuleFor(x => x.SignerName).NotEmpty().WithMessage("Vui lòng nhập họ tên người ký văn bản.")
            .MaximumLength(200).WithMessage("Họ tên không được dài quá 200 ký tự.");
        RuleFor(x => x.SignerPosition).NotEmpty().WithMessage("Vui lòng nhập chức vụ người ký (ví dụ: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH).")
            .MaximumLength(200).WithMessage("Chức vụ không được dài quá 200 ký tự.");
    }
}

/// <summary>Mục 1 (see <see cref="ContactLayout"/>); the layout in force is set before validation.</summary>
public sealed class ContactInput
{
    public string? FullName { get; set; }

    public string? NationalId { get; set; }

    public string? NationalIdIssuedOn { get; set; }

    public string? NationalIdIssuedBy { get; set; }

    public string? Position { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    public string? Workplace { get; set; }

    internal ContactLayout? Layout { get; set; }

    public static ContactInput From(RequestContact c) => new()
    {
        FullName = c.FullName,
        NationalId = c.NationalId,
        NationalIdIssuedOn = Format.Date(c.NationalIdIssuedOn),
        NationalIdIssuedBy = c.NationalIdIssuedBy,
        Position = c.Position,
        Phone = c.Phone,
        Email = c.Email,
        Address = c.Address,
        Workplace = c.Workplace,
    };

    /// <summary>Fields the form does not have are stored empty, so a type's letter never prints another form's fields.</summary>
    public RequestContact ToContact(ContactLayout layout) => new(FullName, NationalId, Format.ParseDate(NationalIdIssuedOn),
        NationalIdIssuedBy, Position, Phone, layout.HasEmail ? Email : null, layout.HasAddress ? Address : null,
        layout.HasWorkplace ? Workplace : null);
}

public sealed class ContactInputValidator : AbstractValidator<ContactInput>
{
    public ContactInputValidator(CurrentUser me)
    {
        RuleFor(x => x.FullName).NotEmpty().WithMessage("Vui lòng nhập họ và tên.")
            .MaximumLength(200).WithMessage("Họ và tên không được dài quá 200 ký tự.");
        RuleFor(x => x.NationalId).NotEmpty().WithMessage("Vui lòng nhập số định danh cá nhân.")
            .Must(NationalId.IsValid).When(x => !string.IsNullOrWhiteSpace(x.NationalId), ApplyConditionTo.CurrentValidator)
            .WithMessage("Số định danh cá nhân phải gồm đúng 12 chữ số.");
        RuleFor(x => x.NationalIdIssuedOn).Must(d => Format.TryParseDate(d, out _)).WithMessage("Ngày cấp phải có dạng dd/MM/yyyy.")
            .Must(d => Format.ParseDate(d) is not { } date || date <= me.Today).WithMessage("Ngày cấp không được sau ngày hôm nay.");
        RuleFor(x => x.NationalIdIssuedBy).MaximumLength(200).WithMessage("Nơi cấp không được dài quá 200 ký tự.");
        RuleFor(x => x.Position).NotEmpty().WithMessage("Vui lòng nhập chức vụ.")
            .MaximumLength(200).WithMessage("Chức vụ không được dài quá 200 ký tự.");
        RuleFor(x => x.Phone).NotEmpty().WithMessage("Vui lòng nhập số điện thoại di động.")
            .Matches(@"^[0-9 .+]{9,15}$").When(x => !string.IsNullOrWhiteSpace(x.Phone), ApplyConditionTo.CurrentValidator)
            .WithMessage("Số điện thoại chỉ gồm 9–15 chữ số.");
        When(x => x.Layout?.HasEmail == true, () =>
            RuleFor(x => x.Email).NotEmpty().WithMessage("Vui lòng nhập địa chỉ thư điện tử công vụ.")
                .EmailAddress().WithMessage("Địa chỉ thư điện tử không đúng định dạng.")
                .Must(OfficialEmail.IsStateIssued).When(x => !string.IsNullOrWhiteSpace(x.Email) && x.Email.Contains('@', StringComparison.Ordinal), ApplyConditionTo.CurrentValidator)
                .WithMessage("Thư điện tử công vụ phải do cơ quan nhà nước cấp (tên miền .gov.vn); không dùng gmail, yahoo, hotmail…"));
        When(x => x.Layout?.HasAddress == true, () =>
            RuleFor(x => x.Address).NotEmpty().WithMessage("Vui lòng nhập địa chỉ.")
                .MaximumLength(300).WithMessage("Địa chỉ không được dài quá 300 ký tự."));
        When(x => x.Layout?.HasWorkplace == true, () =>
            RuleFor(x => x.Workplace).NotEmpty().WithMessage("Vui lòng nhập cơ quan, tổ chức công tác.")
                .MaximumLength(300).WithMessage("Tên cơ quan không được dài quá 300 ký tự."));
    }
}

/// <summary>Mẫu 01/02/03: one subscriber per row, with the old certificate's serial when it replaces one.</summary>
public sealed class IssueLineInput
{
    public int? SubscriberId { get; set; }

    public string? PreviousSerial { get; set; }

    /// <summary>Mẫu 01 SIM PKI column: blank, a carrier, or carrier + "/cs" (<see cref="SimPkiRequests"/>).</summary>
    public string? SimPki { get; set; }
}

public sealed class IssueLineInputValidator : AbstractValidator<IssueLineInput>
{
    public IssueLineInputValidator()
    {
        RuleFor(x => x.SubscriberId).NotNull().WithMessage("Vui lòng chọn thuê bao.");
        RuleFor(x => x.PreviousSerial).Must(Certificate.IsValidSerial).When(x => !string.IsNullOrWhiteSpace(x.PreviousSerial))
            .WithMessage("Số hiệu chứng thư cũ là dãy số hệ thập lục phân (0–9, A–F).");
        RuleFor(x => x.SimPki).Must(v => SimPkiRequests.Canonical(v) is not null).When(x => !string.IsNullOrWhiteSpace(x.SimPki))
            .WithMessage("Chọn nhà mạng SIM PKI trong danh sách (Viettel, Vinaphone, Mobifone; “/cs” là chuyển số đang dùng).");
    }
}

/// <summary>Mẫu 05: the certificate, the reason of ND 68/2024 Điều 17, and the invalidity date for a key compromise.</summary>
public sealed class RevokeLineInput
{
    public int? CertificateId { get; set; }

    public RevocationReason? Reason { get; set; }

    public string? InvalidityDate { get; set; }

    public string? Detail { get; set; }
}

public sealed class RevokeLineInputValidator : AbstractValidator<RevokeLineInput>
{
    public RevokeLineInputValidator(CurrentUser me)
    {
        RuleFor(x => x.CertificateId).NotNull().WithMessage("Vui lòng chọn chứng thư cần thu hồi.");
        RuleFor(x => x.Reason).NotNull().WithMessage("Vui lòng chọn lý do thu hồi.").IsInEnum().WithMessage("Lý do thu hồi không hợp lệ.");
        RuleFor(x => x.InvalidityDate).NotEmpty().When(x => x.Reason is { } r && Enum.IsDefined(r) && RevocationReasons.NeedsInvalidityDate(r))
            .WithMessage("Lý do này phải ghi rõ ngày khóa bí mật bắt đầu không còn an toàn.")
            .Must(d => Format.TryParseDate(d, out _)).WithMessage("Ngày phải có dạng dd/MM/yyyy.")
            .Must(d => Format.ParseDate(d) is not { } date || date <= me.Today).WithMessage("Ngày khóa bí mật không còn an toàn không được sau ngày hôm nay.");
        RuleFor(x => x.Detail).MaximumLength(1000).WithMessage("Nội dung không được dài quá 1000 ký tự.");
    }
}

/// <summary>Mẫu 04 (TĐTT): the certificate, the case of ND 68/2024 Điều 15, the current and the new information.</summary>
public sealed class ChangeLineInput
{
    public int? CertificateId { get; set; }

    public ChangeInfoCase? Case { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }
}

public sealed class ChangeLineInputValidator : AbstractValidator<ChangeLineInput>
{
    public ChangeLineInputValidator()
    {
        RuleFor(x => x.CertificateId).NotNull().WithMessage("Vui lòng chọn chứng thư cần thay đổi thông tin.");
        RuleFor(x => x.Case).NotNull().WithMessage("Vui lòng chọn trường hợp thay đổi.").IsInEnum().WithMessage("Trường hợp không hợp lệ.");
        RuleFor(x => x.OldValue).NotEmpty().WithMessage("Vui lòng ghi thông tin cần thay đổi (thông tin hiện tại trong chứng thư).")
            .MaximumLength(500).WithMessage("Thông tin không được dài quá 500 ký tự.");
        RuleFor(x => x.NewValue).NotEmpty().WithMessage("Vui lòng ghi thông tin mới.")
            .MaximumLength(500).WithMessage("Thông tin không được dài quá 500 ký tự.");
    }
}

public static partial class ChangeSuggestions
{
    public static (string Old, string New) For(ChangeInfoCase change, Certificate certificate, Subscriber subscriber, string agencyName) => change switch
    {
        ChangeInfoCase.PersonChangedAgency => (Rdn(certificate.SubjectDn, "OU") ?? "", agencyName),
        ChangeInfoCase.PersonChangedOfficialEmail => (Rdn(certificate.SubjectDn, "E") ?? "", subscriber.Email),
        ChangeInfoCase.OrganizationRenamed or ChangeInfoCase.DeviceRenamed => (Rdn(certificate.SubjectDn, "CN") ?? "", subscriber.Name),
        ChangeInfoCase.OrganizationMoved => ("", subscriber.Address ?? ""),
        ChangeInfoCase.DeviceUpgraded => ("", subscriber.DeviceVersion ?? ""),
        ChangeInfoCase.DeviceFeaturesAdded => ("", ""),
    };

    private static string? Rdn(string dn, string name)
    {
        foreach (Match m in RdnPattern().Matches(dn))
        {
            if (string.Equals(m.Groups[1].Value, name, StringComparison.OrdinalIgnoreCase))
            {
                return m.Groups[2].Value.Trim();
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?:^|,)\s*([A-Za-z]+)=([^,]*)")]
    private static partial Regex RdnPattern();
}
