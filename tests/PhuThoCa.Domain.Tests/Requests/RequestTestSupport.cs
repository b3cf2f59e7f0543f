using System.Reflection;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;

namespace PhuThoCa.Domain.Tests.Requests;

/// <summary>
/// A working-day calendar that knows only weekends: Saturday and Sunday are off, nothing else. Like the real
/// <c>WorkingDayCalendar</c>, it refuses a UTC time where Vietnam local time is expected.
/// </summary>
internal sealed class WeekendOnlyCalendar(RequestDeadlineSettings? settings = null) : IWorkingDayDeadlines
{
    public RequestDeadlineSettings Settings { get; } = settings ?? RequestDeadlineSettings.Default;

    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public DateOnly EffectiveStartDay(DateTime localReceivedAt)
    {
        if (localReceivedAt.Kind == DateTimeKind.Utc)
        {
            throw new ArgumentException("Pass Vietnam local time.", nameof(localReceivedAt));
        }

        var day = DateOnly.FromDateTime(localReceivedAt);
        return IsWorkingDay(day) ? day : AddWorkingDays(day, 1);
    }

    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var day = start;
        for (var left = workingDays; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    public int WorkingDaysBetween(DateOnly startDay, DateOnly endDay)
    {
        if (endDay < startDay)
        {
            return -WorkingDaysBetween(endDay, startDay);
        }

        var count = 0;
        for (var day = startDay.AddDays(1); day <= endDay; day = day.AddDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }

        return count;
    }
}

/// <summary>Register entries and people for request tests. Times are Vietnam local; ids are set as if saved.</summary>
internal sealed class RequestWorld
{
    public const int AgencyId = 10;
    public const int OtherAgencyId = 20;
    public const string AgencyUserId = "agency-user";
    public const string StaffUserId = "staff-1";
    public const string OtherStaffUserId = "staff-2";

    private int _nextId = 1000;

    /// <summary>Monday 02/03/2026, 09:00 in Vietnam.</summary>
    public static readonly DateTime Monday = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Unspecified);

    public RequestWorld()
    {
        Person = NewSubscriber(SubscriberKind.Person, "Nguyễn Văn An", "an.nv@phutho.gov.vn");
        OtherPerson = NewSubscriber(SubscriberKind.Person, "Trần Thị Bình", "binh.tt@phutho.gov.vn");
        Organization = NewSubscriber(SubscriberKind.Organization, "UBND xã Xuân Đài", "xuandai@phutho.gov.vn");
        Device = NewSubscriber(SubscriberKind.DeviceServiceSoftware, "Hệ thống quản lý văn bản", "qlvb@phutho.gov.vn");
        Outsider = NewSubscriber(SubscriberKind.Person, "Lê Văn Cường", "cuong.lv@phutho.gov.vn", OtherAgencyId);
    }

    public Subscriber Person { get; }

    public Subscriber OtherPerson { get; }

    public Subscriber Organization { get; }

    public Subscriber Device { get; }

    public Subscriber Outsider { get; }

    /// <summary>The agency sent its letter to the Cục on the day of <paramref name="local"/> (ignored for letters to Sở).</summary>
    public static CaDispatch SentToCa(DateTime local) => new(CaDispatchChannel.NationalDocumentAxis, DateOnly.FromDateTime(local));

    public static Actor AgencyUser(DateTime local) => new(AgencyUserId, "Phạm Thị Dung (văn thư UBND xã)", VietnamTime.FromLocal(local));

    public static Actor Staff(DateTime local) => new(StaffUserId, "Hoàng Văn Em (Sở KH&CN)", VietnamTime.FromLocal(local));

    public static Actor OtherStaff(DateTime local) => new(OtherStaffUserId, "Vũ Thị Giang (Sở KH&CN)", VietnamTime.FromLocal(local));

    public static void SetId(Entity entity, int id) =>
        typeof(Entity).GetProperty(nameof(Entity.Id), BindingFlags.Public | BindingFlags.Instance)!.SetValue(entity, id);

    public static DateTime Utc(DateTime local) => VietnamTime.FromLocal(local);

    public static CertificateDetails Details(string serial, DateTime notBeforeLocal, DateTime notAfterLocal,
        string subject = "CN=Nguyễn Văn An, O=UBND tỉnh Phú Thọ, C=VN") =>
        new(serial, subject, "CN=CA phục vụ các cơ quan Nhà nước G2, O=Ban Cơ yếu Chính phủ, C=VN",
            Utc(notBeforeLocal), Utc(notAfterLocal), KeyStorageKind.PkiToken);

    public Subscriber NewSubscriber(SubscriberKind kind, string name, string email, int agencyId = AgencyId)
    {
        var subscriber = new Subscriber(agencyId, new SubscriberDetails(kind, name, "Chuyên viên",
            kind == SubscriberKind.Person ? "001234567890" : null, null, null, null, email, "0912345678", null, null, null, null));
        SetId(subscriber, _nextId++);
        return subscriber;
    }

