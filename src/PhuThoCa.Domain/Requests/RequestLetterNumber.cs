using System.Globalization;
using PhuThoCa.Domain.Common;

namespace PhuThoCa.Domain.Requests;

/// <summary>The letter number of another request the same agency has already sent (for the duplicate check).</summary>
public sealed record SentLetterNumber(int RequestId, string? ReceiptNumber, string Number, DateOnly? Date);

/// <summary>
/// Letter numbers (số văn bản) under Nghị định 30/2020/NĐ-CP Điều 15 khoản 1: an agency numbers its documents in one
/// sequence per calendar year, so one number of one agency names one letter in a year. Numbers are compared the way a
/// văn thư reads them: case, spaces and leading zeros of the sequence ("01/UBND-VP" is "1/UBND-VP") do not matter.
/// </summary>
public static class LetterNumbers
{
    public const string LegalBasis = "Nghị định số 30/2020/NĐ-CP, Điều 15 khoản 1";

    public static string Key(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var compact = string.Concat(number.Where(c => !char.IsWhiteSpace(c))).ToUpper(CultureInfo.InvariantCulture);
        var slash = compact.IndexOf('/', StringComparison.Ordinal);
        var sequence = slash < 0 ? compact : compact[..slash];
        var rest = slash < 0 ? "" : compact[slash..];
        var trimmed = sequence.TrimStart('0');
        return (trimmed.Length == 0 && sequence.Length > 0 ? "0" : trimmed) + rest;
    }
}

public sealed partial class Request
{
    /// <summary>
    /// Refuses to send this request's letter under a number the agency already used for another letter of the same year
    /// (<see cref="LetterNumbers.LegalBasis"/>); the message names the other request. <paramref name="sentThisYear"/>
    /// holds the agency's other requests that were sent with a letter dated in the same year.
    /// </summary>
    public void EnsureLetterNumberIsFree(IEnumerable<SentLetterNumber> sentThisYear)
    {
        ArgumentNullException.ThrowIfNull(sentThisYear);
        if (Letter.Number is null || Letter.Date is null)
        {
            return; // The submission itself refuses a letter without number or date.
        }

        var key = LetterNumbers.Key(Letter.Number);
        var other = sentThisYear.FirstOrDefault(s => s.RequestId != Id && s.Date?.Year == Letter.Date.Value.Year
                                                     && LetterNumbers.Key(s.Number) == key);
        if (other is not null)
        {
            var name = other.ReceiptNumber ?? $"#{other.RequestId}";
            var date = other.Date is { } d ? " ngày " + VietnamTime.DateText(d) : "";
            throw new DomainRuleException(RequestRules.LetterNumberAlreadyUsed,
                $"Số văn bản {Letter.Number} đã được dùng cho văn bản{date} của yêu cầu {name}. Mỗi số văn bản của cơ quan "
                + $"chỉ dùng cho một văn bản trong năm ({LetterNumbers.LegalBasis}); vui lòng kiểm tra lại số văn bản.");
        }
    }
}
