using System.Globalization;
using PhuThoCa.Documents.Layout;
using PhuThoCa.Documents.Nd30;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;
using static PhuThoCa.Documents.Composers.DocumentParts;

namespace PhuThoCa.Documents.Composers;

/// <summary>Changes made on the preview page before generating: recipients and sentences. Null keeps the default.</summary>
public sealed record RequestLetterEdits
{
    /// <summary>"Kính gửi" lines.</summary>
    public IReadOnlyList<string>? Recipients { get; init; }

    /// <summary>"Nơi nhận" lines before "Lưu", without the leading "- ".</summary>
    public IReadOnlyList<string>? CopyTo { get; init; }

    /// <summary>What follows "Lưu:", e.g. "VT, VP".</summary>
    public string? Archive { get; init; }

    public string? Opening { get; init; }

    public string? Closing { get; init; }
}

/// <summary>
/// The agency's công văn Mẫu 01–06 of a request (domain-spec §3, ND 30/2020 layout through <see cref="OfficialLetterRenderer"/>).
/// Pure: no database, no clock; the caller passes the data and the day.
/// </summary>
public sealed class RequestLetterComposer(RequestLetterOptions options)
{
    private const string KeyMark = "×";

    /// <summary>"01" … "06"; throws for an issue request without lines (its form is not known yet).</summary>
    public static string FormNumberOf(Request request) =>
        request.FormNumber ?? throw new InvalidOperationException("An issue request without lines has no form yet.");

    public static string KindOf(Request request) => LetterKinds.Form(FormNumberOf(request));

    /// <summary>Trích yếu after "V/v" (domain-spec §3.2).</summary>
    public static string Subject(Request request) => FormNumberOf(request) switch
    {
        "01" => "đề nghị cấp chứng thư chữ ký số chuyên dùng công vụ cho cá nhân",
        "02" => "đề nghị cấp chứng thư chữ ký số chuyên dùng công vụ cho cơ quan, tổ chức",
        "03" => "đề nghị cấp chứng thư chữ ký số chuyên dùng công vụ cho thiết bị, dịch vụ, phần mềm",
        "04" => "đề nghị gia hạn, thay đổi nội dung thông tin chứng thư chữ ký số chuyên dùng công vụ",
        "05" => "đề nghị thu hồi chứng thư chữ ký số chuyên dùng công vụ",
        "06" => "đề nghị khôi phục thiết bị lưu khóa bí mật",
        var other => throw new InvalidOperationException($"Unknown form {other}."),
    };

    /// <summary>What is asked, as the opening sentence says it.</summary>
    public static string Action(Request request) => request.Type switch
    {
        RequestType.Issue => Subject(request)["đề nghị ".Length..],
        RequestType.Renew => request.RenewsWithAChange
            ? "gia hạn, thay đổi nội dung thông tin chứng thư chữ ký số chuyên dùng công vụ"
            : "gia hạn chứng thư chữ ký số chuyên dùng công vụ",
        RequestType.ChangeInfo => "thay đổi nội dung thông tin chứng thư chữ ký số chuyên dùng công vụ",
        RequestType.Revoke => "thu hồi chứng thư chữ ký số chuyên dùng công vụ",
        RequestType.RecoverToken => "khôi phục thiết bị lưu khóa bí mật",
    };

    public IReadOnlyList<string> DefaultRecipients(Request request) =>
        [RequestTypes.Recipient(request.Type) == RequestRecipient.ScienceDepartment ? options.ScienceDepartment : options.CaDepartment];

    /// <summary>"Như trên" and, for letters to the Cục, Sở KH&amp;CN "để biết, theo dõi, tổng hợp" (QĐ-PT Điều 4).</summary>
    public IReadOnlyList<string> DefaultCopyTo(Request request) =>
        RequestTypes.CopyRecipient(request.Type) is null ? ["Như trên"] : ["Như trên", options.ScienceDepartmentCopyLine];

    public string DefaultOpening(RequestLetterData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var recipient = RequestTypes.Recipient(data.Request.Type) == RequestRecipient.ScienceDepartment
            ? options.ScienceDepartmentShort
            : options.CaDepartmentShort;
        return Fill(options.Opening, data.Agency.Name)
            .Replace("{recipient}", recipient, StringComparison.Ordinal)
            .Replace("{action}", Action(data.Request), StringComparison.Ordinal);
    }

    public string DefaultClosing(RequestLetterData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Fill(options.Closing, data.Agency.Name);
    }

