using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Api;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Infrastructure.Jobs;
using PhuThoCa.Web.Infrastructure.Mail;
using PhuThoCa.Web.Requests;
using PhuThoCa.Web.Seeding;
using Serilog;

// "--demo" asks for the demo province outside Development (Seed:DemoData=true does the same).
var builder = WebApplication.CreateBuilder(args.Select(a => a == "--demo" ? "--Seed:DemoData=true" : a).ToArray());
if (AuditCommand.Matches(args))
{
    // "audit verify": checks the audit chain and exits, without starting the web server, migrating or seeding.
    return await AuditCommand.RunAsync(args, builder.Configuration, builder.Environment.ContentRootPath, Console.Out);
}

// Serve wwwroot and library assets from the build output in any environment (dotnet run, tests); a no-op once published.
builder.WebHost.UseStaticWebAssets();
var dataFolder = DatabaseSetup.GetDataFolder(builder.Configuration, builder.Environment.ContentRootPath);

var productionProblems = PortalSecurity.ProductionProblems(builder.Configuration, builder.Environment);
if (productionProblems.Count > 0)
{
    Console.Error.WriteLine("PhuThoCa cannot start in " + builder.Environment.EnvironmentName + ": set" + Environment.NewLine
        + string.Join(Environment.NewLine, productionProblems.Select(p => "  - " + p)));
    return 2;
}

builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = RequestLimits.MaxRequestBytes);
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = RequestLimits.MaxRequestBytes);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
    .WriteTo.File(Path.Combine(dataFolder, "logs", "phuthoca-.log"), rollingInterval: RollingInterval.Day,
        retainedFileCountLimit: 31, formatProvider: CultureInfo.InvariantCulture));

builder.Services.AddSingleton(TimeProvider.System);
// Vietnamese text is written as is in the HTML, not as &#x…; entities (smaller pages, readable source).
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddSingleton<PageLinks>();
builder.Services.AddScoped<IAgencyScope>(sp => sp.GetRequiredService<CurrentUser>());
builder.Services.AddScoped<PhuThoCa.Infrastructure.Auditing.IAuditContext>(sp => sp.GetRequiredService<CurrentUser>());
builder.Services.AddSingleton(new PhuThoCa.Infrastructure.Files.FileStore(Path.Combine(dataFolder, "files")));
builder.Services.AddSingleton<PhuThoCa.Infrastructure.Calendar.CalendarProvider>();
builder.Services.AddSingleton(builder.Configuration.GetSection(PhuThoCa.Infrastructure.Notifications.ExpiryReminderSettings.Section)
    .Get<PhuThoCa.Infrastructure.Notifications.ExpiryReminderSettings>() ?? new PhuThoCa.Infrastructure.Notifications.ExpiryReminderSettings());
