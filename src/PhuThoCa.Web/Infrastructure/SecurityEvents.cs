using System.Security.Claims;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// Security-relevant events (sign-in lockout, admin unlock, a password set by an administrator, forced password change,
/// two-factor enrolment and reset, a stored file failing its integrity check). Today they go to the log with who did
/// it and from where; <see cref="Record"/> is the one seam the system audit trail hooks into.
/// </summary>
public sealed class SecurityEvents(IHttpContextAccessor http, ILogger<SecurityEvents> logger)
{
    /// <summary>Records <paramref name="action"/> (an English event name) on <paramref name="subject"/> (a user name, file key…).</summary>
    public void Record(string action, string? subject, string? detail = null)
    {
        var context = http.HttpContext;
        var actor = context?.User.FindFirstValue(ClaimTypes.Name) ?? "(anonymous)";
        var ip = context?.Connection.RemoteIpAddress?.ToString();
        logger.LogWarning("Security event {SecurityAction} on {SecuritySubject} by {Actor} from {ClientIp}: {Detail}",
            action, subject, actor, ip, detail);
    }
}
