using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Pages.Certificates;

namespace PhuThoCa.Web.Pages.Import;

/// <summary>
/// Certificates from a register table, or from many certificate files at once (.cer/.crt/.pem/.der/.p7b, or a .zip
/// of them) matched to their subscriber by the e-mail or the CCCD in the certificate. Each becomes a
/// <see cref="CertificateInput"/> checked by the form's validator and the <see cref="Certificate"/> aggregate,
/// matched to the register by serial number.
/// </summary>
public sealed class CertificateImporter(AppDbContext db, IValidator<CertificateInput> validator) : RegisterImporter(db)
{
    public const string SubscriberField = "Subscriber";
    public const string TokenField = "Token";

    private static readonly IReadOnlyList<ImportColumn> TemplateColumns =
    [
        new("Số hiệu chứng thư", nameof(CertificateInput.SerialNumber), true,
            "Dãy hệ thập lục phân, viết liền hoặc có dấu hai chấm, dấu cách; dùng để nhận ra chứng thư đã có khi nhập lại.", "54:03:00:71:a2:13:d3:a0"),
        new("Thuê bao (CCCD hoặc thư điện tử)", SubscriberField, true, "Số định danh cá nhân hoặc thư điện tử công vụ của thuê bao đã có trong sổ.", "nvan@viettri.phutho.gov.vn"),
        new("Chủ thể (Subject)", nameof(CertificateInput.SubjectDn), true, "", "CN=Nguyễn Văn An, O=UBND phường Việt Trì, L=Phú Thọ, C=VN"),
        new("Tổ chức cấp", nameof(CertificateInput.Issuer), false, "Để trống là CA phục vụ các cơ quan Nhà nước G2.", CertificateInput.DefaultIssuer),
        new("Hiệu lực từ", nameof(CertificateInput.NotBefore), true, "dd/MM/yyyy.", "01/12/2025"),
        new("Hiệu lực đến", nameof(CertificateInput.NotAfter), true, "dd/MM/yyyy.", "01/12/2030"),
        new("Thiết bị lưu khóa", nameof(CertificateInput.Storage), false,
            string.Join("; ", Enum.GetValues<KeyStorageKind>().Select(CertificateLabels.Storage)) + ". Để trống là USB Token PKI.", CertificateLabels.Storage(KeyStorageKind.PkiToken)),
        new("Số hiệu thiết bị", TokenField, false, "Số hiệu USB token đã có trong sổ, cùng cơ quan với thuê bao.", ""),
    ];

    private Dictionary<string, Subscriber> _byNationalId = [];
    private Dictionary<string, Subscriber> _byEmail = [];
    private Dictionary<string, Certificate> _bySerial = [];
    private Dictionary<string, UsbToken> _tokens = [];
    private HashSet<int> _subscriberAgencies = [];

    public override ImportRegister Register => ImportRegister.Certificates;

    public override IReadOnlyList<ImportColumn> Columns => TemplateColumns;

    public override (List<ImportRow> Rows, List<ImportProblem> Problems) Read(IReadOnlyList<ImportFile> files)
    {
        if (files.Count == 1 && ImportFileReader.IsTable(files[0].Name))
        {
            return base.Read(files);
        }

        if (files.Count == 0 || !files.All(f => ImportFileReader.IsCertificateFile(f.Name)))
        {
            return ([], [new ImportProblem(0, "Tệp", "—", string.Join(", ", files.Select(f => f.Name)),
                "Hãy chọn một tệp Excel/CSV theo mẫu, hoặc các tệp chứng thư .cer, .crt, .pem, .der, .p7b (có thể nén .zip).")]);
        }

        var (certificates, problems) = ImportFileReader.ReadCertificates(files);
        var rows = certificates.Select((c, i) => new ImportRow(i + 1, "Tệp " + c.Source, new Dictionary<string, string?>
        {
            [nameof(CertificateInput.SerialNumber)] = c.Certificate.SerialNumber,
            [SubscriberField] = c.Certificate.Email ?? NationalIdInUid(c.Certificate.Uid),
            [nameof(CertificateInput.SubjectDn)] = c.Certificate.SubjectDn,
            [nameof(CertificateInput.Issuer)] = c.Certificate.Issuer,
            [nameof(CertificateInput.NotBefore)] = Format.Date(c.Certificate.NotBeforeUtc),
            [nameof(CertificateInput.NotAfter)] = Format.Date(c.Certificate.NotAfterUtc),
            [nameof(CertificateInput.ThumbprintSha1)] = c.Certificate.ThumbprintSha1,
            [nameof(CertificateInput.ThumbprintSha256)] = c.Certificate.ThumbprintSha256,
            [nameof(CertificateInput.KeyAlgorithm)] = c.Certificate.KeyAlgorithm,
        })).ToList();
        return (rows, problems);
    }