    /// <summary>A certificate expiring at 23:59 local on <paramref name="expires"/>, stored on <paramref name="token"/> if given.</summary>
    public Certificate NewCertificate(Subscriber subscriber, DateOnly expires, UsbToken? token = null)
    {
        var serial = "54" + _nextId.ToString("X6", System.Globalization.CultureInfo.InvariantCulture);
        var certificate = new Certificate(subscriber.Id,
            Details(serial, expires.AddYears(-5).ToDateTime(new TimeOnly(9, 0)), expires.ToDateTime(new TimeOnly(23, 59))),
            token?.Id);
        SetId(certificate, _nextId++);
        return certificate;
    }

    public UsbToken NewToken(TokenStatus status = TokenStatus.HandedOver, int agencyId = AgencyId)
    {
        var token = new UsbToken(agencyId, "TK" + _nextId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Bit4id TokenME EVO v2");
        SetId(token, _nextId++);
        var setup = Staff(Monday.AddDays(-60));
        if (status != TokenStatus.InStock)
        {
            token.ChangeStatus(TokenStatus.HandedOver, "Bàn giao cho thuê bao", setup);
        }

        if (status == TokenStatus.Locked)
        {
            token.ChangeStatus(TokenStatus.Locked, "Nhập sai mật khẩu quá số lần quy định", setup);
        }

        return token;
    }

    /// <summary>A draft of the agency with the letter and the contact filled in, created by the agency user.</summary>
    public static Request NewDraft(RequestType type, DateTime createdLocal, string createdBy = AgencyUserId)
    {
        var request = new Request(type, AgencyId, new Actor(createdBy, "Người lập", Utc(createdLocal)));
        request.UpdateLetter(new RequestLetter("15/UBND-VP", DateOnly.FromDateTime(createdLocal), "Nguyễn Huy Hoàng", "Chủ tịch"));
        request.UpdateContact(new RequestContact("Phạm Thị Dung", "001098765432", new DateOnly(2021, 5, 10),
            "Cục Cảnh sát quản lý hành chính về trật tự xã hội", "Văn thư", "0987654321", "dung.pt@phutho.gov.vn",
            "UBND xã Xuân Đài, tỉnh Phú Thọ", null));
        return request;
    }
}

/// <summary>
/// One request of a given type with what its lines point to, driven through the table: <see cref="Reach"/> walks the
/// shortest allowed path to a status, <see cref="Perform"/> runs any action with valid arguments through the public
/// method that implements it. Each action happens one hour after the previous one, from Monday 09:00.
/// </summary>
internal sealed class RequestScenario
{
    private DateTime _now = RequestWorld.Monday;

    public RequestScenario(RequestType type, string createdBy = RequestWorld.AgencyUserId)
    {
        World = new RequestWorld();
        Calendar = new WeekendOnlyCalendar();
        Request = RequestWorld.NewDraft(type, _now, createdBy);
        var expires = DateOnly.FromDateTime(_now).AddDays(200);
        switch (type)
        {
            case RequestType.Issue:
                Request.AddIssueLine(World.Person);
                break;
            case RequestType.Revoke:
                Token = World.NewToken();
                Certificate = World.NewCertificate(World.Person, expires, Token);
                Request.AddRevokeLine(World.Person, Certificate, Token, RevocationReason.Resigned, null);
                break;
            case RequestType.Renew:
                Certificate = World.NewCertificate(World.Person, expires);
                Request.AddRenewLine(World.Person, Certificate);
                break;
            case RequestType.ChangeInfo:
                Certificate = World.NewCertificate(World.Person, expires);
                Request.AddChangeInfoLine(World.Person, Certificate, ChangeInfoCase.PersonChangedOfficialEmail,
                    "an.nv@phutho.gov.vn", "an.nguyenvan@phutho.gov.vn");
                break;
            case RequestType.RecoverToken:
                Token = World.NewToken(TokenStatus.Locked);
                Request.AddRecoverTokenLine(World.Person, Token);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }
    }

    public RequestWorld World { get; }

    public WeekendOnlyCalendar Calendar { get; }

    public Request Request { get; }

    public Certificate? Certificate { get; }

    public UsbToken? Token { get; }

    /// <summary>The user id of the Sở staff member who performs Sở's actions.</summary>
    public string StaffUserId { get; set; } = RequestWorld.StaffUserId;

    public RequestSubjects Subjects => new(Certificate is null ? [] : [Certificate], Token is null ? [] : [Token]);

