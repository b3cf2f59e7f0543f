using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Pages.Subscribers;

public class CreateEditTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Person(string name, string email, string nationalId) => new()
    {
        ["Input.Kind"] = "Person",
        ["Input.Name"] = name,
        ["Input.Position"] = "Chuyên viên",
        ["Input.NationalId"] = nationalId,
        ["Input.NationalIdIssuedOn"] = "15/03/2022",
        ["Input.DateOfBirth"] = "02/09/1990",
        ["Input.Email"] = email,
        ["Input.Phone"] = "0912345678",
    };

    [Fact]
    public async Task Create_WithGmailAddress_ShowsVietnameseMessageKeepsInputAndSavesNothing()
    {
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        var name = "Trần Văn Gmail " + Guid.NewGuid().ToString("N")[..6];

        var response = await PortalFactory.PostFormAsync(client, "/Subscribers/Create", Person(name, "tranvan@gmail.com", "025190012345"), ct: Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thư điện tử công vụ phải do cơ quan nhà nước cấp", TestHtml.Text(html), StringComparison.Ordinal);
        Assert.Equal("tranvan@gmail.com", TestHtml.InputValue(html, "Input.Email"));
        Assert.Equal(name, TestHtml.InputValue(html, "Input.Name"));
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Subscribers.AnyAsync(s => s.Name == name, Ct));
    }

    [Fact]
    public async Task Create_WithElevenDigitNationalId_ShowsMessageNextToTheField()
    {
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        var name = "Lê Thị Mười Một " + Guid.NewGuid().ToString("N")[..6];

        var response = await PortalFactory.PostFormAsync(client, "/Subscribers/Create", Person(name, "lethi@viettri.phutho.gov.vn", "02519001234"), ct: Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-testid=\"error-NationalId\"[^>]*>Số định danh cá nhân phải gồm đúng 12 chữ số.", html);
        Assert.Equal("02519001234", TestHtml.InputValue(html, "Input.NationalId"));
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Subscribers.AnyAsync(s => s.Name == name, Ct));
    }

    [Fact]
    public async Task Create_PersonWithoutCccdOrEmail_SaysTheyAreRequired_NextToTheFields()
    {
        // The format checks run only on a typed value; they must not switch off the "required" check before them.
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        var name = "Phạm Thị Thiếu " + Guid.NewGuid().ToString("N")[..6];
        var fields = Person(name, "", "");

        var response = await PortalFactory.PostFormAsync(client, "/Subscribers/Create", fields, ct: Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-testid=\"error-NationalId\"[^>]*>Vui lòng nhập số định danh cá nhân \\(CCCD\\).", html);
        Assert.Contains("Vui lòng nhập địa chỉ thư điện tử công vụ.", TestHtml.Text(html), StringComparison.Ordinal);
        Assert.Equal(name, TestHtml.InputValue(html, "Input.Name"));
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Subscribers.AnyAsync(s => s.Name == name, Ct));
    }

    [Fact]
    public async Task Create_ValidPerson_IsSavedForTheOfficersOwnAgencyWithHistory()
    {
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        var name = "Nguyễn Thị Hợp Lệ " + Guid.NewGuid().ToString("N")[..6];
        var fields = Person(name, "hople@viettri.phutho.gov.vn", "025190099999");
        fields["Input.AgencyId"] = "1"; // an officer cannot file for another agency, whatever is posted

        var response = await PortalFactory.PostFormAsync(client, "/Subscribers/Create", fields, ct: Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = portal.CreateDbContext();
        var saved = await db.Subscribers.Include(s => s.Agency).SingleAsync(s => s.Name == name, Ct);
        Assert.Equal("UBND phường Việt Trì", saved.Agency!.Name);
        Assert.Equal(new DateOnly(1990, 9, 2), saved.DateOfBirth);
        Assert.True(await db.TimelineEvents.AnyAsync(e => e.Subject == TimelineSubject.Subscriber && e.SubjectId == saved.Id && e.Action == "Tạo mới", Ct));
    }

    [Fact]
    public async Task Edit_ChangesAreListedInTheTimelineWithOldAndNewValues()
    {
        await using var arrange = portal.CreateDbContext();
        var subscriber = await arrange.Subscribers.FirstAsync(s => s.Agency!.Name == "UBND phường Việt Trì" && s.Kind == PhuThoCa.Domain.Subscribers.SubscriberKind.Person, Ct);
        var client = await portal.CreateClientAsync("canbo.viettri", Ct);
        var page = await client.GetStringAsync(new Uri($"/Subscribers/Edit/{subscriber.Id}", UriKind.Relative), Ct);
        var fields = new Dictionary<string, string>
        {
            ["Input.AgencyId"] = subscriber.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Kind"] = "Person",
            ["Input.Name"] = subscriber.Name,
            ["Input.Position"] = "Phó Chủ tịch UBND",
            ["Input.NationalId"] = subscriber.NationalId!,
            ["Input.Email"] = subscriber.Email,
        };
        Assert.Contains(subscriber.Name, page, StringComparison.Ordinal);

        var response = await PortalFactory.PostFormAsync(client, $"/Subscribers/Edit/{subscriber.Id}", fields, ct: Ct);
        var details = TestHtml.Text(await client.GetStringAsync(new Uri($"/Subscribers/Details/{subscriber.Id}", UriKind.Relative), Ct));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Cập nhật thông tin", details, StringComparison.Ordinal);
        Assert.Contains("→ “Phó Chủ tịch UBND”", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_SearchWithoutDiacritics_FindsVietnameseNames()
    {
        await using var db = portal.CreateDbContext();
        var someone = await db.Subscribers.FirstAsync(s => s.Kind == PhuThoCa.Domain.Subscribers.SubscriberKind.Person, Ct);
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var html = await client.GetStringAsync(new Uri("/Subscribers?q=" + Uri.EscapeDataString(Text.Fold(someone.Name)), UriKind.Relative), Ct);

        Assert.Contains(someone.Name, TestHtml.Text(html), StringComparison.Ordinal);
    }
}
