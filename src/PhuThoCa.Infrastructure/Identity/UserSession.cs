namespace PhuThoCa.Infrastructure.Identity;

/// <summary>
/// One sign-in session of a user (Phiên đăng nhập, issue 13 item 6; docs/adr/0023-user-sessions.md): created when the
/// auth cookie is issued, named by a random id kept in the cookie, checked by the cookie validation so that a session
/// ended here is refused on its next request. The security stamp it was issued under tells whether a later stamp change
/// (password change, sign-out, role change, deactivation) has already ended it.
/// </summary>
public sealed class UserSession
{
    /// <summary>Random id (32 hex digits) carried in the auth cookie's properties and as a claim.</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    public DateTime StartedUtc { get; set; }

    /// <summary>Last request seen, updated at most once a minute per node (not audited).</summary>
    public DateTime LastSeenUtc { get; set; }

    public string? ClientIp { get; set; }

    /// <summary>The browser's User-Agent header, truncated to <see cref="MaxUserAgentLength"/>.</summary>
    public string? UserAgent { get; set; }

    /// <summary>The user's security stamp when the cookie was last issued; a different current stamp means the session is over.</summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>When the session was ended here (sign-out, "Đăng xuất phiên này", the other sessions after a password change).</summary>
    public DateTime? EndedUtc { get; set; }

    public const int MaxUserAgentLength = 512;
}
