using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Subscribers;

/// <summary>The data a subscriber (thuê bao) is created or edited with. Shape is validated by the page's validator.</summary>
public sealed record SubscriberDetails(
    SubscriberKind Kind,
    string Name,
    string? Position,
    string? NationalId,
    DateOnly? NationalIdIssuedOn,
    string? NationalIdIssuedBy,
    DateOnly? DateOfBirth,
    string Email,
    string? Phone,
    string? TaxCode,
    string? BudgetCode,
    string? Address,
    string? DeviceVersion);

/// <summary>
/// Thuê bao: a person, an organisation, or a device/service/software that holds a certificate (ND 68/2024 Điều 2).
/// No PIN, PUK or private key is ever stored here.
/// </summary>
public sealed class Subscriber : Entity
{
    public const int NameMaxLength = 200;

    private Subscriber()
    {
        Name = "";
        Email = "";
    }

    public Subscriber(int agencyId, SubscriberDetails details)
    {
        AgencyId = agencyId;
        Name = "";
        Email = "";
        Apply(details);
        IsActive = true;
    }

    public int AgencyId { get; private set; }

    public Agencies.Agency? Agency { get; private set; }

    public SubscriberKind Kind { get; private set; }

    /// <summary>Họ và tên (person), tên cơ quan (organisation) or tên thiết bị, dịch vụ, phần mềm.</summary>
    public string Name { get; private set; }

    /// <summary>Chức vụ.</summary>
    public string? Position { get; private set; }

    /// <summary>Số định danh cá nhân (CCCD, 12 digits). Persons only.</summary>
    public string? NationalId { get; private set; }

    public DateOnly? NationalIdIssuedOn { get; private set; }

    public string? NationalIdIssuedBy { get; private set; }

    public DateOnly? DateOfBirth { get; private set; }

