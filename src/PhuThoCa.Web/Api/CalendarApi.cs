using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Infrastructure.Calendar;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Api;

/// <summary>
/// Read-only JSON API of the working-day calendar, open without login (docs/calendar-api.md): the days off of a year,
/// a due date in working days, and the lunar date of a solar date. Bad input gives 400 application/problem+json with a
/// Vietnamese title and detail.
/// </summary>
public static class CalendarApi
{
    /// <summary>Years served by the API: BLLĐ 2019 (the holiday rules applied) is in force from 2021.</summary>
    public const int MinYear = 2021;

    public const int MaxYear = 2100;

    /// <summary>Largest N accepted by the deadline endpoint (about a year and a half of working days).</summary>
    public const int MaxWorkingDays = 365;

    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>camelCase, dates as yyyy-MM-dd, Vietnamese letters written as they are rather than \u escapes.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private const string BadRequestTitle = "Yêu cầu không hợp lệ";

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/calendar").AllowAnonymous().RequireRateLimiting(PortalSecurity.AnonymousPolicy);

        // The literal routes win over "{year}", which is a string so that "/api/calendar/abc" is a 400, not a 404.
        group.MapGet("/deadline", GetDeadlineAsync).AllowAnonymous();
        group.MapGet("/lunar", GetLunarDate).AllowAnonymous();
        group.MapGet("/{year}", GetYearAsync).AllowAnonymous();

        // Anything else under /api/calendar answers as an API (not with a redirect to the login page): 405 for another
        // method on an existing path, 404 for an unknown path.
        group.MapFallback("{**rest}", Unmatched).AllowAnonymous();
        return endpoints;
    }

    internal static IResult Unmatched(HttpRequest request, string? rest)
    {
        var known = rest is "deadline" or "lunar" || (rest is not null && !rest.Contains('/', StringComparison.Ordinal));
        if (!HttpMethods.IsGet(request.Method) && known)
        {
            return Problem(StatusCodes.Status405MethodNotAllowed, "Phương thức không được hỗ trợ", "API lịch chỉ nhận yêu cầu GET.");
        }

        return Problem(
            StatusCodes.Status404NotFound,
            "Không tìm thấy",
            "Không có địa chỉ này trong API lịch. Các địa chỉ: /api/calendar/{năm}, /api/calendar/deadline, /api/calendar/lunar.");
    }

    internal static async Task<IResult> GetYearAsync(string year, CalendarProvider provider, AppDbContext db, CancellationToken ct)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < MinYear or > MaxYear)
        {
            return BadRequest(string.Create(
                CultureInfo.InvariantCulture,
                $"Năm “{Shorten(year)}” không hợp lệ: năm phải là số từ {MinYear} đến {MaxYear}."));
        }

        var calendar = await provider.GetAsync(db, ct);
        var nonWorking = calendar.GetNonWorkingDays(number)
            .Where(d => d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(d => new NonWorkingDayDto(d.Date, d.Name, d.LegalBasis, d.Kind))
            .ToList();
        var extra = calendar.GetExtraWorkingDays(number)
            .Select(d => new ExtraWorkingDayDto(d.Date, d.Name, d.LegalBasis, d.IsProvincial))
            .ToList();
        return Json(new YearDto(
            number, LunarCalendar.GetNewYearDay(number), LunarCalendar.ToSolar(10, 3, number), nonWorking, extra));
    }

    internal static async Task<IResult> GetDeadlineAsync(
        string? from, string? workingDays, CalendarProvider provider, AppDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(from))
        {
            return BadRequest("Thiếu tham số “from”: ngày bắt đầu tính (ngày X, không tính vào thời hạn), dạng yyyy-MM-dd.");
        }

        if (!TryParseDate(from, out var start))
        {
            return BadRequest($"Ngày “{Shorten(from)}” không hợp lệ: tham số “from” phải có dạng yyyy-MM-dd, ví dụ 2026-02-13.");
        }

        if (start.Year is < MinYear or > MaxYear)
        {
            return BadRequest(string.Create(
                CultureInfo.InvariantCulture, $"Ngày bắt đầu phải trong khoảng năm {MinYear} đến năm {MaxYear}."));
        }

        if (string.IsNullOrWhiteSpace(workingDays))
        {
            return BadRequest("Thiếu tham số “workingDays”: số ngày làm việc của thời hạn.");
        }

        if (!int.TryParse(workingDays, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days)
            || days is < 0 or > MaxWorkingDays)
        {
            return BadRequest(string.Create(
                CultureInfo.InvariantCulture,
                $"Số ngày làm việc “{Shorten(workingDays)}” không hợp lệ: phải là số nguyên từ 0 đến {MaxWorkingDays}."));
        }

        var calendar = await provider.GetAsync(db, ct);
        return Json(new DeadlineDto(start, days, calendar.AddWorkingDays(start, days)));
    }

    internal static IResult GetLunarDate(string? date)
    {
        if (string.IsNullOrWhiteSpace(date))
        {
            return BadRequest("Thiếu tham số “date”: ngày dương lịch, dạng yyyy-MM-dd.");
        }

        if (!TryParseDate(date, out var solar))
        {
            return BadRequest($"Ngày “{Shorten(date)}” không hợp lệ: tham số “date” phải có dạng yyyy-MM-dd, ví dụ 2026-02-16.");
        }

        if (solar < LunarCalendar.MinSupportedDate || solar > LunarCalendar.MaxSupportedDate)
        {
            return BadRequest("Chỉ đổi được ngày trong khoảng năm 1900 đến năm 2199.");
        }

        var lunar = LunarCalendar.ToLunar(solar);
        return Json(new LunarDto(solar, lunar.Day, lunar.Month, lunar.Year, lunar.IsLeapMonth, lunar.YearName));
    }

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    // Echoes at most a short piece of what was sent.
    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private static IResult Json<T>(T value) => Results.Json(value, JsonOptions);

    private static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, BadRequestTitle, detail);

    private static IResult Problem(int status, string title, string detail) =>
        Results.Json(
            new ProblemDetails
            {
                Type = status switch
                {
                    StatusCodes.Status404NotFound => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
                    StatusCodes.Status405MethodNotAllowed => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
                    _ => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                },
                Title = title,
                Status = status,
                Detail = detail,
            },
            JsonOptions,
            contentType: "application/problem+json; charset=utf-8",
            statusCode: status);

    internal sealed record YearDto(
        int Year,
        DateOnly LunarNewYear,
        DateOnly HungKingsDay,
        IReadOnlyList<NonWorkingDayDto> NonWorkingDays,
        IReadOnlyList<ExtraWorkingDayDto> ExtraWorkingDays);

    internal sealed record NonWorkingDayDto(DateOnly Date, string Name, string LegalBasis, NonWorkingDayKind Kind);

    internal sealed record ExtraWorkingDayDto(DateOnly Date, string Name, string LegalBasis, bool IsProvincial);

    internal sealed record DeadlineDto(DateOnly From, int WorkingDays, DateOnly Due);

    internal sealed record LunarDto(DateOnly Date, int LunarDay, int LunarMonth, int LunarYear, bool LeapMonth, string CanChi);
}
