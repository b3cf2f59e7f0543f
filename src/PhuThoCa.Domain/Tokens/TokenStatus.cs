namespace PhuThoCa.Domain.Tokens;

/// <summary>Trạng thái thiết bị lưu khóa bí mật. Changes only through <see cref="TokenTransitions"/>.</summary>
public enum TokenStatus
{
    /// <summary>Trong kho.</summary>
    InStock = 1,

    /// <summary>Đã bàn giao (in use by the subscriber).</summary>
    HandedOver = 2,

    /// <summary>Bị khóa (wrong PIN too many times, QĐ-PT Điều 6.1).</summary>
    Locked = 3,

    /// <summary>Đã khôi phục (unlocked by Sở KH&amp;CN, back in use).</summary>
    Recovered = 4,

    /// <summary>Mất (Mẫu 09).</summary>
    Lost = 5,

    /// <summary>Hỏng.</summary>
    Damaged = 6,

    /// <summary>Đã nộp lại Cục CTS&amp;BMTT (QĐ-PT Điều 9.3; Mẫu 08).</summary>
    ReturnedToCa = 7,
}

/// <summary>The one table of allowed token status changes (features G4.3).</summary>
public static class TokenTransitions
{
    private static readonly Dictionary<TokenStatus, TokenStatus[]> Allowed = new()
    {
        [TokenStatus.InStock] = [TokenStatus.HandedOver, TokenStatus.Lost, TokenStatus.Damaged, TokenStatus.ReturnedToCa],
        [TokenStatus.HandedOver] = [TokenStatus.Locked, TokenStatus.InStock, TokenStatus.Lost, TokenStatus.Damaged, TokenStatus.ReturnedToCa],
        [TokenStatus.Locked] = [TokenStatus.Recovered, TokenStatus.InStock, TokenStatus.Lost, TokenStatus.Damaged, TokenStatus.ReturnedToCa],
        [TokenStatus.Recovered] = [TokenStatus.HandedOver, TokenStatus.Locked, TokenStatus.InStock, TokenStatus.Lost, TokenStatus.Damaged, TokenStatus.ReturnedToCa],
        [TokenStatus.Damaged] = [TokenStatus.ReturnedToCa],
        [TokenStatus.Lost] = [],
        [TokenStatus.ReturnedToCa] = [],
    };

    public static IReadOnlyList<TokenStatus> AllowedFrom(TokenStatus from) => Allowed[from];

    public static bool IsAllowed(TokenStatus from, TokenStatus to) => Allowed[from].Contains(to);

    /// <summary>
    /// "Đã khôi phục" is reached only when Sở KH&amp;CN records a recovery on a Mẫu 06 request (QĐ-PT Điều 6; NĐ 68/2024
    /// Điều 22), never by editing the register.
    /// </summary>
    public static bool IsOnlyThroughRequest(TokenStatus to) => to == TokenStatus.Recovered;

    /// <summary>The statuses the register may set by hand from <paramref name="from"/>: the table without the request-only ones.</summary>
    public static IReadOnlyList<TokenStatus> ManualFrom(TokenStatus from) => [.. Allowed[from].Where(to => !IsOnlyThroughRequest(to))];

    public static string Label(TokenStatus status) => status switch
    {
        TokenStatus.InStock => "Trong kho",
        TokenStatus.HandedOver => "Đã bàn giao",
        TokenStatus.Locked => "Bị khóa",
        TokenStatus.Recovered => "Đã khôi phục",
        TokenStatus.Lost => "Mất",
        TokenStatus.Damaged => "Hỏng",
        TokenStatus.ReturnedToCa => "Đã nộp lại Cục",
    };

    /// <summary>Token is in a subscriber's hands and usable.</summary>
    public static bool IsInUse(TokenStatus status) => status is TokenStatus.HandedOver or TokenStatus.Recovered;
}
