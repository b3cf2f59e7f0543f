using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Requests.CaPortal;
using PhuThoCa.Web.Requests.Completion;
using PhuThoCa.Web.Requests.Filing;
using PhuThoCa.Web.Requests.Review;

namespace PhuThoCa.Web.Seeding;

/// <summary>
/// Demo requests of every type in every status the type can reach, filed by the demo officers for their agencies and
/// handled by the demo staff, played in time order through the domain (and the same register updates as the pages) with
/// timestamps in the past working days, so that some are on time, some due today and some overdue as of the seed day.
/// Each request gets its own fresh subscriber, certificate and token, eligible by construction (≥ 30 days left, never
/// renewed; locked tokens for recovery). Runs inside <see cref="DemoData.SeedAsync"/>'s transaction, after the users.
/// </summary>
public sealed class DemoRequests(AppDbContext db, DateTime nowUtc, IServiceProvider services)
{
    private const string Staff1 = "chuyenvien.skhcn";
    private const string Staff2 = "chuyenvien2.skhcn";
    private const string Leader = "lanhdao.skhcn";
    private const string Syte = "canbo.syte";
    private const string VietTri = "canbo.viettri";
    private const string Vpubnd = "canbo.vpubnd";

    /// <summary>
    /// Type, officer, target status and, per action of the shortest path to it, how many working days ago it happened.
    /// Comments give where the deadline stands on the seed day.
    /// </summary>
    private static readonly Scenario[] Scenarios =
    [
        new(RequestType.Renew, Syte, RequestStatus.Draft, []),
        new(RequestType.Renew, VietTri, RequestStatus.Submitted, [1]),
        new(RequestType.Renew, Vpubnd, RequestStatus.Received, [0, 0]), // 3 working days left
        new(RequestType.Renew, Syte, RequestStatus.Received, [4, 3]), // due today
        new(RequestType.Renew, VietTri, RequestStatus.Received, [7, 6]), // 3 working days overdue
        new(RequestType.Renew, Syte, RequestStatus.ReturnedForSupplement, [5, 4, 3]),
        new(RequestType.Renew, Vpubnd, RequestStatus.Accepted, [3, 2, 1]), // 1 working day left
        new(RequestType.Renew, Syte, RequestStatus.Rejected, [9, 8, 7]),
        new(RequestType.Renew, VietTri, RequestStatus.AwaitingCaResult, [5, 4, 3, 2]),
        new(RequestType.Renew, Vpubnd, RequestStatus.AwaitingCaResult, [14, 13, 12, 10]), // the Cục beyond its expected period
        new(RequestType.Renew, Syte, RequestStatus.RejectedByCa, [16, 15, 14, 13, 9]),
        new(RequestType.Renew, Vpubnd, RequestStatus.ResultReceived, [10, 9, 8, 7, 2]),
        new(RequestType.Renew, VietTri, RequestStatus.Completed, [20, 19, 18, 17, 12, 10]), // filed before the due date
        new(RequestType.Renew, Syte, RequestStatus.Completed, [25, 24, 22, 18, 15, 13]), // filed after the due date
        new(RequestType.Renew, VietTri, RequestStatus.Cancelled, [6, 5, 4]),
        new(RequestType.ChangeInfo, Syte, RequestStatus.Submitted, [0]),
        new(RequestType.ChangeInfo, Vpubnd, RequestStatus.Received, [6, 5]), // 2 working days overdue
        new(RequestType.ChangeInfo, VietTri, RequestStatus.AwaitingCaResult, [6, 5, 4, 3]),
        new(RequestType.ChangeInfo, Syte, RequestStatus.Completed, [15, 14, 13, 12, 8, 6]), // filed on the due date
        new(RequestType.ChangeInfo, VietTri, RequestStatus.Rejected, [8, 7, 6]),
        new(RequestType.ChangeInfo, Vpubnd, RequestStatus.Draft, []),
        new(RequestType.ChangeInfo, Syte, RequestStatus.ReturnedForSupplement, [4, 3, 2]),
        new(RequestType.ChangeInfo, VietTri, RequestStatus.Accepted, [2, 1, 1]), // 1 working day left
        new(RequestType.ChangeInfo, Vpubnd, RequestStatus.RejectedByCa, [14, 13, 12, 11, 7]),
        new(RequestType.ChangeInfo, Syte, RequestStatus.ResultReceived, [9, 8, 7, 6, 1]),
        new(RequestType.ChangeInfo, VietTri, RequestStatus.Cancelled, [3, 2, 1]),
        new(RequestType.RecoverToken, Syte, RequestStatus.Submitted, [0]),
        new(RequestType.RecoverToken, Vpubnd, RequestStatus.Received, [3, 2]), // 1 working day overdue
        new(RequestType.RecoverToken, VietTri, RequestStatus.Accepted, [1, 1, 1]), // due today
        new(RequestType.RecoverToken, Syte, RequestStatus.Completed, [6, 5, 5, 5]),
        new(RequestType.RecoverToken, Vpubnd, RequestStatus.Rejected, [4, 3, 3]),
        new(RequestType.RecoverToken, VietTri, RequestStatus.ReturnedForSupplement, [3, 2, 2]),
        new(RequestType.RecoverToken, Vpubnd, RequestStatus.Draft, []),
        new(RequestType.RecoverToken, Syte, RequestStatus.Cancelled, [2, 1, 0]),
        new(RequestType.Issue, Vpubnd, RequestStatus.Draft, []),
        new(RequestType.Issue, Syte, RequestStatus.Submitted, [1], Lines: 2),
        new(RequestType.Issue, VietTri, RequestStatus.AwaitingCaResult, [4, 3]),
        new(RequestType.Issue, Vpubnd, RequestStatus.RejectedByCa, [12, 11, 6]),
        new(RequestType.Issue, Syte, RequestStatus.ResultReceived, [9, 8, 4], Lines: 2),
        new(RequestType.Issue, Vpubnd, RequestStatus.Completed, [20, 19, 15, 12]),
        new(RequestType.Issue, Syte, RequestStatus.Cancelled, [5, 4, 3]),
        new(RequestType.Revoke, Syte, RequestStatus.Draft, []),
        new(RequestType.Revoke, VietTri, RequestStatus.Submitted, [0]),
        new(RequestType.Revoke, Syte, RequestStatus.AwaitingCaResult, [3, 2]),
        new(RequestType.Revoke, Vpubnd, RequestStatus.AwaitingTokenReturn, [12, 11, 8]), // the agency 3 working days late
        new(RequestType.Revoke, VietTri, RequestStatus.Completed, [15, 14, 11, 9]),
        new(RequestType.Revoke, Syte, RequestStatus.Completed, [18, 17, 14, 12], Variant: 1), // token lost (Mẫu 09)
        new(RequestType.Revoke, Syte, RequestStatus.RejectedByCa, [10, 9, 5]),
        new(RequestType.Revoke, Vpubnd, RequestStatus.Cancelled, [4, 3, 2]),
    ];

