using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Letters.Requests;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Api;
using PhuThoCa.Web.Infrastructure;
using PhuThoCa.Web.Infrastructure.Mail;
using PhuThoCa.Web.Seeding;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
// Serve wwwroot and library assets from the build output in any environment (dotnet run, tests); a no-op once published.
builder.WebHost.UseStaticWebAssets();
var dataFolder = DatabaseSetup.GetDataFolder(builder.Configuration, builder.Environment.ContentRootPath);

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
builder.Services.AddScoped<IAgencyScope>(sp => sp.GetRequiredService<CurrentUser>());
builder.Services.AddSingleton(new PhuThoCa.Infrastructure.Files.FileStore(Path.Combine(dataFolder, "files")));
builder.Services.AddSingleton<PhuThoCa.Infrastructure.Calendar.CalendarProvider>();
builder.Services.AddSingleton(builder.Configuration.GetSection(PhuThoCa.Infrastructure.Notifications.ExpiryReminderSettings.Section)
    .Get<PhuThoCa.Infrastructure.Notifications.ExpiryReminderSettings>() ?? new PhuThoCa.Infrastructure.Notifications.ExpiryReminderSettings());
builder.Services.AddHostedService<ExpiryReminderService>();
builder.Services.AddPortalMail(builder.Configuration);
builder.Services.AddSingleton(builder.Configuration.GetSection("Requests:Deadlines").Get<PhuThoCa.Domain.Requests.RequestDeadlineSettings>()
    ?? PhuThoCa.Domain.Requests.RequestDeadlineSettings.Default);
builder.Services.AddScoped<RequestServices>();
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
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
    })
    .AddEntityFrameworkStores<AppDbContext>()
    .AddErrorDescriber<VietnameseIdentityErrors>()
    .AddClaimsPrincipalFactory<AppClaimsFactory>()
    .AddDefaultTokenProviders();

// A changed role, agency or a deactivation takes effect within a minute, not at cookie expiry.
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/Account/Login";
    options.LogoutPath = "/Account/Logout";
    options.AccessDeniedPath = "/Account/AccessDenied";
    options.Cookie.Name = "PhuThoCa.Auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
    options.SlidingExpiration = true;
});

builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddPolicy(Policies.EditRegisters, p => p.RequireRole(Roles.AgencyOfficer, Roles.DepartmentStaff, Roles.DepartmentLeader, Roles.Administrator))
    .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Administrator));

builder.Services.AddRazorPages(options =>
    {
        options.Conventions.AllowAnonymousToFolder("/Account");
        options.Conventions.AllowAnonymousToPage("/Error");
        options.Conventions.AllowAnonymousToPage("/NotFound");
        options.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
    })
    .AddMvcOptions(options =>
    {
        options.Filters.Add<DomainRuleFilter>();
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        VietnameseModelBinding.Apply(options.ModelBindingMessageProvider);
    });

var app = builder.Build();

var vietnamese = new CultureInfo("vi-VN");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(vietnamese),
    SupportedCultures = [vietnamese],
    SupportedUICultures = [vietnamese],
});

// Users never see a stack trace, not even in Development: errors go to the log with a request id.
app.UseExceptionHandler("/Error");
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/NotFound", "?code={0}");
app.UseSerilogRequestLogging();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();
app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapCalendarApi();

await DatabaseInitializer.InitializeAsync(app.Services, app.Configuration);

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();

public partial class Program;