    /// <summary>
    /// The request letter (Mẫu 01–06) as the agency's công văn. A missing letter date prints <paramref name="today"/>;
    /// a missing number leaves room to write it; a missing signer prints the template's label.
    /// </summary>
    public OfficialLetter Compose(RequestLetterData data, DateOnly today, RequestLetterEdits? edits = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var request = data.Request;
        var form = FormNumberOf(request);
        var header = Header(data.Agency, request.Letter.Number, request.Letter.Date ?? today, options);
        var body = new List<LetterBlock> { new LetterParagraph(Clean(edits?.Opening) ?? DefaultOpening(data)) };
        body.AddRange(ContactSection(data, form));
        body.AddRange(ListSection(data, form));
        return new OfficialLetter(
            header,
            Subject(request),
            Lines(edits?.Recipients) ?? DefaultRecipients(request),
            body,
            Lines(edits?.CopyTo) ?? DefaultCopyTo(request),
            Clean(edits?.Archive) ?? DefaultArchive(header.Symbol),
            Signer(request.Letter.SignerPosition, request.Letter.SignerName))
        {
            Closing = Clean(edits?.Closing) ?? DefaultClosing(data),
        };
    }

    // ------------------------------------------------------------------------------------------------------------
    // Sections and tables.

    private static IEnumerable<LetterBlock> ContactSection(RequestLetterData data, string form)
    {
        var c = data.Request.Contact;
        var title = form switch
        {
            "01" => "1. Thông tin người tiếp nhận chứng thư chữ ký số (thiết bị lưu khóa bí mật)",
            "02" or "03" => "1. Thông tin người tiếp nhận thiết bị lưu khóa bí mật",
            "04" => "1. Thông tin người tiếp nhận chứng thư chữ ký số",
            "05" => "1. Thông tin đầu mối phối hợp thu hồi thiết bị lưu khóa bí mật",
            _ => "1. Thông tin người phối hợp thực hiện khôi phục thiết bị lưu khóa bí mật",
        };
        yield return new LetterSectionHeading(title);
        yield return new LetterParagraph([new LetterSpan("- Họ và tên: "), new LetterSpan(Or(c.FullName), Bold: c.FullName is not null)]);
        yield return new LetterParagraph($"- Số định danh cá nhân: {Or(c.NationalId)}; ngày cấp: {Or(c.NationalIdIssuedOn)}; "
            + $"nơi cấp: {Or(c.NationalIdIssuedBy)}.");
        yield return new LetterParagraph($"- Chức vụ: {Or(c.Position)}.");
        if (form == "06")
        {
            yield return new LetterParagraph($"- Cơ quan, tổ chức công tác: {c.Workplace ?? data.Agency.Name}.");
            yield return new LetterParagraph($"- Số điện thoại di động: {Or(c.Phone)}.");
            yield break;
        }

        yield return new LetterParagraph($"- Số điện thoại di động: {Or(c.Phone)}.");
        yield return new LetterParagraph($"- Địa chỉ thư điện tử công vụ: {Or(c.Email)}.");
        var address = c.Address ?? data.Agency.Address;
        yield return new LetterParagraph(form == "05" ? $"- Địa chỉ thu hồi: {address}." : $"- Địa chỉ tiếp nhận: {address}.");
    }

    private IEnumerable<LetterBlock> ListSection(RequestLetterData data, string form)
    {
        var count = data.Request.Lines.Count.ToString("00", CultureInfo.InvariantCulture);
        yield return new LetterSectionHeading(form switch
        {
            "01" or "02" or "03" => $"2. Số lượng và danh sách đăng ký: {count} chứng thư chữ ký số, gồm:",
            "04" => $"2. Số lượng và danh sách chứng thư chữ ký số đề nghị gia hạn, thay đổi nội dung thông tin: {count}, gồm:",
            "05" => $"2. Số lượng và danh sách thu hồi: {count} chứng thư chữ ký số, gồm:",
            _ => "2. Thông tin thiết bị lưu khóa bí mật cần khôi phục:",
        });
        yield return form switch
        {
            "01" => Form01Table(data),
            "02" => Form02Table(data),
            "03" => Form03Table(data),
            "04" => Form04Table(data),
            "05" => Form05Table(data),
            _ => Form06Table(data),
        };
    }

