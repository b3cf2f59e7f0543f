using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Pages.Tokens;

public class StatusTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangeStatus_LostToHandedOver_IsRefusedNamingTheRule()
    {
        await using var db = portal.CreateDbContext();
        var lost = await db.Tokens.FirstAsync(t => t.Status == TokenStatus.Lost, Ct);
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var response = await PortalFactory.PostFormAsync(client, $"/Tokens/Details/{lost.Id}?handler=ChangeStatus", new Dictionary<string, string>
        {
            ["Input.Status"] = "HandedOver",
            ["Input.Reason"] = "Tìm thấy thiết bị",
        }, formPageUrl: $"/Tokens/Details/{lost.Id}", ct: Ct);
        var text = TestHtml.Text(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Không được chuyển thiết bị {lost.SerialNumber} từ “Mất” sang “Đã bàn giao”", text, StringComparison.Ordinal);
        Assert.Contains("không được chuyển sang trạng thái nào khác", text, StringComparison.Ordinal);
        await using var after = portal.CreateDbContext();
        Assert.Equal(TokenStatus.Lost, (await after.Tokens.SingleAsync(t => t.Id == lost.Id, Ct)).Status);
    }

    [Fact]
    public async Task ChangeStatus_LockedToRecovered_IsRefused_RecoveryOnlyThroughTheMau06Request()
    {
        await using var db = portal.CreateDbContext();
        var locked = await db.Tokens.FirstAsync(t => t.Status == TokenStatus.Locked && t.Agency!.Name != "UBND phường Việt Trì", Ct);
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var form = TestHtml.Text(await client.GetStringAsync(new Uri($"/Tokens/Details/{locked.Id}", UriKind.Relative), Ct));
        Assert.Contains("Thiết bị bị khóa chỉ được khôi phục khi Sở Khoa học và Công nghệ thực hiện yêu cầu khôi phục", form, StringComparison.Ordinal);
        Assert.Contains("Đã khôi phục (không được phép)", form, StringComparison.Ordinal);

        var response = await PortalFactory.PostFormAsync(client, $"/Tokens/Details/{locked.Id}?handler=ChangeStatus", new Dictionary<string, string>
        {
            ["Input.Status"] = "Recovered",
            ["Input.Reason"] = "Đã khôi phục theo Mẫu 06",
        }, formPageUrl: $"/Tokens/Details/{locked.Id}", ct: Ct);
        var text = TestHtml.Text(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Không được chuyển thiết bị {locked.SerialNumber} sang “Đã khôi phục” trực tiếp", text, StringComparison.Ordinal);
        Assert.Contains("theo Điều 6 Quy chế", text, StringComparison.Ordinal);
        await using var after = portal.CreateDbContext();
        var token = await after.Tokens.SingleAsync(t => t.Id == locked.Id, Ct);
        Assert.Equal(TokenStatus.Locked, token.Status);
        Assert.Equal(locked.RecoveryCount, token.RecoveryCount);
        Assert.False(await after.TimelineEvents.AnyAsync(e => e.SubjectId == locked.Id && e.ToState == "Đã khôi phục", Ct));
    }

    [Fact]
    public async Task ChangeStatus_WithoutReason_ShowsMessageNextToTheField()
    {
        await using var db = portal.CreateDbContext();
        var token = await db.Tokens.FirstAsync(t => t.Status == TokenStatus.HandedOver, Ct);
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var response = await PortalFactory.PostFormAsync(client, $"/Tokens/Details/{token.Id}?handler=ChangeStatus", new Dictionary<string, string>
        {
            ["Input.Status"] = "Locked",
            ["Input.Reason"] = "",
        }, formPageUrl: $"/Tokens/Details/{token.Id}", ct: Ct);

        Assert.Contains("Vui lòng nêu lý do thay đổi trạng thái.", TestHtml.Text(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        await using var after = portal.CreateDbContext();
        Assert.Equal(TokenStatus.HandedOver, (await after.Tokens.SingleAsync(t => t.Id == token.Id, Ct)).Status);
    }

    [Fact]
    public async Task Handover_FromStock_RecordsTheMinuteAndTheCustodian()
    {
        await using var db = portal.CreateDbContext();
        var token = await db.Tokens.FirstAsync(t => t.Status == TokenStatus.InStock && t.Agency!.Name == "Sở Tư pháp tỉnh Phú Thọ", Ct);
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var response = await PortalFactory.PostFormAsync(client, $"/Tokens/Handover/{token.Id}", new Dictionary<string, string>
        {
            ["Input.Date"] = "25/11/2026",
            ["Input.GiverName"] = "Văn thư Sở Tư pháp",
            ["Input.ReceiverName"] = "Phạm Thị Nhận",
            ["Input.ReceiverPosition"] = "Chuyên viên",
            ["Input.Reason"] = "Cấp thiết bị dự phòng",
            ["Input.Condition"] = "Còn niêm phong",
        }, ct: Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var after = portal.CreateDbContext();
        var saved = await after.Tokens.SingleAsync(t => t.Id == token.Id, Ct);
        Assert.Equal(TokenStatus.HandedOver, saved.Status);
        Assert.Equal("Phạm Thị Nhận", saved.CustodianName);
        Assert.True(await after.TokenHandovers.AnyAsync(h => h.TokenId == token.Id && h.Date == new DateOnly(2026, 11, 25), Ct));
    }

    [Fact]
    public async Task Handover_DateInTheFuture_IsRefused()
    {
        await using var db = portal.CreateDbContext();
        var token = await db.Tokens.FirstAsync(t => t.Status == TokenStatus.InStock && t.Agency!.Name == "Sở Xây dựng tỉnh Phú Thọ", Ct);
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var response = await PortalFactory.PostFormAsync(client, $"/Tokens/Handover/{token.Id}", new Dictionary<string, string>
        {
            ["Input.Date"] = "01/01/2027",
            ["Input.GiverName"] = "Văn thư",
            ["Input.ReceiverName"] = "Người Nhận",
            ["Input.Reason"] = "Thử",
        }, ct: Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Contains("Ngày bàn giao không được sau ngày hôm nay.", TestHtml.Text(html), StringComparison.Ordinal);
        Assert.Equal("01/01/2027", TestHtml.InputValue(html, "Input.Date"));
    }

    [Fact]
    public async Task Handover_WithTheWrittenPermission_PrintsItAndBothUnits_AndAHalfPermissionIsRefusedNextToTheField()
    {
        await using var db = portal.CreateDbContext();
        var token = await db.Tokens.OrderByDescending(t => t.Id).FirstAsync(t => t.Status == TokenStatus.InStock
            && t.Agency!.Name != "Sở Tư pháp tỉnh Phú Thọ" && t.Agency!.Name != "Sở Xây dựng tỉnh Phú Thọ", Ct);
        var client = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var fields = new Dictionary<string, string>
        {
            ["Input.Date"] = "25/11/2026",
            ["Input.GiverName"] = "Lê Văn Thư",
            ["Input.GiverUnit"] = "Văn phòng Sở",
            ["Input.ReceiverName"] = "Phạm Thị Nhận",
            ["Input.ReceiverUnit"] = "Phòng Hành chính",
            ["Input.Reason"] = "Giao thiết bị của cơ quan để ký số thay khi văn thư nghỉ phép",
            ["Input.PermissionNumber"] = "15/QĐ-VP",
        };

        var half = await PortalFactory.PostFormAsync(client, $"/Tokens/Handover/{token.Id}", fields, ct: Ct);
        var halfHtml = await half.Content.ReadAsStringAsync(Ct);
        fields["Input.PermissionDate"] = "20/11/2026";
        var saved = await PortalFactory.PostFormAsync(client, $"/Tokens/Handover/{token.Id}", fields, ct: Ct);

        Assert.Matches("Input.PermissionNumber[^>]*>Văn bản cho phép bàn giao phải ghi đủ số và ngày", halfHtml);
        Assert.Equal("15/QĐ-VP", TestHtml.InputValue(halfHtml, "Input.PermissionNumber"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var after = portal.CreateDbContext();
        var record = await after.TokenHandovers.SingleAsync(h => h.TokenId == token.Id, Ct);
        Assert.Equal(new DateOnly(2026, 11, 20), record.PermissionDate);
        var pdf = await client.GetByteArrayAsync(new Uri($"/Letters/Handover/{record.Id}", UriKind.Relative), Ct);
        var text = Documents.Poppler.Squash(Documents.Poppler.PdfToText(pdf, Documents.PdfTextMode.Raw));
        Assert.Contains("Căn cứ Văn bản số 15/QĐ-VP ngày 20/11/2026 của người có thẩm quyền cho phép bàn giao thiết bị lưu khóa bí mật;", text, StringComparison.Ordinal);
        Assert.Contains("- Đơn vị: Văn phòng Sở", text, StringComparison.Ordinal);
        Assert.Contains("- Đơn vị: Phòng Hành chính", text, StringComparison.Ordinal);
        var docx = await client.GetByteArrayAsync(new Uri($"/Letters/Handover/{record.Id}?handler=Docx", UriKind.Relative), Ct);
        Documents.LettersOfRecordTests.AssertSameText(pdf, docx);
    }
}
