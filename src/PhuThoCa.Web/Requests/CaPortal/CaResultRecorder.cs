using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Requests.CaPortal;

/// <summary>The Cục's result of one line of an issue request, as typed by Sở staff (dates are Vietnam dates).</summary>
public sealed record IssuedLine(RequestLine Line, string Serial, DateOnly NotBefore, DateOnly NotAfter, string? TokenSerial);

/// <summary>The Cục's renewal of one line: the renewed certificate's serial and new expiry date.</summary>
public sealed record RenewedLine(RequestLine Line, string Serial, DateOnly NotAfter);

/// <summary>The Cục's change of information of one certificate; the serial changes only when the Cục issued a new one.</summary>
public sealed record ChangedLine(int CertificateId, string? NewSerial);

/// <summary>
/// Records the Cục's result on the request (one domain method) and brings the registers in line with it, in the same
/// unit of work (one SaveChanges by the caller): issued certificates and their tokens are added, renewed certificates get
/// their successor, changed information reaches the certificate and the subscriber, with the old values in the history
/// (docs/adr/0007, "Consequences"). New rows reference each other through EF's temporary keys, so nothing is saved twice.
/// </summary>
public sealed class CaResultRecorder(AppDbContext db)
{
    /// <summary>Issuer of the certificates of Cục CTS&amp;BMTT (ND 68/2024): the G2 CA serving state bodies.</summary>
    public const string CaIssuer = "CN=CA phục vụ các cơ quan Nhà nước G2, O=Ban Cơ yếu Chính phủ, C=VN";

    public const string IssuedTokenModel = "Thiết bị do Cục CTS&BMTT cấp";

    /// <summary>Events whose subject is saved in the same unit of work; written once the ids are known.</summary>
    public List<(Entity Subject, TimelineSubject Kind, Func<int, TimelineEvent> Create)> PendingEvents { get; } = [];

    public async Task<string> RecordIssuedAsync(Request request, IReadOnlyList<IssuedLine> lines, Actor actor, IWorkingDayDeadlines deadlines,
        CancellationToken ct)
    {
        var results = lines.Select(l => new IssuedCertificate(l.Line, l.Serial, VietnamTime.StartUtc(l.NotBefore), VietnamTime.LastSecondUtc(l.NotAfter), l.TokenSerial)).ToList();
        request.RecordCertificatesIssued(results, actor, deadlines);

        var subscriberIds = request.Lines.Select(l => l.SubscriberId).ToList();
        var subscribers = await db.Subscribers.Include(s => s.Agency).Where(s => subscriberIds.Contains(s.Id)).ToListAsync(ct);
        var tokens = new Dictionary<string, UsbToken>(StringComparer.Ordinal);
        foreach (var line in request.Lines)
        {
            var serial = line.ResultSerial!;
            if (await db.Certificates.IgnoreQueryFilters().AnyAsync(c => c.SerialNumber == serial, ct))
            {
                throw new DomainRuleException(CertificateRules.CertificateSerialIsUnique, $"Số hiệu chứng thư {serial} đã có trong sổ đăng ký.");
            }

            UsbToken? token = null;
            if (line.ResultTokenSerial is { } tokenSerial && !tokens.TryGetValue(tokenSerial, out token))
            {
                token = await db.Tokens.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.SerialNumber == tokenSerial, ct);
                if (token is null)
                {
                    token = new UsbToken(request.AgencyId, tokenSerial, IssuedTokenModel, $"Cấp kèm chứng thư theo yêu cầu {request.ReceiptNumber}");
                    db.Tokens.Add(token);
                    var created = token;
                    PendingEvents.Add((created, TimelineSubject.Token, id => new TimelineEvent(TimelineSubject.Token, id, actor.AtUtc,
                        actor.DisplayName, "Tạo mới", note: $"Cục CTS&BMTT cấp theo yêu cầu {request.ReceiptNumber}")));
                }
                else if (token.AgencyId != request.AgencyId)
                {
                    throw new DomainRuleException(TokenRules.TokenBelongsToTheRequestAgency,
                        $"Thiết bị {tokenSerial} đã có trong sổ đăng ký của cơ quan khác.");
                }

                tokens[tokenSerial] = token;
            }

            var subscriber = subscribers.Single(s => s.Id == line.SubscriberId);
            var certificate = new Certificate(subscriber.Id, new CertificateDetails(serial, SubjectOf(subscriber), CaIssuer,
                line.ResultNotBeforeUtc!.Value, line.ResultNotAfterUtc!.Value,
                token is null ? KeyStorageKind.RemoteSigning : KeyStorageKind.PkiToken));
            db.Certificates.Add(certificate);
            if (token is not null)
            {
                certificate.AssignToken(db.Entry(token).Property(t => t.Id).CurrentValue);
            }

            PendingEvents.Add((certificate, TimelineSubject.Certificate, id => new TimelineEvent(TimelineSubject.Certificate, id, actor.AtUtc,
                actor.DisplayName, "Tạo mới", note: $"Cục CTS&BMTT cấp theo yêu cầu {request.ReceiptNumber}")));
        }

