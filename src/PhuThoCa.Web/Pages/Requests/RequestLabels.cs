using System.Globalization;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Subscribers;

namespace PhuThoCa.Web.Pages.Requests;

/// <summary>
/// Vietnamese labels and Bootstrap badge classes of the request pages (officer and Sở sides alike): statuses, types with
/// their Mẫu number, and the due status of the running deadline. The wording comes from the domain where it exists.
/// </summary>
public static class RequestLabels
{
    public static string Status(RequestStatus status) => RequestStatuses.Label(status);

    /// <summary>Badge colour of a status: grey while the agency holds it, blue at Sở, teal at the Cục, green done, red refused.</summary>
    public static string StatusBadge(RequestStatus status) => status switch
    {
        RequestStatus.Draft => "text-bg-secondary",
        RequestStatus.ReturnedForSupplement => "text-bg-warning",
        RequestStatus.Submitted or RequestStatus.Received or RequestStatus.Accepted => "text-bg-primary",
        RequestStatus.AwaitingCaResult or RequestStatus.ResultReceived or RequestStatus.AwaitingTokenReturn => "text-bg-info",
        RequestStatus.Completed => "text-bg-success",
        RequestStatus.Rejected or RequestStatus.RejectedByCa => "text-bg-danger",
        RequestStatus.Cancelled => "text-bg-light border",
    };

    /// <summary>Short name of the workflow for lists and filters.</summary>
    public static string TypeShort(RequestType type) => type switch
    {
        RequestType.Issue => "Cấp mới",
        RequestType.Revoke => "Thu hồi",
        RequestType.Renew => "Gia hạn",
        RequestType.ChangeInfo => "Thay đổi thông tin",
        RequestType.RecoverToken => "Khôi phục thiết bị",
    };

    public static string Type(RequestType type) => RequestTypes.Label(type);

    /// <summary>"Mẫu số 04"; "Mẫu số 01/02/03" for an issue request without lines yet.</summary>
    public static string Form(RequestType type, SubscriberKind? issueKind = null) => RequestTypes.FormLabel(type, issueKind);

    /// <summary>Which forms a type uses, for the type picker.</summary>
    public static string Forms(RequestType type) => type switch
    {
        RequestType.Issue => "Mẫu số 01 (cá nhân), 02 (cơ quan, tổ chức), 03 (thiết bị, dịch vụ, phần mềm)",
        RequestType.Renew or RequestType.ChangeInfo or RequestType.Revoke or RequestType.RecoverToken => RequestTypes.FormLabel(type),
    };

    public static string Due(DueStatus status) => DueStatusLabels.For(status);

    /// <summary>
    /// Colour of a running deadline. The Cục's legs are expectations, not legal periods (ADR 0007): past them the row is
    /// amber, never red.
    /// </summary>
    public static string DueBadge(DueStatus status, DeadlineKind kind) => (status, kind) switch
    {
        (DueStatus.OnTime, _) => "text-bg-success",
        (DueStatus.DueToday, _) => "text-bg-warning",
        (DueStatus.Overdue, DeadlineKind.Legal) => "text-bg-danger",
        (DueStatus.Overdue, _) => "text-bg-warning",
    };

    /// <summary>"Còn 2 ngày làm việc", "Hết hạn trong hôm nay", "Quá hạn 3 ngày làm việc" (or "Quá thời hạn dự kiến …").</summary>
    public static string Remaining(int workingDaysLeft, DeadlineKind kind)
    {
        var days = Math.Abs(workingDaysLeft).ToString(CultureInfo.InvariantCulture);
        return workingDaysLeft switch
        {
            > 0 => $"Còn {days} ngày làm việc",
            0 => "Hết hạn trong hôm nay",
            _ when kind == DeadlineKind.Expected => $"Quá thời hạn dự kiến {days} ngày làm việc",
            _ => $"Quá hạn {days} ngày làm việc",
        };
    }

    /// <summary>Who must act before the due date.</summary>
    public static string Holder(DeadlineStep step) => LegalDeadlines.Holder(step) switch
    {
        DeadlineHolder.ScienceDepartment => "Sở KH&CN",
        DeadlineHolder.CaDepartment => "Cục CTS&BMTT",
        DeadlineHolder.Agency => "Cơ quan",
    };

    public static string Purpose(AttachmentPurpose purpose) => purpose switch
    {
        AttachmentPurpose.SignedLetter => "Công văn đề nghị đã ký",
        AttachmentPurpose.Supporting => "Tài liệu kèm theo",
        AttachmentPurpose.Result => "Kết quả, biên bản",
    };
}
