using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Pages.Subscribers;

namespace PhuThoCa.Web.Pages.Import;

/// <summary>
/// Thuê bao from an existing register. Each row is a <see cref="SubscriberInput"/> checked by the form's validator and
/// the <see cref="Subscriber"/> aggregate. A person is matched by CCCD; an organisation or a device by its e-mail
/// within the agency. A match in another agency is refused: moving a subscriber is a change of information request.
/// </summary>
public sealed class SubscriberImporter(AppDbContext db, IValidator<SubscriberInput> validator) : RegisterImporter(db)
{
    public const string AgencyField = "Agency";

    private static readonly IReadOnlyList<ImportColumn> TemplateColumns =
    [
        new("Loại thuê bao", nameof(SubscriberInput.Kind), false,
            "Cá nhân; Cơ quan, tổ chức; hoặc Thiết bị, dịch vụ, phần mềm. Để trống là Cá nhân.", "Cá nhân"),
        new("Họ và tên / Tên thuê bao", nameof(SubscriberInput.Name), true, "Họ và tên của cá nhân, tên cơ quan hoặc tên thiết bị.", "Nguyễn Văn An"),
        new("Chức vụ", nameof(SubscriberInput.Position), false, "Bắt buộc với cá nhân.", "Chuyên viên"),
        new("Số định danh cá nhân (CCCD)", nameof(SubscriberInput.NationalId), false,
            "12 chữ số, bắt buộc với cá nhân; dùng để nhận ra thuê bao đã có khi nhập lại. Định dạng ô là Văn bản (Text) để Excel không bỏ số 0 ở đầu.", "025190012345"),
        new("Ngày cấp", nameof(SubscriberInput.NationalIdIssuedOn), false, "dd/MM/yyyy.", "15/03/2022"),
        new("Nơi cấp", nameof(SubscriberInput.NationalIdIssuedBy), false, "", "Cục Cảnh sát QLHC về TTXH"),
        new("Ngày sinh", nameof(SubscriberInput.DateOfBirth), false, "dd/MM/yyyy.", "02/09/1990"),
        new("Thư điện tử công vụ", nameof(SubscriberInput.Email), true, "Địa chỉ do cơ quan nhà nước cấp (tên miền .gov.vn).", "nvan@viettri.phutho.gov.vn"),
        new("Điện thoại", nameof(SubscriberInput.Phone), false, "9–15 chữ số.", "0912345678"),
        new("Mã số thuế", nameof(SubscriberInput.TaxCode), false, "Cơ quan, tổ chức và thiết bị: 10 hoặc 13 chữ số.", ""),
        new("Mã quan hệ ngân sách", nameof(SubscriberInput.BudgetCode), false, "Cơ quan, tổ chức và thiết bị: 7 chữ số.", ""),
        new("Địa chỉ", nameof(SubscriberInput.Address), false, "", "Phường Việt Trì, tỉnh Phú Thọ"),
        new("Phiên bản / địa chỉ thiết bị", nameof(SubscriberInput.DeviceVersion), false, "Chỉ với thiết bị, dịch vụ, phần mềm (tên miền, IP).", ""),
        new("Cơ quan quản lý trực tiếp", AgencyField, false,
            "Tên đầy đủ hoặc tên viết tắt của cơ quan. Cán bộ cơ quan để trống (dữ liệu thuộc cơ quan mình); Sở KH&CN phải ghi.", "UBND phường Việt Trì"),
    ];

    private IReadOnlyDictionary<string, int> _agencies = new Dictionary<string, int>();
    private Dictionary<string, Subscriber> _byNationalId = [];
    private Dictionary<(int, string), Subscriber> _byEmail = [];

    public override ImportRegister Register => ImportRegister.Subscribers;

    public override IReadOnlyList<ImportColumn> Columns => TemplateColumns;

