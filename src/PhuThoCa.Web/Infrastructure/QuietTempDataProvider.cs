using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// ASP.NET Core's cookie TempData provider, except that a request which neither brought TempData nor leaves any answers
/// without a cookie. The layout reads the status message on every page, which loads TempData, and the stock provider
/// then deleted a cookie the browser did not have on every response (a <c>Set-Cookie</c> header on each page; found in
/// session 23's profile, docs/performance.md). A message left by an action is written, and deleted once shown, as before.
/// </summary>
public sealed class QuietTempDataProvider(CookieTempDataProvider cookies, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(context);
        if ((values is null || values.Count == 0) && options.Value.Cookie.Name is { } name && !context.Request.Cookies.ContainsKey(name))
        {
            return;
        }

        cookies.SaveTempData(context, values!);
    }
}
