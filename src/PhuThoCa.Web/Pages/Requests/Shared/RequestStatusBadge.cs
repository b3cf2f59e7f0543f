using PhuThoCa.Domain.Requests;

namespace PhuThoCa.Web.Pages.Requests;

/// <summary>Colour of the status badge: blue while Sở holds the request, amber at the agency, grey at the Cục, green or red when closed.</summary>
public static class RequestStatusBadge
{
    public static string CssClass(RequestStatus status) => status switch
    {
        RequestStatus.Draft => "text-bg-light border",
        RequestStatus.Submitted or RequestStatus.Received or RequestStatus.Accepted => "text-bg-primary",
        RequestStatus.ReturnedForSupplement or RequestStatus.AwaitingTokenReturn => "text-bg-warning",
        RequestStatus.AwaitingCaResult => "text-bg-secondary",
        RequestStatus.ResultReceived => "text-bg-info",
        RequestStatus.Completed => "text-bg-success",
        RequestStatus.Rejected or RequestStatus.RejectedByCa => "text-bg-danger",
        RequestStatus.Cancelled => "text-bg-dark",
    };

    /// <summary>"Gửi Cục CTS&amp;BMTT, Sở KH&amp;CN theo dõi" (Mẫu 01–03, 05) or "Gửi Sở KH&amp;CN" (Mẫu 04, 06): QĐ-PT Điều 4–6.</summary>
    public static string RecipientShort(RequestType type) =>
        RequestTypes.IsProcessedByScienceDepartment(type) ? "Gửi Sở KH&CN" : "Gửi Cục CTS&BMTT, Sở KH&CN theo dõi";
}
