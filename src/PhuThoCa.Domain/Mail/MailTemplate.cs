using System.Text.RegularExpressions;
using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Mail;

/// <summary>
/// One version of the Vietnamese e-mail template of an event, written by an admin. Versions are kept: the newest is
/// used, older ones stay for the record. Placeholders are written <c>{{ten}}</c> (see <see cref="MailPlaceholders"/>).
/// </summary>
public sealed class MailTemplate : Entity
{
    private MailTemplate()
    {
        Subject = "";
        Body = "";
        CreatedBy = "";
    }

    public MailTemplate(MailEvent mailEvent, int version, string subject, string body, string createdBy, DateTime createdAtUtc)
    {
        var problems = MailPlaceholders.Problems(mailEvent, subject, body);
        if (problems.Count > 0)
        {
            throw new DomainRuleException(MailRules.MailTemplateInvalid, string.Join(" ", problems));
        }

        Event = mailEvent;
        Version = version;
        Subject = Text.Clean(subject);
        Body = body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        CreatedBy = createdBy;
        CreatedAtUtc = DateTime.SpecifyKind(createdAtUtc, DateTimeKind.Utc);
    }

    public MailEvent Event { get; private set; }

    public int Version { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}

/// <summary>The placeholders a template may use, the default Vietnamese templates, and the rendering.</summary>
public static partial class MailPlaceholders
{
    public const int SubjectMaxLength = 250;
    public const int BodyMaxLength = 8000;

    /// <summary>Every placeholder with what it stands for (shown to admins next to the editor).</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        ["nguoi_nhan"] = "Họ tên người nhận",
        ["co_quan"] = "Tên cơ quan",
        ["loai_yeu_cau"] = "Loại yêu cầu",
        ["so_tiep_nhan"] = "Số tiếp nhận",
        ["trang_thai"] = "Trạng thái mới",
        ["nguoi_thuc_hien"] = "Người thực hiện",
        ["ly_do"] = "Lý do hoặc ghi chú",
        ["han_xu_ly"] = "Hạn xử lý (dd/MM/yyyy)",
        ["thue_bao"] = "Tên thuê bao",
        ["so_hieu"] = "Số hiệu chứng thư số",
        ["ngay_het_han"] = "Ngày hết hạn chứng thư số",
        ["so_ngay_con_lai"] = "Số ngày còn lại",
        ["lien_ket"] = "Đường dẫn mở trên cổng",
        ["ky_bao_cao"] = "Kỳ báo cáo",
        ["han_nop"] = "Hạn nộp báo cáo (dd/MM/yyyy)",
    };

    /// <summary>The placeholders each event fills (others would stay empty).</summary>
    public static IReadOnlyList<string> For(MailEvent e) =>
        e == MailEvent.CertificateExpiring ? ["nguoi_nhan", "co_quan", "thue_bao", "so_hieu", "ngay_het_han", "so_ngay_con_lai", "ly_do", "lien_ket"]
        : e == MailEvent.AgencyReportDue ? ["nguoi_nhan", "co_quan", "ky_bao_cao", "han_nop", "ly_do", "lien_ket"]
        : ["nguoi_nhan", "co_quan", "loai_yeu_cau", "so_tiep_nhan", "trang_thai", "nguoi_thuc_hien", "ly_do", "han_xu_ly", "lien_ket"];

