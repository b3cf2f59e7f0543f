using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Tests.Support;

using PhuThoCa.Web.Requests.Filing;
using PhuThoCa.Web.Requests.Review;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>
/// A fresh agency of its own per test (subscribers, certificates, tokens and an officer), so that the tests of the request
/// pages never disturb the demo data or each other. Dates are relative to the fake clock's day, 26/11/2026.
/// </summary>
internal sealed partial class OfficerWorld
{

    private OfficerWorld(PortalFactory portal, int agencyId, string agencyName, string officer, int personA, int personB, int organization)
    {
        Portal = portal;
        AgencyId = agencyId;
        AgencyName = agencyName;
        Officer = officer;
        PersonA = personA;
        PersonB = personB;
        Organization = organization;
    }

    public static DateOnly Today { get; } = DateOnly.FromDateTime(PortalFactory.DefaultNow.DateTime);

    public PortalFactory Portal { get; }

    public int AgencyId { get; }

    public string AgencyName { get; }

    /// <summary>User name of an agency officer of this agency.</summary>
    public string Officer { get; }

    public int PersonA { get; }

    public int PersonB { get; }

    public int Organization { get; }

    public static async Task<OfficerWorld> CreateAsync(PortalFactory portal, CancellationToken ct)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = portal.CreateDbContext();
        var agency = new Agency(AgencyKind.CommuneCommittee, $"UBND xã Kiểm Thử {tag}", "UBND", "Xã Kiểm Thử, tỉnh Phú Thọ", $"kt{tag}.phutho.gov.vn");
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        var a = Person(agency, "Nguyễn Văn An", "an", tag, 1);
        var b = Person(agency, "Trần Thị Bình", "binh", tag, 2);
        var org = new Subscriber(agency.Id, new SubscriberDetails(SubscriberKind.Organization, agency.Name, null, null, null, null, null,
            $"vanthu@kt{tag}.phutho.gov.vn", "0210381234", "2600123456", "1234567", agency.Address, null));
        db.Subscribers.AddRange(a, b, org);
        await db.SaveChangesAsync(ct);
        var officer = await portal.CreateUserAsync(Roles.AgencyOfficer, agency.Id);
        return new OfficerWorld(portal, agency.Id, agency.Name, officer, a.Id, b.Id, org.Id);
    }

    /// <summary>A valid certificate on a token handed to its subscriber, <paramref name="daysLeft"/> calendar days before expiry.</summary>
    public async Task<(int Id, string Serial, int TokenId)> AddCertificateAsync(int subscriberId, int daysLeft, int renewalCount = 0,
        TokenStatus tokenStatus = TokenStatus.HandedOver, CancellationToken ct = default)
    {
        await using var db = Portal.CreateDbContext();
        var subscriber = await db.Subscribers.SingleAsync(s => s.Id == subscriberId, ct);
        var token = new UsbToken(AgencyId, "KT" + Hex(10), "VGCA Token");
        db.Tokens.Add(token);
        await db.SaveChangesAsync(ct);
        var system = new Actor("", "Hệ thống", PortalFactory.DefaultNow.UtcDateTime);
        db.TokenHandovers.Add(token.HandOver(new TokenHandoverDetails(Today.AddDays(-30), "Văn thư", null, subscriber.Name, subscriber.Position,
            subscriber.Id, "Bàn giao cho thuê bao", null), system));
        if (tokenStatus == TokenStatus.Locked)
        {
            token.ChangeStatus(TokenStatus.Locked, "Nhập sai mã PIN quá số lần quy định", system);
        }

        var notAfter = VietnamTime.FromLocal(Today.AddDays(daysLeft).ToDateTime(new TimeOnly(16, 59, 59)));
        var subject = subscriber.Kind == SubscriberKind.Person
            ? $"E={subscriber.Email}, CN={subscriber.Name}, OU={AgencyName}, O=UBND tỉnh Phú Thọ, C=VN"
            : $"CN={subscriber.Name}, O=UBND tỉnh Phú Thọ, C=VN";
        var certificate = new Certificate(subscriber.Id, new CertificateDetails("54" + Hex(14), subject, "CN=Cục CTS&BMTT",
            notAfter.AddYears(-3), notAfter, KeyStorageKind.PkiToken), token.Id);
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(ct);
        if (renewalCount > 0)
        {
            // Renewed before the portal: the register holds the certificate it replaced.
            var predecessor = new Certificate(subscriber.Id, new CertificateDetails("54" + Hex(14), subject, "CN=Cục CTS&BMTT",
                notAfter.AddYears(-6), notAfter.AddYears(-3).AddDays(-1), KeyStorageKind.PkiToken));
            db.Certificates.Add(predecessor);
            await db.SaveChangesAsync(ct);
            certificate.RecordEarlierRenewal(predecessor);
            await db.SaveChangesAsync(ct);
        }
        return (certificate.Id, certificate.SerialNumber, token.Id);
    }

    /// <summary>
    /// An issue request of this agency already sent to the Cục and recorded by Sở at <paramref name="receivedLocal"/>
    /// (Vietnam time), so that its expected period (03 working days) runs from then.
    /// </summary>
    public async Task<(int Id, string ReceiptNumber)> AddReceivedIssueRequestAsync(DateTime receivedLocal, CancellationToken ct)
    {
        await using var db = Portal.CreateDbContext();
        var subscriber = await db.Subscribers.SingleAsync(s => s.Id == PersonA, ct);
        var sentUtc = VietnamTime.FromLocal(receivedLocal.AddHours(-2));
        var officer = await WorkflowArrange.ActorAsync(db, Officer, sentUtc);
        var request = new Request(RequestType.Issue, AgencyId, officer);
        request.AddIssueLine(subscriber);
        request.UpdateLetter(new RequestLetter(WorkflowArrange.NextLetterNumber("UBND-VP"), DateOnly.FromDateTime(receivedLocal), "Lê Văn Ký", "CHỦ TỊCH"));
        request.UpdateContact(new RequestContact("Nguyễn Văn An", null, null, null, "Văn thư", "0912345678", null, null, null));
        db.Requests.Add(request);
        await db.SaveChangesAsync(ct);
        await WorkflowArrange.PerformAsync<SubmitRequest, SubmitInput>(Portal, db, request, WorkflowArrange.Sent(officer), officer);
        await WorkflowArrange.PerformAsync<ReceiveRequest, ReceiveInput>(Portal, db, request, new ReceiveInput(),
            await WorkflowArrange.ActorAsync(db, "chuyenvien.skhcn", VietnamTime.FromLocal(receivedLocal)));
        return (request.Id, request.ReceiptNumber!);
    }

    // ---- HTTP helpers for the editor --------------------------------------------------------------------------------

    /// <summary>Creates a draft through /Requests/New and returns its id (from the redirect to the editor).</summary>
    public static async Task<int> NewDraftAsync(HttpClient client, RequestType type, CancellationToken ct)
    {
        var response = await PortalFactory.PostFormAsync(client, "/Requests/New", new Dictionary<string, string> { ["Type"] = type.ToString() }, ct: ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = EditorUrl().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, response.Headers.Location.OriginalString);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, int requestId, string handler, IDictionary<string, string> fields,
        CancellationToken ct) =>
        PortalFactory.PostFormAsync(client, Editor(requestId) + "?handler=" + handler, fields, formPageUrl: Editor(requestId), ct: ct);

    /// <summary>A renewal draft through the editor: the letter and Mục 1 filled, and <paramref name="certificateId"/> as its one line.</summary>
    public static async Task<int> RenewalDraftAsync(HttpClient client, int certificateId, CancellationToken ct)
    {
        var id = await NewDraftAsync(client, RequestType.Renew, ct);
        await FillLetterAndContactAsync(client, id, ct);
        await PostAsync(client, id, "AddRenewLine", new Dictionary<string, string> { ["certificateId"] = Id(certificateId) }, ct);
        return id;
    }

    /// <summary>Fills the letter and Mục 1 (the fields every form has, plus e-mail, address and workplace; each form keeps its own).</summary>
    public static async Task<string> FillLetterAndContactAsync(HttpClient client, int requestId, CancellationToken ct)
    {
        var number = WorkflowArrange.NextLetterNumber("UBND-VP");
        var letter = await PostAsync(client, requestId, "Letter", new Dictionary<string, string>
        {
            ["Letter.Number"] = number,
            ["Letter.Date"] = "25/11/2026",
            ["Letter.SignerName"] = "Lê Văn Ký",
            ["Letter.SignerPosition"] = "CHỦ TỊCH",
        }, ct);
        Assert.Equal(HttpStatusCode.Redirect, letter.StatusCode);
        var contact = await PostAsync(client, requestId, "Contact", new Dictionary<string, string>
        {
            ["Contact.FullName"] = "Phạm Văn Đầu Mối",
            ["Contact.NationalId"] = "025090001234",
            ["Contact.NationalIdIssuedOn"] = "10/05/2022",
            ["Contact.NationalIdIssuedBy"] = "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
            ["Contact.Position"] = "Văn thư",
            ["Contact.Phone"] = "0912345678",
            ["Contact.Email"] = "daumoi@phutho.gov.vn",
            ["Contact.Address"] = "Xã Kiểm Thử, tỉnh Phú Thọ",
            ["Contact.Workplace"] = "UBND xã Kiểm Thử",
        }, ct);
        Assert.Equal(HttpStatusCode.Redirect, contact.StatusCode);
        return number;
    }

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, int requestId, CancellationToken ct) =>
        PostAsync(client, requestId, "Submit", new Dictionary<string, string>
        {
            ["Submission.Confirm"] = "true",
            // Read only for letters to the Cục (Mẫu 01–03/05): sent through the document exchange on the test clock's day.
            ["Submission.SentVia"] = nameof(CaDispatchChannel.NationalDocumentAxis),
            ["Submission.SentOn"] = "26/11/2026",
        }, ct);

    public static string Editor(int requestId) => "/Requests/Edit/" + requestId.ToString(CultureInfo.InvariantCulture);

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Subscriber Person(Agency agency, string name, string login, string tag, int n) =>
        new(agency.Id, new SubscriberDetails(SubscriberKind.Person, name, "Chuyên viên",
            "0250900" + Random.Shared.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture), new DateOnly(2022, 5, 10),
            "Cục Cảnh sát quản lý hành chính về trật tự xã hội", new DateOnly(1990, n, 12), $"{login}@kt{tag}.phutho.gov.vn",
            "09123456" + n.ToString("D2", CultureInfo.InvariantCulture), null, null, agency.Address, null));

    private static string Hex(int length) => Convert.ToHexString(Guid.NewGuid().ToByteArray())[..length];

    [GeneratedRegex(@"^/Requests/Edit/(\d+)")]
    private static partial Regex EditorUrl();
}
