using System.Collections.Concurrent;
using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Subscribers;

/// <summary>Posted fields of the subscriber create and edit forms (dates typed as dd/MM/yyyy).</summary>
public sealed class SubscriberInput
{
    public int AgencyId { get; set; }

    public SubscriberKind Kind { get; set; } = SubscriberKind.Person;

    public string? Name { get; set; }

    public string? Position { get; set; }

    public string? NationalId { get; set; }

    public string? NationalIdIssuedOn { get; set; }

    public string? NationalIdIssuedBy { get; set; }

    public string? DateOfBirth { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? TaxCode { get; set; }

    public string? BudgetCode { get; set; }

    public string? Address { get; set; }

    public string? DeviceVersion { get; set; }

    public static SubscriberInput From(Subscriber s) => new()
    {
        AgencyId = s.AgencyId,
        Kind = s.Kind,
        Name = s.Name,
        Position = s.Position,
        NationalId = s.NationalId,
        NationalIdIssuedOn = Format.Date(s.NationalIdIssuedOn),
        NationalIdIssuedBy = s.NationalIdIssuedBy,
        DateOfBirth = Format.Date(s.DateOfBirth),
        Email = s.Email,
        Phone = s.Phone,
        TaxCode = s.TaxCode,
        BudgetCode = s.BudgetCode,
        Address = s.Address,
        DeviceVersion = s.DeviceVersion,
    };

    public SubscriberDetails ToDetails()
    {
        return new SubscriberDetails(Kind, Name ?? "", Position, NationalId, Format.ParseDate(NationalIdIssuedOn), NationalIdIssuedBy,
            Format.ParseDate(DateOfBirth), Email ?? "", Phone,
            TaxCode, BudgetCode, Address, DeviceVersion);
    }
}

public sealed class SubscriberInputValidator : AbstractValidator<SubscriberInput>
{
    public SubscriberInputValidator()
    {
        RuleFor(x => x.AgencyId).GreaterThan(0).WithMessage("Vui lòng chọn cơ quan quản lý trực tiếp.");
        RuleFor(x => x.Kind).IsInEnum().WithMessage("Loại thuê bao không hợp lệ.");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Vui lòng nhập tên thuê bao.")
            .MaximumLength(Subscriber.NameMaxLength).WithMessage($"Tên không được dài quá {Subscriber.NameMaxLength} ký tự.");
        RuleFor(x => x.Email).NotEmpty().WithMessage("Vui lòng nhập địa chỉ thư điện tử công vụ.")
            .EmailAddress().WithMessage("Địa chỉ thư điện tử không đúng định dạng.")
            .Must(OfficialEmail.IsStateIssued).When(x => !string.IsNullOrWhiteSpace(x.Email) && x.Email.Contains('@', StringComparison.Ordinal), ApplyConditionTo.CurrentValidator)
            .WithMessage("Thư điện tử công vụ phải do cơ quan nhà nước cấp (tên miền .gov.vn); không dùng gmail, yahoo, hotmail…");
        When(x => x.Kind == SubscriberKind.Person, () =>
        {
            RuleFor(x => x.NationalId).NotEmpty().WithMessage("Vui lòng nhập số định danh cá nhân (CCCD).")
                .Must(NationalId.IsValid).When(x => !string.IsNullOrWhiteSpace(x.NationalId), ApplyConditionTo.CurrentValidator)
                .WithMessage("Số định danh cá nhân phải gồm đúng 12 chữ số.");
            RuleFor(x => x.Position).NotEmpty().WithMessage("Vui lòng nhập chức vụ.");
        });
        RuleFor(x => x.NationalIdIssuedOn).Must(BeADate).WithMessage("Ngày cấp phải có dạng dd/MM/yyyy.");
        RuleFor(x => x.DateOfBirth).Must(BeADate).WithMessage("Ngày sinh phải có dạng dd/MM/yyyy.");
        RuleFor(x => x.Phone).Matches(@"^[0-9 .+]{9,15}$").When(x => !string.IsNullOrWhiteSpace(x.Phone), ApplyConditionTo.CurrentValidator)
            .WithMessage("Số điện thoại chỉ gồm 9–15 chữ số.");
        RuleFor(x => x.TaxCode).Matches(@"^\d{10}(-?\d{3})?$").When(x => !string.IsNullOrWhiteSpace(x.TaxCode), ApplyConditionTo.CurrentValidator)
            .WithMessage("Mã số thuế gồm 10 hoặc 13 chữ số.");
        RuleFor(x => x.BudgetCode).Matches(@"^\d{7}$").When(x => !string.IsNullOrWhiteSpace(x.BudgetCode), ApplyConditionTo.CurrentValidator)
            .WithMessage("Mã quan hệ ngân sách gồm 7 chữ số.");
    }