    /// <summary>What is wrong with a template, in Vietnamese (empty when it can be saved).</summary>
    public static IReadOnlyList<string> Problems(MailEvent e, string? subject, string? body)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(subject))
        {
            problems.Add("Tiêu đề không được để trống.");
        }
        else if (subject.Length > SubjectMaxLength)
        {
            problems.Add($"Tiêu đề dài quá {SubjectMaxLength} ký tự.");
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            problems.Add("Nội dung không được để trống.");
        }
        else if (body.Length > BodyMaxLength)
        {
            problems.Add($"Nội dung dài quá {BodyMaxLength} ký tự.");
        }

        var allowed = For(e);
        var unknown = Placeholder().Matches((subject ?? "") + " " + (body ?? "")).Select(m => m.Groups[1].Value)
            .Where(n => !allowed.Contains(n)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            problems.Add("Trường không dùng được cho sự kiện này: " + string.Join(", ", unknown.Select(n => "{{" + n + "}}")) + ".");
        }

        return problems;
    }

    /// <summary>Fills the placeholders; a value not given becomes empty.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string?> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v ?? "" : "");

    /// <summary>The template used when no admin has written one.</summary>
    public static (string Subject, string Body) Default(MailEvent e)
    {
        const string requestHead = "Kính gửi {{nguoi_nhan}},\n\n";
        const string requestTail = "\n\nCơ quan: {{co_quan}}\nSố tiếp nhận: {{so_tiep_nhan}}\nTrạng thái: {{trang_thai}} (do {{nguoi_thuc_hien}} thực hiện)\n\nXem chi tiết: {{lien_ket}}\n\nThư này do Cổng quản lý chữ ký số chuyên dùng công vụ tỉnh Phú Thọ gửi tự động; xin không trả lời thư này.";
        return e switch
        {
            MailEvent.Submitted => ("[Chữ ký số] {{co_quan}} gửi yêu cầu {{loai_yeu_cau}}",
                requestHead + "{{co_quan}} đã gửi yêu cầu {{loai_yeu_cau}} đến Sở Khoa học và Công nghệ." + requestTail),
            MailEvent.Resubmitted => ("[Chữ ký số] {{co_quan}} gửi lại yêu cầu sau bổ sung",
                requestHead + "{{co_quan}} đã bổ sung và gửi lại yêu cầu {{loai_yeu_cau}}.\nGhi chú: {{ly_do}}" + requestTail),
            MailEvent.Received => ("[Chữ ký số] Sở đã tiếp nhận yêu cầu – số {{so_tiep_nhan}}",
                requestHead + "Sở Khoa học và Công nghệ đã tiếp nhận yêu cầu {{loai_yeu_cau}}, số tiếp nhận {{so_tiep_nhan}}.\nHạn trả kết quả: chậm nhất trong ngày {{han_xu_ly}}." + requestTail),
            MailEvent.ReturnedForSupplement => ("[Chữ ký số] Yêu cầu bổ sung hồ sơ – số {{so_tiep_nhan}}",
                requestHead + "Sở Khoa học và Công nghệ đề nghị bổ sung, hoàn thiện hồ sơ yêu cầu {{loai_yeu_cau}}.\nLý do: {{ly_do}}" + requestTail),
            MailEvent.Accepted => ("[Chữ ký số] Sở đã chấp nhận yêu cầu – số {{so_tiep_nhan}}",
                requestHead + "Yêu cầu {{loai_yeu_cau}} đã được chấp nhận.\nHạn xử lý bước tiếp theo: chậm nhất trong ngày {{han_xu_ly}}." + requestTail),
            MailEvent.Rejected => ("[Chữ ký số] Sở từ chối yêu cầu – số {{so_tiep_nhan}}",
                requestHead + "Sở Khoa học và Công nghệ từ chối yêu cầu {{loai_yeu_cau}}.\nLý do: {{ly_do}}" + requestTail),
            MailEvent.FiledOnCaPortal => ("[Chữ ký số] Đã tạo hồ sơ trên Hệ thống của Cục – số {{so_tiep_nhan}}",
                requestHead + "Sở đã tạo hồ sơ yêu cầu {{loai_yeu_cau}} trên Hệ thống của Cục Chứng thực số và Bảo mật thông tin.\nGhi chú: {{ly_do}}" + requestTail),
            MailEvent.ResultRecorded => ("[Chữ ký số] Đã có kết quả yêu cầu – số {{so_tiep_nhan}}",
                requestHead + "Đã ghi nhận kết quả yêu cầu {{loai_yeu_cau}}.\nGhi chú: {{ly_do}}" + requestTail),
            MailEvent.CaRejected => ("[Chữ ký số] Cục từ chối hồ sơ – số {{so_tiep_nhan}}",
                requestHead + "Cục Chứng thực số và Bảo mật thông tin từ chối hồ sơ yêu cầu {{loai_yeu_cau}}.\nLý do: {{ly_do}}" + requestTail),
            MailEvent.HandedOver => ("[Chữ ký số] Đã bàn giao kết quả – số {{so_tiep_nhan}}",
                requestHead + "Kết quả yêu cầu {{loai_yeu_cau}} đã được bàn giao.\nGhi chú: {{ly_do}}" + requestTail),
            MailEvent.DeadlineTomorrow => ("[Chữ ký số] Yêu cầu số {{so_tiep_nhan}} đến hạn ngày {{han_xu_ly}}",
                requestHead + "Yêu cầu {{loai_yeu_cau}} của {{co_quan}} đến hạn xử lý ngày mai, {{han_xu_ly}}." + requestTail),
            MailEvent.Overdue => ("[Chữ ký số] Yêu cầu số {{so_tiep_nhan}} đã quá hạn {{han_xu_ly}}",
                requestHead + "Yêu cầu {{loai_yeu_cau}} của {{co_quan}} đã quá hạn xử lý (hạn {{han_xu_ly}})." + requestTail),
            MailEvent.AgencyReportDue => ("[Chữ ký số] Hạn gửi báo cáo {{ky_bao_cao}}: {{han_nop}}",
                "Kính gửi {{nguoi_nhan}},\n\nSở Khoa học và Công nghệ nhắc {{co_quan}} gửi báo cáo tình hình quản lý, sử dụng chữ ký số chuyên dùng công vụ {{ky_bao_cao}} (Quy chế Điều 9 khoản 6) chậm nhất ngày {{han_nop}}.\n{{ly_do}}\n\nLập và gửi báo cáo: {{lien_ket}}\n\nThư này do Cổng quản lý chữ ký số chuyên dùng công vụ tỉnh Phú Thọ gửi tự động; xin không trả lời thư này."),
            MailEvent.CertificateExpiring => ("[Chữ ký số] Chứng thư số của {{thue_bao}} hết hạn ngày {{ngay_het_han}}",
                "Kính gửi {{nguoi_nhan}},\n\nChứng thư số của {{thue_bao}} ({{co_quan}}), số hiệu {{so_hieu}}, hết hạn ngày {{ngay_het_han}} (còn {{so_ngay_con_lai}} ngày).\n{{ly_do}}\n\nXem chi tiết: {{lien_ket}}\n\nThư này do Cổng quản lý chữ ký số chuyên dùng công vụ tỉnh Phú Thọ gửi tự động; xin không trả lời thư này."),
        };
    }

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
