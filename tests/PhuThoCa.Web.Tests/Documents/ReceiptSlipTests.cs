using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Letters;

namespace PhuThoCa.Web.Tests.Documents;

/// <summary>
/// Issue 12 item 2.1: receiving a Mẫu 04/06 request stores the giấy tiếp nhận hồ sơ và hẹn trả kết quả in the same save,
/// numbered from its own year's register, with the receipt number, the due date and its legal basis from the domain.
/// </summary>
public partial class LettersOfRecordTests
{
    [Fact]
    public async Task Receipt_StoresTheReceiptSlip_WithNumberDueDateAndLegalBasis_PdfAndDocxAlike()
    {
        var id = await _scenarios.RenewAsync(receive: true);
        Request request;
        GeneratedLetter slip;
        await using (var db = portal.CreateDbContext())
        {
            request = await db.Requests.SingleAsync(r => r.Id == id, Ct);
            slip = Assert.Single(await db.GeneratedLetters.Where(l => l.RequestId == id && l.Kind == LetterKinds.ReceiptSlip).ToListAsync(Ct));
        }

        Assert.Matches("^[0-9]+/GTN-SKHCN$", slip.Number);
        Assert.True(slip.IsSent);
        Assert.Equal(DeadlineStep.FileOnCaPortal, request.DueStep);
        var client = await portal.CreateClientAsync(Officer, Ct);
        var pdf = await GetBytesAsync(client, $"/Letters/Pdf/{id}?version={slip.Id}");
        Assert.Equal(slip.Sha256, RequestLetterService.Sha256(pdf));
        var text = Poppler.Squash(Poppler.PdfToText(pdf, PdfTextMode.Raw));
        Assert.Matches($"Số: 0?{Regex.Escape(slip.Number!)}", text);
        Assert.Contains("TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", text.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.Contains($"Số tiếp nhận: {request.ReceiptNumber}", text, StringComparison.Ordinal);
        Assert.Contains($"Ngày hẹn trả kết quả: {VietnamTime.DateText(request.DueDate!.Value)}", text, StringComparison.Ordinal);
        Assert.Contains(Poppler.Squash(LegalDeadlines.LegalBasis(DeadlineStep.FileOnCaPortal)), text, StringComparison.Ordinal);
        AssertSameText(pdf, await GetBytesAsync(client, $"/Letters/Docx/{id}?version={slip.Id}"));

        var details = TestHtml.Text(await client.GetStringAsync(new Uri($"/Requests/Details/{id}", UriKind.Relative), Ct));
        Assert.Contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", details, StringComparison.Ordinal);
        var foreign = await portal.CreateClientAsync(OtherOfficer, Ct);
        foreach (var url in new[] { $"/Letters/Pdf/{id}?version={slip.Id}", $"/Letters/Docx/{id}?version={slip.Id}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(new Uri(url, UriKind.Relative), Ct)).StatusCode);
        }
    }
}
