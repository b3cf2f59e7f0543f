using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Common;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Pages.Agencies;

namespace PhuThoCa.Web.Pages.Import;

/// <summary>
/// The agency catalogue (administrators only, like the agency form): each row is an <see cref="AgencyInput"/> checked
/// by the form's validator, matched by name (without diacritics or case); an existing agency keeps its active flag.
/// </summary>
public sealed class AgencyImporter(AppDbContext db, IValidator<AgencyInput> validator) : RegisterImporter(db)
{
    public const string ParentField = "Parent";

    private static readonly IReadOnlyList<ImportColumn> TemplateColumns =
    [
        new("Tên cơ quan", nameof(AgencyInput.Name), true, "Tên đầy đủ; dùng để nhận ra cơ quan đã có khi nhập lại.", "UBND xã Hy Cương"),
        new("Tên viết tắt", nameof(AgencyInput.ShortName), true, "Dùng trong số, ký hiệu văn bản.", "UBND"),
        new("Loại cơ quan", nameof(AgencyInput.Kind), true, "Sở, ban, ngành; UBND xã, phường; Đơn vị sự nghiệp; hoặc Khác.", "UBND xã, phường"),
        new("Cơ quan chủ quản", nameof(AgencyInput.ParentAuthorityName), false, "In phía trên tên cơ quan trong văn bản.", "UBND TỈNH PHÚ THỌ"),
        new("Cơ quan cấp trên", ParentField, false, "Tên của một cơ quan đã có trong danh mục (hoặc ở dòng trên của tệp).", ""),
        new("Địa chỉ", nameof(AgencyInput.Address), true, "", "Xã Hy Cương, tỉnh Phú Thọ"),
        new("Tên miền thư điện tử", nameof(AgencyInput.EmailDomain), true, "Tên miền của cơ quan nhà nước (…gov.vn).", "hycuong.phutho.gov.vn"),
        new("Điện thoại", nameof(AgencyInput.Phone), false, "", "0210 3846 123"),
    ];

    private Dictionary<string, Agency> _byName = [];

    public override ImportRegister Register => ImportRegister.Agencies;

    public override IReadOnlyList<ImportColumn> Columns => TemplateColumns;

    public override bool IsAllowedFor(ImportActor actor) => actor.IsAdmin;

    protected override async Task PrepareAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct) =>
        _byName = (await Db.Agencies.IgnoreQueryFilters().ToListAsync(ct)).GroupBy(a => Text.Fold(a.Name)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    protected override RowResult Stage(ImportRow row, RowCheck check)
    {
        var kindLabel = row[nameof(AgencyInput.Kind)];
        var input = new AgencyInput
        {
            Kind = Enum.GetValues<AgencyKind>().Cast<AgencyKind?>().FirstOrDefault(k => Text.Fold(AgencyLabels.Kind(k!.Value)) == Text.Fold(kindLabel)) ?? (AgencyKind)(-1),
            Name = row[nameof(AgencyInput.Name)],
            ShortName = row[nameof(AgencyInput.ShortName)],
            ParentAuthorityName = row[nameof(AgencyInput.ParentAuthorityName)],
            Address = row[nameof(AgencyInput.Address)],
            EmailDomain = row[nameof(AgencyInput.EmailDomain)],
            Phone = row[nameof(AgencyInput.Phone)],
        };
        Agency? parent = null;
        if (row[ParentField] is string parentName && !_byName.TryGetValue(Text.Fold(parentName), out parent))
        {
            check.Fail(ParentField, $"Không tìm thấy cơ quan cấp trên “{parentName}”.");
        }

        if (!check.Add(validator.Validate(input)))
        {
            return RowResult.Refused;
        }

        var key = Text.Fold(Text.Clean(input.Name));
        if (!IsFirstInFile(key, row, check, nameof(AgencyInput.Name)))
        {
            return RowResult.Refused;
        }

        try
        {
            if (!_byName.TryGetValue(key, out var existing))
            {
                if (parent is { Id: 0 })
                {
                    check.Fail(ParentField, "Cơ quan cấp trên phải có sẵn trong danh mục trước khi nhập tệp này.");
                    return RowResult.Refused;
                }

                var agency = new Agency(input.Kind, input.Name!, input.ShortName!, input.Address!, input.EmailDomain!, parent?.Id, input.ParentAuthorityName, input.Phone);
                _byName[key] = agency;
                return Added(TimelineSubject.Agency, agency);
            }

            return Updated(TimelineSubject.Agency, existing, existing.Update(input.Kind, input.Name!, input.ShortName!, input.Address!, input.EmailDomain!,
                parent?.Id ?? existing.ParentId, input.ParentAuthorityName, input.Phone, existing.IsActive));
        }
        catch (DomainRuleException e)
        {
            return check.Refuse(e, ParentField);
        }
    }
}