    private static readonly string[] People =
    [
        "Nguyễn Thị Thu Trang", "Trần Quang Huy", "Lê Minh Tuấn", "Phạm Thị Ngọc Ánh", "Hoàng Văn Lực", "Vũ Thị Hồng Nhung",
        "Đặng Quốc Khánh", "Bùi Thị Minh Phương", "Đỗ Văn Hiệp", "Ngô Thị Lan Anh", "Dương Văn Toàn", "Đinh Thị Hải Yến",
        "Hà Mạnh Cường", "Tạ Thị Bích Ngọc", "Kiều Văn Thành", "Triệu Thị Mai", "Nguyễn Hữu Đạt", "Trần Thị Thanh Hương",
        "Lê Văn Bình", "Phạm Minh Châu", "Hoàng Thị Quỳnh", "Vũ Tiến Dũng", "Đặng Thị Kim Oanh", "Bùi Xuân Trường",
    ];

    private static readonly string[] Positions = ["Chuyên viên", "Phó Trưởng phòng", "Trưởng phòng", "Kế toán", "Văn thư", "Phó Giám đốc"];

    private readonly Dictionary<string, Actor> _people = [];
    private WorkingDayCalendar _calendar = null!;
    private int _serial = 0x71A200;
    private int _token = 9001;
    private int _person;
    private int _simPki;
    private int _letter = 120;

