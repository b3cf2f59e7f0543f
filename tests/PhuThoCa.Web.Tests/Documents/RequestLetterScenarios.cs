using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Tests.Support;

using PhuThoCa.Web.Requests.Filing;
using PhuThoCa.Web.Requests.Review;
using PhuThoCa.Web.Tests.Pages.Requests;

namespace PhuThoCa.Web.Tests.Documents;

/// <summary>
/// Builds requests of every form for the letter tests through the domain API, in the officer's agency
/// (UBND phường Việt Trì, login canbo.viettri), with fresh subscribers, certificates and tokens.
/// </summary>
public sealed class RequestLetterScenarios(PortalFactory portal)
{
    public const string OfficerAgency = "UBND phường Việt Trì";
    public const string OtherAgency = "Sở Y tế tỉnh Phú Thọ";

    private static readonly string[] Families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"];
    private static readonly string[] Middles = ["Văn", "Thị", "Đức", "Thu", "Minh", "Ngọc", "Quang", "Thanh"];
    private static readonly string[] Givens = ["Hường", "Hùng", "Lan", "Phúc", "Dũng", "Yến", "Tuấn", "Trang", "Sơn", "Hạnh", "Việt"];

    private static readonly Actor Officer = new("officer-test", "Bùi Thị Hương", PortalFactory.DefaultNow.UtcDateTime);
    private static readonly Actor Staff = new("staff-test", "Lê Thị Thu Hà", PortalFactory.DefaultNow.UtcDateTime);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Mẫu 01 with <paramref name="people"/> persons, submitted to the Cục.</summary>
    public Task<int> IssueToPersonsAsync(int people = 2, string agency = OfficerAgency) =>
        BuildAsync(RequestType.Issue, agency, async (db, request, agencyId) =>
        {
            for (var i = 0; i < people; i++)
            {
                var person = await AddPersonAsync(db, agencyId, i);
                request.AddIssueLine(person, i == 0 ? "54010101A1B2C3D4E5F60718" : null, i == 1 ? "Vinaphone/cs" : null);
            }
        });

    /// <summary>Mẫu 02: two organisations.</summary>
    public Task<int> IssueToOrganizationsAsync() =>
        BuildAsync(RequestType.Issue, OfficerAgency, async (db, request, agencyId) =>
        {
            request.AddIssueLine(await AddSubscriberAsync(db, agencyId, SubscriberKind.Organization, "Văn phòng HĐND và UBND phường Việt Trì"));
            request.AddIssueLine(await AddSubscriberAsync(db, agencyId, SubscriberKind.Organization, "Trung tâm Phục vụ hành chính công phường Việt Trì"));
        });

    /// <summary>Mẫu 03: a device/service/software.</summary>
    public Task<int> IssueToDevicesAsync() =>
        BuildAsync(RequestType.Issue, OfficerAgency, async (db, request, agencyId) =>
            request.AddIssueLine(await AddSubscriberAsync(db, agencyId, SubscriberKind.DeviceServiceSoftware, "Hệ thống quản lý văn bản và điều hành")));

    /// <summary>Mẫu 04, Gia hạn: one certificate with a year left.</summary>
    public Task<int> RenewAsync(bool receive = false) =>
        BuildAsync(RequestType.Renew, OfficerAgency, async (db, request, agencyId) =>
        {
            var person = await AddPersonAsync(db, agencyId, 3);
            request.AddRenewLine(person, await AddCertificateAsync(db, person, null, KeyStorageKind.PkiToken));
        }, receive);

    /// <summary>Mẫu 04, TĐTT: a person changing e-mail, on SIM PKI.</summary>
    public Task<int> ChangeInfoAsync() =>
        BuildAsync(RequestType.ChangeInfo, OfficerAgency, async (db, request, agencyId) =>
        {
            var person = await AddPersonAsync(db, agencyId, 4);
            var certificate = await AddCertificateAsync(db, person, null, KeyStorageKind.SimPki);
            request.AddChangeInfoLine(person, certificate, ChangeInfoCase.PersonChangedOfficialEmail, person.Email,
                "moi." + person.Email);
        });

