using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Calendar;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Infrastructure;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>Each workflow end to end through the real details page, from a submitted request to its closing step.</summary>
[Collection(WorkflowSerialGroup.Name)]
public class WorkflowTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Renew_ReceivedAcceptedFiledResultHandedOver_RegisterShowsTheSuccessor()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Renew);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        await ActAsync(staff, arranged.RequestId, "Receive", ct: Ct);

        await using (var db = portal.CreateDbContext())
        {
            var calendar = await portal.Services.GetRequiredService<CalendarProvider>().GetAsync(db, Ct);
            var expected = calendar.AddWorkingDays(calendar.EffectiveStartDay(portal.Clock.GetUtcNow()), 3);
            var received = await ReadAsync(portal, arranged.RequestId);
            Assert.Equal(RequestStatus.Received, received.Status);
            Assert.Equal(expected, received.DueDate);
            Assert.Equal(new DateOnly(2026, 12, 1), expected);
            Assert.StartsWith("SKHCN-2026-", received.ReceiptNumber, StringComparison.Ordinal);
            var page = await LoadAsync(staff, arranged.RequestId, Ct);
            Assert.Contains("Hạn xử lý: 01/12/2026", page.Text, StringComparison.Ordinal);
            Assert.Contains("Còn 3 ngày làm việc", page.Text, StringComparison.Ordinal);
            Assert.Contains("Điều 5 khoản 4 điểm c", page.Text, StringComparison.Ordinal);
        }

        await ActAsync(staff, arranged.RequestId, "Accept", ct: Ct);
        await ActAsync(staff, arranged.RequestId, "File", new Dictionary<string, string> { ["Filing.DossierCode"] = "HS-GH-2026-00042" }, Ct);
        var filed = await ReadAsync(portal, arranged.RequestId);
        Assert.Equal(RequestStatus.AwaitingCaResult, filed.Status);
        var awaiting = await LoadAsync(staff, arranged.RequestId, Ct);
        Assert.Contains("Thời gian dự kiến", awaiting.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Quá hạn", awaiting.Text, StringComparison.Ordinal);

        await using var before = portal.CreateDbContext();
        var old = await before.Certificates.AsNoTracking().SingleAsync(c => c.Id == arranged.CertificateId, Ct);
        var newSerial = "54AA" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var newEnd = VietnamTime.ToDate(old.NotAfterUtc).AddYears(3);
        await ActAsync(staff, arranged.RequestId, "Result", new Dictionary<string, string>
        {
            ["Result.Lines[0].LineId"] = filed.Lines[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Result.Lines[0].Serial"] = newSerial,
            ["Result.Lines[0].NotAfter"] = Format.Date(newEnd),
        }, Ct);
        await ActAsync(staff, arranged.RequestId, "HandOver", new Dictionary<string, string>
        {
            ["Handover.ReceiverName"] = "Phạm Thị Dung",
            ["Handover.HandedOverOn"] = "26/11/2026",
        }, Ct);

        var done = await ReadAsync(portal, arranged.RequestId);
        Assert.Equal(RequestStatus.Completed, done.Status);
        Assert.Equal(
            [RequestAction.Submit, RequestAction.Receive, RequestAction.Accept, RequestAction.RecordFiledOnCaPortal, RequestAction.RecordCaResult, RequestAction.HandOver],
            done.History.OrderBy(h => h.Id).Select(h => h.Action));
        await using var after = portal.CreateDbContext();
        var superseded = await after.Certificates.SingleAsync(c => c.Id == arranged.CertificateId, Ct);
        var successor = await after.Certificates.SingleAsync(c => c.SerialNumber == newSerial, Ct);
        Assert.Equal(CertificateStatus.Superseded, superseded.Status);
        Assert.Equal(successor.Id, superseded.SuccessorId);
        Assert.Equal(superseded.Id, successor.PredecessorId);
        Assert.Equal(1, successor.RenewalCount);
        Assert.Equal(newEnd, VietnamTime.ToDate(successor.NotAfterUtc));
        var register = await staff.GetStringAsync(new Uri($"/Certificates/Details/{superseded.Id}", UriKind.Relative), Ct);
        Assert.Contains(newSerial, register, StringComparison.Ordinal);
        Assert.Contains("Chứng thư gia hạn", TestHtml.Text(register), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_WithoutAReason_ShowsTheMessage_WithAReason_Rejects()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Renew);
        await ReceiveAsync(portal, arranged.RequestId, NowUtc(portal).AddMinutes(-20));
        var staff = await portal.CreateClientAsync("chuyenvien2.skhcn", Ct);

        var page = await LoadAsync(staff, arranged.RequestId, Ct);
        var response = await PostAsync(staff, arranged.RequestId, "Reject", page, new Dictionary<string, string> { ["Rejection.Reason"] = "  " }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vui lòng nêu rõ lý do từ chối", TestHtml.Text(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Received, (await ReadAsync(portal, arranged.RequestId)).Status);

        await ActAsync(staff, arranged.RequestId, "Reject", new Dictionary<string, string>
        {
            ["Rejection.Reason"] = "Văn bản đề nghị chưa có chữ ký số của thủ trưởng cơ quan.",
        }, Ct);

        var rejected = await ReadAsync(portal, arranged.RequestId);
        Assert.Equal(RequestStatus.Rejected, rejected.Status);
        Assert.Equal("Văn bản đề nghị chưa có chữ ký số của thủ trưởng cơ quan.", rejected.RejectionReason);
        var officer = await portal.CreateClientAsync("canbo.syte", Ct);
        Assert.Contains("Lý do Sở từ chối: Văn bản đề nghị chưa có chữ ký số", (await LoadAsync(officer, arranged.RequestId, Ct)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnForSupplement_ThenResubmit_RestartsTheClockFromTheNewReceipt()
    {
        // Received on Monday 23/11 (due Thursday 26/11), returned and resubmitted today, Thursday 26/11.
        var arranged = await SubmittedAsync(portal, RequestType.ChangeInfo, submittedAtUtc: VietnamTime.FromLocal(new DateTime(2026, 11, 23, 8, 0, 0)));
        await ReceiveAsync(portal, arranged.RequestId, VietnamTime.FromLocal(new DateTime(2026, 11, 23, 9, 0, 0)));
        var first = await ReadAsync(portal, arranged.RequestId);
        Assert.Equal(new DateOnly(2026, 11, 26), first.DueDate);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var officer = await portal.CreateClientAsync("canbo.syte", Ct);

        var page = await LoadAsync(staff, arranged.RequestId, Ct);
        var empty = await PostAsync(staff, arranged.RequestId, "Return", page, new Dictionary<string, string> { ["Return.Reason"] = "" }, Ct);
        Assert.Contains("Vui lòng nêu rõ nội dung cơ quan cần bổ sung.", TestHtml.Text(await empty.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        await ActAsync(staff, arranged.RequestId, "Return", new Dictionary<string, string>
        {
            ["Return.Reason"] = "Bổ sung văn bản xác nhận địa chỉ thư điện tử công vụ mới của cơ quan quản lý.",
        }, Ct);
        var returned = await ReadAsync(portal, arranged.RequestId);
        Assert.Equal(RequestStatus.ReturnedForSupplement, returned.Status);
        Assert.Null(returned.DueDate);
        Assert.Contains("Bổ sung văn bản xác nhận", (await LoadAsync(officer, arranged.RequestId, Ct)).Text, StringComparison.Ordinal);

        await ActAsync(officer, arranged.RequestId, "Resubmit", new Dictionary<string, string> { ["Submission.Note"] = "Đã bổ sung văn bản xác nhận", ["Submission.Confirm"] = "true" }, Ct);
        await ActAsync(staff, arranged.RequestId, "Receive", ct: Ct);

        var again = await ReadAsync(portal, arranged.RequestId);
        Assert.Equal(RequestStatus.Received, again.Status);
        Assert.Equal(first.ReceiptNumber, again.ReceiptNumber);
        Assert.Equal(new DateOnly(2026, 11, 26), again.ValidFromDate);
        Assert.Equal(new DateOnly(2026, 12, 1), again.DueDate);
    }

    [Fact]
    public async Task Accept_ByTwoStaffAtOnce_OneSucceeds_TheOtherGetsTheConcurrencyMessage()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Renew);
        await ReceiveAsync(portal, arranged.RequestId, NowUtc(portal).AddMinutes(-20));
        var first = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var second = await portal.CreateClientAsync("chuyenvien2.skhcn", Ct);
        var pageOfFirst = await LoadAsync(first, arranged.RequestId, Ct);
        var pageOfSecond = await LoadAsync(second, arranged.RequestId, Ct);

        var one = await PostAsync(first, arranged.RequestId, "Accept", pageOfFirst, new Dictionary<string, string> { ["Acceptance.Note"] = "Hồ sơ hợp lệ" }, Ct);
        var other = await PostAsync(second, arranged.RequestId, "Accept", pageOfSecond, new Dictionary<string, string> { ["Acceptance.Note"] = "Đồng ý tiếp nhận" }, Ct);

        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var html = await other.Content.ReadAsStringAsync(Ct);
        Assert.Contains(DomainRuleFilter.ConcurrencyMessage, TestHtml.Text(html), StringComparison.Ordinal);
        Assert.Contains("Sở đã chấp nhận", TestHtml.Text(html), StringComparison.Ordinal);
        var accepted = await ReadAsync(portal, arranged.RequestId);
        Assert.Equal(RequestStatus.Accepted, accepted.Status);
        Assert.Single(accepted.History, h => h.Action == RequestAction.Accept);
        Assert.Equal("Hồ sơ hợp lệ", accepted.History.Single(h => h.Action == RequestAction.Accept).Note);
    }

    [Fact]
    public async Task Accept_ByTheStaffMemberWhoCreatedTheRequest_IsRefusedWithTheRule()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Renew, createdBy: "chuyenvien2.skhcn");
        await ReceiveAsync(portal, arranged.RequestId, NowUtc(portal).AddMinutes(-20), staff: "chuyenvien.skhcn");
        var creator = await portal.CreateClientAsync("chuyenvien2.skhcn", Ct);

        var page = await LoadAsync(creator, arranged.RequestId, Ct);
        var response = await PostAsync(creator, arranged.RequestId, "Accept", page, ct: Ct);

        Assert.Contains("Bạn là người lập yêu cầu này", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Không thể “Chấp nhận” yêu cầu do chính mình lập", TestHtml.Text(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Received, (await ReadAsync(portal, arranged.RequestId)).Status);
    }

    [Fact]
    public async Task OfficerOfAnotherAgency_Gets404_OnTheDetailsAndOnEveryAction()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Revoke);
        var outsider = await portal.CreateClientAsync("canbo.viettri", Ct);

        var page = await outsider.GetAsync(new Uri($"/Requests/Details/{arranged.RequestId}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        string[] handlers = ["Submit", "Resubmit", "Cancel", "Receive", "Return", "Accept", "Reject", "File", "Result", "CaRejection", "HandOver", "Recovered", "TokenReturned"];
        foreach (var handler in handlers)
        {
            var response = await PortalFactory.PostFormAsync(outsider, $"/Requests/Details/{arranged.RequestId}?handler={handler}",
                new Dictionary<string, string> { ["Cancellation.Reason"] = "Thử", ["RowVersion"] = "AAAA" }, formPageUrl: "/", ct: Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{handler}: {(int)response.StatusCode}");
        }

        Assert.Equal(RequestStatus.Submitted, (await ReadAsync(portal, arranged.RequestId)).Status);
    }

    [Fact]
    public async Task Auditor_SeesTheRequest_WithoutAnyForm_AndCannotPost()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Renew);
        var auditor = await portal.CreateClientAsync("kiemtra", Ct);

        var page = await LoadAsync(auditor, arranged.RequestId, Ct);
        var response = await PostAsync(auditor, arranged.RequestId, "Receive", page with { RowVersion = "AAAA" }, ct: Ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("data-testid=\"form-", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecoverToken_ReceivedAcceptedRecovered_CompletesAndCountsTheRecovery()
    {
        var arranged = await SubmittedAsync(portal, RequestType.RecoverToken);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        await ActAsync(staff, arranged.RequestId, "Receive", ct: Ct);
        Assert.Equal(new DateOnly(2026, 11, 27), (await ReadAsync(portal, arranged.RequestId)).DueDate);
        await ActAsync(staff, arranged.RequestId, "Accept", ct: Ct);
        await ActAsync(staff, arranged.RequestId, "Recovered", new Dictionary<string, string> { ["Recovery.Note"] = "Khôi phục tại Sở" }, Ct);

        Assert.Equal(RequestStatus.Completed, (await ReadAsync(portal, arranged.RequestId)).Status);
        await using var db = portal.CreateDbContext();
        var token = await db.Tokens.SingleAsync(t => t.Id == arranged.TokenId, Ct);
        Assert.Equal(TokenStatus.Recovered, token.Status);
        Assert.Equal(1, token.RecoveryCount);
        Assert.True(await db.TimelineEvents.AnyAsync(e => e.Subject == TimelineSubject.Token && e.SubjectId == token.Id && e.ToState == "Đã khôi phục", Ct));
    }

    [Fact]
    public async Task Post_OfAnActionTheTableDoesNotAllowNow_ShowsTheTableRefusal_AndChangesNothing()
    {
        var arranged = await SubmittedAsync(portal, RequestType.RecoverToken);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var page = await LoadAsync(staff, arranged.RequestId, Ct);
        var response = await PostAsync(staff, arranged.RequestId, "Result", page, ct: Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Không thể “Ghi nhận kết quả của Cục” yêu cầu đang ở trạng thái “Đã gửi”.",
            TestHtml.Text(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Submitted, (await ReadAsync(portal, arranged.RequestId)).Status);
    }

    [Fact]
    public async Task Revoke_ResultRevokesTheCertificate_ThenTheAgencyReturnsTheToken()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Revoke);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var officer = await portal.CreateClientAsync("canbo.syte", Ct);

        await ActAsync(staff, arranged.RequestId, "Receive", ct: Ct);
        var tracked = await LoadAsync(staff, arranged.RequestId, Ct);
        Assert.Contains("Dự kiến có kết quả", tracked.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Quá hạn", tracked.Text, StringComparison.Ordinal);
        await ActAsync(staff, arranged.RequestId, "Result", new Dictionary<string, string> { ["Result.RevokedOn"] = "26/11/2026" }, Ct);

        var awaiting = await ReadAsync(portal, arranged.RequestId);
        Assert.Equal(RequestStatus.AwaitingTokenReturn, awaiting.Status);
        Assert.Equal(new DateOnly(2026, 12, 3), awaiting.DueDate);
        await using (var db = portal.CreateDbContext())
        {
            Assert.Equal(CertificateStatus.Revoked, (await db.Certificates.SingleAsync(c => c.Id == arranged.CertificateId, Ct)).Status);
            // The period ends at 24:00 on its last day: "chậm nhất trong ngày", never "trước ngày".
            var told = await db.Notifications.Where(n => n.RequestId == arranged.RequestId).Select(n => n.Detail).ToListAsync(Ct);
            Assert.Contains(told, d => d != null && d.Contains("Hạn xử lý: chậm nhất trong ngày 03/12/2026.", StringComparison.Ordinal));
        }

        var staffView = await LoadAsync(staff, arranged.RequestId, Ct);
        Assert.DoesNotContain("data-testid=\"form-tokenreturned\"", staffView.Html, StringComparison.Ordinal);
        await ActAsync(officer, arranged.RequestId, "TokenReturned", new Dictionary<string, string>
        {
            ["TokenReturn.Lines[0].LineId"] = awaiting.Lines[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TokenReturn.Lines[0].ReturnOutcome"] = "ReturnedToCa",
            ["TokenReturn.Lines[0].ReturnedOn"] = "26/11/2026",
            ["TokenReturn.Lines[0].MinutesNumber"] = "12/BB-SYT",
        }, Ct);

        var done = await ReadAsync(portal, arranged.RequestId);
        Assert.Equal(RequestStatus.Completed, done.Status);
        Assert.Equal("12/BB-SYT", done.Lines[0].TokenReturnMinutesNumber);
        await using var after = portal.CreateDbContext();
        Assert.Equal(TokenStatus.ReturnedToCa, (await after.Tokens.SingleAsync(t => t.Id == arranged.TokenId, Ct)).Status);
    }

    [Theory]
    [InlineData("ReturnedToCa", "08", "09")]
    [InlineData("Lost", "09", "08")]
    public async Task Revoke_TheRecordedTokenReturnPrintsMau08OrMau09(string outcome, string form, string otherForm)
    {
        var arranged = await SubmittedAsync(portal, RequestType.Revoke);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var officer = await portal.CreateClientAsync("canbo.syte", Ct);
        await ActAsync(staff, arranged.RequestId, "Receive", ct: Ct);
        await ActAsync(staff, arranged.RequestId, "Result", new Dictionary<string, string> { ["Result.RevokedOn"] = "26/11/2026" }, Ct);
        var awaiting = await ReadAsync(portal, arranged.RequestId);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(new Uri($"/Letters/TokenReturn/{arranged.RequestId}/{form}", UriKind.Relative), Ct)).StatusCode);
        await ActAsync(officer, arranged.RequestId, "TokenReturned", new Dictionary<string, string>
        {
            ["TokenReturn.Lines[0].LineId"] = awaiting.Lines[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TokenReturn.Lines[0].ReturnOutcome"] = outcome,
            ["TokenReturn.Lines[0].ReturnedOn"] = "26/11/2026",
            ["TokenReturn.Lines[0].MinutesNumber"] = "7/BB-SYT",
        }, Ct);

        var pdf = await officer.GetByteArrayAsync(new Uri($"/Letters/TokenReturn/{arranged.RequestId}/{form}", UriKind.Relative), Ct);
        var again = await staff.GetByteArrayAsync(new Uri($"/Letters/TokenReturn/{arranged.RequestId}/{form}", UriKind.Relative), Ct);
        var other = await officer.GetAsync(new Uri($"/Letters/TokenReturn/{arranged.RequestId}/{otherForm}", UriKind.Relative), Ct);
        var outsider = await portal.CreateClientAsync("canbo.viettri", Ct);
        var foreign = await outsider.GetAsync(new Uri($"/Letters/TokenReturn/{arranged.RequestId}/{form}", UriKind.Relative), Ct);
        var details = await officer.GetStringAsync(new Uri($"/Requests/Details/{arranged.RequestId}", UriKind.Relative), Ct);

        await using var db = portal.CreateDbContext();
        var token = await db.Tokens.IgnoreQueryFilters().SingleAsync(t => t.Id == arranged.TokenId, Ct);
        var text = Documents.Poppler.Squash(Documents.Poppler.PdfToText(pdf, Documents.PdfTextMode.Raw));
        Assert.Equal(pdf, again);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Contains($"data-testid=\"mau-{form}\"", details, StringComparison.Ordinal);
        Assert.Contains("Số: 07/BB-SYT", text, StringComparison.Ordinal);
        Assert.Contains(token.SerialNumber, text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Nghị định số 68/2024/NĐ-CP, Điều 20; Quy chế, Điều 9 khoản 3", text, StringComparison.Ordinal);
        Assert.Contains("Nơi nhận:", text, StringComparison.Ordinal);
        if (form == "08")
        {
            Assert.Contains("Giao, nhận thiết bị lưu khóa bí mật", text, StringComparison.Ordinal);
            Assert.Contains("2. Bên nhận: Cục Chứng thực số và Bảo mật thông tin – Ban Cơ yếu Chính phủ", text, StringComparison.Ordinal);
            Assert.Contains("ĐẠI DIỆN BÊN GIAO", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Xác nhận thiết bị lưu khóa bí mật bị thất lạc", text, StringComparison.Ordinal);
            Assert.Contains("THỦ TRƯỞNG CƠ QUAN", text, StringComparison.Ordinal);
        }

        Documents.RequestLetterTests.AssertNd30Page(pdf, "mau-" + form);
        var docx = await officer.GetByteArrayAsync(new Uri($"/Letters/TokenReturn/{arranged.RequestId}/{form}?handler=Docx", UriKind.Relative), Ct);
        Documents.LettersOfRecordTests.AssertSameText(pdf, docx);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word, Ct).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join('\n', errors));
        }
        if (Environment.GetEnvironmentVariable("LETTERS_OUT") is { Length: > 0 } folder)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, $"mau-{form}.pdf"), pdf, Ct); // docs/letters/README.md
        }
    }

    [Fact]
    public async Task Issue_ResultCreatesTheCertificateAndToken_AndTheAgencyHandsItOver()
    {
        var arranged = await SubmittedAsync(portal, RequestType.Issue);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var officer = await portal.CreateClientAsync("canbo.syte", Ct);
        await ActAsync(staff, arranged.RequestId, "Receive", ct: Ct);
        var received = await ReadAsync(portal, arranged.RequestId);
        var serial = "54CC" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var tokenSerial = "TKC" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

        var page = await LoadAsync(staff, arranged.RequestId, Ct);
        var missing = await PostAsync(staff, arranged.RequestId, "Result", page, new Dictionary<string, string>
        {
            ["Result.Lines[0].LineId"] = received.Lines[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Result.Lines[0].Serial"] = "",
            ["Result.Lines[0].NotBefore"] = "26/11/2026",
            ["Result.Lines[0].NotAfter"] = "31/02/2031",
        }, Ct);
        var missingText = TestHtml.Text(await missing.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Vui lòng nhập số hiệu chứng thư do Cục cấp.", missingText, StringComparison.Ordinal);
        Assert.Contains("Ngày không hợp lệ, nhập theo dạng dd/MM/yyyy.", missingText, StringComparison.Ordinal);

        await ActAsync(staff, arranged.RequestId, "Result", new Dictionary<string, string>
        {
            ["Result.Lines[0].LineId"] = received.Lines[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Result.Lines[0].Serial"] = serial,
            ["Result.Lines[0].NotBefore"] = "26/11/2026",
            ["Result.Lines[0].NotAfter"] = "25/11/2031",
            ["Result.Lines[0].TokenSerial"] = tokenSerial,
        }, Ct);
        Assert.DoesNotContain("data-testid=\"form-handover\"", (await LoadAsync(staff, arranged.RequestId, Ct)).Html, StringComparison.Ordinal);
        await ActAsync(officer, arranged.RequestId, "HandOver", new Dictionary<string, string>
        {
            ["Handover.ReceiverName"] = "Nguyễn Thị Kiểm",
            ["Handover.HandedOverOn"] = "26/11/2026",
        }, Ct);

        Assert.Equal(RequestStatus.Completed, (await ReadAsync(portal, arranged.RequestId)).Status);
        await using var db = portal.CreateDbContext();
        var certificate = await db.Certificates.SingleAsync(c => c.SerialNumber == serial, Ct);
        var token = await db.Tokens.SingleAsync(t => t.SerialNumber == tokenSerial, Ct);
        Assert.Equal(arranged.SubscriberId, certificate.SubscriberId);
        Assert.Equal(token.Id, certificate.TokenId);
        Assert.Equal(new DateOnly(2031, 11, 25), VietnamTime.ToDate(certificate.NotAfterUtc));
        Assert.Equal(TokenStatus.HandedOver, token.Status);
        Assert.Equal(arranged.SubscriberId, token.CustodianSubscriberId);
        Assert.True(await db.TokenHandovers.AnyAsync(h => h.TokenId == token.Id, Ct));
        Assert.True(await db.TimelineEvents.AnyAsync(e => e.Subject == TimelineSubject.Certificate && e.SubjectId == certificate.Id, Ct));
    }

    [Fact]
    public async Task ChangeInfo_ConfirmedResult_UpdatesTheSubscriberEmail_AndKeepsTheOldValueInHistory()
    {
        var arranged = await SubmittedAsync(portal, RequestType.ChangeInfo);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        await using var before = portal.CreateDbContext();
        var oldEmail = (await before.Subscribers.SingleAsync(s => s.Id == arranged.SubscriberId, Ct)).Email;

        await ActAsync(staff, arranged.RequestId, "Receive", ct: Ct);
        await ActAsync(staff, arranged.RequestId, "Accept", ct: Ct);
        await ActAsync(staff, arranged.RequestId, "File", new Dictionary<string, string> { ["Filing.DossierCode"] = "HS-TD-2026-0007" }, Ct);
        var filed = await ReadAsync(portal, arranged.RequestId);
        await ActAsync(staff, arranged.RequestId, "Result", new Dictionary<string, string>
        {
            ["Result.Lines[0].LineId"] = filed.Lines[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, Ct);

        var result = await ReadAsync(portal, arranged.RequestId);
        Assert.Equal(RequestStatus.ResultReceived, result.Status);
        await using var db = portal.CreateDbContext();
        var subscriber = await db.Subscribers.SingleAsync(s => s.Id == arranged.SubscriberId, Ct);
        var certificate = await db.Certificates.SingleAsync(c => c.Id == arranged.CertificateId, Ct);
        Assert.Equal(filed.Lines[0].NewValue, subscriber.Email);
        Assert.Contains("E=" + filed.Lines[0].NewValue, certificate.SubjectDn, StringComparison.Ordinal);
        var history = await db.TimelineEvents.Where(e => e.Subject == TimelineSubject.Subscriber && e.SubjectId == subscriber.Id).ToListAsync(Ct);
        Assert.Contains(history, e => e.Note!.Contains($"“{oldEmail}” → “{subscriber.Email}”", StringComparison.Ordinal));
    }
}
