using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Pages.Agencies;

public class EditTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Form(string name, string domain) => new()
    {
        ["Input.Kind"] = "PublicServiceUnit",
        ["Input.Name"] = name,
        ["Input.ShortName"] = "ttyt",
        ["Input.Address"] = "Xã Lâm Thao, tỉnh Phú Thọ",
        ["Input.EmailDomain"] = domain,
        ["Input.IsActive"] = "true",
    };

    [Fact]
    public async Task Create_ByAdmin_SavesCleanedValuesAndHistory_ThenEditRecordsTheChange()
    {
        var client = await portal.CreateClientAsync("quantri", Ct);
        var name = "Trung tâm Y tế khu vực Lâm Thao " + Guid.NewGuid().ToString("N")[..4];

        var before = await client.GetStringAsync(new Uri("/Requests", UriKind.Relative), Ct); // the agency choices, kept per node
        var created = await PortalFactory.PostFormAsync(client, "/Agencies/Edit", Form(name, "TTYTLAMTHAO.phutho.gov.vn"), ct: Ct);
        await using var db = portal.CreateDbContext();
        var agency = await db.Agencies.SingleAsync(a => a.Name == name, Ct);
        var listed = await client.GetStringAsync(new Uri("/Requests", UriKind.Relative), Ct);
        var edit = Form(name + " mới", "ttytlamthao.phutho.gov.vn");
        edit["Input.Address"] = "Xã Phù Ninh, tỉnh Phú Thọ";
        var edited = await PortalFactory.PostFormAsync(client, $"/Agencies/Edit/{agency.Id}", edit, ct: Ct);
        var renamed = await client.GetStringAsync(new Uri("/Subscribers", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("TTYT", agency.ShortName);
        Assert.Equal("ttytlamthao.phutho.gov.vn", agency.EmailDomain);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        await using var after = portal.CreateDbContext();
        Assert.Equal("Xã Phù Ninh, tỉnh Phú Thọ", (await after.Agencies.SingleAsync(a => a.Id == agency.Id, Ct)).Address);
        Assert.True(await after.TimelineEvents.AnyAsync(e => e.Subject == TimelineSubject.Agency && e.SubjectId == agency.Id && e.Action == "Cập nhật thông tin", Ct));
        // The lists' agency filter shows a new or renamed agency at once on this node, though its choices are kept.
        Assert.DoesNotContain(name, before, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{agency.Id}\">{name}</option>", listed, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{agency.Id}\">{name} mới</option>", renamed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithAPublicMailDomain_IsRefusedAndKeepsInput()
    {
        var client = await portal.CreateClientAsync("quantri", Ct);
        var name = "Đơn vị thử tên miền " + Guid.NewGuid().ToString("N")[..4];

        var response = await PortalFactory.PostFormAsync(client, "/Agencies/Edit", Form(name, "gmail.com"), ct: Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tên miền thư điện tử phải là tên miền của cơ quan nhà nước", TestHtml.Text(html), StringComparison.Ordinal);
        Assert.Equal(name, TestHtml.InputValue(html, "Input.Name"));
        await using var db = portal.CreateDbContext();
        Assert.False(await db.Agencies.AnyAsync(a => a.Name == name, Ct));
    }

    [Fact]
    public async Task Edit_ByStaff_IsDenied()
    {
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var response = await client.GetAsync(new Uri("/Agencies/Edit", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
