using System.Globalization;
using System.Net;
using System.Text.Json;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Api;

/// <summary>The anonymous calendar API (docs/calendar-api.md) against the official 2026 schedule and domain-spec §4.4.</summary>
public class CalendarApiTests(PortalFactory portal)
{
    // Writes "Ất Tỵ" as is, so that the expected JSON reads like the response.
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Year2026_ListsTheOfficialDaysOffAndTheWorkedSaturday_WithoutLogin()
    {
        var client = portal.CreateAnonymousClient();

        var response = await client.GetAsync(new Uri("/api/calendar/2026", UriKind.Relative), Ct);
        using var json = await ReadJsonAsync(response);
        var root = json.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2026, root.GetProperty("year").GetInt32());
        Assert.Equal("2026-02-17", root.GetProperty("lunarNewYear").GetString());
        Assert.Equal("2026-04-26", root.GetProperty("hungKingsDay").GetString());
        var daysOff = root.GetProperty("nonWorkingDays").EnumerateArray()
            .ToDictionary(d => d.GetProperty("date").GetString()!, d => d.GetProperty("name").GetString()!);
        Assert.Equal("Tết Dương lịch", daysOff["2026-01-01"]);
        string[] expected = ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-27", "2026-08-31", "2026-09-01", "2026-09-02"];
        Assert.All(expected, d => Assert.Contains(d, daysOff.Keys));
        Assert.Contains("Tết Nguyên đán Bính Ngọ", daysOff["2026-02-17"], StringComparison.Ordinal);
        Assert.Contains("Quốc khánh", daysOff["2026-08-31"], StringComparison.Ordinal);