    public async Task SeedAsync()
    {
        _calendar = new WorkingDayCalendar(CalendarSettings.Default, await db.CalendarOverrides.AsNoTracking().ToListAsync());
        string[] names = [Staff1, Staff2, Leader, Syte, VietTri, Vpubnd];
        foreach (var user in await db.Users.Where(u => names.Contains(u.UserName)).ToListAsync())
        {
            _people[user.UserName!] = new Actor(user.Id, user.FullName, nowUtc);
        }

        if (_people.Count < names.Length)
        {
            return;
        }

        var plays = new List<Play>();
        foreach (var scenario in Scenarios)
        {
            plays.Add(await PrepareAsync(scenario));
        }

        await db.SaveChangesAsync();

        // Every action of every request, in time order: receipt numbers follow the order of receipt.
        var steps = plays.SelectMany(p => p.Times.Select((at, index) => (Play: p, Index: index, At: at)))
            .OrderBy(s => s.At).ThenBy(s => s.Index).ToList();
        foreach (var (play, index, at) in steps)
        {
            await PerformAsync(play, play.Path[index], at);
        }

        // The demo users have read what reached them before the last two days; newer notifications stay unread.
        var readBefore = nowUtc.AddDays(-2);
        foreach (var notification in await db.Notifications.Where(n => n.CreatedAtUtc < readBefore).ToListAsync())
        {
            notification.MarkRead(notification.CreatedAtUtc.AddHours(1));
        }

        await db.SaveChangesAsync();
    }

    private async Task<Play> PrepareAsync(Scenario scenario)
    {
        var officer = _people[scenario.Officer];
        var agencyId = (await db.Users.SingleAsync(u => u.Id == officer.UserId)).AgencyId!.Value;
        var agency = await db.Agencies.SingleAsync(a => a.Id == agencyId);
        var path = PathTo(scenario.Type, scenario.Target);
        if (path.Count != scenario.WorkingDaysAgo.Length)
        {
            throw new InvalidOperationException($"{scenario.Type} → {scenario.Target} takes {path.Count} actions, not {scenario.WorkingDaysAgo.Length}.");
        }

        var times = Times(scenario.WorkingDaysAgo);
        var created = times.Count > 0 ? times[0].AddHours(-2) : At(2, 0).AddHours(-1);
        var setupActor = new Actor("", "Hệ thống", created.AddDays(-400));

        var request = new Request(scenario.Type, agency.Id, officer with { AtUtc = created });
        request.UpdateLetter(new RequestLetter($"{_letter++}/{LetterCode(agency)}", VietnamTime.ToDate(created),
            Signer(agency).Name, Signer(agency).Position));
        request.UpdateContact(new RequestContact(officer.DisplayName, "02519" + (4_000_000 + _letter).ToString("D7", CultureInfo.InvariantCulture),
            new DateOnly(2022, 3, 15), "Cục Cảnh sát quản lý hành chính về trật tự xã hội", "Văn thư", "09" + (81_000_000 + _letter).ToString(CultureInfo.InvariantCulture),
            scenario.Type == RequestType.RecoverToken ? null : $"vanthu@{agency.EmailDomain}",
            scenario.Type == RequestType.RecoverToken ? null : agency.Address,
            scenario.Type == RequestType.RecoverToken ? agency.Name : null));

        var subjects = new List<(Subscriber Subscriber, Certificate? Certificate, UsbToken? Token)>();
        for (var i = 0; i < scenario.Lines; i++)
        {
            subjects.Add(await NewSubjectAsync(agency, scenario.Type, setupActor));
        }

        foreach (var (subscriber, certificate, token) in subjects)
        {
            switch (scenario.Type)
            {
                case RequestType.Issue:
                    // Every third new person also asks for a SIM PKI (Mẫu 01's last column), alternating new SIM / conversion.
                    var sim = subscriber.Kind == SubscriberKind.Person && subscriber.Phone is not null && _simPki++ % 3 == 0
                        ? SimPkiRequests.Carriers[_simPki % SimPkiRequests.Carriers.Count] + (_simPki % 2 == 0 ? SimPkiRequests.ConvertSuffix : "")
                        : null;
                    request.AddIssueLine(subscriber, simPki: sim);
                    break;
                case RequestType.Renew:
                    request.AddRenewLine(subscriber, certificate!);
                    break;
                case RequestType.ChangeInfo:
                    var local = subscriber.Email.Split('@');
                    request.AddChangeInfoLine(subscriber, certificate!, ChangeInfoCase.PersonChangedOfficialEmail, subscriber.Email,
                        $"{local[0]}.{Text.Fold(agency.ShortName)}@{local[1]}");
                    break;
                case RequestType.Revoke:
                    var lost = scenario.Variant == 1;
                    request.AddRevokeLine(subscriber, certificate!, token, lost ? RevocationReason.TokenLost : RevocationReason.Retired,
                        lost ? VietnamTime.ToDate(created).AddDays(-3) : null,
                        lost ? "Thuê bao báo mất thiết bị khi đi công tác" : "Thuê bao nghỉ hưu theo chế độ");
                    break;
                case RequestType.RecoverToken:
                    request.AddRecoverTokenLine(subscriber, token!, certificate);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown request type {scenario.Type}.");
            }
        }

        db.Requests.Add(request);
        return new Play(scenario, request, path, times,
            new RequestSubjects([.. subjects.Where(s => s.Certificate is not null).Select(s => s.Certificate!)],
                [.. subjects.Where(s => s.Token is not null).Select(s => s.Token!)]));
    }

