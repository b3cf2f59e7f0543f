using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// The one place that answers a request naming no handler the page has (a POST to a page with only named handlers, a
/// crafted <c>?handler=</c>): 400 when none was named, 404 for an unknown name. Without it Razor Pages renders the page
/// with its model never loaded, which fails as a 500. Pages without handlers (plain views) and the error pages
/// re-executed for another request are left alone.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (context.HandlerMethod is not null || context.ActionDescriptor.HandlerMethods.Count == 0
            || http.Features.Get<IExceptionHandlerFeature>() is not null || http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return next();
        }

        var named = !string.IsNullOrEmpty(context.RouteData.Values["handler"]?.ToString()) || http.Request.Query.ContainsKey("handler");
        context.Result = named || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? new NotFoundResult()
            : new BadRequestResult();
        return Task.CompletedTask;
    }
}