builder.Services.AddPortalMail(builder.Configuration);
builder.Services.AddPortalJobs(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton((builder.Configuration.GetSection("Requests:Deadlines").Get<PhuThoCa.Domain.Requests.RequestDeadlineSettings>()
    ?? PhuThoCa.Domain.Requests.RequestDeadlineSettings.Default) with
{
    EligibilityJudgedOn = builder.Configuration.GetValue("Requests:EligibilityJudgedOn", PhuThoCa.Domain.Requests.EligibilityJudgedOn.Submission),
    ReceiptLateAfterWorkingDays = Math.Max(0, builder.Configuration.GetValue("Requests:ReceiptLateAfterWorkingDays",
        PhuThoCa.Domain.Requests.LegalDeadlines.DefaultReceiptLateAfterWorkingDays)),
});
builder.Services.AddSingleton((builder.Configuration.GetSection(PhuThoCa.Infrastructure.Signatures.SignatureOptions.Section)
    .Get<PhuThoCa.Infrastructure.Signatures.SignatureOptions>() ?? new PhuThoCa.Infrastructure.Signatures.SignatureOptions()).WithDefaults());
builder.Services.AddScoped<PhuThoCa.Infrastructure.Signatures.SignedLetterService>();
builder.Services.AddScoped<RequestServices>();
builder.Services.AddScoped<PhuThoCa.Infrastructure.Reports.ProvinceReportQuery>();
// Reports: one handler per action (QĐ-PT Điều 8.4 letter issued; Điều 9.6 rounds and agency reports).
builder.Services.AddScoped<PhuThoCa.Web.Reports.IssueReportLetter>();
builder.Services.AddScoped<PhuThoCa.Web.Reports.AgencyReports.CreateRound>();
builder.Services.AddScoped<PhuThoCa.Web.Reports.AgencyReports.SaveDraft>();
builder.Services.AddScoped<PhuThoCa.Web.Reports.AgencyReports.SendReport>();
builder.Services.AddScoped<PhuThoCa.Web.Reports.AgencyReports.ReceiveReport>();
builder.Services.AddScoped<PhuThoCa.Web.Pages.Dashboard.Dashboards>();
builder.Services.AddRequestActions();
builder.Services.AddSingleton<PhuThoCa.Web.Pages.Import.ImportJobs>();
builder.Services.AddHostedService<PhuThoCa.Web.Pages.Import.ImportWorker>();
builder.Services.AddScoped<PhuThoCa.Web.Pages.Import.RegisterImporter, PhuThoCa.Web.Pages.Import.SubscriberImporter>();
builder.Services.AddScoped<PhuThoCa.Web.Pages.Import.RegisterImporter, PhuThoCa.Web.Pages.Import.CertificateImporter>();
builder.Services.AddScoped<PhuThoCa.Web.Pages.Import.RegisterImporter, PhuThoCa.Web.Pages.Import.TokenImporter>();
builder.Services.AddScoped<PhuThoCa.Web.Pages.Import.RegisterImporter, PhuThoCa.Web.Pages.Import.AgencyImporter>();
builder.Services.AddScoped<IDeadlineRecalculator, DeadlineRecalculator>();
builder.Services.AddRequestLetters(builder.Configuration, dataFolder);
builder.Services.AddPhuThoCaDatabase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");

builder.Services
    .AddIdentity<AppUser, IdentityRole>(options =>
    {
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = false;
        // Per-IP and per-account rate limits come first (PortalSecurity), so the lockout is the last line, not a tool.
        options.Lockout.MaxFailedAccessAttempts = 10;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
    })
    .AddEntityFrameworkStores<AppDbContext>()
    .AddErrorDescriber<VietnameseIdentityErrors>()
    .AddClaimsPrincipalFactory<AppClaimsFactory>()
    .AddSignInManager<AuditingSignInManager>()
    .AddDefaultTokenProviders();

builder.AddPortalSecurity(dataFolder);

builder.Services.AddPortalAuthorization();

builder.Services.AddMemoryCache();
builder.Services.AddRazorPages(options =>
    {
        options.Conventions.AllowAnonymousToFolder("/Account");
        options.Conventions.AllowAnonymousToPage("/Error");
        options.Conventions.AllowAnonymousToPage("/NotFound");
        options.Conventions.AddFolderApplicationModelConvention("/Account", m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(PortalSecurity.SignInPolicy)));
        options.Conventions.AddPageApplicationModelConvention("/Profile/Password", m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(PortalSecurity.SignInPolicy)));
        options.Conventions.AddPageApplicationModelConvention("/Status/Index", m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(PortalSecurity.AnonymousPolicy)));
        options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
        options.Conventions.AuthorizeFolder("/Audit", Policies.ViewAuditTrail);
    })
    .AddMvcOptions(options =>
    {
        options.Filters.Add<UnknownHandlerFilter>();
        options.Filters.Add<AccountGateFilter>();
        options.Filters.Add<DomainRuleFilter>();
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        VietnameseModelBinding.Apply(options.ModelBindingMessageProvider);
    });

// TempData in its cookie as ASP.NET Core keeps it, without a cookie deleted on every page (QuietTempDataProvider).
builder.Services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider>();
builder.Services.Replace(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider, QuietTempDataProvider>());

var app = builder.Build();

var vietnamese = new CultureInfo("vi-VN");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(vietnamese),
    SupportedCultures = [vietnamese],
    SupportedUICultures = [vietnamese],
});

// Behind the TLS proxy: scheme and client address from ForwardedHeaders:KnownProxies only; then the headers of every
// response (HSTS only on HTTPS).
app.UsePortalSecurity();

// Users never see a stack trace, not even in Development: errors go to the log with a request id.
app.UseExceptionHandler(RequestLimits.ExceptionHandler());
app.UseStatusCodePagesWithReExecute("/NotFound", "?code={0}");
app.UseSerilogRequestLogging(o =>
{
    o.GetLevel = RequestLimits.LogLevel;
    o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} from {ClientIp} responded {StatusCode} in {Elapsed:0.0000} ms";
    o.EnrichDiagnosticContext = (diagnostics, context) => diagnostics.Set("ClientIp", PortalSecurity.ClientIp(context));
});
app.UseRequestSizeLimit();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();
app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapCalendarApi();

var startProblem = await DatabaseInitializer.InitializeAsync(app.Services, app.Configuration);
if (startProblem is not null)
{
    Console.Error.WriteLine("PhuThoCa cannot start: " + startProblem);
    return 3;
}

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
return 0;

public partial class Program;
