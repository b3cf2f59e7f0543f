using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Agencies;

/// <summary>
/// Cơ quan, tổ chức quản lý trực tiếp: the agency that manages subscribers directly and signs every request letter
/// (QĐ-PT Điều 9; ND 68/2024 Điều 37).
/// </summary>
public sealed class Agency : Entity
{
    public const int NameMaxLength = 300;
    public const int ShortNameMaxLength = 30;

    private Agency()
    {
        Name = "";
        ShortName = "";
        Address = "";
        EmailDomain = "";
    }

    public Agency(AgencyKind kind, string name, string shortName, string address, string emailDomain,
        int? parentId = null, string? parentAuthorityName = null, string? phone = null)
    {
        Name = "";
        ShortName = "";
        Address = "";
        EmailDomain = "";
        Apply(kind, name, shortName, address, emailDomain, parentId, parentAuthorityName, phone, isActive: true);
    }

    public AgencyKind Kind { get; private set; }

    /// <summary>Official name, e.g. "Sở Khoa học và Công nghệ tỉnh Phú Thọ".</summary>
    public string Name { get; private set; }

    /// <summary>Abbreviation used in "Số: …/{ký hiệu}" of letters, e.g. "SKHCN", "UBND".</summary>
    public string ShortName { get; private set; }

    /// <summary>Tên cơ quan chủ quản printed above the agency name in letters, e.g. "UBND TỈNH PHÚ THỌ".</summary>
    public string? ParentAuthorityName { get; private set; }

    public int? ParentId { get; private set; }

    public Agency? Parent { get; private set; }

    public string Address { get; private set; }

    /// <summary>Official e-mail domain, e.g. "sokhcn.phutho.gov.vn".</summary>
    public string EmailDomain { get; private set; }

    public string? Phone { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Accent-folded name for searching without diacritics.</summary>
    public string SearchKey { get; private set; } = "";

    /// <summary>Vietnamese list order of the name (<see cref="VietnameseCollation"/>).</summary>
    public string SortKey { get; private set; } = "";

    public IReadOnlyList<FieldChange> Update(AgencyKind kind, string name, string shortName, string address,
        string emailDomain, int? parentId, string? parentAuthorityName, string? phone, bool isActive)
    {
        if (parentId is not null && parentId == Id)
        {
            throw new DomainRuleException(AgencyRules.AgencyCannotBeItsOwnParent, "Cơ quan không thể là cơ quan cấp trên của chính nó.");
        }

        var changes = new List<FieldChange>();
        FieldChange.Track(changes, "Loại cơ quan", Kind.ToString(), kind.ToString());
        FieldChange.Track(changes, "Tên cơ quan", Name, Text.Clean(name));
        FieldChange.Track(changes, "Tên viết tắt", ShortName, Text.Clean(shortName).ToUpperInvariant());
        FieldChange.Track(changes, "Địa chỉ", Address, Text.Clean(address));
        FieldChange.Track(changes, "Tên miền thư điện tử", EmailDomain, Text.Clean(emailDomain).ToLowerInvariant());
        FieldChange.Track(changes, "Cơ quan chủ quản", ParentAuthorityName, Text.CleanOrNull(parentAuthorityName));
        FieldChange.Track(changes, "Điện thoại", Phone, Text.CleanOrNull(phone));
        FieldChange.Track(changes, "Đang hoạt động", IsActive ? "Có" : "Không", isActive ? "Có" : "Không");

        Apply(kind, name, shortName, address, emailDomain, parentId, parentAuthorityName, phone, isActive);
        return changes;
    }

    private void Apply(AgencyKind kind, string name, string shortName, string address, string emailDomain, int? parentId,
        string? parentAuthorityName, string? phone, bool isActive)
    {
        Kind = kind;
        Name = Text.Clean(name);
        ShortName = Text.Clean(shortName).ToUpperInvariant();
        Address = Text.Clean(address);
        EmailDomain = Text.Clean(emailDomain).ToLowerInvariant();
        ParentId = parentId;
        ParentAuthorityName = Text.CleanOrNull(parentAuthorityName);
        Phone = Text.CleanOrNull(phone);
        IsActive = isActive;
        SearchKey = Text.Fold(Name + " " + ShortName);
        RefreshSortKey();
    }

    /// <summary>Computes <see cref="SortKey"/> from the name (also for rows stored before the key existed).</summary>
    public void RefreshSortKey() => SortKey = VietnameseCollation.Key(Name);
}
