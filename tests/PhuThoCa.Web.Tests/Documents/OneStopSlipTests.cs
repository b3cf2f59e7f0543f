using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Web.Requests.Filing;
using PhuThoCa.Web.Requests.Review;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Documents;

/// <summary>
/// Issue 12 item 2: receiving a Mẫu 04/06 request stores the giấy tiếp nhận hồ sơ và hẹn trả kết quả in the same save,
/// numbered from its own year's register, with the receipt number, the due date and its legal basis from the domain;
/// returning it for supplement stores the phiếu yêu cầu bổ sung with the reasons Sở wrote.
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
        var text = await ReadSlipAsync(client, id, slip);
        Assert.Contains("TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", text.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.Contains($"Số tiếp nhận: {request.ReceiptNumber}", text, StringComparison.Ordinal);
        Assert.Contains($"Ngày hẹn trả kết quả: {VietnamTime.DateText(request.DueDate!.Value)}", text, StringComparison.Ordinal);
        Assert.Contains(Poppler.Squash(LegalDeadlines.LegalBasis(DeadlineStep.FileOnCaPortal)), text, StringComparison.Ordinal);

        var details = TestHtml.Text(await client.GetStringAsync(new Uri($"/Requests/Details/{id}", UriKind.Relative), Ct));
        Assert.Contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", details, StringComparison.Ordinal);
        var foreign = await portal.CreateClientAsync(OtherOfficer, Ct);
        foreach (var url in new[] { $"/Letters/Pdf/{id}?version={slip.Id}", $"/Letters/Docx/{id}?version={slip.Id}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(new Uri(url, UriKind.Relative), Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task ReturnForSupplement_StoresThePhieuWithTheReasons_AndAReceiptAfterResubmissionGetsTheNextNumber()
    {
        var id = await _scenarios.ReturnedRenewalAsync();
        Request request;
        GeneratedLetter slip;
        GeneratedLetter receipt;
        await using (var db = portal.CreateDbContext())
        {
            request = await db.Requests.SingleAsync(r => r.Id == id, Ct);
            slip = Assert.Single(await db.GeneratedLetters.Where(l => l.RequestId == id && l.Kind == LetterKinds.SupplementSlip).ToListAsync(Ct));
            receipt = await db.GeneratedLetters.SingleAsync(l => l.RequestId == id && l.Kind == LetterKinds.ReceiptSlip, Ct);
        }

        Assert.Equal(RequestStatus.ReturnedForSupplement, request.Status);
        Assert.Matches("^[0-9]+/PBS-SKHCN$", slip.Number);
        foreach (var user in new[] { Officer, Staff, "kiemtra" })
        {
            var client = await portal.CreateClientAsync(user, Ct);
            var text = await ReadSlipAsync(client, id, slip);
            Assert.Contains("YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", text.ToUpperInvariant(), StringComparison.Ordinal);
            Assert.Contains($"số tiếp nhận {request.ReceiptNumber}", text, StringComparison.Ordinal);
            Assert.Contains("- Văn bản đề nghị chưa ghi địa chỉ thư điện tử công vụ của người tiếp nhận.", text, StringComparison.Ordinal);
            Assert.Contains("- Bổ sung bản sao Căn cước của người tiếp nhận kết quả.", text, StringComparison.Ordinal);
        }

        var foreign = await portal.CreateClientAsync(OtherOfficer, Ct);
        Assert.Equal(HttpStatusCode.NotFound,
            (await foreign.GetAsync(new Uri($"/Letters/Pdf/{id}?version={slip.Id}", UriKind.Relative), Ct)).StatusCode);

        // Resubmitted and received again: the period restarts, so a new giấy tiếp nhận with the next number of the register.
        await using (var db = portal.CreateDbContext())
        {
            var tracked = await db.Requests.Include(r => r.Lines).Include(r => r.History).SingleAsync(r => r.Id == id, Ct);
            await PerformAsync<ResubmitRequest, SubmitInput>(portal, db, tracked, new SubmitInput { Confirm = true },
                await ActorAsync(db, Officer, NowUtc(portal)));
            await PerformAsync<ReceiveRequest, ReceiveInput>(portal, db, tracked, new ReceiveInput(), await ActorAsync(db, Staff, NowUtc(portal)));
        }

        await using var check = portal.CreateDbContext();
        var receipts = await check.GeneratedLetters.Where(l => l.RequestId == id && l.Kind == LetterKinds.ReceiptSlip).OrderBy(l => l.Id)
            .ToListAsync(Ct);
        Assert.Equal(2, receipts.Count);
        Assert.Equal(receipt.Id, receipts[0].Id);
        Assert.NotEqual(receipts[0].Number, receipts[1].Number);
    }

    /// <summary>
    /// The stored slip as <paramref name="client"/> downloads it: the same bytes, the number printed, the ND 30 page checks and
    /// a DOCX with the same text; returns the PDF's text.
    /// </summary>
    private static async Task<string> ReadSlipAsync(HttpClient client, int id, GeneratedLetter slip)
    {
        var pdf = await GetBytesAsync(client, $"/Letters/Pdf/{id}?version={slip.Id}");
        Assert.Equal(slip.Sha256, RequestLetterService.Sha256(pdf));
        var text = Poppler.Squash(Poppler.PdfToText(pdf, PdfTextMode.Raw));
        Assert.Matches($"Số: 0?{Regex.Escape(slip.Number!)}", text);
        AssertSameText(pdf, await GetBytesAsync(client, $"/Letters/Docx/{id}?version={slip.Id}"));
        RequestLetterTests.AssertNd30Page(pdf, slip.Kind);
        return text;
    }
}
