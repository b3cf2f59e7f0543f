using System.Collections.Concurrent;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// The paths of the pages the layout's menu and its badge items (the inbox, the notifications) link to, generated once per
/// page by the routing's <see cref="LinkGenerator"/> (as <c>asp-page</c> does) and kept, since they take no route values:
/// the menu rendered about 20 of them on every page, 1.3% of the portal's CPU on a request's details (issue 15, the fixed
/// per-page cost). The request's path base is added at each use, so the portal still serves under a prefix; the cache
/// holds one entry per page named in the code. The lists' rows link to their records' details the same way
/// (<see cref="To(HttpContext, string, int)"/>): 25 to 50 links a page.
/// </summary>
public sealed class PageLinks(LinkGenerator links)
{
    private readonly ConcurrentDictionary<string, PathString> _paths = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PathString> _recordPrefixes = new(StringComparer.Ordinal);

    /// <summary>The path of <paramref name="page"/> (e.g. "/Requests/Index") under the request's path base.</summary>
    public string To(HttpContext context, string page)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = _paths.GetOrAdd(page, name => new PathString(links.GetPathByPage(name, handler: null, values: null)
            ?? throw new InvalidOperationException($"No route for the page {name}.")));
        return context.Request.PathBase.Add(path).ToString();
    }

    /// <summary>
    /// The path of record <paramref name="id"/> on <paramref name="page"/>, a page whose route takes the id as its last
    /// segment (<c>@page "{id:int}"</c>: the details pages), under the request's path base: what
    /// <c>asp-page="…" asp-route-id="…"</c> generates, for the rows of a list (25 a page, two links a row on some) without
    /// running the link generator for each. A page that takes its id otherwise is refused when first asked.
    /// </summary>
    public string To(HttpContext context, string page, int id)
    {
        ArgumentNullException.ThrowIfNull(context);
        var prefix = _recordPrefixes.GetOrAdd(page, name =>
        {
            var sample = links.GetPathByPage(name, handler: null, values: new RouteValueDictionary { ["id"] = 1 })
                ?? throw new InvalidOperationException($"No route for the page {name}.");
            return sample.EndsWith("/1", StringComparison.Ordinal)
                ? new PathString(sample[..^1])
                : throw new InvalidOperationException($"The page {name} does not take its id as the last segment of its path ({sample}).");
        });
        return context.Request.PathBase.Add(prefix).ToString() + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
