using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace PhuThoCa.Infrastructure.Auditing;

/// <summary>Reading entries back for people: the changes list and Vietnamese names of the entity types.</summary>
public static class AuditEntryText
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static IReadOnlyList<AuditFieldChange> Changes(string json)
    {
        try
        {
            var rows = JsonSerializer.Deserialize<List<Dictionary<string, string?>>>(json, Json) ?? [];
            return rows.Select(r => new AuditFieldChange(r.GetValueOrDefault("f") ?? "", r.GetValueOrDefault("o"), r.GetValueOrDefault("n"))).ToList();
        }
        catch (JsonException)
        {
            return [new AuditFieldChange("?", null, json)];
        }
    }

    public static string EntityLabel(string entityType) => entityType switch
    {
        "Agency" => "Cơ quan",
        "Subscriber" => "Thuê bao",
        "Certificate" => "Chứng thư số",
        "UsbToken" => "Thiết bị lưu khóa",
        "TokenHandover" => "Biên bản bàn giao",
        "Request" => "Yêu cầu",
        "RequestLine" => "Dòng yêu cầu",
        "RequestStatusChange" => "Lịch sử yêu cầu",
        "RequestAttachment" => "Tệp đính kèm",
        "GeneratedLetter" => "Văn bản",
        "TimelineEvent" => "Lịch sử hồ sơ",
        "CalendarOverride" => "Điều chỉnh lịch làm việc",
        "User" => "Người dùng",
        "Role" => "Vai trò",
        "UserToken" => "Khóa xác thực người dùng",
        "UserClaim" => "Thuộc tính người dùng",
        "UserLogin" => "Đăng nhập ngoài",
        "UserSession" => "Phiên đăng nhập",
        "ReportingRound" => "Kỳ báo cáo",
        "AgencyReport" => "Báo cáo của cơ quan gửi Sở",
        "ReportReminder" => "Nhắc hạn nộp báo cáo",
        "IssuedReport" => "Công văn báo cáo đã ban hành",
        _ => entityType,
    };
}
