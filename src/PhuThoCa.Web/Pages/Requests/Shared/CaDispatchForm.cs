using PhuThoCa.Domain.Requests;
using PhuThoCa.Web.Requests.Filing;

namespace PhuThoCa.Web.Pages.Requests;

/// <summary>
/// The "how and when the letter went to the Cục" fields of the send form (Mẫu 01–03/05), shared by the editor and the
/// details page, and where the domain's refusals about them are shown.
/// </summary>
public sealed record CaDispatchForm(Request Request, SubmitInput Input, DateOnly Today)
{
    public bool Applies => RequestTypes.Recipient(Request.Type) == RequestRecipient.CaDepartment;

    /// <summary>What the send button does: the agency itself sends a Mẫu 01–03/05 letter to the Cục; the portal records it.</summary>
    public static string SubmitLabel(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Status == RequestStatus.ReturnedForSupplement ? "Gửi lại yêu cầu sau bổ sung tới Sở KH&CN"
            : RequestTypes.Recipient(request.Type) == RequestRecipient.CaDepartment ? "Ghi nhận đã gửi Cục và gửi bản theo dõi tới Sở KH&CN"
            : "Gửi yêu cầu tới Sở KH&CN";
    }

    /// <summary>The form field a refused dispatch rule is about (see <see cref="Infrastructure.IDomainRuleFields"/>).</summary>
    public static string? FieldFor(string rule) => rule switch
    {
        RequestRules.LetterToTheCucNeedsItsDispatch => "Submission.SentVia",
        RequestRules.DispatchDateFitsTheLetter => "Submission.SentOn",
        _ => null,
    };
}