    /// <summary>One step of a demo request, through the same handler the pages call, with demo input for that step.</summary>
    private async Task PerformAsync(Play play, RequestAction action, DateTime at)
    {
        var request = play.Request;
        var agencySide = RequestActions.PerformedBy(request.Type, action) == RequestParty.Agency;
        var actor = (agencySide ? _people[play.Scenario.Officer] : StaffFor(request, action)) with { AtUtc = at };
        var today = VietnamTime.ToDate(at);
        // Letters to the Cục went through the national document exchange on the day they were recorded.
        var confirmed = new SubmitInput { Confirm = true, SentVia = CaDispatchChannel.NationalDocumentAxis, SentOn = Format.Date(today) };
        await (action switch
        {
            RequestAction.Submit => Handler<SubmitRequest>().HandleAsync(request, confirmed, actor),
            RequestAction.Resubmit => Handler<ResubmitRequest>().HandleAsync(request, confirmed, actor),
            // The demo's history predates the signed-PDF check: Sở's letters arrived on paper, and Sở records it so.
            RequestAction.Receive => Handler<ReceiveRequest>().HandleAsync(request, RequestTypes.IsProcessedByScienceDepartment(request.Type)
                ? new ReceiveInput { PaperLetter = $"công văn số {request.Letter.Number ?? "(chưa ghi số)"} nhận qua bưu chính, đã kiểm tra chữ ký và con dấu" }
                : new ReceiveInput { Note = "Sở nhận bản sao văn bản gửi Cục để theo dõi" }, actor),
            RequestAction.ReturnForSupplement => Handler<ReturnForSupplement>().HandleAsync(request, new ReturnInput
            {
                Reason = request.Type == RequestType.RecoverToken
                    ? "Đề nghị bổ sung biên bản xác nhận tình trạng thiết bị và bản chụp Căn cước của người phối hợp khôi phục."
                    : "Văn bản đề nghị chưa có chữ ký số của thủ trưởng cơ quan; đề nghị ký số và gửi lại.",
            }, actor),
            RequestAction.Accept => Handler<AcceptRequest>().HandleAsync(request, new NoteInput { Note = "Hồ sơ hợp lệ" }, actor),
            RequestAction.Reject => Handler<RejectRequest>().HandleAsync(request, new RejectInput
            {
                Reason = request.Type switch
                {
                    RequestType.RecoverToken => "Thiết bị không phải loại PKI Token do Sở hỗ trợ khôi phục; đề nghị cơ quan liên hệ Cục CTS&BMTT theo Điều 22 khoản 3 Nghị định 68/2024/NĐ-CP.",
                    RequestType.ChangeInfo => "Địa chỉ thư điện tử mới chưa được kích hoạt trên hệ thống thư điện tử công vụ của tỉnh; đề nghị cơ quan xác nhận lại trước khi đề nghị thay đổi.",
                    RequestType.Issue or RequestType.Renew or RequestType.Revoke =>
                        "Thuê bao đã chuyển công tác sang cơ quan khác; đề nghị cơ quan mới lập yêu cầu thay đổi thông tin thay cho gia hạn.",
                },
            }, actor),
            RequestAction.RecordFiledOnCaPortal => Handler<RecordFiling>().HandleAsync(request, new FilingInput
            {
                DossierCode = string.Create(CultureInfo.InvariantCulture, $"G04.{today:yyMMdd}.{request.Id % 1000:D3}"),
            }, actor),
            RequestAction.RecordCaRejection => Handler<RecordCaRejection>().HandleAsync(request, new CaRejectionInput
            {
                Reason = request.Type == RequestType.Revoke
                    ? "Cục CTS&BMTT đề nghị bổ sung văn bản xác nhận của thủ trưởng cơ quan về việc thuê bao nghỉ hưu trước khi thu hồi."
                    : "Thông tin định danh của thuê bao không khớp với Cơ sở dữ liệu quốc gia về dân cư.",
            }, actor),
            RequestAction.RecordCaResult => Handler<RecordCaResult>().HandleAsync(request, await ResultOfAsync(request, today), actor),
            RequestAction.HandOver => Handler<HandOver>().HandleAsync(request, new HandOverInput
            {
                ReceiverName = request.Contact.FullName,
                HandedOverOn = Format.Date(today),
                TokenCondition = "Thiết bị mới, còn niêm phong",
            }, actor),
            RequestAction.RecordRecovered => Handler<RecordRecovery>().HandleAsync(request,
                new NoteInput { Note = "Đã khôi phục tại Sở cùng cán bộ của cơ quan" }, actor),
            RequestAction.RecordTokenReturned => Handler<RecordTokenReturned>().HandleAsync(request, new TokenReturnInput
            {
                Lines = [.. request.Lines.Where(l => l.TokenId is not null).Select(l => new TokenReturnLine
                {
                    LineId = l.Id,
                    ReturnOutcome = play.Scenario.Variant == 1 ? TokenReturnOutcome.Lost : TokenReturnOutcome.ReturnedToCa,
                    ReturnedOn = Format.Date(today),
                    MinutesNumber = $"{_letter++}/BB-{LetterCode(null)}",
                })],
            }, actor),
            RequestAction.Cancel => Handler<CancelRequest>().HandleAsync(request, new CancelInput
            {
                Reason = request.Type == RequestType.Issue
                    ? "Cơ quan rút đề nghị để gộp vào đợt đề nghị cấp mới tháng sau."
                    : "Cơ quan rút hồ sơ do thuê bao chuyển công tác trước khi Sở xử lý.",
            }, actor),
        });
    }

