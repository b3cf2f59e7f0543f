using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// Security set-up of the web host in one place (docs/security.md): security headers (NetEscapades), forwarded headers
/// from configured proxies only, rate limits, Data Protection keys in the data folder, the auth cookie with an absolute
/// lifetime, and the production configuration checks.
/// </summary>
public static class PortalSecurity
{
    /// <summary>Rate-limiter policy of sign-in, two-factor and password forms (POSTs per client IP).</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>Rate-limiter policy of anonymous endpoints (calendar API, public status page), per client IP.</summary>
    public const string AnonymousPolicy = "anonymous";

    /// <summary>Authentication property holding the absolute end of a session (UTC ticks), set once at sign-in.</summary>
    public const string AbsoluteExpiryItem = ".ptc.absolute-expiry";

    public static readonly TimeSpan SessionIdle = TimeSpan.FromHours(8);

    public static readonly TimeSpan SessionAbsolute = TimeSpan.FromHours(12);

    public static void AddPortalSecurity(this WebApplicationBuilder builder, string dataFolder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton<SecurityEvents>();
        services.AddMemoryCache();
        services.AddScoped<UserSessions>();
        services.AddSingleton(RateLimitSettings.From(configuration));
        services.AddSingleton<SignInThrottle>();

        // Keys shared by restarts and by every node on the same data folder: sessions and antiforgery tokens stay valid.
        services.AddDataProtection()
            .SetApplicationName("PhuThoCa")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys", "data-protection")));

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            // Only the proxies named in configuration are trusted (the framework's default trusts loopback).
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(p => Headers(p, frameAncestors: "'none'"))
            // The letter preview page shows the PDF in an iframe of the portal itself; only that response may be framed,
            // and only by the portal.
            .AddPolicy("same-origin-frame", p => Headers(p, frameAncestors: "'self'"))
            .SetPolicySelector(context => IsFramedPdf(context.HttpContext.Request)
                ? context.ConfiguredPolicies["same-origin-frame"]
                : context.SelectedPolicy));

