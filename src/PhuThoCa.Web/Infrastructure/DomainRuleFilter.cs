using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// The one place that turns a refused business rule into a Vietnamese message on the page it came from:
/// the form is re-rendered with what the user typed, and nothing was saved (the exception came before SaveChanges,
/// or SaveChanges failed as a whole).
/// </summary>
public sealed class DomainRuleFilter : IAsyncPageFilter
{
    public const string ConcurrencyMessage =
        "Bản ghi vừa được người khác cập nhật trong lúc bạn thao tác. Vui lòng tải lại trang để xem thông tin mới nhất rồi thực hiện lại.";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled || context.HandlerInstance is not PageModel page)
        {
            return;
        }

        string? message = executed.Exception switch
        {
            DomainRuleException rule => rule.Message,
            DbUpdateConcurrencyException => ConcurrencyMessage,
            _ => null,
        };
        if (message is null)
        {
            return;
        }

        var field = executed.Exception is DomainRuleException refused && page is IDomainRuleFields fields ? fields.FieldFor(refused.Rule) : null;
        page.ModelState.AddModelError(field ?? string.Empty, message);
        executed.Result = page.Page();
        executed.ExceptionHandled = true;
    }
}

/// <summary>
/// A page whose form has a field a refused rule is about: the filter shows the rule's message next to that field
/// (the form's key, e.g. "Submission.SentVia") instead of above the form.
/// </summary>
public interface IDomainRuleFields
{
    string? FieldFor(string rule);
}
