using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Infrastructure.Auditing;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// Sign-in history (Lịch sử đăng nhập) of one account, read from the audit trail where <see cref="AuditingSignInManager"/>
/// already records every attempt (no table of its own; docs/adr/0023-user-sessions.md). Passwords and codes are never
/// recorded, only the outcome, the client address and the browser's User-Agent.
/// </summary>
public static partial class SignInHistory
{
    /// <summary>How many attempts the pages show: the most recent ones.</summary>
    public const int Limit = 50;

    /// <summary>The field of a sign-in event's changes that holds the User-Agent header.</summary>
    public const string UserAgentField = "UserAgent";

    public const string Success = "Thành công";
    public const string WrongPassword = "Sai mật khẩu";
    public const string WrongCode = "Sai mã xác thực";
    public const string Locked = "Bị khóa";
    public const string NotAllowed = "Tài khoản không được phép đăng nhập";

    public sealed record Attempt(DateTime AtUtc, string? ClientIp, string Browser, string Result, bool Succeeded);

    /// <summary>The latest <see cref="Limit"/> attempts on the account <paramref name="userId"/>, newest first.</summary>
    public static async Task<IReadOnlyList<Attempt>> LatestAsync(AppDbContext db, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        string[] actions = [AuditActions.SignIn, AuditActions.SignInFailure, AuditActions.Lockout];
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "User" && e.EntityKey == userId && actions.Contains(e.Action)
                // The password step of a two-factor sign-in is not an attempt of its own: the code step says how it ended.
                && !(e.Action == AuditActions.SignIn && e.Reason != null))
            .OrderByDescending(e => e.Id).Take(Limit)
            .Select(e => new { e.AtUtc, e.ClientIp, e.Action, e.Reason, e.Changes })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            var result = ResultOf(r.Action, r.Reason);
            var agent = AuditEntryText.Changes(r.Changes).FirstOrDefault(c => c.Field == UserAgentField)?.To;
            return new Attempt(r.AtUtc, r.ClientIp, Browser(agent), result, result == Success);
        }).ToList();
    }

    /// <summary>The Vietnamese outcome of an audited attempt (reasons as <see cref="AuditingSignInManager"/> writes them).</summary>
    public static string ResultOf(string action, string? reason) => action switch
    {
        AuditActions.SignIn => Success,
        AuditActions.Lockout => Locked,
        _ when reason is null => WrongPassword,
        _ when reason.StartsWith("Sai mã", StringComparison.Ordinal) => WrongCode,
        _ when reason.StartsWith("Sai", StringComparison.Ordinal) => WrongPassword,
        _ when reason.Contains("bị khóa", StringComparison.Ordinal) => Locked,
        _ when reason.Contains("không được phép", StringComparison.Ordinal) => NotAllowed,
        _ => reason.TrimEnd('.'),
    };

    /// <summary>A short summary of a User-Agent header: browser and major version, operating system ("Chrome 131 · Windows").</summary>
    public static string Browser(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Không rõ";
        }

        string? browser = null;
        foreach (var (token, name) in new[] { ("Edg", "Edge"), ("OPR", "Opera"), ("CocCoc", "Cốc Cốc"), ("Firefox", "Firefox"), ("Chrome", "Chrome"), ("Version", "Safari") })
        {
            var m = Regex.Match(userAgent, "\\b" + token + "/(\\d+)", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            if (m.Success && (token != "Version" || userAgent.Contains("Safari/", StringComparison.Ordinal)))
            {
                browser = $"{name} {m.Groups[1].Value}";
                break;
            }
        }

        var os = userAgent.Contains("Windows", StringComparison.Ordinal) ? "Windows"
            : userAgent.Contains("Android", StringComparison.Ordinal) ? "Android"
            : userAgent.Contains("iPhone", StringComparison.Ordinal) || userAgent.Contains("iPad", StringComparison.Ordinal) ? "iOS"
            : userAgent.Contains("Mac OS X", StringComparison.Ordinal) ? "macOS"
            : userAgent.Contains("Linux", StringComparison.Ordinal) ? "Linux"
            : null;
        if (browser is null)
        {
            var first = FirstProduct().Match(userAgent);
            browser = first.Success ? first.Value : userAgent[..Math.Min(40, userAgent.Length)];
        }

        return os is null ? browser : $"{browser} · {os}";
    }

    [GeneratedRegex(@"^[^\s/]+(/[\d.]+)?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex FirstProduct();
}