    private LetterTable Form01Table(RequestLetterData data)
    {
        LetterTableColumn[] columns =
        [
            // 11 columns on a portrait page at 9 pt: dates, 12-digit ids and phone numbers just fit on one line.
            // SIM PKI is wide enough for "Vinaphone/" (a conversion wraps after the slash); the old serial wraps anyway.
            Index(0.7f),
            new("Họ và tên", 1.25f),
            new("Ngày sinh", 1.5f) { Alignment = TextAlignment.Center },
            new("Số định danh cá nhân/Ngày cấp, nơi cấp", 1.76f) { Alignment = TextAlignment.Center },
            new("Địa chỉ thư điện tử công vụ", 1.25f),
            new("Tên cơ quan, tổ chức công tác", 1.2f),
            new("Tỉnh/ Thành phố", 0.95f) { Alignment = TextAlignment.Center },
            new("Chức vụ", 1.0f),
            new("Số điện thoại di động", 1.5f) { Alignment = TextAlignment.Center },
            new("Số hiệu chứng thư chữ ký số cũ (nếu có)", 1.1f) { Alignment = TextAlignment.Center },
            new("SIM PKI", 1.41f) { Alignment = TextAlignment.Center },
        ];
        var rows = data.Request.Lines.Select((line, i) =>
        {
            var s = SubscriberOf(data, line);
            return (IReadOnlyList<string>)
            [
                No(i), s?.Name ?? line.SubscriberName, Or(s?.DateOfBirth), Identity(s), s?.Email ?? "", data.Agency.Name,
                options.Province, s?.Position ?? "", s?.Phone ?? "", line.PreviousCertificateSerial ?? "", line.SimPki ?? "",
            ];
        }).ToList();
        return new LetterTable(columns, rows) { FontSize = 9f };
    }

    private LetterTable Form02Table(RequestLetterData data)
    {
        LetterTableColumn[] columns =
        [
            Index(0.6f),
            new("Tên cơ quan, tổ chức", 1.9f),
            new("Địa chỉ", 1.6f),
            new("Mã số thuế", 1.3f) { Alignment = TextAlignment.Center },
            new("Mã quan hệ ngân sách", 1.1f) { Alignment = TextAlignment.Center },
            new("Tỉnh/ Thành phố", 0.95f) { Alignment = TextAlignment.Center },
            new("Địa chỉ thư điện tử công vụ", 1.8f),
        ];
        var rows = data.Request.Lines.Select((line, i) =>
        {
            var s = SubscriberOf(data, line);
            return (IReadOnlyList<string>)
            [
                No(i), s?.Name ?? line.SubscriberName, s?.Address ?? data.Agency.Address, s?.TaxCode ?? "", s?.BudgetCode ?? "",
                options.Province, s?.Email ?? "",
            ];
        }).ToList();
        return new LetterTable(columns, rows) { FontSize = 11f };
    }

    private LetterTable Form03Table(RequestLetterData data)
    {
        var configured = options.EffectiveForm03Columns;
        var columns = new List<LetterTableColumn> { Index(0.6f) };
        columns.AddRange(configured.Select(c => new LetterTableColumn(c.Header, c.Weight > 0 ? c.Weight : 1f)
        {
            Alignment = c.Field is Form03Field.TaxCode or Form03Field.BudgetCode or Form03Field.Province or Form03Field.Phone
                ? TextAlignment.Center
                : TextAlignment.Left,
        }));
        var rows = data.Request.Lines.Select((line, i) =>
        {
            var s = SubscriberOf(data, line);
            var row = new List<string> { No(i) };
            row.AddRange(configured.Select(c => c.Field switch
            {
                Form03Field.Name => s?.Name ?? line.SubscriberName,
                Form03Field.VersionOrAddress => s?.DeviceVersion ?? "",
                Form03Field.AgencyName => data.Agency.Name,
                Form03Field.TaxCode => s?.TaxCode ?? "",
                Form03Field.BudgetCode => s?.BudgetCode ?? "",
                Form03Field.Province => options.Province,
                Form03Field.Email => s?.Email ?? "",
                Form03Field.Address => s?.Address ?? data.Agency.Address,
                Form03Field.Phone => s?.Phone ?? "",
                Form03Field.PreviousCertificateSerial => line.PreviousCertificateSerial ?? "",
                _ => "",
            }));
            return (IReadOnlyList<string>)row;
        }).ToList();
        return new LetterTable(columns, rows) { FontSize = configured.Count > 7 ? 9.5f : 10f };
    }

    private static LetterTable Form04Table(RequestLetterData data)
    {
        const string service = "Dịch vụ yêu cầu";
        LetterTableColumn[] columns =
        [
            Index(0.62f),
            new("Tên chứng thư chữ ký số", 1.45f),
            new("Số hiệu chứng thư (SIM PKI: ghi thêm số điện thoại ký số)", 1.9f) { Alignment = TextAlignment.Center },
            new("Địa chỉ thư điện tử công vụ", 1.7f),
            new("Thông tin cần thay đổi", 1.35f),
            new("Thông tin mới", 1.35f),
            new("Gia hạn", 0.75f) { Group = service, Alignment = TextAlignment.Center },
            new("TĐTT", 0.75f) { Group = service, Alignment = TextAlignment.Center },
        ];
        var renew = data.Request.Type == RequestType.Renew;
        var rows = data.Request.Lines.Select((line, i) =>
        {
            var s = SubscriberOf(data, line);
            var certificate = data.Certificates.FirstOrDefault(c => c.Id == line.CertificateId);
            var serial = line.CertificateSerial ?? certificate?.SerialNumber ?? "";
            if (certificate?.Storage == KeyStorageKind.SimPki && s?.Phone is { } phone)
            {
                serial += $"\n(SĐT ký số: {phone})";
            }

            var field = line.ChangeCase is { } change ? $"{ChangeInfoCases.Field(change)}: {line.OldValue}" : "";
            return (IReadOnlyList<string>)
            [
                No(i), s?.Name ?? line.SubscriberName, serial, s?.Email ?? "", field, line.NewValue ?? "",
                renew ? KeyMark : "", line.ChangeCase is null ? "" : KeyMark,
            ];
        }).ToList();
        return new LetterTable(columns, rows) { FontSize = 10.5f };
    }

