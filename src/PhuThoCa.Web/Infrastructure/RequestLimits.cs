using PhuThoCa.Infrastructure.Files;

namespace PhuThoCa.Web.Infrastructure;

/// <summary>
/// Request size limits and the status codes for failures that are not the server's fault: a body over the limit
/// (413 with the size message, before a byte of it is read), a client that went away (499, logged as information),
/// a stored file failing its integrity check (409 with a page saying so).
/// </summary>
public static class RequestLimits
{
    /// <summary>The largest attachment plus room for the form's other fields.</summary>
    public const long MaxRequestBytes = FileStore.MaxBytes + (1024 * 1024);

    public const int ClientClosedRequest = 499;

    public static readonly string TooLargeMessage = $"Tệp tải lên quá lớn: mỗi tệp không được lớn hơn {FileStore.MaxBytes / 1024 / 1024} MB.";

    public const string TooManyRequestsMessage = "Bạn thao tác quá nhiều lần trong thời gian ngắn. Vui lòng chờ một lát rồi thử lại.";

    public const string IntegrityMessage =
        "Tệp lưu trữ không còn khớp với mã kiểm tra (SHA-256) ghi nhận khi lưu: tệp đã bị thay đổi hoặc hư hỏng nên không được cung cấp. Vui lòng báo quản trị hệ thống.";

    /// <summary>Answers 413 to a declared body over the limit instead of reading it; Kestrel's own limit catches chunked bodies.</summary>
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The status-code page re-executes the same request: let that through to explain the 413.
        if (context.Request.ContentLength > MaxRequestBytes && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.Headers.Connection = "close";
            return;
        }

        await next(context);
    });

    public static bool IsClientAbort(HttpContext context, Exception? exception) =>
        context.RequestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException;

    /// <summary>The exception handler's options: the status of each exception (the /Error page then explains it).</summary>
    public static ExceptionHandlerOptions ExceptionHandler() => new()
    {
        ExceptionHandlingPath = "/Error",
        StatusCodeSelector = exception => exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            StoredFileIntegrityException => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status500InternalServerError,
        },
    };

    /// <summary>Request-log level: a client that went away or sent a bad request is not a server error.</summary>
    public static Serilog.Events.LogEventLevel LogLevel(HttpContext context, double elapsedMs, Exception? exception) =>
        IsClientAbort(context, exception) || context.Response.StatusCode == ClientClosedRequest ? Serilog.Events.LogEventLevel.Information
        : exception is BadHttpRequestException || (exception is null && context.Response.StatusCode < 500) ? Serilog.Events.LogEventLevel.Information
        : Serilog.Events.LogEventLevel.Error;
}