        // Only Monday–Friday: Giỗ Tổ on Sunday 26/04 is given as hungKingsDay, its compensatory Monday is in the list.
        Assert.DoesNotContain("2026-04-26", daysOff.Keys);
        Assert.All(daysOff.Keys, d => Assert.True(ParseIso(d).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), d));
        Assert.All(root.GetProperty("nonWorkingDays").EnumerateArray(), d => Assert.False(string.IsNullOrEmpty(d.GetProperty("legalBasis").GetString())));

        var extra = root.GetProperty("extraWorkingDays").EnumerateArray().ToList();
        var saturday = Assert.Single(extra, d => d.GetProperty("date").GetString() == "2026-08-22");
        Assert.Contains("Làm việc bù", saturday.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.All(extra, d => Assert.True(ParseIso(d.GetProperty("date").GetString()!).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    [Fact]
    public async Task Deadline_SpecExample_IsExact()
    {
        var client = portal.CreateAnonymousClient();

        var response = await client.GetAsync(new Uri("/api/calendar/deadline?from=2026-02-13&workingDays=3", UriKind.Relative), Ct);
        using var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"from":"2026-02-13","workingDays":3,"due":"2026-02-25"}""",
            JsonSerializer.Serialize(json.RootElement));
    }

    // domain-spec §4.4, working-day test vectors on the 2026 calendar.
    [Theory]
    [InlineData("2026-02-13", 3, "2026-02-25")]
    [InlineData("2026-02-13", 1, "2026-02-23")]
    [InlineData("2026-08-21", 3, "2026-08-25")]
    [InlineData("2026-08-28", 3, "2026-09-07")]
    [InlineData("2026-04-24", 1, "2026-04-28")]
    [InlineData("2026-04-29", 5, "2026-05-08")]
    [InlineData("2026-12-31", 3, "2027-01-06")]
    [InlineData("2026-11-26", 0, "2026-11-26")]
    public async Task Deadline_SpecVectors(string from, int workingDays, string due)
    {
        var client = portal.CreateAnonymousClient();

        var url = string.Create(CultureInfo.InvariantCulture, $"/api/calendar/deadline?from={from}&workingDays={workingDays}");
        using var json = await ReadJsonAsync(await client.GetAsync(new Uri(url, UriKind.Relative), Ct));

        Assert.Equal(from, json.RootElement.GetProperty("from").GetString());
        Assert.Equal(workingDays, json.RootElement.GetProperty("workingDays").GetInt32());
        Assert.Equal(due, json.RootElement.GetProperty("due").GetString());
    }

    [Fact]
    public async Task Lunar_SpecExample_IsExact()
    {
        var client = portal.CreateAnonymousClient();

        var response = await client.GetAsync(new Uri("/api/calendar/lunar?date=2026-02-16", UriKind.Relative), Ct);
        using var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"date":"2026-02-16","lunarDay":29,"lunarMonth":12,"lunarYear":2025,"leapMonth":false,"canChi":"Ất Tỵ"}""",
            JsonSerializer.Serialize(json.RootElement, Unescaped));
    }

    [Theory]
    [InlineData("2025-07-25", 1, 6, 2025, true, "Ất Tỵ")]
    [InlineData("2026-02-17", 1, 1, 2026, false, "Bính Ngọ")]
    [InlineData("2028-06-23", 1, 5, 2028, true, "Mậu Thân")]
    public async Task Lunar_LeapMonthsAndTet(string date, int day, int month, int year, bool leap, string canChi)
    {
        var client = portal.CreateAnonymousClient();

        using var json = await ReadJsonAsync(await client.GetAsync(new Uri($"/api/calendar/lunar?date={date}", UriKind.Relative), Ct));
        var root = json.RootElement;

        Assert.Equal((day, month, year, leap, canChi), (
            root.GetProperty("lunarDay").GetInt32(), root.GetProperty("lunarMonth").GetInt32(), root.GetProperty("lunarYear").GetInt32(),
            root.GetProperty("leapMonth").GetBoolean(), root.GetProperty("canChi").GetString()));
    }

    [Theory]
    [InlineData("/api/calendar/2020", "2021")]
    [InlineData("/api/calendar/2101", "2100")]
    [InlineData("/api/calendar/abc", "Năm “abc” không hợp lệ")]
    [InlineData("/api/calendar/-5", "không hợp lệ")]
    [InlineData("/api/calendar/99999999999999999999", "không hợp lệ")]
    [InlineData("/api/calendar/deadline?from=2026-02-30&workingDays=3", "yyyy-MM-dd")]
    [InlineData("/api/calendar/deadline?from=13/02/2026&workingDays=3", "yyyy-MM-dd")]
    [InlineData("/api/calendar/deadline?from=1999-02-13&workingDays=3", "2021")]
    [InlineData("/api/calendar/deadline?from=2026-02-13&workingDays=-1", "từ 0 đến 365")]
    [InlineData("/api/calendar/deadline?from=2026-02-13&workingDays=366", "từ 0 đến 365")]
    [InlineData("/api/calendar/deadline?from=2026-02-13&workingDays=2147483648", "từ 0 đến 365")]
    [InlineData("/api/calendar/deadline?from=2026-02-13&workingDays=ba", "không hợp lệ")]
    [InlineData("/api/calendar/deadline?workingDays=3", "Thiếu tham số “from”")]
    [InlineData("/api/calendar/deadline?from=2026-02-13", "Thiếu tham số “workingDays”")]
    [InlineData("/api/calendar/deadline", "Thiếu tham số")]
    [InlineData("/api/calendar/lunar", "Thiếu tham số “date”")]
    [InlineData("/api/calendar/lunar?date=2026-13-01", "yyyy-MM-dd")]
    [InlineData("/api/calendar/lunar?date=1899-12-31", "1900")]
    [InlineData("/api/calendar/lunar?date=2200-01-01", "2199")]
    public async Task BadInput_Gives400ProblemJsonInVietnamese(string url, string detailPart)
    {
        var client = portal.CreateAnonymousClient();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        using var json = JsonDocument.Parse(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Yêu cầu không hợp lệ", json.RootElement.GetProperty("title").GetString());
        Assert.Contains(detailPart, json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherMethodsAndPaths_AnswerAsAnApi_NotWithTheLoginPage()
    {
        var client = portal.CreateAnonymousClient();

        var post = await client.PostAsync(new Uri("/api/calendar/2026", UriKind.Relative), null, Ct);
        var unknown = await client.GetAsync(new Uri("/api/calendar/2026/extra", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
        Assert.Contains("chỉ nhận yêu cầu GET", await post.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Không có địa chỉ này trong API lịch", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

    private static DateOnly ParseIso(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
