using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Tests.Support;

/// <summary>
/// The real portal over a real SQLite file in a fresh temporary data folder, migrated and seeded with the demo data,
/// with a fake clock fixed at <see cref="DefaultNow"/> (Vietnam time).
/// </summary>
public partial class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "PhuTho@2026";

    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Letters:PublicBaseUrl, the only host a QR link may print (never the request's Host header).</summary>
    public const string PublicBaseUrl = "https://chukyso.phutho.gov.vn";

    public FakeTimeProvider Clock { get; } = new(DefaultNow);

    public string DataFolder { get; init; } = Path.Combine(Path.GetTempPath(), "phuthoca-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(DataFolder, "portal.db");

    /// <summary>The setting "Signatures:RequireVerifiedLetter" (issue 16); off unless a test's factory turns it on.</summary>
    protected virtual bool RequireVerifiedLetter => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataFolder);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        builder.UseSetting("Data:Folder", DataFolder);
        builder.UseSetting("Seed:DemoData", "true");
        builder.UseSetting("Letters:PublicBaseUrl", PublicBaseUrl);
        // Tests sign in hundreds of times from one address; RateLimitTests set the production limits.
        builder.UseSetting("RateLimits:SignInPerIpPerMinute", "100000");
        builder.UseSetting("RateLimits:SignInPerAccountPer15Minutes", "100000");
        builder.UseSetting("RateLimits:AnonymousPerIpPerMinute", "100000");
        // Receiving Mẫu 04/06 needs a verified signed letter by default; the signature tests switch it back on.
        builder.UseSetting("Signatures:RequireVerifiedLetter", RequireVerifiedLetter ? "true" : "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, LoopbackClientFilter>();
        });
    }

    /// <summary>Starts the host once (migrations and seeding) before any test asks for a client.</summary>
    public ValueTask InitializeAsync()
    {
        StartServer();
        return ValueTask.CompletedTask;
    }

    /// <summary>Creates a user with the demo password, for tests that must not disturb the shared demo logins.</summary>
    public async Task<string> CreateUserAsync(string role, int? agencyId = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PhuThoCa.Infrastructure.Identity.AppUser>>();
        var userName = "test." + Guid.NewGuid().ToString("N")[..10];
        var user = new PhuThoCa.Infrastructure.Identity.AppUser { UserName = userName, FullName = "Người Kiểm Thử", AgencyId = agencyId };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        if (PhuThoCa.Web.Infrastructure.AccountRules.TwoFactorRequiredRoles.Contains(role))
        {
            await PhuThoCa.Web.Seeding.DemoData.EnrolAuthenticatorAsync(users, user, OtpNet.Base32Encoding.ToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)));
        }

        return userName;
    }

    /// <summary>A new DbContext with province-wide scope, for arranging and asserting.</summary>
    public AppDbContext CreateDbContext() => CreateDbContext(UnrestrictedScope.Instance);

    /// <summary>A new DbContext over the portal's database under <paramref name="scope"/> (one agency's, as an officer has).</summary>
    public AppDbContext CreateDbContext(IAgencyScope scope)
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={DatabasePath}");
        return AppDbContext.Create(options.Options, scope);
    }

    /// <summary>An anonymous client that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateAnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in through the real login form, and the authenticator step when the user has one.</summary>
    public async Task<HttpClient> CreateClientAsync(string userName, CancellationToken ct = default)
    {
        var client = CreateAnonymousClient();
        await SignInAsync(client, Services, userName, Password, ct);
        return client;
    }

    /// <summary>
    /// Signs <paramref name="client"/> in through the login form of the portal whose services are
    /// <paramref name="services"/>, answering the authenticator step with the code of the user's stored key.
    /// </summary>
    public static async Task SignInAsync(HttpClient client, IServiceProvider services, string userName, string password = Password,
        CancellationToken ct = default)
    {
        var response = await PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }, ct: ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login as {userName} failed: {(int)response.StatusCode}");
        }

        if (response.Headers.Location?.OriginalString.Contains("LoginWith2fa", StringComparison.OrdinalIgnoreCase) == true)
        {
            response = await PostFormAsync(client, response.Headers.Location.OriginalString, new Dictionary<string, string>
            {
                ["Input.Code"] = Totp(await AuthenticatorKeyAsync(services, userName)),
            }, ct: ct);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("/Account/", StringComparison.Ordinal) == true)
            {
                throw new InvalidOperationException($"Two-factor step as {userName} failed: {(int)response.StatusCode}");
            }
        }
    }

    /// <summary>The user's authenticator key as Identity stores it.</summary>
    public Task<string> AuthenticatorKeyAsync(string userName) => AuthenticatorKeyAsync(Services, userName);

    public static async Task<string> AuthenticatorKeyAsync(IServiceProvider services, string userName)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PhuThoCa.Infrastructure.Identity.AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}.");
        return await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{userName} has no authenticator key.");
    }

    /// <summary>The code an authenticator app shows now for the user (RFC 6238: SHA-1, 6 digits, 30 s).</summary>
    public async Task<string> CurrentTotpAsync(string userName) => Totp(await AuthenticatorKeyAsync(userName));

    public static string Totp(string base32Key) => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(base32Key)).ComputeTotp(DateTime.UtcNow);

    /// <summary>GETs the page to take its antiforgery token, then POSTs the form fields with it.</summary>
    /// <summary>
    /// Stores (issues) a version of the request's letter through the explicit POST of /Letters/Preview (a GET never
    /// stores one); asserts the redirect that confirms it.
    /// </summary>
    public static async Task IssueLetterAsync(HttpClient client, int requestId, CancellationToken ct = default)
    {
        var response = await PostFormAsync(client, $"/Letters/Preview/{requestId}?handler=Generate", new Dictionary<string, string>(),
            $"/Letters/Preview/{requestId}", ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Storing the letter of request {requestId} answered {(int)response.StatusCode}.");
        }
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IDictionary<string, string> fields,
        string? formPageUrl = null, CancellationToken ct = default)
    {
        var page = await client.GetAsync(new Uri(formPageUrl ?? url, UriKind.Relative), ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        var token = AntiforgeryField().Match(html);
        var values = new Dictionary<string, string>(fields);
        if (token.Success)
        {
            values["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content, ct);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finishing request; the temp folder is cleaned by the OS.
            }
        }
    }

    /// <summary>The in-memory test server has no socket, hence no client address; a browser on this machine would have 127.0.0.1.</summary>
    private sealed class LoopbackClientFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(nextMiddleware => context =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
