using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Documents;
using static PhuThoCa.Web.Tests.Pages.Requests.OfficerWorld;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>A Mẫu 04 that ticks both boxes: one certificate renewed and its information changed in the same request.</summary>
[Collection(WorkflowSerialGroup.Name)]
public class RenewWithChangeTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_renewal_with_a_change_ticks_both_boxes_and_the_renewed_certificate_carries_the_new_information()
    {
        var world = await CreateAsync(portal, Ct);
        var cert = await world.AddCertificateAsync(world.PersonA, daysLeft: 200, ct: Ct);
        string oldEmail;
        await using (var read = portal.CreateDbContext())
        {
            oldEmail = (await read.Subscribers.SingleAsync(s => s.Id == world.PersonA, Ct)).Email!;
        }

        var newEmail = "an.moi@" + oldEmail.Split('@')[1];
        var client = await portal.CreateClientAsync(world.Officer, Ct);
        var id = await RenewalDraftAsync(client, cert.Id, Ct);
        var editor = await client.GetStringAsync(new Uri(Editor(id), UriKind.Relative), Ct);
        Assert.Contains("data-testid=\"also-change\"", editor, StringComparison.Ordinal);

        var same = await PostAsync(client, id, "AddChangeLine", ChangeFields(cert.Id, oldEmail, oldEmail), Ct);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Contains("hai giá trị phải khác nhau", TestHtml.Text(await same.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var added = await PostAsync(client, id, "AddChangeLine", ChangeFields(cert.Id, oldEmail, newEmail), Ct);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var twice = await PostAsync(client, id, "AddChangeLine", ChangeFields(cert.Id, oldEmail, "an.khac@" + oldEmail.Split('@')[1]), Ct);
        Assert.Contains("đã có nội dung thay đổi", TestHtml.Text(await twice.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var pdf = await client.GetByteArrayAsync(new Uri($"/Letters/Pdf/{id}?preview=true", UriKind.Relative), Ct);
        var text = Poppler.Squash(Poppler.PdfToText(pdf, PdfTextMode.Raw));
        Assert.Contains("đề nghị Sở Khoa học và Công nghệ gia hạn, thay đổi nội dung thông tin chứng thư chữ ký số chuyên dùng công vụ như sau:", text, StringComparison.Ordinal);
        // Narrow table cells wrap long values: compare without the spaces the wrapping leaves.
        Assert.Contains(newEmail, text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(2, text.Count(c => c == '×')); // "Gia hạn" and "TĐTT" on the one row

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, id, Ct)).StatusCode);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        await WorkflowArrange.ActAsync(staff, id, "Receive", ct: Ct);
        var details = TestHtml.Text(await staff.GetStringAsync(new Uri($"/Requests/Details/{id}", UriKind.Relative), Ct));
        Assert.Contains($"Kèm thay đổi thông tin – Địa chỉ thư điện tử công vụ: “{oldEmail}” → “{newEmail}”", details, StringComparison.Ordinal);
        await WorkflowArrange.ActAsync(staff, id, "Accept", ct: Ct);
        await WorkflowArrange.ActAsync(staff, id, "File", new Dictionary<string, string> { ["Filing.DossierCode"] = "HS-GH-2026-00777" }, Ct);
        var filed = await WorkflowArrange.ReadAsync(portal, id);
        var newSerial = "54BB" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await WorkflowArrange.ActAsync(staff, id, "Result", new Dictionary<string, string>
        {
            ["Result.Lines[0].LineId"] = filed.Lines[0].Id.ToString(CultureInfo.InvariantCulture),
            ["Result.Lines[0].Serial"] = newSerial,
            ["Result.Lines[0].NotAfter"] = "30/06/2029",
        }, Ct);

        await using var db = portal.CreateDbContext();
        var successor = await db.Certificates.SingleAsync(c => c.SerialNumber == newSerial, Ct);
        Assert.Equal(CertificateStatus.Valid, successor.Status);
        Assert.Contains("E=" + newEmail, successor.SubjectDn, StringComparison.Ordinal);
        Assert.DoesNotContain(oldEmail, successor.SubjectDn, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2029, 6, 30), VietnamTime.ToDate(successor.NotAfterUtc));
        Assert.Equal(newEmail, (await db.Subscribers.SingleAsync(s => s.Id == world.PersonA, Ct)).Email);
    }

    private static Dictionary<string, string> ChangeFields(int certificateId, string oldValue, string newValue) => new()
    {
        ["ChangeLine.CertificateId"] = certificateId.ToString(CultureInfo.InvariantCulture),
        ["ChangeLine.Case"] = nameof(ChangeInfoCase.PersonChangedOfficialEmail),
        ["ChangeLine.OldValue"] = oldValue,
        ["ChangeLine.NewValue"] = newValue,
    };
}