    private static bool BeADate(string? text) => Format.TryParseDate(text, out _);
}

public static class SubscriberFormOptions
{
    /// <summary>How long a node keeps the agency choices when no agency changed on it (another node's change shows after it).</summary>
    public static readonly TimeSpan AgencyChoicesLifetime = TimeSpan.FromMinutes(1);

    private static readonly ConcurrentDictionary<(string? Database, int? Scope), (long Version, long ExpiresAtMs, (string Name, int Id)[] Items)>
        AgencyChoices = new();

    /// <summary>
    /// The agencies the user may choose (the query filter's scope), in the register's order, for the filters of the lists
    /// and the register forms. Kept per node, database and scope until an agency changes on this node
    /// (<see cref="ChangeVersions.Agencies"/>) or for <see cref="AgencyChoicesLifetime"/>: reading and projecting the 62
    /// agencies took ~0.4 ms of every requests-list view (issue 15: per-page cost). Each call gets new items (a page may
    /// mark one selected).
    /// </summary>
    public static async Task<List<SelectListItem>> AgenciesAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await KeptAgenciesAsync(db, ct)).Select(a => new SelectListItem(a.Name, a.Id.ToString(CultureInfo.InvariantCulture)))];

    /// <summary>
    /// The name of agency <paramref name="id"/> from the same kept list (an agency renamed on another node shows its new
    /// name within <see cref="AgencyChoicesLifetime"/>), or read when the list does not hold it; null for an agency outside
    /// the user's scope.
    /// </summary>
    public static async Task<string?> AgencyNameAsync(AppDbContext db, int id, CancellationToken ct) =>
        (await AgencyNamesAsync(db, [id], ct)).GetValueOrDefault(id);

    /// <summary>
    /// The names of agencies <paramref name="ids"/> (a page's rows) from the same kept list, those it does not hold read in
    /// one statement; agencies outside the user's scope are left out.
    /// </summary>
    public static async Task<Dictionary<int, string>> AgencyNamesAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var names = new Dictionary<int, string>();
        if (ids.Count == 0)
        {
            return names;
        }

        foreach (var (name, id) in await KeptAgenciesAsync(db, ct))
        {
            if (ids.Contains(id))
            {
                names[id] = name;
            }
        }

        var missing = ids.Where(id => !names.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var agency in await db.Agencies.Where(a => missing.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            {
                names[agency.Id] = agency.Name;
            }
        }

        return names;
    }

    private static async Task<(string Name, int Id)[]> KeptAgenciesAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = (db.Database.GetConnectionString(), db.ScopeAgencyId);
        var version = ChangeVersions.Agencies;
        var now = Environment.TickCount64;
        if (!AgencyChoices.TryGetValue(key, out var kept) || kept.Version != version || now >= kept.ExpiresAtMs)
        {
            var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Kind).ThenBy(a => a.SortKey).Select(a => new { a.Name, a.Id }).ToListAsync(ct);
            kept = (version, now + (long)AgencyChoicesLifetime.TotalMilliseconds, [.. agencies.Select(a => (a.Name, a.Id))]);
            AgencyChoices[key] = kept;
        }

        return kept.Items;
    }

    public static List<SelectListItem> Kinds() =>
        Enum.GetValues<SubscriberKind>().Select(k => new SelectListItem(SubscriberKindLabels.Label(k), k.ToString())).ToList();
}