    private T Handler<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <summary>What the Cục returns in the demo: new serials, tokens and expiry dates; a revocation on the day it is recorded.</summary>
    private async Task<CaResultInput> ResultOfAsync(Request request, DateOnly today)
    {
        var ids = request.Lines.Select(l => l.CertificateId).ToList();
        var certificates = await db.Certificates.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync();
        return new CaResultInput
        {
            RevokedOn = Format.Date(today),
            Lines = [.. request.Lines.Select(l => request.Type switch
            {
                RequestType.Issue => new CaResultLine
                {
                    LineId = l.Id,
                    Serial = NextSerial(),
                    NotBefore = Format.Date(today),
                    NotAfter = Format.Date(today.AddYears(RenewalPolicy.MaxInitialValidityYears).AddDays(-1)),
                    TokenSerial = $"TK{_token++:D6}",
                },
                RequestType.Renew => new CaResultLine
                {
                    LineId = l.Id,
                    Serial = NextSerial(),
                    NotAfter = Format.Date(VietnamTime.ToDate(certificates.Single(c => c.Id == l.CertificateId).NotAfterUtc)
                        .AddYears(RenewalPolicy.MaxRenewalExtensionYears)),
                },
                RequestType.ChangeInfo or RequestType.Revoke or RequestType.RecoverToken => new CaResultLine { LineId = l.Id },
            })],
        };
    }