    protected override async Task PrepareAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        // Only the actor's subscribers can be matched: another agency's person reads as "not found".
        var subscribers = await Db.Subscribers.IgnoreQueryFilters().Where(s => Actor.AgencyId == null || s.AgencyId == Actor.AgencyId).ToListAsync(ct);
        _byNationalId = subscribers.Where(s => s.NationalId is not null).GroupBy(s => s.NationalId!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _byEmail = subscribers.GroupBy(s => s.Email).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
        _subscriberAgencies = subscribers.Select(s => s.AgencyId).ToHashSet();
        _bySerial = await Db.Certificates.IgnoreQueryFilters().ToDictionaryAsync(c => c.SerialNumber, StringComparer.Ordinal, ct);
        _tokens = await Db.Tokens.IgnoreQueryFilters().ToDictionaryAsync(t => t.SerialNumber, StringComparer.Ordinal, ct);
    }

    protected override RowResult Stage(ImportRow row, RowCheck check)
    {
        var input = new CertificateInput
        {
            SerialNumber = row[nameof(CertificateInput.SerialNumber)],
            SubjectDn = row[nameof(CertificateInput.SubjectDn)],
            Issuer = row[nameof(CertificateInput.Issuer)] ?? CertificateInput.DefaultIssuer,
            NotBefore = row[nameof(CertificateInput.NotBefore)],
            NotAfter = row[nameof(CertificateInput.NotAfter)],
            Storage = ParseStorage(row[nameof(CertificateInput.Storage)]),
            ThumbprintSha1 = row[nameof(CertificateInput.ThumbprintSha1)],
            ThumbprintSha256 = row[nameof(CertificateInput.ThumbprintSha256)],
            KeyAlgorithm = row[nameof(CertificateInput.KeyAlgorithm)],
        };
        var subscriber = FindSubscriber(row[SubscriberField]);
        if (subscriber is null && row[SubscriberField] is string key)
        {
            check.Fail(SubscriberField, $"Không tìm thấy thuê bao có số định danh hoặc thư điện tử “{key}” trong sổ đăng ký.");
        }

        input.SubscriberId = subscriber?.Id ?? 0;
        UsbToken? token = null;
        if (row[TokenField] is string tokenSerial)
        {
            token = _tokens.GetValueOrDefault(UsbToken.NormalizeSerial(tokenSerial));
            if (token is null || (subscriber is not null && token.AgencyId != subscriber.AgencyId) || !_subscriberAgencies.Contains(token.AgencyId))
            {
                check.Fail(TokenField, "Thiết bị lưu khóa phải thuộc cùng cơ quan với thuê bao.");
            }
        }

        if (!check.Add(validator.Validate(input), p => p == nameof(CertificateInput.SubscriberId) ? SubscriberField : p) || !check.Ok)
        {
            return RowResult.Refused;
        }

        var serial = Certificate.NormalizeSerial(input.SerialNumber);
        if (!IsFirstInFile(serial, row, check, nameof(CertificateInput.SerialNumber)))
        {
            return RowResult.Refused;
        }

        try
        {
            if (!_bySerial.TryGetValue(serial, out var existing))
            {
                var certificate = new Certificate(subscriber!.Id, input.ToDetails(), token?.Id);
                _bySerial[serial] = certificate;
                return Added(TimelineSubject.Certificate, certificate);
            }

            if (existing.SubscriberId != subscriber!.Id)
            {
                check.Fail(nameof(CertificateInput.SerialNumber), $"Số hiệu chứng thư {serial} đã có trong sổ đăng ký.");
                return RowResult.Refused;
            }

            var changes = existing.Update(input.ToDetails()).ToList();
            if (token is not null && existing.TokenId != token.Id)
            {
                changes.Add(new FieldChange("Thiết bị lưu khóa", null, token.SerialNumber));
                existing.AssignToken(token.Id);
            }

            return Updated(TimelineSubject.Certificate, existing, changes);
        }
        catch (DomainRuleException e)
        {
            return check.Refuse(e, nameof(CertificateInput.SerialNumber));
        }
    }

    private Subscriber? FindSubscriber(string? key)
    {
        if (key is null)
        {
            return null;
        }

        var cleaned = Text.Clean(key);
        return NationalId.IsValid(cleaned) ? _byNationalId.GetValueOrDefault(cleaned) : _byEmail.GetValueOrDefault(cleaned.ToLowerInvariant());
    }

    /// <summary>"CCCD:025190012345" (the public CAs' UID convention, domain-spec §7) → the number.</summary>
    private static string? NationalIdInUid(string? uid)
    {
        var digits = uid is null ? "" : new string(uid.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return NationalId.IsValid(digits) ? digits : null;
    }

    private static KeyStorageKind ParseStorage(string? label) => label is null
        ? KeyStorageKind.PkiToken
        : Enum.GetValues<KeyStorageKind>().Cast<KeyStorageKind?>().FirstOrDefault(k => Text.Fold(CertificateLabels.Storage(k!.Value)) == Text.Fold(label)) ?? (KeyStorageKind)(-1);
}
