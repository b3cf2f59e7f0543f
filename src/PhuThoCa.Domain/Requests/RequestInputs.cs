using System.Globalization;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Tokens;

namespace PhuThoCa.Domain.Requests;

/// <summary>The request letter (công văn, ND 30/2020): "Số", date, and who signs it.</summary>
public sealed record RequestLetter(string? Number, DateOnly? Date, string? SignerName, string? SignerPosition)
{
    public static RequestLetter Empty { get; } = new(null, null, null, null);
}

/// <summary>
/// Mục 1 of the letter: người được giao tiếp nhận chứng thư/thiết bị (Mẫu 01–04), đầu mối phối hợp thu hồi (Mẫu 05, with
/// "Địa chỉ thu hồi") or người phối hợp khôi phục (Mẫu 06, with "Cơ quan, tổ chức công tác" and no e-mail or address).
/// </summary>
public sealed record RequestContact(
    string? FullName,
    string? NationalId,
    DateOnly? NationalIdIssuedOn,
    string? NationalIdIssuedBy,
    string? Position,
    string? Phone,
    string? Email,
    string? Address,
    string? Workplace)
{
    public static RequestContact Empty { get; } = new(null, null, null, null, null, null, null, null, null);
}

/// <summary>
/// The register entries the lines point to, loaded fresh by the caller, so that eligibility is checked against today's
/// state (a stale form or a double submit cannot slip through). Issue requests need none.
/// </summary>
public sealed record RequestSubjects(IReadOnlyCollection<Certificate> Certificates, IReadOnlyCollection<UsbToken> Tokens)
{
    public static RequestSubjects None { get; } = new([], []);

    public static RequestSubjects Of(params Certificate[] certificates) => new(certificates, []);

    public static RequestSubjects Of(params UsbToken[] tokens) => new([], tokens);
}

/// <summary>The Cục's result for one line of an issue request (Mẫu 01/02/03): the new certificate and its token.</summary>
public sealed record IssuedCertificate(RequestLine Line, string SerialNumber, DateTime NotBeforeUtc, DateTime NotAfterUtc, string? TokenSerial);

/// <summary>The Cục's renewal of <paramref name="Certificate"/>: the renewed certificate's details (ND 68/2024 Điều 9, 13).</summary>
public sealed record RenewedCertificate(Certificate Certificate, CertificateDetails Renewed);

/// <summary>The Cục's change of information of <paramref name="Certificate"/>: its new details, same expiry (ND 68/2024 Điều 14, 16).</summary>
public sealed record ChangedCertificate(Certificate Certificate, CertificateDetails Changed);

/// <summary>What became of a revoked certificate's token (ND 68/2024 Điều 20).</summary>
public enum TokenReturnOutcome
{
    /// <summary>Đã bàn giao cho Cục (biên bản Mẫu 08).</summary>
    ReturnedToCa = 1,

    /// <summary>Thất lạc (biên bản xác nhận Mẫu 09 gửi Cục).</summary>
    Lost = 2,
}

/// <summary>One token of a revoke request, returned to the Cục or confirmed lost on <paramref name="On"/>.</summary>
public sealed record TokenReturn(UsbToken Token, TokenReturnOutcome Outcome, DateOnly On, string? MinutesNumber = null);

public static class TokenReturnOutcomes
{
    public static string Label(TokenReturnOutcome outcome) => outcome switch
    {
        TokenReturnOutcome.ReturnedToCa => "Đã bàn giao cho Cục (Mẫu 08)",
        TokenReturnOutcome.Lost => "Thất lạc (Mẫu 09)",
    };
}

/// <summary>Số tiếp nhận (features G1.7): <c>SKHCN-2026-000123</c>, from a per-year sequence kept by the database.</summary>
public static class RequestReceiptNumber
{
    // Interpretation, see docs/adr/0007: "SKHCN" is Sở KH&CN's abbreviation (domain-spec §8 Q6 notes "SKHCCN" in the seed QĐ).
    public const string Prefix = "SKHCN";
    public const int MaxSequence = 999_999;

    public static string Format(int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{year:D4}-{sequence:D6}");
    }

    /// <summary>
    /// What a search text means as a receipt number: the whole number ("skhcn-2026-000040", any case) or its last
    /// digits ("000040", "40") as the "-000040" ending shared by every year's number with that sequence.
    /// </summary>
    public static (string? Whole, string? Ending) SearchKeys(string? text)
    {
        var cleaned = Text.Clean(text).ToUpperInvariant();
        if (cleaned.StartsWith(Prefix + "-", StringComparison.Ordinal))
        {
            return (cleaned, null);
        }

        if (cleaned.Length is >= 1 and <= 6 && cleaned.All(char.IsAsciiDigit))
        {
            return (null, "-" + cleaned.PadLeft(6, '0'));
        }

        return (null, null);
    }
}