    /// <summary>Địa chỉ thư điện tử công vụ: a state-issued address (see <see cref="OfficialEmail"/>).</summary>
    public string Email { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>Mã số thuế (organisations, devices).</summary>
    public string? TaxCode { get; private set; }

    /// <summary>Mã quan hệ ngân sách (organisations, devices).</summary>
    public string? BudgetCode { get; private set; }

    public string? Address { get; private set; }

    /// <summary>Phiên bản / địa chỉ (tên miền, IP) of a device, service or software.</summary>
    public string? DeviceVersion { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Folded name and e-mail for accent-insensitive search; the CCCD is searched by its whole number only.</summary>
    public string SearchKey { get; private set; } = "";

    /// <summary>Vietnamese list order: given name, then family and middle names, for persons (<see cref="VietnameseCollation"/>).</summary>
    public string SortKey { get; private set; } = "";

    public string MaskedNationalId => Subscribers.NationalId.Mask(NationalId);

    public IReadOnlyList<FieldChange> Update(SubscriberDetails details)
    {
        var changes = new List<FieldChange>();
        FieldChange.Track(changes, "Loại thuê bao", SubscriberKindLabels.Label(Kind), SubscriberKindLabels.Label(details.Kind));
        FieldChange.Track(changes, "Tên", Name, Text.Clean(details.Name));
        FieldChange.Track(changes, "Chức vụ", Position, Text.CleanOrNull(details.Position));
        FieldChange.Track(changes, "Số định danh cá nhân", Subscribers.NationalId.Mask(NationalId), Subscribers.NationalId.Mask(Text.CleanOrNull(details.NationalId)));
        FieldChange.Track(changes, "Ngày cấp", Format(NationalIdIssuedOn), Format(details.NationalIdIssuedOn));
        FieldChange.Track(changes, "Nơi cấp", NationalIdIssuedBy, Text.CleanOrNull(details.NationalIdIssuedBy));
        FieldChange.Track(changes, "Ngày sinh", Format(DateOfBirth), Format(details.DateOfBirth));
        FieldChange.Track(changes, "Thư điện tử công vụ", Email, Text.Clean(details.Email).ToLowerInvariant());
        FieldChange.Track(changes, "Điện thoại", Phone, Text.CleanOrNull(details.Phone));
        FieldChange.Track(changes, "Mã số thuế", TaxCode, Text.CleanOrNull(details.TaxCode));
        FieldChange.Track(changes, "Mã quan hệ ngân sách", BudgetCode, Text.CleanOrNull(details.BudgetCode));
        FieldChange.Track(changes, "Địa chỉ", Address, Text.CleanOrNull(details.Address));
        FieldChange.Track(changes, "Phiên bản/địa chỉ", DeviceVersion, Text.CleanOrNull(details.DeviceVersion));
        Apply(details);
        return changes;
    }

    /// <summary>Moves the subscriber to another agency (change of information, ND 68 Điều 15 a).</summary>
    public FieldChange MoveToAgency(int agencyId, string oldAgencyName, string newAgencyName)
    {
        AgencyId = agencyId;
        return new FieldChange("Cơ quan quản lý trực tiếp", oldAgencyName, newAgencyName);
    }

    public void Deactivate() => IsActive = false;

    private static string? Format(DateOnly? date) => date is { } d ? VietnamTime.DateText(d) : null;

    private void Apply(SubscriberDetails d)
    {
        var email = Text.Clean(d.Email).ToLowerInvariant();
        if (!OfficialEmail.IsStateIssued(email))
        {
            throw new DomainRuleException(SubscriberRules.EmailMustBeIssuedByAStateBody,
                "Địa chỉ thư điện tử công vụ phải do cơ quan nhà nước cấp (tên miền .gov.vn), không dùng gmail, yahoo, …");
        }

        var nationalId = Text.CleanOrNull(d.NationalId);
        if (d.Kind == SubscriberKind.Person && !Subscribers.NationalId.IsValid(nationalId))
        {
            throw new DomainRuleException(SubscriberRules.PersonNeedsA12DigitNationalId, "Số định danh cá nhân phải gồm đúng 12 chữ số.");
        }

        Kind = d.Kind;
        Name = Text.Clean(d.Name);
        Position = Text.CleanOrNull(d.Position);
        NationalId = d.Kind == SubscriberKind.Person ? nationalId : null;
        NationalIdIssuedOn = d.Kind == SubscriberKind.Person ? d.NationalIdIssuedOn : null;
        NationalIdIssuedBy = d.Kind == SubscriberKind.Person ? Text.CleanOrNull(d.NationalIdIssuedBy) : null;
        DateOfBirth = d.Kind == SubscriberKind.Person ? d.DateOfBirth : null;
        Email = email;
        Phone = Text.CleanOrNull(d.Phone);
        TaxCode = d.Kind == SubscriberKind.Person ? null : Text.CleanOrNull(d.TaxCode);
        BudgetCode = d.Kind == SubscriberKind.Person ? null : Text.CleanOrNull(d.BudgetCode);
        Address = Text.CleanOrNull(d.Address);
        DeviceVersion = d.Kind == SubscriberKind.DeviceServiceSoftware ? Text.CleanOrNull(d.DeviceVersion) : null;
        // The CCCD is not in the search key: it is found by the whole number only (NationalId.Matches), never by a part of it
        // (Nghị định 13/2023 on personal data; issue 14).
        SearchKey = SearchKeyOf(Name, Email);
        RefreshSortKey();
    }

    /// <summary>Computes <see cref="SortKey"/> from the name (also for rows stored before the key existed).</summary>
    public void RefreshSortKey() => SortKey = SortKeyOf(Kind, Name);

    /// <summary>The folded name and e-mail the search reads (never the CCCD, see above).</summary>
    public static string SearchKeyOf(string name, string? email) => Text.Fold(name + " " + email);

    /// <summary>A person sorts by given name, then family and middle names; an organisation or device by its whole name.</summary>
    public static string SortKeyOf(SubscriberKind kind, string name) =>
        kind == SubscriberKind.Person ? VietnameseCollation.PersonKey(name) : VietnameseCollation.Key(name);
}

public static class SubscriberKindLabels
{
    public static string Label(SubscriberKind kind) => kind switch
    {
        SubscriberKind.Person => "Cá nhân",
        SubscriberKind.Organization => "Cơ quan, tổ chức",
        SubscriberKind.DeviceServiceSoftware => "Thiết bị, dịch vụ, phần mềm",
    };
}