        var limits = RateLimitSettings.From(configuration);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInPolicy, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("get")
                : RateLimitPartition.GetFixedWindowLimiter("ip:" + ClientIp(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.SignInPerIpPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.AddPolicy(AnonymousPolicy, context => RateLimitPartition.GetFixedWindowLimiter("ip:" + ClientIp(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.AnonymousPerIpPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalSecurity))
                    .LogWarning("Rate limit hit on {Path} from {ClientIp}", context.HttpContext.Request.Path, ClientIp(context.HttpContext));
                if (context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await Results.Problem(title: "Quá nhiều yêu cầu", detail: RequestLimits.TooManyRequestsMessage,
                        statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
                }

                // Pages: the status-code page (/NotFound?code=429) explains it in Vietnamese.
            };
        });

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "PhuThoCa.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = SessionIdle;
            options.SlidingExpiration = true;
            options.Events.OnSigningIn = async context =>
            {
                // Set once, at the first sign-in; the security-stamp refreshes keep it.
                if (!context.Properties.Items.ContainsKey(AbsoluteExpiryItem))
                {
                    var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                    context.Properties.Items[AbsoluteExpiryItem] = (now + SessionAbsolute).UtcTicks.ToString(CultureInfo.InvariantCulture);
                }

                // A new sign-in opens a server-side session (UserSessions); a refresh keeps the one it has.
                await context.HttpContext.RequestServices.GetRequiredService<UserSessions>().OnSigningInAsync(context);
            };
            options.Events.OnValidatePrincipal = async context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (!context.Properties.Items.TryGetValue(AbsoluteExpiryItem, out var value)
                    || !long.TryParse(value, CultureInfo.InvariantCulture, out var ticks) || now.UtcTicks >= ticks)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                // Every request checks the security stamp (one indexed read): a sign-out, a password change, a role change
                // or a deactivation ends the other sessions at once, and a cookie replayed after sign-out is refused.
                var services = context.HttpContext.RequestServices;
                var userId = await SecurityStampCheck.CurrentUserIdAsync(services, context.Principal, context.HttpContext.RequestAborted);
                if (userId is null)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                // The cookie's server-side session must still be open: "Đăng xuất phiên này" ends one session only.
                // Checked in the database at most once a minute per session and node (UserSessions.CheckInterval).
                var sessions = services.GetRequiredService<UserSessions>();
                context.Properties.Items.TryGetValue(UserSessions.SessionItem, out var sessionId);
                if (!await sessions.IsActiveAsync(sessionId, userId))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });

        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
    }

    public static void UsePortalSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
    }

    /// <summary>The client's address (after the trusted proxy's X-Forwarded-For), for rate limits and logs.</summary>
    public static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// Settings a production start cannot do without; each problem says what to set. Development (the README's run
    /// command) needs none of them.
    /// </summary>
    public static List<string> ProductionProblems(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = new List<string>();
        if (environment.IsDevelopment())
        {
            return problems;
        }

        var hosts = configuration["AllowedHosts"];
        if (string.IsNullOrWhiteSpace(hosts) || hosts.Trim() == "*")
        {
            problems.Add("AllowedHosts: set the portal's host names (e.g. AllowedHosts=chukyso.phutho.gov.vn), not '*'.");
        }

        if (string.IsNullOrWhiteSpace(configuration["Letters:PublicBaseUrl"]))
        {
            problems.Add("Letters:PublicBaseUrl: set the public https:// address printed in QR links (e.g. Letters__PublicBaseUrl=https://chukyso.phutho.gov.vn).");
        }

        return problems;
    }

    private static bool IsFramedPdf(HttpRequest request) =>
        request.Path.StartsWithSegments("/Letters/Pdf", StringComparison.OrdinalIgnoreCase)
        && string.Equals(request.Query["preview"], "true", StringComparison.OrdinalIgnoreCase);

    private static void Headers(Microsoft.AspNetCore.Builder.HeaderPolicyCollection policy, string frameAncestors)
    {
        policy.AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60)
            .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
            .AddPermissionsPolicyWithDefaultSecureDirectives()
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                // Scripts only from the portal's own files: no inline script, no eval, no on… attribute.
                csp.AddScriptSrc().Self();
                csp.AddScriptSrcAttr().None();
                // Bootstrap components set style attributes; styles are not an injection channel for script here.
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameSrc().Self();
                if (frameAncestors == "'self'")
                {
                    csp.AddFrameAncestors().Self();
                }
                else
                {
                    csp.AddFrameAncestors().None();
                }
            });
        if (frameAncestors == "'self'")
        {
            policy.AddFrameOptionsSameOrigin();
        }
        else
        {
            policy.AddFrameOptionsDeny();
        }
    }
}

/// <summary>Rate limits (<c>RateLimits:*</c>); the defaults are the production values.</summary>
public sealed record RateLimitSettings(int SignInPerIpPerMinute, int SignInPerAccountPer15Minutes, int AnonymousPerIpPerMinute)
{
    public static RateLimitSettings From(IConfiguration configuration) => new(
        configuration.GetValue("RateLimits:SignInPerIpPerMinute", 5),
        configuration.GetValue("RateLimits:SignInPerAccountPer15Minutes", 10),
        configuration.GetValue("RateLimits:AnonymousPerIpPerMinute", 120));
}

/// <summary>
/// Per-account throttle of sign-in attempts (the per-IP limit is the rate-limiter policy): an account under attack
/// from many addresses slows down before it reaches Identity's lockout.
/// </summary>
public sealed class SignInThrottle(RateLimitSettings settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.SignInPerAccountPer15Minutes,
            Window = TimeSpan.FromMinutes(15),
            QueueLimit = 0,
        }));

    /// <summary>Null when the attempt may go on; otherwise the wait before the next one.</summary>
    public TimeSpan? TryAttempt(string userName)
    {
        using var lease = _limiter.AttemptAcquire(userName.Trim().ToUpperInvariant());
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(15);
    }

    public void Dispose() => _limiter.Dispose();
}
