using System.Collections.Concurrent;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// The paths of the pages the layout's menu and its badge items (the inbox, the notifications) link to, generated once per
/// page by the routing's <see cref="LinkGenerator"/> (as <c>asp-page</c> does) and kept, since they take no route values:
/// the menu rendered about 20 of them on every page, 1.3% of the portal's CPU on a request's details (issue 15, the fixed
/// per-page cost). The request's path base is added at each use, so the portal still serves under a prefix; the cache
/// holds one entry per page named in the code.
/// </summary>
public sealed class PageLinks(LinkGenerator links)
{
    private readonly ConcurrentDictionary<string, PathString> _paths = new(StringComparer.Ordinal);

    /// <summary>The path of <paramref name="page"/> (e.g. "/Requests/Index") under the request's path base.</summary>
    public string To(HttpContext context, string page)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = _paths.GetOrAdd(page, name => new PathString(links.GetPathByPage(name, handler: null, values: null)
            ?? throw new InvalidOperationException($"No route for the page {name}.")));
        return context.Request.PathBase.Add(path).ToString();
    }
}