    /// <summary>Mẫu 05: a retired person's certificate and token.</summary>
    public Task<int> RevokeAsync() =>
        BuildAsync(RequestType.Revoke, OfficerAgency, async (db, request, agencyId) =>
        {
            var person = await AddPersonAsync(db, agencyId, 5);
            var token = await AddTokenAsync(db, agencyId, TokenStatus.InStock);
            var certificate = await AddCertificateAsync(db, person, token, KeyStorageKind.PkiToken);
            request.AddRevokeLine(person, certificate, token, RevocationReason.Retired, null, "Nghỉ hưu từ ngày 01/11/2026");
        });

    /// <summary>Mẫu 06: two locked tokens.</summary>
    public Task<int> RecoverAsync() =>
        BuildAsync(RequestType.RecoverToken, OfficerAgency, async (db, request, agencyId) =>
        {
            for (var i = 0; i < 2; i++)
            {
                var person = await AddPersonAsync(db, agencyId, 6 + i);
                var token = await AddTokenAsync(db, agencyId, TokenStatus.Locked);
                request.AddRecoverTokenLine(person, token, await AddCertificateAsync(db, person, token, KeyStorageKind.PkiToken));
            }
        });

    /// <summary>A Mẫu 04 renewal that Sở received and rejected with two reasons.</summary>
    public async Task<int> RejectedRenewalAsync()
    {
        var id = await RenewAsync(receive: true);
        await using var db = portal.CreateDbContext();
        var request = await db.Requests.Include(r => r.Lines).Include(r => r.History).SingleAsync(r => r.Id == id, Ct);
        await WorkflowArrange.PerformAsync<RejectRequest, RejectInput>(portal, db, request, new RejectInput
        {
            Reason = "Chứng thư số đã được gia hạn một lần, không đủ điều kiện gia hạn tiếp (Nghị định 68/2024/NĐ-CP, Điều 12).\n"
                + "Văn bản đề nghị chưa ghi địa chỉ thư điện tử công vụ của người tiếp nhận.",
        }, Staff);
        return id;
    }

    /// <summary>A received renewal Sở returns for supplement with two reasons (phiếu yêu cầu bổ sung).</summary>
    public async Task<int> ReturnedRenewalAsync()
    {
        var id = await RenewAsync(receive: true);
        await using var db = portal.CreateDbContext();
        var request = await db.Requests.Include(r => r.Lines).Include(r => r.History).SingleAsync(r => r.Id == id, Ct);
        await WorkflowArrange.PerformAsync<ReturnForSupplement, ReturnInput>(portal, db, request, new ReturnInput
        {
            Reason = "Văn bản đề nghị chưa ghi địa chỉ thư điện tử công vụ của người tiếp nhận.\n"
                + "Bổ sung bản sao Căn cước của người tiếp nhận kết quả.",
        }, Staff);
        return id;
    }

    /// <summary>A handover of a token of the officer's agency to a new custodian.</summary>
    public async Task<int> HandoverAsync()
    {
        await using var db = portal.CreateDbContext();
        var agencyId = await AgencyIdAsync(db, OfficerAgency);
        var token = await AddTokenAsync(db, agencyId, TokenStatus.InStock);
        var record = token.HandOver(new TokenHandoverDetails(new DateOnly(2026, 11, 25), "Bùi Thị Hương", "Văn thư", "Nguyễn Thu Trang",
            "Phó Chủ tịch UBND", null, "Cấp thiết bị lưu khóa bí mật cho lãnh đạo mới được bổ nhiệm", "Mới, còn nguyên niêm phong"), Officer);
        db.TokenHandovers.Add(record);
        await db.SaveChangesAsync(Ct);
        return record.Id;
    }

    public async Task<int> AgencyIdAsync(string name)
    {
        await using var db = portal.CreateDbContext();
        return await AgencyIdAsync(db, name);
    }

    private static Task<int> AgencyIdAsync(AppDbContext db, string name) =>
        db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync(Ct);

    /// <summary>A Mẫu 01 draft: its letter fields may still be edited.</summary>
    public Task<int> DraftIssueAsync() =>
        BuildAsync(RequestType.Issue, OfficerAgency, async (db, request, agencyId) =>
            request.AddIssueLine(await AddPersonAsync(db, agencyId, 9)), submit: false);