    /// <summary>The shortest allowed sequence of actions from Draft to <paramref name="status"/> for <paramref name="type"/>.</summary>
    public static IReadOnlyList<RequestAction> PathTo(RequestType type, RequestStatus status)
    {
        var paths = new Dictionary<RequestStatus, List<RequestAction>> { [RequestStatus.Draft] = [] };
        var queue = new Queue<RequestStatus>([RequestStatus.Draft]);
        while (queue.Count > 0)
        {
            var from = queue.Dequeue();
            foreach (var row in RequestTransitions.All.Where(r => r.Type == type && r.From == from && !paths.ContainsKey(r.To)))
            {
                paths[row.To] = [.. paths[from], row.Action];
                queue.Enqueue(row.To);
            }
        }

        return paths.TryGetValue(status, out var path)
            ? path
            : throw new InvalidOperationException($"{type} cannot reach {status}.");
    }

    public RequestScenario Reach(RequestStatus status)
    {
        foreach (var action in PathTo(Request.Type, status))
        {
            Perform(action);
        }

        return this;
    }

    public void Perform(RequestAction action)
    {
        _now = _now.AddHours(1);
        var agency = RequestWorld.AgencyUser(_now);
        var staff = new Actor(StaffUserId, "Cán bộ Sở KH&CN", RequestWorld.Utc(_now));
        var today = DateOnly.FromDateTime(_now);
        switch (action)
        {
            case RequestAction.Submit:
                Request.Submit(agency, Subjects, accuracyConfirmed: true, new CaDispatch(CaDispatchChannel.NationalDocumentAxis, VietnamTime.ToDate(agency.AtUtc)));
                break;
            case RequestAction.Receive:
                Request.Receive(staff, Calendar, Request.ReceiptNumber is null ? 42 : null);
                break;
            case RequestAction.ReturnForSupplement:
                Request.ReturnForSupplement("Thiếu số điện thoại của người tiếp nhận", staff, Calendar);
                break;
            case RequestAction.Resubmit:
                Request.Resubmit(agency, Subjects, accuracyConfirmed: true);
                break;
            case RequestAction.Accept:
                Request.Accept(staff, Subjects, Calendar);
                break;
            case RequestAction.Reject:
                Request.Reject("Chứng thư không thuộc cơ quan đề nghị", staff);
                break;
            case RequestAction.RecordFiledOnCaPortal:
                Request.RecordFiledOnCaPortal("HS-2026-000123", staff, Calendar);
                break;
            case RequestAction.RecordCaResult:
                RecordCaResult(staff);
                break;
            case RequestAction.RecordCaRejection:
                Request.RecordCaRejection("Thông tin thuê bao không khớp với hồ sơ", staff, Calendar);
                break;
            case RequestAction.HandOver:
                Request.HandOver("Phạm Thị Dung", today, Request.Type == RequestType.Issue ? agency : staff);
                break;
            case RequestAction.RecordTokenReturned:
                Request.RecordTokenReturned(Token is null ? [] : [new TokenReturn(Token, TokenReturnOutcome.ReturnedToCa, today)], agency);
                break;
            case RequestAction.RecordRecovered:
                Request.RecordRecovered(Token is null ? [] : [Token], staff);
                break;
            case RequestAction.Cancel:
                Request.Cancel("Cơ quan rút văn bản đề nghị", agency);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    private void RecordCaResult(Actor staff)
    {
        var certificate = Certificate;
        switch (Request.Type)
        {
            case RequestType.Issue:
                Request.RecordCertificatesIssued(
                    [new IssuedCertificate(Request.Lines[0], "5401AB", staff.AtUtc, staff.AtUtc.AddYears(5).AddDays(-1), "TK9001")], staff, Calendar);
                break;
            case RequestType.Revoke:
                Request.RecordCertificatesRevoked([certificate!], staff.AtUtc.AddMinutes(-30), staff, Calendar);
                break;
            case RequestType.Renew:
                Request.RecordCertificatesRenewed([new RenewedCertificate(certificate!,
                    new CertificateDetails("5402CD", certificate!.SubjectDn, certificate.Issuer, staff.AtUtc,
                        certificate.NotAfterUtc.AddYears(2), KeyStorageKind.PkiToken))], staff, Calendar);
                break;
            case RequestType.ChangeInfo:
                Request.RecordCertificatesChanged([new ChangedCertificate(certificate!,
                    new CertificateDetails("5403EF", "E=an.nguyenvan@phutho.gov.vn, CN=Nguyễn Văn An, C=VN", certificate!.Issuer,
                        staff.AtUtc, certificate.NotAfterUtc, KeyStorageKind.PkiToken))], staff, Calendar);
                break;
            case RequestType.RecoverToken:
                // No such move: any face of RecordCaResult must be refused by the table first.
                Request.RecordCertificatesIssued([], staff, Calendar);
                break;
            default:
                throw new InvalidOperationException();
        }
    }
}