    private async Task<(Subscriber, Certificate?, UsbToken?)> NewSubjectAsync(Agency agency, RequestType type, Actor setup)
    {
        var name = People[_person % People.Length];
        var index = _person++;
        var login = Text.Fold(name).Split(' ');
        var email = $"{login[^1]}{string.Concat(login[..^1].Select(p => p[0]))}.{index + 1:D2}@{agency.EmailDomain}";
        var subscriber = new Subscriber(agency.Id, new SubscriberDetails(SubscriberKind.Person, name, Positions[index % Positions.Length],
            "02519" + (1_000_000 + (index * 7919)).ToString("D7", CultureInfo.InvariantCulture), new DateOnly(2022, 1 + (index % 12), 10),
            "Cục Cảnh sát quản lý hành chính về trật tự xã hội", new DateOnly(1975 + (index % 20), 1 + (index % 12), 1 + (index % 27)), email,
            "09" + (12_300_000 + (index * 311)).ToString(CultureInfo.InvariantCulture), null, null, agency.Address, null));
        db.Subscribers.Add(subscriber);
        if (type == RequestType.Issue)
        {
            await db.SaveChangesAsync();
            db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Subscriber, subscriber.Id, nowUtc, "Hệ thống", "Tạo mới", note: "Dữ liệu mẫu"));
            return (subscriber, null, null);
        }

        var token = new UsbToken(agency.Id, $"TK{_token++:D6}", "Bit4id TokenME EVO v2");
        db.Tokens.Add(token);
        await db.SaveChangesAsync();
        db.TokenHandovers.Add(token.HandOver(new TokenHandoverDetails(VietnamTime.ToDate(setup.AtUtc), "Văn thư cơ quan", "Văn thư", name, null,
            subscriber.Id, "Bàn giao thiết bị cho thuê bao sau khi được cấp chứng thư số", "Thiết bị mới, niêm phong"), setup));
        if (type == RequestType.RecoverToken)
        {
            db.TimelineEvents.Add(token.ChangeStatus(TokenStatus.Locked, "Thuê bao nhập sai mã PIN quá số lần quy định", setup with { AtUtc = nowUtc.AddDays(-40) }));
        }

        var notAfter = VietnamTime.FromLocal(VietnamTime.ToDate(nowUtc).AddDays(90 + ((index * 37) % 610)).ToDateTime(new TimeOnly(16, 59, 59)));
        var certificate = new Certificate(subscriber.Id, new CertificateDetails(NextSerial(),
            $"E={email}, CN={name}, OU={agency.Name}, O=UBND tỉnh Phú Thọ, L=Phú Thọ, C=VN", CaResultRecorder.CaIssuer,
            notAfter.AddYears(-3).AddDays(1), notAfter, KeyStorageKind.PkiToken, KeyAlgorithm: "RSA 2048"), token.Id);
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync();
        db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Subscriber, subscriber.Id, nowUtc, "Hệ thống", "Tạo mới", note: "Dữ liệu mẫu"));
        db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Certificate, certificate.Id, nowUtc, "Hệ thống", "Tạo mới", note: "Dữ liệu mẫu"));
        return (subscriber, certificate, token);
    }

    private static List<RequestAction> PathTo(RequestType type, RequestStatus target)
    {
        // A demo withdrawal happens after Sở recorded the letter, not from the draft.
        if (target == RequestStatus.Cancelled)
        {
            return [.. PathTo(type, RequestTypes.IsProcessedByScienceDepartment(type) ? RequestStatus.Received : RequestStatus.AwaitingCaResult),
                RequestAction.Cancel];
        }

        // Breadth-first over the transitions table, preferring the happy path (table order) for equal lengths.
        var queue = new Queue<(RequestStatus Status, List<RequestAction> Path)>();
        queue.Enqueue((RequestStatus.Draft, []));
        var seen = new HashSet<RequestStatus> { RequestStatus.Draft };
        while (queue.Count > 0)
        {
            var (status, path) = queue.Dequeue();
            if (status == target)
            {
                return path;
            }

            foreach (var action in RequestTransitions.AvailableActions(type, status).Where(a => a != RequestAction.Resubmit))
            {
                var next = RequestTransitions.Next(type, status, action)!.Value;
                if (seen.Add(next))
                {
                    queue.Enqueue((next, [.. path, action]));
                }
            }
        }

        throw new InvalidOperationException($"{type} cannot reach {target}.");
    }

    /// <summary>Action times: the given working days ago, 08:00 then every 50 minutes; never after the seed time, always increasing.</summary>
    private List<DateTime> Times(int[] workingDaysAgo)
    {
        var times = new List<DateTime>();
        var latest = nowUtc.AddMinutes(-workingDaysAgo.Length - 1);
        for (var i = 0; i < workingDaysAgo.Length; i++)
        {
            var at = At(workingDaysAgo[i], i);
            if (at > latest.AddMinutes(i))
            {
                at = latest.AddMinutes(i);
            }

            if (times.Count > 0 && at <= times[^1])
            {
                at = times[^1].AddMinutes(5);
            }

            times.Add(at);
        }

        return times;
    }

    private DateTime At(int workingDaysAgo, int slot)
    {
        var day = VietnamTime.ToDate(nowUtc);
        while (!_calendar.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        for (var left = workingDaysAgo; left > 0;)
        {
            day = day.AddDays(-1);
            if (_calendar.IsWorkingDay(day))
            {
                left--;
            }
        }

        return VietnamTime.FromLocal(day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(50 * slot));
    }

    private Actor StaffFor(Request request, RequestAction action)
    {
        var staff = action == RequestAction.Accept && request.Id % 3 == 0 ? Leader : request.Id % 2 == 0 ? Staff1 : Staff2;
        return _people[staff];
    }

    private string NextSerial() => "5403" + (_serial++).ToString("X8", CultureInfo.InvariantCulture) + "D3A0";

    private static string LetterCode(Agency? agency) => agency is null ? "CQ" : agency.Kind == AgencyKind.CommuneCommittee ? "UBND" : agency.ShortName;

    private static (string Name, string Position) Signer(Agency agency) => agency.Kind switch
    {
        AgencyKind.CommuneCommittee => ("Nguyễn Văn Thịnh", "Chủ tịch UBND phường"),
        AgencyKind.ProvincialDepartment or AgencyKind.PublicServiceUnit or AgencyKind.Other when agency.ShortName == "VPUBND" =>
            ("Trần Đức Minh", "Chánh Văn phòng"),
        AgencyKind.ProvincialDepartment or AgencyKind.PublicServiceUnit or AgencyKind.Other => ("Lê Thị Hồng Vân", "Giám đốc"),
    };

    private sealed record Scenario(RequestType Type, string Officer, RequestStatus Target, int[] WorkingDaysAgo, int Lines = 1, int Variant = 0);

    private sealed record Play(Scenario Scenario, Request Request, List<RequestAction> Path, List<DateTime> Times, RequestSubjects Subjects);
}
