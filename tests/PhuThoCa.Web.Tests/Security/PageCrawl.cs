using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Security;

/// <summary>Every Razor page of the portal as a URL (route values filled with 1), from the app's own endpoint table.</summary>
internal static partial class PageCrawl
{
    public static readonly string[] Roles = ["quantri", "lanhdao.skhcn", "chuyenvien.skhcn", "kiemtra", "canbo.syte"];

    public static IReadOnlyList<string> PageUrls(PortalFactory portal) =>
        portal.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + RouteValue().Replace(e.RoutePattern.RawText ?? "", m => m.Value.Contains('?', StringComparison.Ordinal) ? "" : "1").TrimEnd('/'))
            .Select(u => u == "/" ? u : u.TrimEnd('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(u => u, StringComparer.Ordinal)
            .ToList();

    /// <summary>Anonymous client plus one signed-in client per role.</summary>
    public static async Task<List<(string Role, HttpClient Client)>> ClientsAsync(PortalFactory portal, CancellationToken ct)
    {
        var clients = new List<(string, HttpClient)> { ("anonymous", portal.CreateAnonymousClient()) };
        foreach (var user in Roles)
        {
            clients.Add((user, await portal.CreateClientAsync(user, ct)));
        }

        return clients;
    }

    public static async Task<string?> AntiforgeryTokenAsync(HttpClient client, CancellationToken ct)
    {
        foreach (var url in new[] { "/Profile/Password", "/Account/Login" })
        {
            var html = await (await client.GetAsync(new Uri(url, UriKind.Relative), ct)).Content.ReadAsStringAsync(ct);
            var match = AntiforgeryField().Match(html);
            if (match.Success)
            {
                return WebUtility.HtmlDecode(match.Groups[1].Value);
            }
        }

        return null;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
