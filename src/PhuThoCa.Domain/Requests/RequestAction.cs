namespace PhuThoCa.Domain.Requests;

/// <summary>The business actions on a request; each is one public method of <see cref="Request"/>. Values are stored: never renumber.</summary>
public enum RequestAction
{
    /// <summary>Gửi yêu cầu (the agency signed and sent the letter).</summary>
    Submit = 1,

    /// <summary>Tiếp nhận (Sở records receipt and assigns the receipt number).</summary>
    Receive = 2,

    /// <summary>Yêu cầu bổ sung (reason required; stops the legal clock).</summary>
    ReturnForSupplement = 3,

    /// <summary>Gửi lại sau bổ sung.</summary>
    Resubmit = 4,

    /// <summary>Chấp nhận (Sở finds the request valid).</summary>
    Accept = 5,

    /// <summary>Từ chối (Sở's written refusal with reasons).</summary>
    Reject = 6,

    /// <summary>Ghi nhận đã tạo hồ sơ trên dichvucong.ca.gov.vn (QĐ-PT Điều 5.4c).</summary>
    RecordFiledOnCaPortal = 7,

    /// <summary>Ghi nhận kết quả của Cục (issued, revoked, renewed or changed certificates).</summary>
    RecordCaResult = 8,

    /// <summary>Ghi nhận Cục từ chối.</summary>
    RecordCaRejection = 9,

    /// <summary>Bàn giao chứng thư/thiết bị cho người tiếp nhận.</summary>
    HandOver = 10,

    /// <summary>Ghi nhận thiết bị đã nộp lại Cục (Mẫu 08) hoặc bị thất lạc (Mẫu 09).</summary>
    RecordTokenReturned = 11,

    /// <summary>Ghi nhận đã khôi phục thiết bị.</summary>
    RecordRecovered = 12,

    /// <summary>Hủy yêu cầu (reason required).</summary>
    Cancel = 13,
}

/// <summary>Which side performs an action. The web layer authorises by it; the domain uses it for separation of duties.</summary>
public enum RequestParty
{
    /// <summary>Cơ quan, tổ chức quản lý trực tiếp (the requesting agency).</summary>
    Agency = 1,

    /// <summary>Sở Khoa học và Công nghệ (staff).</summary>
    ScienceDepartment = 2,
}

public static class RequestActions
{
    public static IReadOnlyList<RequestAction> All { get; } = Enum.GetValues<RequestAction>();

    public static string Label(RequestAction action) => action switch
    {
        RequestAction.Submit => "Gửi yêu cầu",
        RequestAction.Receive => "Tiếp nhận",
        RequestAction.ReturnForSupplement => "Yêu cầu bổ sung",
        RequestAction.Resubmit => "Gửi lại sau bổ sung",
        RequestAction.Accept => "Chấp nhận",
        RequestAction.Reject => "Từ chối",
        RequestAction.RecordFiledOnCaPortal => "Ghi nhận đã tạo hồ sơ trên Hệ thống của Cục",
        RequestAction.RecordCaResult => "Ghi nhận kết quả của Cục",
        RequestAction.RecordCaRejection => "Ghi nhận Cục từ chối",
        RequestAction.HandOver => "Bàn giao cho người tiếp nhận",
        RequestAction.RecordTokenReturned => "Ghi nhận nộp lại thiết bị",
        RequestAction.RecordRecovered => "Ghi nhận đã khôi phục thiết bị",
        RequestAction.Cancel => "Hủy yêu cầu",
    };

    /// <summary>Reject, return for supplement, cancel and the Cục's refusal must state why (QĐ-PT Điều 5.4b, 6.3; features G2.2).</summary>
    public static bool RequiresReason(RequestAction action) =>
        action is RequestAction.Reject or RequestAction.ReturnForSupplement or RequestAction.Cancel
            or RequestAction.RecordCaRejection;

    /// <summary>
    /// Who performs <paramref name="action"/> on a request of <paramref name="type"/>. The agency files, supplements,
    /// withdraws, hands a newly issued token to its subscriber (QĐ-PT Điều 9.2) and returns revoked tokens to the Cục
    /// (ND 68/2024 Điều 20; QĐ-PT Điều 9.3). Everything else is recorded by Sở staff, who must not act on a request
    /// they filed themselves (<see cref="RequestRules.StaffCannotActOnTheirOwnRequest"/>).
    /// </summary>
    public static RequestParty PerformedBy(RequestType type, RequestAction action) => action switch
    {
        RequestAction.Submit or RequestAction.Resubmit or RequestAction.Cancel or RequestAction.RecordTokenReturned =>
            RequestParty.Agency,
        RequestAction.HandOver => type == RequestType.Issue ? RequestParty.Agency : RequestParty.ScienceDepartment,
        RequestAction.Receive or RequestAction.ReturnForSupplement or RequestAction.Accept or RequestAction.Reject
            or RequestAction.RecordFiledOnCaPortal or RequestAction.RecordCaResult or RequestAction.RecordCaRejection
            or RequestAction.RecordRecovered => RequestParty.ScienceDepartment,
    };
}
