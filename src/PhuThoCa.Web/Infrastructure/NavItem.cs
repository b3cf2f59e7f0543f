using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.Caching.Memory;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>A navbar link with a count badge, as the view components of the menu render it.</summary>
public static class NavItem
{
    /// <summary>
    /// <c>&lt;li&gt;&lt;a&gt;label &lt;span class="badge …"&gt;count&lt;/span&gt;&lt;/a&gt;&lt;/li&gt;</c>; no badge when the count is 0.
    /// </summary>
    /// <summary>A badge shows at most this number, then "99+".</summary>
    public const int BadgeCap = 99;

    /// <summary>How long a node keeps a badge's count when nothing changes on it: the delay for another node's change.</summary>
    public const int BadgeCacheSeconds = 30;

    /// <summary>
    /// A badge's count, kept by this node under <paramref name="key"/> (which carries what invalidates it on this node: a
    /// change version, the day, the user) for at most <see cref="BadgeCacheSeconds"/>.
    /// </summary>
    public static async Task<int> CachedCountAsync(IMemoryCache cache, object key, Func<Task<int>> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        return await cache.GetOrCreateAsync(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(BadgeCacheSeconds);
            entry.Size = 1;
            return count();
        });
    }

    public static HtmlContentViewComponentResult WithBadge(string href, string label, string testId, int count,
        string badgeClass, string badgeTitle, string badgeTestId)
    {
        var badge = count == 0
            ? ""
            : $" <span class=\"badge rounded-pill {badgeClass}\" title=\"{badgeTitle}\" data-testid=\"{badgeTestId}\">{(count > BadgeCap ? BadgeCap.ToString(CultureInfo.InvariantCulture) + "+" : count.ToString(CultureInfo.InvariantCulture))}</span>";
        return new HtmlContentViewComponentResult(new HtmlString(
            $"<li class=\"nav-item\"><a class=\"nav-link\" href=\"{HtmlEncoder.Default.Encode(href)}\" data-testid=\"{testId}\">{label}{badge}</a></li>"));
    }
}