    protected override async Task PrepareAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        _agencies = await AgencyKeysAsync(ct);
        // Matching looks at every agency (a CCCD is unique in the province), scope is applied per row.
        var existing = await Db.Subscribers.IgnoreQueryFilters().ToListAsync(ct);
        _byNationalId = existing.Where(s => s.NationalId is not null).GroupBy(s => s.NationalId!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _byEmail = existing.Where(s => s.Kind != SubscriberKind.Person).GroupBy(s => (s.AgencyId, s.Email)).ToDictionary(g => g.Key, g => g.First());
    }

    protected override RowResult Stage(ImportRow row, RowCheck check)
    {
        var input = new SubscriberInput
        {
            Kind = ParseKind(row[nameof(SubscriberInput.Kind)]),
            Name = row[nameof(SubscriberInput.Name)],
            Position = row[nameof(SubscriberInput.Position)],
            NationalId = row[nameof(SubscriberInput.NationalId)],
            NationalIdIssuedOn = row[nameof(SubscriberInput.NationalIdIssuedOn)],
            NationalIdIssuedBy = row[nameof(SubscriberInput.NationalIdIssuedBy)],
            DateOfBirth = row[nameof(SubscriberInput.DateOfBirth)],
            Email = row[nameof(SubscriberInput.Email)],
            Phone = row[nameof(SubscriberInput.Phone)],
            TaxCode = row[nameof(SubscriberInput.TaxCode)],
            BudgetCode = row[nameof(SubscriberInput.BudgetCode)],
            Address = row[nameof(SubscriberInput.Address)],
            DeviceVersion = row[nameof(SubscriberInput.DeviceVersion)],
        };
        input.AgencyId = ResolveAgency(_agencies, AgencyField, row, check);
        if (!check.Ok || !check.Add(validator.Validate(input), p => p == nameof(SubscriberInput.AgencyId) ? AgencyField : p))
        {
            return RowResult.Refused;
        }

        var details = input.ToDetails();
        var email = Text.Clean(input.Email).ToLowerInvariant();
        var key = input.Kind == SubscriberKind.Person ? "cccd:" + input.NationalId : $"mail:{input.AgencyId}:{email}";
        if (!IsFirstInFile(key, row, check, input.Kind == SubscriberKind.Person ? nameof(SubscriberInput.NationalId) : nameof(SubscriberInput.Email)))
        {
            return RowResult.Refused;
        }

        var existing = input.Kind == SubscriberKind.Person
            ? _byNationalId.GetValueOrDefault(input.NationalId!)
            : _byEmail.GetValueOrDefault((input.AgencyId, email));
        try
        {
            if (existing is null)
            {
                var subscriber = new Subscriber(input.AgencyId, details);
                return Added(Domain.Common.TimelineSubject.Subscriber, subscriber);
            }

            if (existing.AgencyId != input.AgencyId)
            {
                check.Fail(nameof(SubscriberInput.NationalId),
                    "Số định danh này đã thuộc thuê bao của cơ quan khác; chuyển cơ quan phải qua yêu cầu thay đổi thông tin.");
                return RowResult.Refused;
            }

            return Updated(Domain.Common.TimelineSubject.Subscriber, existing, existing.Update(details));
        }
        catch (DomainRuleException e)
        {
            return check.Refuse(e, e.Rule == SubscriberRules.PersonNeedsA12DigitNationalId ? nameof(SubscriberInput.NationalId) : nameof(SubscriberInput.Email));
        }
    }

    /// <summary>A kind label from the template; anything else is left out of range so the form validator refuses it.</summary>
    private static SubscriberKind ParseKind(string? label)
    {
        if (label is null)
        {
            return SubscriberKind.Person;
        }

        var folded = Text.Fold(label);
        return Enum.GetValues<SubscriberKind>().Cast<SubscriberKind?>()
            .FirstOrDefault(k => Text.Fold(SubscriberKindLabels.Label(k!.Value)) == folded || k.Value.ToString().Equals(label, StringComparison.OrdinalIgnoreCase))
            ?? (SubscriberKind)(-1);
    }
}
