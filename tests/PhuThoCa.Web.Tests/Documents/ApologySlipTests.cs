using System.Net;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Tests.Support;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Documents;

/// <summary>
/// Issue 12 item 2, phiếu xin lỗi và hẹn lại ngày trả kết quả: Sở staff promise a new date for a Mẫu 04 request due today;
/// the promise is in the history and on the details page, the numbered slip is stored in the same save (PDF and DOCX alike,
/// ND 30 layout), the legal due date does not move; an officer cannot do it and another agency gets 404.
/// </summary>
public partial class LettersOfRecordTests
{
    [Fact]
    public async Task PromiseNewReturnDate_OnTheDueDay_StoresTheApologySlip_KeepsTheDueDate_AndShowsThePromise()
    {
        // A portal of its own: its clock moves to the request's due date.
        await using var own = new PortalFactory();
        await own.InitializeAsync();
        var id = await new RequestLetterScenarios(own).RenewAsync(receive: true);
        var received = await ReadAsync(own, id);
        var due = received.DueDate!.Value;
        own.Clock.SetUtcNow(new DateTimeOffset(due.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)));
        DateOnly newDate;
        await using (var db = own.CreateDbContext())
        {
            newDate = (await DeadlinesAsync(own, db)).AddWorkingDays(due, 2);
        }

        var fields = new Dictionary<string, string>
        {
            ["Promise.NewDate"] = VietnamTime.DateText(newDate),
            ["Promise.Reason"] = "Chờ Cục xác minh thông tin chứng thư số",
        };

        // An officer of the agency may not; another agency's officer does not see the request at all.
        var officer = await own.CreateClientAsync(Officer, Ct);
        var officerPage = await LoadAsync(officer, id, Ct);
        Assert.DoesNotContain("data-testid=\"form-promise\"", officerPage.Html, StringComparison.Ordinal);
        var officerPost = await PostAsync(officer, id, "Promise", officerPage, fields, Ct);
        Assert.Contains("/Account/AccessDenied", officerPost.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var foreign = await own.CreateClientAsync(OtherOfficer, Ct);
        var foreignPost = await PortalFactory.PostFormAsync(foreign, $"/Requests/Details/{id}?handler=Promise",
            new Dictionary<string, string>(fields) { ["RowVersion"] = officerPage.RowVersion! }, formPageUrl: "/Requests", ct: Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreignPost.StatusCode);

        // A Saturday is refused next to the field, the input stays, nothing is written.
        var staff = await own.CreateClientAsync(Staff, Ct);
        var page = await LoadAsync(staff, id, Ct);
        Assert.Contains("data-testid=\"form-promise\"", page.Html, StringComparison.Ordinal);
        var saturday = due.AddDays(((int)DayOfWeek.Saturday - (int)due.DayOfWeek + 7) % 7);
        var refused = await PostAsync(staff, id, "Promise", page, new Dictionary<string, string>(fields)
        {
            ["Promise.NewDate"] = VietnamTime.DateText(saturday),
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedText = TestHtml.Text(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Ngày hẹn trả lại phải là một ngày làm việc sau ngày hôm nay.", refusedText, StringComparison.Ordinal);
        Assert.Contains("Chờ Cục xác minh thông tin chứng thư số", refusedText, StringComparison.Ordinal);
        await using (var db = own.CreateDbContext())
        {
            Assert.False(await db.GeneratedLetters.AnyAsync(l => l.RequestId == id && l.Kind == LetterKinds.ApologySlip, Ct));
        }

        await ActAsync(staff, id, "Promise", fields, Ct);

        var request = await ReadAsync(own, id);
        GeneratedLetter slip;
        await using (var db = own.CreateDbContext())
        {
            slip = Assert.Single(await db.GeneratedLetters.Where(l => l.RequestId == id && l.Kind == LetterKinds.ApologySlip).ToListAsync(Ct));
            var promise = await db.TimelineEvents.SingleAsync(e => e.SubjectId == id && e.Action == Request.PromiseTitle, Ct);
            Assert.Equal(VietnamTime.DateText(due), promise.FromState);
            Assert.Equal(VietnamTime.DateText(newDate), promise.ToState);
        }

        Assert.Equal(due, request.DueDate);
        Assert.Equal(received.Status, request.Status);
        Assert.Matches("^[0-9]+/PXL-SKHCN$", slip.Number);
        var text = await ReadSlipAsync(staff, id, slip);
        Assert.Contains("XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", text.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.Contains($"số tiếp nhận {request.ReceiptNumber}", text, StringComparison.Ordinal);
        Assert.Contains($"Ngày hẹn trả kết quả theo giấy tiếp nhận: {VietnamTime.DateText(due)}", text, StringComparison.Ordinal);
        Assert.Contains($"hẹn lại ngày trả kết quả là ngày {VietnamTime.DateText(newDate)}", text, StringComparison.Ordinal);
        Assert.Contains("Lý do chậm trả kết quả: Chờ Cục xác minh thông tin chứng thư số.", text, StringComparison.Ordinal);

        // The agency sees the promise and the named slip buttons; the foreign agency gets 404 for the slip.
        var details = await LoadAsync(officer, id, Ct);
        Assert.Contains($"Hẹn trả lại: {VietnamTime.DateText(newDate)}", TestHtml.Text(details.Html), StringComparison.Ordinal);
        Assert.Contains($"href=\"/Letters/Pdf/{id}?version={slip.Id}\" data-testid=\"slip-pdf\" data-kind=\"{LetterKinds.ApologySlip}\"",
            details.Html, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"slip-pdf\" data-kind=\"{LetterKinds.ReceiptSlip}\"", details.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound,
            (await foreign.GetAsync(new Uri($"/Letters/Pdf/{id}?version={slip.Id}", UriKind.Relative), Ct)).StatusCode);
    }
}