        return $"Đã ghi nhận kết quả cấp {lines.Count} chứng thư số; sổ đăng ký chứng thư và thiết bị đã được cập nhật.";
    }

    public async Task<string> RecordRenewedAsync(Request request, IReadOnlyList<RenewedLine> lines, Actor actor, IWorkingDayDeadlines deadlines,
        CancellationToken ct)
    {
        var ids = lines.Select(l => l.Line.CertificateId!.Value).ToList();
        var certificates = await db.Certificates.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var today = VietnamTime.ToDate(actor.AtUtc);
        var results = new List<RenewedCertificate>();
        foreach (var l in lines)
        {
            var old = certificates.Single(c => c.Id == l.Line.CertificateId);
            var serial = Certificate.NormalizeSerial(l.Serial);
            if (await db.Certificates.IgnoreQueryFilters().AnyAsync(c => c.SerialNumber == serial, ct))
            {
                throw new DomainRuleException(CertificateRules.CertificateSerialIsUnique,
                    $"Số hiệu {serial} đã có trong sổ đăng ký: chứng thư gia hạn do Cục cấp mang số hiệu mới, vui lòng nhập số hiệu đó.");
            }

            // Mẫu 04 with both boxes ticked: the renewed certificate carries the changed information.
            results.Add(new RenewedCertificate(old, new CertificateDetails(serial, ChangedSubject(request, old), old.Issuer, VietnamTime.StartUtc(today),
                VietnamTime.LastSecondUtc(l.NotAfter), old.Storage, KeyAlgorithm: old.KeyAlgorithm)));
        }

        var successors = request.RecordCertificatesRenewed(results, actor, deadlines);
        if (request.RenewsWithAChange)
        {
            await ApplyToSubscribersAsync(request, actor, ct);
        }

        foreach (var successor in successors)
        {
            db.Certificates.Add(successor);
            var old = certificates.Single(c => c.Id == successor.PredecessorId);
            old.LinkSuccessor(db.Entry(successor).Property(c => c.Id).CurrentValue);
            db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Certificate, old.Id, actor.AtUtc, actor.DisplayName, "Gia hạn",
                CertificateLabels.Status(CertificateStatus.Valid), CertificateLabels.Status(CertificateStatus.Superseded),
                $"Cục CTS&BMTT gia hạn theo yêu cầu {request.ReceiptNumber}: chứng thư gia hạn {successor.SerialNumber}"));
            PendingEvents.Add((successor, TimelineSubject.Certificate, id => new TimelineEvent(TimelineSubject.Certificate, id, actor.AtUtc,
                actor.DisplayName, "Tạo mới", note: $"Chứng thư gia hạn của {old.SerialNumber} theo yêu cầu {request.ReceiptNumber}")));
        }

        return $"Đã ghi nhận kết quả gia hạn {successors.Count} chứng thư số; sổ đăng ký đã có chứng thư gia hạn.";
    }

    public async Task<string> RecordChangedAsync(Request request, IReadOnlyList<ChangedLine> changes, Actor actor, IWorkingDayDeadlines deadlines,
        CancellationToken ct)
    {
        var ids = changes.Select(c => c.CertificateId).ToList();
        var certificates = await db.Certificates.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var subscriberIds = request.Lines.Select(l => l.SubscriberId).Distinct().ToList();
        var subscribers = await db.Subscribers.Where(s => subscriberIds.Contains(s.Id)).ToListAsync(ct);
        var results = new List<ChangedCertificate>();
        foreach (var change in changes)
        {
            var certificate = certificates.Single(c => c.Id == change.CertificateId);
            var subject = ChangedSubject(request, certificate);

            var serial = Text.CleanOrNull(change.NewSerial) is { } typed ? Certificate.NormalizeSerial(typed) : certificate.SerialNumber;
            if (serial != certificate.SerialNumber && await db.Certificates.IgnoreQueryFilters().AnyAsync(c => c.SerialNumber == serial, ct))
            {
                throw new DomainRuleException(CertificateRules.CertificateSerialIsUnique, $"Số hiệu chứng thư {serial} đã có trong sổ đăng ký.");
            }

            results.Add(new ChangedCertificate(certificate, new CertificateDetails(serial, subject, certificate.Issuer,
                certificate.NotBeforeUtc, certificate.NotAfterUtc, certificate.Storage, certificate.ThumbprintSha1,
                certificate.ThumbprintSha256, certificate.KeyAlgorithm)));
        }

        request.RecordCertificatesChanged(results, actor, deadlines);

        foreach (var certificate in certificates)
        {
            var note = request.Lines.FirstOrDefault(l => l.CertificateId == certificate.Id)?.ResultNote;
            db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Certificate, certificate.Id, actor.AtUtc, actor.DisplayName,
                "Thay đổi thông tin", note: $"Theo yêu cầu {request.ReceiptNumber}" + (note is null ? "" : $": {note}")));
        }

        ApplyToSubscribers(request, subscribers, actor);
        return $"Đã ghi nhận kết quả thay đổi thông tin {results.Count} chứng thư số; sổ đăng ký đã được cập nhật.";
    }

    /// <summary>The certificate's subject with the request's changes of information for it applied (old → new value).</summary>
    private static string ChangedSubject(Request request, Certificate certificate)
    {
        var subject = certificate.SubjectDn;
        foreach (var line in request.Lines.Where(l => l.CertificateId == certificate.Id && l.OldValue is not null && l.NewValue is not null))
        {
            subject = subject.Replace(line.OldValue!, line.NewValue!, StringComparison.OrdinalIgnoreCase);
        }

        return subject;
    }

    private async Task ApplyToSubscribersAsync(Request request, Actor actor, CancellationToken ct)
    {
        var subscriberIds = request.Lines.Where(l => l.ChangeCase is not null).Select(l => l.SubscriberId).Distinct().ToList();
        ApplyToSubscribers(request, await db.Subscribers.Where(s => subscriberIds.Contains(s.Id)).ToListAsync(ct), actor);
    }

    /// <summary>The request's changes of information reach the subscribers' register entries, with the old values in the history.</summary>
    private void ApplyToSubscribers(Request request, IReadOnlyList<Subscriber> subscribers, Actor actor)
    {
        foreach (var subscriber in subscribers)
        {
            var details = DetailsOf(subscriber);
            foreach (var line in request.Lines.Where(l => l.SubscriberId == subscriber.Id && l.ChangeCase is not null))
            {
                details = Apply(details, line.ChangeCase!.Value, line.NewValue!);
            }

            var changed = subscriber.Update(details);
            if (changed.Count > 0)
            {
                db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Subscriber, subscriber.Id, actor.AtUtc, actor.DisplayName,
                    "Cập nhật thông tin", note: $"Thay đổi thông tin chứng thư theo yêu cầu {request.ReceiptNumber}: {FieldChange.Describe(changed)}"));
            }
        }
    }

    public async Task<string> RecordRevokedAsync(Request request, DateOnly revokedOn, Actor actor, IWorkingDayDeadlines deadlines,
        CancellationToken ct)
    {
        var ids = request.Lines.Select(l => l.CertificateId!.Value).ToList();
        var certificates = await db.Certificates.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var revokedAt = VietnamTime.ToDate(actor.AtUtc) == revokedOn ? actor.AtUtc : VietnamTime.StartUtc(revokedOn);
        request.RecordCertificatesRevoked(certificates, revokedAt, actor, deadlines);
        foreach (var certificate in certificates)
        {
            var line = request.Lines.First(l => l.CertificateId == certificate.Id);
            db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Certificate, certificate.Id, actor.AtUtc, actor.DisplayName, "Thu hồi",
                CertificateLabels.Status(CertificateStatus.Valid), CertificateLabels.Status(CertificateStatus.Revoked),
                $"Cục CTS&BMTT thu hồi theo yêu cầu {request.ReceiptNumber}: {RevocationReasons.Label(line.RevocationReason!.Value)}"));
        }

        return $"Đã ghi nhận Cục thu hồi {certificates.Count} chứng thư số; cơ quan nộp lại thiết bị cho Cục chậm nhất trong ngày {Infrastructure.Format.Date(request.DueDate)} (căn cứ: {LegalDeadlines.LegalBasis(DeadlineStep.ReturnRevokedToken)}).";
    }

    /// <summary>Writes the events of rows created in this unit of work, after the first SaveChanges gave them their ids.</summary>
    public void AddPendingEvents()
    {
        foreach (var (subject, _, create) in PendingEvents)
        {
            db.TimelineEvents.Add(create(subject.Id));
        }

        PendingEvents.Clear();
    }

    private static string SubjectOf(Subscriber subscriber) => subscriber.Kind == SubscriberKind.Person
        ? $"E={subscriber.Email}, CN={subscriber.Name}, OU={subscriber.Agency?.Name}, O=UBND tỉnh Phú Thọ, L=Phú Thọ, C=VN"
        : $"CN={subscriber.Name}, O=UBND tỉnh Phú Thọ, L=Phú Thọ, C=VN";

    private static SubscriberDetails DetailsOf(Subscriber s) => new(s.Kind, s.Name, s.Position, s.NationalId, s.NationalIdIssuedOn,
        s.NationalIdIssuedBy, s.DateOfBirth, s.Email, s.Phone, s.TaxCode, s.BudgetCode, s.Address, s.DeviceVersion);

    /// <summary>
    /// The register field each case of ND 68/2024 Điều 15 changes. A move to another agency is recorded in the subscriber
    /// register before the request (docs/adr/0007, decision 10); new features have no register field.
    /// </summary>
    private static SubscriberDetails Apply(SubscriberDetails details, ChangeInfoCase change, string newValue) => change switch
    {
        ChangeInfoCase.PersonChangedOfficialEmail => details with { Email = newValue },
        ChangeInfoCase.OrganizationRenamed or ChangeInfoCase.DeviceRenamed => details with { Name = newValue },
        ChangeInfoCase.OrganizationMoved => details with { Address = newValue },
        ChangeInfoCase.DeviceUpgraded => details with { DeviceVersion = newValue },
        ChangeInfoCase.PersonChangedAgency or ChangeInfoCase.DeviceFeaturesAdded => details,
    };
}
