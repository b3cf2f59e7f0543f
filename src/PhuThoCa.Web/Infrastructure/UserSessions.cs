using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// Server-side sessions of the auth cookie (Phiên đăng nhập, docs/adr/0023-user-sessions.md). Each cookie issued at
/// sign-in names a <see cref="UserSession"/> row; the cookie validation asks <see cref="IsActiveAsync"/> on every request,
/// which reads the database at most once a minute per session and node (and then also stamps "last seen"). Ending a
/// session marks its row (audited) and drops the cached answer, so the next request with that cookie is refused.
/// </summary>
public sealed class UserSessions(AppDbContext db, TimeProvider clock, IMemoryCache cache, IOptions<IdentityOptions> identity)
{
    /// <summary>Authentication property holding the session id; kept by Identity's refreshes (password change, 2FA enrolment).</summary>
    public const string SessionItem = ".ptc.session";

    /// <summary>Cookie claim with the session id, for pages ("phiên hiện tại").</summary>
    public const string SessionClaim = "phuthoca:session";

    /// <summary>How long a positive check is trusted before the database is asked again (the security-stamp validator's default too).</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    public static string? CurrentId(ClaimsPrincipal user) => user?.FindFirstValue(SessionClaim);

    /// <summary>
    /// Cookie event <c>OnSigningIn</c>: a new sign-in opens a session row; a refresh of an existing cookie keeps its
    /// session and records the new security stamp. Either way the cookie's principal carries the session claim.
    /// </summary>
    public async Task OnSigningInAsync(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        if (principal?.Identity is not ClaimsIdentity claims || userId is null)
        {
            return;
        }

        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        if (context.Properties.Items.TryGetValue(SessionItem, out var id) && !string.IsNullOrEmpty(id))
        {
            await db.UserSessions.Where(s => s.Id == id && s.UserId == userId && s.EndedUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SecurityStamp, stamp).SetProperty(x => x.LastSeenUtc, now));
        }
        else
        {
            id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            context.Properties.Items[SessionItem] = id;
            var request = context.HttpContext.Request;
            var agent = request.Headers.UserAgent.ToString();
            db.UserSessions.Add(new UserSession
            {
                Id = id,
                UserId = userId,
                StartedUtc = now,
                LastSeenUtc = now,
                ClientIp = PortalSecurity.ClientIp(context.HttpContext),
                UserAgent = string.IsNullOrWhiteSpace(agent) ? null : agent[..Math.Min(agent.Length, UserSession.MaxUserAgentLength)],
                SecurityStamp = stamp,
            });
            await db.SaveChangesAsync();
        }

        foreach (var old in claims.FindAll(SessionClaim).ToList())
        {
            claims.RemoveClaim(old);
        }

        claims.AddClaim(new Claim(SessionClaim, id));
    }

    /// <summary>Whether the cookie's session is still open; refreshes "last seen" when it asks the database.</summary>
    public async Task<bool> IsActiveAsync(string? sessionId, string? userId)
    {
        if (string.IsNullOrEmpty(sessionId) || string.IsNullOrEmpty(userId))
        {
            return false;
        }

        var key = CacheKey(sessionId);
        if (cache.TryGetValue(key, out string? owner) && owner == userId)
        {
            return true;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId && s.EndedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenUtc, now)) == 1;
        if (open)
        {
            cache.Set(key, userId, CheckInterval);
        }

        return open;
    }

    /// <summary>The user's open sessions, newest first: not ended here, issued under the current stamp, within the cookie lifetimes.</summary>
    public async Task<IReadOnlyList<UserSession>> OpenAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var seenAfter = now - PortalSecurity.SessionIdle;
        var startedAfter = now - PortalSecurity.SessionAbsolute;
        var stamp = user.SecurityStamp ?? "";
        return await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == user.Id && s.EndedUtc == null && s.SecurityStamp == stamp
                && s.LastSeenUtc > seenAfter && s.StartedUtc > startedAfter)
            .OrderByDescending(s => s.StartedUtc).ThenBy(s => s.Id)
            .ToListAsync();
    }

    /// <summary>Ends one session of <paramref name="userId"/>; false when the user has no such open session.</summary>
    public async Task<bool> EndAsync(string userId, string sessionId)
    {
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId && s.EndedUtc == null);
        if (session is null)
        {
            return false;
        }

        session.EndedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        cache.Remove(CacheKey(sessionId));
        return true;
    }

    /// <summary>Ends every open session of <paramref name="userId"/> except <paramref name="keepSessionId"/>; returns how many.</summary>
    public async Task<int> EndOthersAsync(string userId, string? keepSessionId)
    {
        var others = await db.UserSessions.Where(s => s.UserId == userId && s.EndedUtc == null && s.Id != keepSessionId).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var session in others)
        {
            session.EndedUtc = now;
        }

        await db.SaveChangesAsync();
        foreach (var session in others)
        {
            cache.Remove(CacheKey(session.Id));
        }

        return others.Count;
    }

    private static string CacheKey(string sessionId) => string.Create(CultureInfo.InvariantCulture, $"user-session:{sessionId}");
}