    private async Task<int> BuildAsync(RequestType type, string agency, Func<AppDbContext, Request, int, Task> addLines, bool receive = false,
        bool submit = true)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var agencyId = await AgencyIdAsync(db, agency);
        var request = new Request(type, agencyId, Officer);
        await addLines(db, request, agencyId);
        request.UpdateLetter(new RequestLetter(WorkflowArrange.NextLetterNumber("UBND-VP"), new DateOnly(2026, 11, 20), "Nguyễn Văn Hải", "KT. Chủ tịch / Phó Chủ tịch"));
        request.UpdateContact(new RequestContact("Bùi Thị Hương", "025190001234", new DateOnly(2021, 8, 12),
            "Cục Cảnh sát quản lý hành chính về trật tự xã hội", "Văn thư", "0912345678", "huongbt@viettri.phutho.gov.vn",
            null, null));
        db.Requests.Add(request);
        await db.SaveChangesAsync(Ct);
        if (!submit)
        {
            return request.Id;
        }

        await WorkflowArrange.PerformAsync<SubmitRequest, SubmitInput>(portal, db, request, WorkflowArrange.Sent(Officer), Officer);
        if (receive)
        {
            await WorkflowArrange.PerformAsync<ReceiveRequest, ReceiveInput>(portal, db, request, new ReceiveInput(), Staff);
        }

        return request.Id;
    }

    private static Task<Subscriber> AddPersonAsync(AppDbContext db, int agencyId, int seed)
    {
        var n = Random.Shared.Next(1000, 9999);
        var name = $"{Families[(seed + n) % Families.Length]} {Middles[(seed * 3 + n) % Middles.Length]} {Givens[(seed * 7 + n) % Givens.Length]}";
        return AddSubscriberAsync(db, agencyId, SubscriberKind.Person, name);
    }

    private static async Task<Subscriber> AddSubscriberAsync(AppDbContext db, int agencyId, SubscriberKind kind, string name)
    {
        var n = Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var person = kind == SubscriberKind.Person;
        var subscriber = new Subscriber(agencyId, new SubscriberDetails(kind, name,
            person ? "Chuyên viên" : null,
            person ? "025190" + n : null,
            person ? new DateOnly(2022, 3, 15) : null,
            person ? "Cục Cảnh sát quản lý hành chính về trật tự xã hội" : null,
            person ? new DateOnly(1988, 7, 9) : null,
            $"tb{n}@viettri.phutho.gov.vn",
            "0987" + n,
            person ? null : "26000" + n[..5],
            person ? null : "1" + n,
            person ? null : "Số 1 đường Hùng Vương, phường Việt Trì, tỉnh Phú Thọ",
            kind == SubscriberKind.DeviceServiceSoftware ? "v3.2 / qlvb.viettri.phutho.gov.vn" : null));
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync(Ct);
        return subscriber;
    }

    private static async Task<UsbToken> AddTokenAsync(AppDbContext db, int agencyId, TokenStatus status)
    {
        var token = new UsbToken(agencyId, "TK-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), "Bit4id TokenME EVO v2");
        db.Tokens.Add(token);
        await db.SaveChangesAsync(Ct);
        if (status == TokenStatus.Locked)
        {
            token.HandOver(new TokenHandoverDetails(new DateOnly(2026, 1, 5), "Văn thư", null, "Thuê bao", null, null, "Cấp thiết bị", null), Officer);
            token.ChangeStatus(TokenStatus.Locked, "Nhập sai mật khẩu quá số lần quy định", Officer);
            await db.SaveChangesAsync(Ct);
        }

        return token;
    }

    private static async Task<Certificate> AddCertificateAsync(AppDbContext db, Subscriber subscriber, UsbToken? token, KeyStorageKind storage)
    {
        var serial = "5401" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();
        var certificate = new Certificate(subscriber.Id, new CertificateDetails(serial, $"CN={subscriber.Name}, O=UBND phường Việt Trì, C=VN",
            "CA phục vụ các cơ quan Đảng và Nhà nước", new DateTime(2025, 1, 10, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2028, 1, 10, 0, 0, 0, DateTimeKind.Utc), storage), token?.Id);
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(Ct);
        return certificate;
    }
}