    private static LetterTable Form05Table(RequestLetterData data)
    {
        LetterTableColumn[] columns =
        [
            Index(0.65f),
            new("Tên chứng thư chữ ký số", 1.3f),
            new("Số định danh cá nhân/Ngày cấp, nơi cấp (nếu thu hồi của cá nhân)", 1.6f) { Alignment = TextAlignment.Center },
            new("Mã số thuế (nếu thu hồi của cơ quan)", 1.1f) { Alignment = TextAlignment.Center },
            new("Mã quan hệ ngân sách (nếu thu hồi của cơ quan)", 1.1f) { Alignment = TextAlignment.Center },
            new("Địa chỉ thư điện tử công vụ", 1.6f),
            new("Số hiệu chứng thư chữ ký số", 1.45f) { Alignment = TextAlignment.Center },
            new("Số hiệu thiết bị lưu khóa bí mật", 1.15f) { Alignment = TextAlignment.Center },
            new("Lý do thu hồi", 1.5f),
        ];
        var rows = data.Request.Lines.Select((line, i) =>
        {
            var s = SubscriberOf(data, line);
            var person = (s?.Kind ?? line.SubscriberKind) == SubscriberKind.Person;
            return (IReadOnlyList<string>)
            [
                No(i), s?.Name ?? line.SubscriberName, person ? Identity(s) : "", person ? "" : s?.TaxCode ?? "",
                person ? "" : s?.BudgetCode ?? "", s?.Email ?? "", line.CertificateSerial ?? "", line.TokenSerial ?? "",
                RevocationText(line),
            ];
        }).ToList();
        return new LetterTable(columns, rows) { FontSize = 9.5f };
    }

    private static LetterTable Form06Table(RequestLetterData data)
    {
        const string subscriber = "Thông tin của thuê bao";
        LetterTableColumn[] columns =
        [
            Index(0.6f),
            new("Số hiệu thiết bị lưu khóa bí mật", 1.6f) { Alignment = TextAlignment.Center },
            new("Tên chứng thư chữ ký số", 1.8f) { Group = subscriber },
            new("Cơ quan, tổ chức công tác", 1.9f) { Group = subscriber },
            new("Địa chỉ thư điện tử công vụ", 2.1f) { Group = subscriber },
        ];
        var rows = data.Request.Lines.Select((line, i) =>
        {
            var s = SubscriberOf(data, line);
            return (IReadOnlyList<string>)[No(i), line.TokenSerial ?? "", s?.Name ?? line.SubscriberName, data.Agency.Name, s?.Email ?? ""];
        }).ToList();
        return new LetterTable(columns, rows);
    }

    private static string RevocationText(RequestLine line)
    {
        if (line.RevocationReason is not { } reason)
        {
            return "";
        }

        var text = RevocationReasons.Label(reason);
        if (line.InvalidityDate is { } since)
        {
            text += $" (từ ngày {Date(since)})";
        }

        return line.RevocationDetail is { } detail ? $"{text}: {detail}" : text;
    }

    private static Subscriber? SubscriberOf(RequestLetterData data, RequestLine line) =>
        data.Subscribers.FirstOrDefault(s => s.Id == line.SubscriberId);

    /// <summary>"025186004321" over "12/08/2021, Bộ Công an".</summary>
    private static string Identity(Subscriber? s)
    {
        if (s?.NationalId is null)
        {
            return "";
        }

        var issued = string.Join(", ", new[] { s.NationalIdIssuedOn is { } on ? Date(on) : null, s.NationalIdIssuedBy }.OfType<string>());
        return issued.Length == 0 ? s.NationalId : $"{s.NationalId}\n{issued}";
    }

    private static List<string>? Lines(IReadOnlyList<string>? lines)
    {
        var cleaned = lines?.Select(Clean).OfType<string>().ToList();
        return cleaned is { Count: > 0 } ? cleaned : null;
    }
}
