using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Requests;

/// <summary>How the agency sent its Mẫu 01–03/05 letter to Cục Chứng thực số và Bảo mật thông tin.</summary>
public enum CaDispatchChannel
{
    /// <summary>Trục liên thông văn bản quốc gia (electronic document exchange between state bodies).</summary>
    NationalDocumentAxis = 1,

    /// <summary>Dịch vụ bưu chính.</summary>
    Post = 2,

    /// <summary>Hệ thống dichvucong.ca.gov.vn of Ban Cơ yếu Chính phủ.</summary>
    CaPublicServicePortal = 3,
}

/// <summary>When and how the agency sent the letter to the Cục (recorded when the request is sent, Sở in copy).</summary>
public sealed record CaDispatch(CaDispatchChannel Channel, DateOnly SentOn);

public static class CaDispatchChannels
{
    /// <summary>QĐ-PT Điều 4 khoản 1–2: the agency writes to the Cục, Sở KH&amp;CN in copy to follow and aggregate.</summary>
    public const string LegalBasis = "Quy chế, Điều 4 khoản 1, 2";

    public static IReadOnlyList<CaDispatchChannel> All { get; } = Enum.GetValues<CaDispatchChannel>();

    public static string Label(CaDispatchChannel channel) => channel switch
    {
        CaDispatchChannel.NationalDocumentAxis => "Trục liên thông văn bản quốc gia",
        CaDispatchChannel.Post => "Bưu chính",
        CaDispatchChannel.CaPublicServicePortal => "Hệ thống dichvucong.ca.gov.vn",
    };
}

public sealed partial class Request
{
    /// <summary>How the letter went to the Cục (Mẫu 01–03/05 only); null for letters addressed to Sở.</summary>
    public CaDispatchChannel? SentToCaVia { get; private set; }

    /// <summary>The day the agency sent the letter to the Cục (Vietnam date).</summary>
    public DateOnly? SentToCaOn { get; private set; }

    /// <summary>"qua Trục liên thông văn bản quốc gia ngày 25/11/2026", or null.</summary>
    public string? CaDispatchText => SentToCaVia is { } via && SentToCaOn is { } on
        ? $"Đã gửi văn bản tới Cục CTS&BMTT qua {CaDispatchChannels.Label(via)} ngày {VietnamTime.DateText(on)}"
        : null;

    /// <summary>
    /// A letter to the Cục is recorded with when and how the agency sent it (<see cref="CaDispatchChannels.LegalBasis"/>):
    /// not before the letter's date, not after today. A letter to Sở is sent through the portal itself and has none.
    /// </summary>
    private void RecordDispatch(CaDispatch? dispatch, DateOnly today)
    {
        if (RequestTypes.Recipient(Type) != RequestRecipient.CaDepartment)
        {
            SentToCaVia = null;
            SentToCaOn = null;
            return;
        }

        if (dispatch is null || !Enum.IsDefined(dispatch.Channel))
        {
            throw new DomainRuleException(RequestRules.LetterToTheCucNeedsItsDispatch,
                "Văn bản Mẫu 01–03, 05 do cơ quan gửi trực tiếp tới Cục CTS&BMTT: vui lòng ghi hình thức gửi và ngày gửi "
                + $"({CaDispatchChannels.LegalBasis}).");
        }

        if (dispatch.SentOn > today || (Letter.Date is { } letterDate && dispatch.SentOn < letterDate))
        {
            throw new DomainRuleException(RequestRules.DispatchDateFitsTheLetter,
                "Ngày gửi văn bản tới Cục phải từ ngày văn bản"
                + (Letter.Date is { } d ? $" ({VietnamTime.DateText(d)})" : "") + " đến hôm nay.");
        }

        SentToCaVia = dispatch.Channel;
        SentToCaOn = dispatch.SentOn;
    }
}
