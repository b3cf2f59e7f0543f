using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Domain.Common;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Pages.Admin;

/// <summary>
/// Admin page of calendar overrides. Changes are made in years no other test reads (2041–2042) and undone at the end,
/// so the shared 2026 calendar stays as seeded.
/// </summary>
public class CalendarTests(PortalFactory portal)
{
    private const string AdminName = "Nguyễn Quốc Hưng";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddEditDelete_IsReflectedByTheApiAtOnce_AndAudited()
    {
        var admin = await portal.CreateClientAsync("quantri", Ct);
        var api = portal.CreateAnonymousClient();
        var date = FirstWeekdayOnOrAfter(new DateOnly(2041, 10, 1), DayOfWeek.Tuesday);
        var typed = date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var iso = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.DoesNotContain(iso, await DaysOffAsync(api, 2041)); // the calendar of 2041 is now cached

        // Add.
        var added = await PortalFactory.PostFormAsync(admin, "/Admin/Calendar/Edit?year=2041", new Dictionary<string, string>
        {
            ["Input.Date"] = typed,
            ["Input.Kind"] = "DayOff",
            ["Input.Name"] = "Nghỉ kỷ niệm ngày thành lập tỉnh (thử)",
            ["Input.LegalBasis"] = "Quyết định 99/QĐ-UBND ngày 01/09/2041 của UBND tỉnh",
            ["Input.IsProvincial"] = "true",
        }, ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/Admin/Calendar?year=2041", added.Headers.Location!.OriginalString);
        var page = TestHtml.Text(await admin.GetStringAsync(added.Headers.Location, Ct));
        Assert.Contains($"Đã thêm ngày điều chỉnh {typed}. Đã tính lại hạn xử lý của 0 yêu cầu đang mở.", page, StringComparison.Ordinal);
        Assert.Contains("Nghỉ kỷ niệm ngày thành lập tỉnh (thử)", page, StringComparison.Ordinal);

        var daysOff = await DaysOffAsync(api, 2041);
        Assert.Equal("Nghỉ kỷ niệm ngày thành lập tỉnh (thử)", daysOff[iso].GetProperty("name").GetString());
        Assert.Equal("provincialDayOff", daysOff[iso].GetProperty("kind").GetString());
        Assert.Equal(
            date.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            await DueAsync(api, date.AddDays(-1), 1)); // Monday + 1 working day skips the new day off

        int id;
        await using (var db = portal.CreateDbContext())
        {
            id = (await db.CalendarOverrides.SingleAsync(o => o.Date == date, Ct)).Id;
            var audit = await db.TimelineEvents.SingleAsync(
                e => e.Subject == TimelineSubject.Calendar && e.SubjectId == 2041 && e.Action == "Thêm ngày điều chỉnh lịch", Ct);
            Assert.Equal(AdminName, audit.ActorName);
            Assert.Contains(typed, audit.Note, StringComparison.Ordinal);
            Assert.Contains("Quyết định 99/QĐ-UBND", audit.Note, StringComparison.Ordinal);
        }

        // Edit.
        var edited = await PortalFactory.PostFormAsync(admin, $"/Admin/Calendar/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Date"] = typed,
            ["Input.Kind"] = "DayOff",
            ["Input.Name"] = "Nghỉ kỷ niệm (đã sửa)",
            ["Input.LegalBasis"] = "Quyết định 99/QĐ-UBND ngày 01/09/2041 của UBND tỉnh",
            ["Input.IsProvincial"] = "true",
        }, ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("Nghỉ kỷ niệm (đã sửa)", (await DaysOffAsync(api, 2041))[iso].GetProperty("name").GetString());

        // Delete.
        var deleted = await PortalFactory.PostFormAsync(
            admin, $"/Admin/Calendar?handler=Delete&id={id}", new Dictionary<string, string>(), formPageUrl: "/Admin/Calendar?year=2041", ct: Ct);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains(
            $"Đã xóa ngày điều chỉnh {typed}. Đã tính lại hạn xử lý của 0 yêu cầu đang mở.",
            TestHtml.Text(await admin.GetStringAsync(deleted.Headers.Location, Ct)),
            StringComparison.Ordinal);
        Assert.DoesNotContain(iso, await DaysOffAsync(api, 2041));

        await using (var db = portal.CreateDbContext())
        {
            Assert.False(await db.CalendarOverrides.AnyAsync(o => o.Id == id, Ct));
            var history = await db.TimelineEvents
                .Where(e => e.Subject == TimelineSubject.Calendar && e.SubjectId == 2041).OrderBy(e => e.Id).ToListAsync(Ct);
            Assert.Equal(["Thêm ngày điều chỉnh lịch", "Sửa ngày điều chỉnh lịch", "Xóa ngày điều chỉnh lịch"], history.Select(e => e.Action));
            Assert.All(history, e => Assert.Equal(AdminName, e.ActorName));
            Assert.Contains("Tên: “Nghỉ kỷ niệm ngày thành lập tỉnh (thử)” → “Nghỉ kỷ niệm (đã sửa)”", history[1].Note, StringComparison.Ordinal);
        }

        Assert.Contains("Xóa ngày điều chỉnh lịch", TestHtml.Text(await admin.GetStringAsync(new Uri("/Admin/Calendar?year=2041", UriKind.Relative), Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkedSaturday_BecomesAWorkingDayForDeadlines()
    {
        var admin = await portal.CreateClientAsync("quantri", Ct);
        var api = portal.CreateAnonymousClient();
        var saturday = FirstWeekdayOnOrAfter(new DateOnly(2042, 10, 1), DayOfWeek.Saturday);
        var friday = saturday.AddDays(-1);
        Assert.Equal(saturday.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await DueAsync(api, friday, 1));

        var added = await PortalFactory.PostFormAsync(admin, "/Admin/Calendar/Edit", new Dictionary<string, string>
        {
            ["Input.Date"] = saturday.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            ["Input.Kind"] = "WorkingDay",
            ["Input.Name"] = "Làm việc bù (thử)",
            ["Input.LegalBasis"] = "Thông báo 1/TB-BNV (thử)",
        }, ct: Ct);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(saturday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await DueAsync(api, friday, 1));
        await using var db = portal.CreateDbContext();
        var row = await db.CalendarOverrides.SingleAsync(o => o.Date == saturday, Ct);
        Assert.Equal(CalendarOverrideKind.WorkingDay, row.Kind);
        Assert.False(row.IsProvincial);

        // Leave the shared calendar as seeded.
        await PortalFactory.PostFormAsync(
            admin, $"/Admin/Calendar?handler=Delete&id={row.Id}", new Dictionary<string, string>(), formPageUrl: "/Admin/Calendar?year=2042", ct: Ct);
        Assert.Equal(saturday.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await DueAsync(api, friday, 1));
    }

    [Fact]
    public async Task WorkingDayOnATuesday_IsRefusedNextToTheField_KeepingTheTypedValues()
    {
        var admin = await portal.CreateClientAsync("quantri", Ct);

        var response = await PortalFactory.PostFormAsync(admin, "/Admin/Calendar/Edit", new Dictionary<string, string>
        {
            ["Input.Date"] = "08/09/2026",
            ["Input.Kind"] = "WorkingDay",
            ["Input.Name"] = "Làm bù thứ Ba (sai)",
            ["Input.LegalBasis"] = "Thông báo thử",
        }, ct: Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var text = TestHtml.Text(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ngày làm việc bù chỉ có thể là thứ Bảy hoặc Chủ nhật.", text, StringComparison.Ordinal);
        Assert.Contains("Ngày 08/09/2026 là thứ ba.", text, StringComparison.Ordinal);
        Assert.Equal("08/09/2026", TestHtml.InputValue(html, "Input.Date"));
        Assert.Equal("Làm bù thứ Ba (sai)", TestHtml.InputValue(html, "Input.Name"));
        Assert.Equal("Thông báo thử", TestHtml.InputValue(html, "Input.LegalBasis"));
        Assert.Matches("<input[^>]*name=\"Input.Kind\"[^>]*value=\"WorkingDay\" checked=\"checked\"", html);
        await using var db = portal.CreateDbContext();
        Assert.False(await db.CalendarOverrides.AnyAsync(o => o.Date == new DateOnly(2026, 9, 8), Ct));
    }

    [Fact]
    public async Task DuplicateDate_IsRefused()
    {
        var admin = await portal.CreateClientAsync("quantri", Ct);

        var response = await PortalFactory.PostFormAsync(admin, "/Admin/Calendar/Edit", new Dictionary<string, string>
        {
            ["Input.Date"] = "31/08/2026",
            ["Input.Kind"] = "DayOff",
            ["Input.Name"] = "Trùng ngày",
            ["Input.LegalBasis"] = "Thông báo thử",
        }, ct: Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(
            "Ngày 31/08/2026 đã có điều chỉnh “Nghỉ dịp Quốc khánh (hoán đổi, làm bù thứ Bảy 22/08/2026)”",
            TestHtml.Text(html),
            StringComparison.Ordinal);
        Assert.Equal("Trùng ngày", TestHtml.InputValue(html, "Input.Name"));
        await using var db = portal.CreateDbContext();
        Assert.Equal(1, await db.CalendarOverrides.CountAsync(o => o.Date == new DateOnly(2026, 8, 31), Ct));
    }

    [Theory]
    [InlineData("31/13/2026", "Tên thử", "", "Ngày phải có dạng dd/MM/yyyy", "Vui lòng nhập căn cứ")]
    [InlineData("", "", "Căn cứ thử", "Vui lòng nhập ngày điều chỉnh.", "Vui lòng nhập tên ngày nghỉ hoặc ngày làm bù.")]
    [InlineData("02/01/2019", "Tên thử", "Căn cứ thử", "Ngày điều chỉnh phải trong khoảng năm 2021 đến năm 2100.", "Ngày điều chỉnh phải trong khoảng")]
    public async Task BadInput_ShowsVietnameseMessagesNextToTheFields_KeepingTheTypedValues(
        string date, string name, string legalBasis, string message1, string message2)
    {
        var admin = await portal.CreateClientAsync("quantri", Ct);

        var response = await PortalFactory.PostFormAsync(admin, "/Admin/Calendar/Edit", new Dictionary<string, string>
        {
            ["Input.Date"] = date,
            ["Input.Kind"] = "DayOff",
            ["Input.Name"] = name,
            ["Input.LegalBasis"] = legalBasis,
        }, ct: Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var text = TestHtml.Text(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message1, text, StringComparison.Ordinal);
        Assert.Contains(message2, text, StringComparison.Ordinal);
        Assert.Equal(date, TestHtml.InputValue(html, "Input.Date") ?? "");
        Assert.Equal(name, TestHtml.InputValue(html, "Input.Name") ?? "");
        Assert.Equal(legalBasis, TestHtml.InputValue(html, "Input.LegalBasis") ?? "");
    }

    [Fact]
    public async Task Year2026_ShowsTheOverridesAndTheLunarSuggestion()
    {
        var admin = await portal.CreateClientAsync("quantri", Ct);

        var text = TestHtml.Text(await admin.GetStringAsync(new Uri("/Admin/Calendar?year=2026", UriKind.Relative), Ct));

        Assert.Contains("Điều chỉnh lịch làm việc năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("31/08/2026 Thứ Hai Ngày nghỉ (nghỉ bù, hoán đổi) Nghỉ dịp Quốc khánh", text, StringComparison.Ordinal);
        Assert.Contains("22/08/2026 Thứ Bảy Ngày làm việc bù (thứ Bảy, Chủ nhật) Làm việc bù cho ngày nghỉ thứ Hai 31/08/2026", text, StringComparison.Ordinal);
        Assert.Contains("Mùng 1 Tết Nguyên đán Bính Ngọ theo âm lịch: Thứ Ba, 17/02/2026", text, StringComparison.Ordinal);
        Assert.Contains("17/02/2026 Thứ Ba Tết Nguyên đán Bính Ngọ (mùng 1 tháng Giêng) Âm lịch 01/01 năm Bính Ngọ Đang áp dụng", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chuyenvien.skhcn")]
    [InlineData("kiemtra")]
    [InlineData("canbo.viettri")]
    public async Task NonAdmin_IsDenied(string userName)
    {
        var client = await portal.CreateClientAsync(userName, Ct);

        var list = await client.GetAsync(new Uri("/Admin/Calendar", UriKind.Relative), Ct);
        var edit = await client.GetAsync(new Uri("/Admin/Calendar/Edit", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", list.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", edit.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_IsSentToTheLoginPage()
    {
        var client = portal.CreateAnonymousClient();

        var response = await client.GetAsync(new Uri("/Admin/Calendar", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static DateOnly FirstWeekdayOnOrAfter(DateOnly start, DayOfWeek day) =>
        start.AddDays(((int)day - (int)start.DayOfWeek + 7) % 7);

    private static async Task<Dictionary<string, JsonElement>> DaysOffAsync(HttpClient api, int year)
    {
        using var json = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/calendar/{year}", UriKind.Relative), Ct));
        return json.RootElement.GetProperty("nonWorkingDays").EnumerateArray()
            .ToDictionary(d => d.GetProperty("date").GetString()!, d => d.Clone());
    }

    private static async Task<string> DueAsync(HttpClient api, DateOnly from, int workingDays)
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"/api/calendar/deadline?from={from:yyyy-MM-dd}&workingDays={workingDays}");
        using var json = JsonDocument.Parse(await api.GetStringAsync(new Uri(url, UriKind.Relative), Ct));
        return json.RootElement.GetProperty("due").GetString()!;
    }
}
