using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PhuThoCa.Tests.Support;

[assembly: AssemblyFixture(typeof(PhuThoCa.BrowserTests.BrowserPortal))]

namespace PhuThoCa.BrowserTests;

/// <summary>The real portal on Kestrel (loopback, random port) and Debian's Chromium driven by Playwright, offline.</summary>
public class BrowserPortal : IAsyncLifetime
{
    public BrowserPortal()
        : this(new PortalFactory())
    {
    }

    /// <summary>A portal with other settings (a <see cref="PortalFactory"/> subclass), for one test class.</summary>
    protected BrowserPortal(PortalFactory factory) => Factory = factory;

    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public PortalFactory Factory { get; }

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go, for people to look at (artifacts/screenshots at the repository root).</summary>
    public static string ScreenshotFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PhuThoCa.sln")))
            {
                dir = dir.Parent;
            }

            var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (tests/run.sh does it).");
        }

        Factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        await Factory.InitializeAsync();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies) signed in through the login form; an office screen unless a viewport is given.
    /// <paramref name="bypassCsp"/> lets a test inject a script (axe-core) the portal's Content-Security-Policy would refuse.
    /// </summary>
    public async Task<IPage> SignInAsync(string userName, ViewportSize? viewport = null, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "vi-VN",
            ViewportSize = viewport ?? new ViewportSize { Width = 1366, Height = 900 },
            BypassCSP = bypassCsp,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(PortalFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        try
        {
            // Generous on a loaded 2-core machine; a refused sign-in stays on the form and says why below.
            await page.WaitForURLAsync(url => !url.EndsWith("/Account/Login", StringComparison.Ordinal), new() { Timeout = 90_000 });
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Sign-in of {userName} stayed on the login page: {await page.Locator("main").InnerTextAsync()}");
        }

        if (page.Url.Contains("/Account/LoginWith2fa", StringComparison.Ordinal))
        {
            await page.GetByLabel("Mã xác thực").FillAsync(await Factory.CurrentTotpAsync(userName));
            await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal));
        }

        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
