using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Infrastructure;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>
/// QĐ-PT Điều 5.4c: Sở hands the renewed certificate to the person the agency named in Mục 1 of its letter ("Phạm Thị
/// Dung" in the arranged requests), or records why someone else received it.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public class HandoverReceiverTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandOver_ToAnotherPersonWithoutReason_IsRefused_WithAReason_IsRecorded()
    {
        var (staff, requestId) = await RenewalWithResultAsync();

        var page = await LoadAsync(staff, requestId, Ct);
        Assert.Contains("Lý do người khác nhận (chỉ khi không phải Phạm Thị Dung)", page.Text, StringComparison.Ordinal);
        var refused = await PostAsync(staff, requestId, "HandOver", page, new Dictionary<string, string>
        {
            ["Handover.ReceiverName"] = "Lê Văn Khác",
            ["Handover.HandedOverOn"] = "26/11/2026",
        }, Ct);
        var text = TestHtml.Text(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Người nhận “Lê Văn Khác” không phải người được cơ quan giao tiếp nhận kết quả trong văn bản đề nghị (Phạm Thị Dung)", text, StringComparison.Ordinal);
        Assert.Contains("value=\"Lê Văn Khác\"", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.ResultReceived, (await ReadAsync(portal, requestId)).Status);

        await ActAsync(staff, requestId, "HandOver", new Dictionary<string, string>
        {
            ["Handover.ReceiverName"] = "Lê Văn Khác",
            ["Handover.HandedOverOn"] = "26/11/2026",
            ["Handover.OtherReceiverReason"] = "Bà Dung đi công tác; giấy giới thiệu số 12/GGT-SYT ngày 25/11/2026",
        }, Ct);

        var done = await ReadAsync(portal, requestId);
        Assert.Equal(RequestStatus.Completed, done.Status);
        Assert.Equal("Lê Văn Khác", done.HandedOverTo);
        var step = done.History.OrderBy(h => h.Id).Last();
        Assert.Equal(RequestAction.HandOver, step.Action);
        Assert.Contains("không phải người được cơ quan giao tiếp nhận là Phạm Thị Dung; lý do: Bà Dung đi công tác", step.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandOver_ToTheNamedPerson_WrittenInOtherCase_NeedsNoReason()
    {
        var (staff, requestId) = await RenewalWithResultAsync();

        await ActAsync(staff, requestId, "HandOver", new Dictionary<string, string>
        {
            ["Handover.ReceiverName"] = "  phạm thị  DUNG ",
            ["Handover.HandedOverOn"] = "26/11/2026",
        }, Ct);

        var done = await ReadAsync(portal, requestId);
        Assert.Equal(RequestStatus.Completed, done.Status);
        Assert.DoesNotContain("lý do", done.History.OrderBy(h => h.Id).Last().Note, StringComparison.Ordinal);
    }

    private async Task<(HttpClient Staff, int RequestId)> RenewalWithResultAsync()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Renew);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        await ActAsync(staff, arranged.RequestId, "Receive", ct: Ct);
        await ActAsync(staff, arranged.RequestId, "Accept", ct: Ct);
        await ActAsync(staff, arranged.RequestId, "File", new Dictionary<string, string> { ["Filing.DossierCode"] = "HS-GH-2026-" + arranged.RequestId }, Ct);
        var filed = await ReadAsync(portal, arranged.RequestId);
        await using var db = portal.CreateDbContext();
        var old = await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == arranged.CertificateId, Ct);
        await ActAsync(staff, arranged.RequestId, "Result", new Dictionary<string, string>
        {
            ["Result.Lines[0].LineId"] = filed.Lines[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Result.Lines[0].Serial"] = "54BB" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            ["Result.Lines[0].NotAfter"] = Format.Date(VietnamTime.ToDate(old.NotAfterUtc).AddYears(3)),
        }, Ct);
        return (staff, arranged.RequestId);
    }
}
