using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Domain.Mail;

/// <summary>What an e-mail is about (issue 12). Values are stored: never renumber.</summary>
public enum MailEvent
{
    Submitted = 1,
    Received = 2,
    ReturnedForSupplement = 3,
    Accepted = 4,
    Rejected = 5,
    FiledOnCaPortal = 6,
    ResultRecorded = 7,
    HandedOver = 8,
    DeadlineTomorrow = 9,
    Overdue = 10,
    CertificateExpiring = 11,
    Resubmitted = 12,
    CaRejected = 13,

    /// <summary>An agency's report to Sở (QĐ-PT Điều 9.6) is due soon and not sent.</summary>
    AgencyReportDue = 14,
}

/// <summary>The groups a user turns e-mail on or off for (each user chooses per group). Values are stored.</summary>
public enum MailEventGroup
{
    /// <summary>Moves Sở makes on the requests of the user's agency.</summary>
    AgencyRequests = 1,

    /// <summary>Requests sent to Sở, and Sở's deadlines (tomorrow, overdue).</summary>
    DepartmentWork = 2,

    /// <summary>Certificate expiry reminders.</summary>
    ExpiryReminders = 3,

    /// <summary>Reminders of the agency's reports to Sở (QĐ-PT Điều 9.6).</summary>
    AgencyReports = 4,
}

/// <summary>Labels, groups and placeholders of the e-mail events, and which request action raises which event.</summary>
public static class MailEvents
{
    public static IReadOnlyList<MailEvent> All { get; } = Enum.GetValues<MailEvent>();

    public static IReadOnlyList<MailEventGroup> Groups { get; } = Enum.GetValues<MailEventGroup>();

    public static string Label(MailEvent e) => e switch
    {
        MailEvent.Submitted => "Cơ quan gửi yêu cầu",
        MailEvent.Resubmitted => "Cơ quan gửi lại sau bổ sung",
        MailEvent.Received => "Sở tiếp nhận yêu cầu",
        MailEvent.ReturnedForSupplement => "Sở yêu cầu bổ sung hồ sơ",
        MailEvent.Accepted => "Sở chấp nhận yêu cầu",
        MailEvent.Rejected => "Sở từ chối yêu cầu",
        MailEvent.FiledOnCaPortal => "Sở đã tạo hồ sơ trên Hệ thống của Cục",
        MailEvent.ResultRecorded => "Đã ghi nhận kết quả",
        MailEvent.CaRejected => "Cục từ chối hồ sơ",
        MailEvent.HandedOver => "Đã bàn giao kết quả",
        MailEvent.DeadlineTomorrow => "Yêu cầu đến hạn xử lý ngày mai",
        MailEvent.Overdue => "Yêu cầu quá hạn xử lý",
        MailEvent.CertificateExpiring => "Chứng thư số sắp hết hạn",
        MailEvent.AgencyReportDue => "Sắp đến hạn gửi báo cáo cho Sở",
    };

    public static MailEventGroup Group(MailEvent e) => e switch
    {
        MailEvent.Submitted or MailEvent.Resubmitted or MailEvent.DeadlineTomorrow or MailEvent.Overdue => MailEventGroup.DepartmentWork,
        MailEvent.CertificateExpiring => MailEventGroup.ExpiryReminders,
        MailEvent.AgencyReportDue => MailEventGroup.AgencyReports,
        MailEvent.Received or MailEvent.ReturnedForSupplement or MailEvent.Accepted or MailEvent.Rejected or MailEvent.FiledOnCaPortal
            or MailEvent.ResultRecorded or MailEvent.HandedOver or MailEvent.CaRejected => MailEventGroup.AgencyRequests,
    };

    public static string GroupLabel(MailEventGroup g) => g switch
    {
        MailEventGroup.AgencyRequests => "Kết quả xử lý yêu cầu của cơ quan",
        MailEventGroup.DepartmentWork => "Yêu cầu gửi đến Sở và hạn xử lý",
        MailEventGroup.ExpiryReminders => "Nhắc chứng thư số sắp hết hạn",
        MailEventGroup.AgencyReports => "Nhắc hạn gửi báo cáo cho Sở",
    };

    /// <summary>The event a request status change raises, or none (a cancellation, a token returned to the Cục).</summary>
    public static MailEvent? For(RequestAction action) => action switch
    {
        RequestAction.Submit => MailEvent.Submitted,
        RequestAction.Resubmit => MailEvent.Resubmitted,
        RequestAction.Receive => MailEvent.Received,
        RequestAction.ReturnForSupplement => MailEvent.ReturnedForSupplement,
        RequestAction.Accept => MailEvent.Accepted,
        RequestAction.Reject => MailEvent.Rejected,
        RequestAction.RecordFiledOnCaPortal => MailEvent.FiledOnCaPortal,
        RequestAction.RecordCaResult or RequestAction.RecordRecovered => MailEvent.ResultRecorded,
        RequestAction.RecordCaRejection => MailEvent.CaRejected,
        RequestAction.HandOver => MailEvent.HandedOver,
        RequestAction.RecordTokenReturned or RequestAction.Cancel => null,
    };
}
