using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Seeding;

/// <summary>
/// A demo account. <paramref name="AuthenticatorKey"/> (base32) pre-enrols the accounts whose role requires two-factor
/// sign-in, so a newcomer can add it to any authenticator app or run <c>oathtool --totp -b KEY</c>.
/// </summary>
public sealed record DemoLogin(string UserName, string FullName, string Role, string? AgencyName, string? AuthenticatorKey = null)
{
    public string RoleLabel => Roles.Label(Role) + (AgencyName is null ? "" : $" — {AgencyName}");
}

/// <summary>
/// A realistic Phú Thọ after the 01/07/2025 merger: sở/ban/ngành, phường and xã, public service units,
/// Vietnamese names, certificates with a spread of expiry and tokens in every status. Deterministic (fixed seed).
/// </summary>
public sealed class DemoData(AppDbContext db, UserManager<AppUser> users, DateTime nowUtc, IServiceProvider services)
{
    public const string Password = "PhuTho@2026";
    public const string ParentAuthority = "UBND TỈNH PHÚ THỌ";
    public const string CaIssuer = "CN=CA phục vụ các cơ quan Nhà nước G2, O=Ban Cơ yếu Chính phủ, C=VN";

    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new("quantri", "Nguyễn Quốc Hưng", Roles.Administrator, null, "PTCQUANTRIDEMOTOTP234567ABCDEFGH"),
        new("lanhdao.skhcn", "Trần Minh Đức", Roles.DepartmentLeader, null, "PTCLANHDAOSKHCNDEMOTOTP234567ABC"),
        new("chuyenvien.skhcn", "Lê Thị Thu Hà", Roles.DepartmentStaff, null, "PTCCHUYENVIENSKHCNDEMOTOTP234567"),
        new("chuyenvien2.skhcn", "Phạm Văn Tùng", Roles.DepartmentStaff, null, "PTCCHUYENVIENTWOSKHCNDEMOTOTP234"),
        new("kiemtra", "Đỗ Thị Lan", Roles.Auditor, null, "PTCKIEMTRADEMOTOTP234567ABCDEFGH"),
        new("canbo.vpubnd", "Hoàng Văn Nam", Roles.AgencyOfficer, "Văn phòng UBND tỉnh Phú Thọ"),
        new("canbo.viettri", "Bùi Thị Hương", Roles.AgencyOfficer, "UBND phường Việt Trì"),
        new("canbo.syte", "Vũ Đức Thắng", Roles.AgencyOfficer, "Sở Y tế tỉnh Phú Thọ"),
    ];

    private static readonly (string Name, string Short, string Domain)[] Departments =
    [
        ("Văn phòng UBND tỉnh Phú Thọ", "VPUBND", "vpubnd.phutho.gov.vn"),
        ("Sở Khoa học và Công nghệ tỉnh Phú Thọ", "SKHCN", "skhcn.phutho.gov.vn"),
        ("Sở Nội vụ tỉnh Phú Thọ", "SNV", "snv.phutho.gov.vn"),
        ("Sở Tài chính tỉnh Phú Thọ", "STC", "stc.phutho.gov.vn"),
        ("Sở Tư pháp tỉnh Phú Thọ", "STP", "stp.phutho.gov.vn"),
        ("Sở Công Thương tỉnh Phú Thọ", "SCT", "sct.phutho.gov.vn"),
        ("Sở Xây dựng tỉnh Phú Thọ", "SXD", "sxd.phutho.gov.vn"),
        ("Sở Nông nghiệp và Môi trường tỉnh Phú Thọ", "SNNMT", "snnmt.phutho.gov.vn"),
        ("Sở Giáo dục và Đào tạo tỉnh Phú Thọ", "SGDĐT", "sgddt.phutho.gov.vn"),
        ("Sở Y tế tỉnh Phú Thọ", "SYT", "syt.phutho.gov.vn"),
        ("Sở Văn hóa, Thể thao và Du lịch tỉnh Phú Thọ", "SVHTTDL", "svhttdl.phutho.gov.vn"),
        ("Sở Dân tộc và Tôn giáo tỉnh Phú Thọ", "SDTTG", "sdttg.phutho.gov.vn"),
        ("Thanh tra tỉnh Phú Thọ", "TTr", "thanhtra.phutho.gov.vn"),
        ("Ban Quản lý các khu công nghiệp tỉnh Phú Thọ", "BQLKCN", "bqlkcn.phutho.gov.vn"),
    ];

    private static readonly string[] Wards =
    [
        "Việt Trì", "Nông Trang", "Thanh Miếu", "Vân Phú", "Phong Châu", "Phú Thọ", "Âu Cơ",
        "Vĩnh Phúc", "Vĩnh Yên", "Phúc Yên", "Xuân Hòa", "Hòa Bình", "Kỳ Sơn", "Tân Hòa", "Thống Nhất",
    ];

    private static readonly string[] Communes =
    [
        "Lâm Thao", "Phù Ninh", "Thanh Ba", "Hạ Hòa", "Đoan Hùng", "Cẩm Khê", "Tam Nông", "Thanh Thủy", "Thanh Sơn",
        "Tân Sơn", "Yên Lập", "Xuân Đài", "Tam Dương", "Tam Đảo", "Lập Thạch", "Sông Lô", "Yên Lạc", "Vĩnh Tường",
        "Bình Xuyên", "Mai Châu", "Lạc Sơn", "Kim Bôi", "Lương Sơn", "Cao Phong", "Tân Lạc", "Đà Bắc", "Lạc Thủy", "Yên Thủy",
    ];

    private static readonly (string Name, string Short, string Domain, int ParentIndex)[] Units =
    [
        ("Bệnh viện Đa khoa tỉnh Phú Thọ", "BVĐK", "bvdk.phutho.gov.vn", 9),
        ("Trung tâm Kiểm soát bệnh tật tỉnh Phú Thọ", "CDC", "cdc.phutho.gov.vn", 9),
        ("Trường THPT Chuyên Hùng Vương", "THPTCHV", "thptchv.phutho.gov.vn", 8),
        ("Trung tâm Phục vụ hành chính công tỉnh Phú Thọ", "TTPVHCC", "hcc.phutho.gov.vn", 0),
        ("Trung tâm Chuyển đổi số tỉnh Phú Thọ", "TTCĐS", "cds.phutho.gov.vn", 1),
    ];

    private static readonly string[] Families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Hà", "Tạ", "Kiều", "Triệu"];
    private static readonly string[] MiddlesMale = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Công", "Xuân", "Mạnh", "Tiến"];
    private static readonly string[] MiddlesFemale = ["Thị", "Thu", "Thanh", "Ngọc", "Phương", "Minh", "Hồng", "Thúy", "Diệu", "Kim"];
    private static readonly string[] GivenMale = ["Hùng", "Dũng", "Tuấn", "Long", "Hải", "Sơn", "Thắng", "Khánh", "Phúc", "Quân", "Trung", "Cường", "Hiếu", "Việt", "Bình", "Toàn", "Đạt", "Lộc"];
    private static readonly string[] GivenFemale = ["Hương", "Lan", "Hoa", "Mai", "Ngọc", "Thảo", "Trang", "Linh", "Hằng", "Yến", "Nhung", "Oanh", "Vân", "Huyền", "Giang", "Quỳnh", "Thủy", "Liên"];
    private static readonly string[] Positions = ["Chuyên viên", "Phó Trưởng phòng", "Trưởng phòng", "Văn thư", "Kế toán", "Phó Giám đốc", "Giám đốc", "Chánh Văn phòng", "Phó Chánh Văn phòng", "Thanh tra viên"];
    private static readonly string[] CommunePositions = ["Chủ tịch UBND", "Phó Chủ tịch UBND", "Công chức Văn phòng - Thống kê", "Công chức Tư pháp - Hộ tịch", "Công chức Tài chính - Kế toán", "Văn thư"];
    private static readonly string[] TokenModels = ["Bit4id TokenME EVO v2", "SafeNet eToken 5110", "ePass2003 Auto"];

    private readonly Random _random = new(2025);
    private readonly DateOnly _today = VietnamTime.ToDate(nowUtc);
    private int _serial = 0x5A3C00;
    private int _tokenSerial = 1001;
    private int _nationalId = 25_012_345;

    /// <summary>Seeds everything in one transaction: a failure leaves an empty database, never half the demo.</summary>
    public async Task SeedAsync()
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var agencies = await SeedAgenciesAsync();
            await SeedRegistersAsync(agencies);
            await SeedUsersAsync(agencies);
            await new DemoRequests(db, nowUtc, services).SeedAsync();
            await transaction.CommitAsync();
        });
    }

    private async Task<List<Agency>> SeedAgenciesAsync()
    {
        var list = new List<Agency>();
        foreach (var (name, shortName, domain) in Departments)
        {
            list.Add(new Agency(AgencyKind.ProvincialDepartment, name, shortName, "Phường Việt Trì, tỉnh Phú Thọ", domain,
                parentAuthorityName: ParentAuthority, phone: "0210.38" + _random.Next(10000, 99999).ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var ward in Wards)
        {
            list.Add(new Agency(AgencyKind.CommuneCommittee, $"UBND phường {ward}", "UBND", $"Phường {ward}, tỉnh Phú Thọ",
                $"{Text.Fold(ward).Replace(" ", "", StringComparison.Ordinal)}.phutho.gov.vn", parentAuthorityName: null));
        }

        foreach (var commune in Communes)
        {
            list.Add(new Agency(AgencyKind.CommuneCommittee, $"UBND xã {commune}", "UBND", $"Xã {commune}, tỉnh Phú Thọ",
                $"{Text.Fold(commune).Replace(" ", "", StringComparison.Ordinal)}.phutho.gov.vn", parentAuthorityName: null));
        }

        db.Agencies.AddRange(list);
        await db.SaveChangesAsync();

        foreach (var (name, shortName, domain, parentIndex) in Units)
        {
            var parent = list[parentIndex];
            var unit = new Agency(AgencyKind.PublicServiceUnit, name, shortName, "Phường Việt Trì, tỉnh Phú Thọ",
                domain,
                parent.Id, parent.Name.Replace(" tỉnh Phú Thọ", "", StringComparison.Ordinal).ToUpper(new CultureInfo("vi-VN")) + " TỈNH PHÚ THỌ");
            db.Agencies.Add(unit);
            list.Add(unit);
        }

        await db.SaveChangesAsync();
        foreach (var agency in list)
        {
            db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Agency, agency.Id, nowUtc, "Hệ thống", "Tạo mới", note: "Dữ liệu mẫu"));
        }

        await db.SaveChangesAsync();
        return list;
    }

    private async Task SeedRegistersAsync(List<Agency> agencies)
    {
        var certificates = new List<(Certificate Cert, UsbToken? Token, Subscriber Owner)>();
        var index = 0;
        foreach (var agency in agencies)
        {
            var people = agency.Kind == AgencyKind.CommuneCommittee ? 4 : 6;
            var subscribers = new List<Subscriber>
            {
                new(agency.Id, new SubscriberDetails(SubscriberKind.Organization, agency.Name, null, null, null, null, null,
                    $"vanthu@{agency.EmailDomain}", agency.Phone, "26" + _random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
                    _random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture), agency.Address, null)),
            };
            for (var i = 0; i < people; i++)
            {
                subscribers.Add(NewPerson(agency));
            }

            if (index % 6 == 1)
            {
                subscribers.Add(new Subscriber(agency.Id, new SubscriberDetails(SubscriberKind.DeviceServiceSoftware,
                    $"Hệ thống quản lý văn bản và điều hành – {agency.ShortName}", null, null, null, null, null,
                    $"qlvb@{agency.EmailDomain}", null, null, null, agency.Address, "Phiên bản 4.2 – https://qlvb." + agency.EmailDomain)));
            }

            db.Subscribers.AddRange(subscribers);
            await db.SaveChangesAsync();

            foreach (var subscriber in subscribers)
            {
                db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Subscriber, subscriber.Id, nowUtc, "Hệ thống", "Tạo mới", note: "Dữ liệu mẫu"));
                var token = new UsbToken(agency.Id, $"TK{_tokenSerial++:D6}", TokenModels[_random.Next(TokenModels.Length)]);
                db.Tokens.Add(token);
                certificates.Add((NewCertificate(subscriber, agency, index), token, subscriber));
                index++;
            }

            // One spare token in stock per agency.
            db.Tokens.Add(new UsbToken(agency.Id, $"TK{_tokenSerial++:D6}", TokenModels[0], "Thiết bị dự phòng"));
        }

        await db.SaveChangesAsync();
        foreach (var (cert, token, _) in certificates)
        {
            cert.AssignToken(token?.Id);
            db.Certificates.Add(cert);
        }

        await db.SaveChangesAsync();
        await ShapeStatusesAsync(certificates);
    }

    private Subscriber NewPerson(Agency agency)
    {
        var female = _random.Next(2) == 0;
        var name = $"{Pick(Families)} {Pick(female ? MiddlesFemale : MiddlesMale)} {Pick(female ? GivenFemale : GivenMale)}";
        var login = Text.Fold(name).Split(' ');
        var email = $"{login[^1]}{string.Concat(login[..^1].Select(p => p[0]))}{_random.Next(1, 99)}@{agency.EmailDomain}";
        var position = agency.Kind == AgencyKind.CommuneCommittee ? Pick(CommunePositions) : Pick(Positions);
        var born = new DateOnly(_random.Next(1966, 1999), _random.Next(1, 13), _random.Next(1, 29));
        var provinceCode = Pick(["025", "026", "017"]);
        var nationalId = provinceCode + (born.Year % 100 < 50 ? (female ? "3" : "2") : (female ? "1" : "0"))
            + (born.Year % 100).ToString("D2", CultureInfo.InvariantCulture) + (_nationalId++ % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        return new Subscriber(agency.Id, new SubscriberDetails(SubscriberKind.Person, name, position, nationalId,
            new DateOnly(_random.Next(2021, 2025), _random.Next(1, 13), _random.Next(1, 29)), "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
            born, email, "09" + _random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), null, null, agency.Address, null));
    }

    private Certificate NewCertificate(Subscriber subscriber, Agency agency, int index)
    {
        // Spread of expiry: a certificate every few days across five years, so that some expire soon,
        // some expired already and most are mid-life; every 9th one expires within 30 days.
        var daysToExpiry = index % 9 == 4 ? _random.Next(3, 29) : _random.Next(-200, 5 * 365);
        var notAfterDate = _today.AddDays(daysToExpiry);
        var notAfter = VietnamTime.FromLocal(notAfterDate.ToDateTime(new TimeOnly(16, 59, 59)));
        var notBefore = notAfter.AddYears(-RenewalPolicy.MaxInitialValidityYears).AddDays(1);
        var cn = subscriber.Kind == SubscriberKind.Organization ? subscriber.Name.ToUpper(new CultureInfo("vi-VN")) : subscriber.Name;
        var subject = subscriber.Kind == SubscriberKind.Person
            ? $"E={subscriber.Email}, CN={cn}, OU={agency.Name}, O=UBND tỉnh Phú Thọ, L=Phú Thọ, C=VN"
            : $"CN={cn}, O=UBND tỉnh Phú Thọ, L=Phú Thọ, C=VN";
        var serial = "5403" + (_serial++).ToString("X8", CultureInfo.InvariantCulture) + _random.Next(0x1000, 0xFFFF).ToString("X4", CultureInfo.InvariantCulture);
        return new Certificate(subscriber.Id, new CertificateDetails(serial, subject, CaIssuer, notBefore, notAfter, KeyStorageKind.PkiToken,
            KeyAlgorithm: index % 3 == 0 ? "RSA 3072" : "RSA 2048"));
    }

    private async Task ShapeStatusesAsync(List<(Certificate Cert, UsbToken? Token, Subscriber Owner)> items)
    {
        var system = new Actor("", "Hệ thống", nowUtc);
        for (var i = 0; i < items.Count; i++)
        {
            var (cert, token, owner) = items[i];
            if (token is null)
            {
                continue;
            }

            var handover = token.HandOver(new TokenHandoverDetails(VietnamTime.ToDate(cert.NotBeforeUtc).AddDays(3) is var d && d <= _today ? d : _today,
                "Văn thư cơ quan", "Văn thư", owner.Name, owner.Position, owner.Id, "Bàn giao thiết bị cho thuê bao sau khi được cấp chứng thư số", "Thiết bị mới, niêm phong"), system);
            db.TokenHandovers.Add(handover);

            if (cert.DaysLeft(_today) < -60)
            {
                // Long expired: the agency collected the token and handed it back to the Cục (QĐ-PT Điều 9.3).
                db.TimelineEvents.Add(token.ChangeStatus(TokenStatus.ReturnedToCa, "Chứng thư hết hạn, đã thu hồi thiết bị nộp lại Cục CTS&BMTT", system));
            }
            else if (i % 23 == 5)
            {
                db.TimelineEvents.Add(token.ChangeStatus(TokenStatus.Locked, "Thuê bao nhập sai mã PIN quá số lần quy định", system));
            }
            // Recovered tokens come only from the Mẫu 06 demo requests (QĐ-PT Điều 6), never from the register.
            else if (i % 61 == 11)
            {
                db.TimelineEvents.Add(token.ChangeStatus(TokenStatus.Lost, "Thuê bao báo mất thiết bị (Mẫu 09)", system));
                cert.Revoke(nowUtc.AddDays(-10), 1);
            }
            else if (i % 67 == 13)
            {
                db.TimelineEvents.Add(token.ChangeStatus(TokenStatus.Damaged, "Thiết bị không nhận trên máy tính, vỏ bị nứt", system));
            }
            else if (i % 71 == 17)
            {
                cert.Revoke(nowUtc.AddDays(-20), 5);
                db.TimelineEvents.Add(token.ChangeStatus(TokenStatus.ReturnedToCa, "Thuê bao nghỉ hưu, chứng thư đã thu hồi, thiết bị nộp lại Cục", system));
            }
        }

        await db.SaveChangesAsync();

        // Some certificate lines were already renewed once: the predecessor is superseded, the successor counts one renewal.
        var renewable = items.Where(x => x.Cert.Status == CertificateStatus.Valid && x.Cert.DaysLeft(_today) > 400).Take(24).ToList();
        foreach (var (cert, _, owner) in renewable)
        {
            var oldNotAfter = cert.NotBeforeUtc.AddDays(-1);
            var predecessor = new Certificate(owner.Id, new CertificateDetails("4A" + cert.SerialNumber[2..], cert.SubjectDn, CaIssuer,
                oldNotAfter.AddYears(-5), oldNotAfter, KeyStorageKind.PkiToken, KeyAlgorithm: cert.KeyAlgorithm));
            db.Certificates.Add(predecessor);
            await db.SaveChangesAsync();
            cert.RecordEarlierRenewal(predecessor);
        }

        foreach (var (cert, _, _) in items)
        {
            db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Certificate, cert.Id, nowUtc, "Hệ thống", "Tạo mới", note: "Dữ liệu mẫu"));
        }

        await db.SaveChangesAsync();
    }

    private async Task SeedUsersAsync(List<Agency> agencies)
    {
        foreach (var login in Logins)
        {
            var agency = login.AgencyName is null ? null : agencies.Single(a => a.Name == login.AgencyName);
            var user = new AppUser
            {
                UserName = login.UserName,
                FullName = login.FullName,
                Email = $"{login.UserName.Replace(".", "", StringComparison.Ordinal)}@{agency?.EmailDomain ?? "skhcn.phutho.gov.vn"}",
                EmailConfirmed = true,
                AgencyId = agency?.Id,
                Position = login.Role == Roles.DepartmentLeader ? "Phó Giám đốc" : "Chuyên viên",
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, login.Role);
            if (login.AuthenticatorKey is { } key)
            {
                await EnrolAuthenticatorAsync(users, user, key);
            }
        }
    }

    /// <summary>
    /// Stores a known authenticator key (where Identity's own store keeps it) and turns two-factor sign-in on: demo
    /// accounts and tests; real users enrol on the "Xác thực hai bước" page.
    /// </summary>
    public static async Task EnrolAuthenticatorAsync(UserManager<AppUser> users, AppUser user, string base32Key)
    {
        ArgumentNullException.ThrowIfNull(users);
        await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", base32Key);
        await users.SetTwoFactorEnabledAsync(user, true);
    }

    private string Pick(string[] options) => options[_random.Next(options.Length)];
}
