using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Mail;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Infrastructure.Identity;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Mail;

/// <summary>The SMTP server and the portal with mail on, shared by the tests of one class (they run one after another).</summary>
public sealed class MailWorld : IAsyncLifetime
{
    public TestSmtpServer Smtp { get; } = new();

    public MailPortalFactory Portal { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Portal = new MailPortalFactory(Smtp.Port);
        await Portal.InitializeAsync();
        await Portal.WaitForStartUpDeliveryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// E-mail through a real SMTP server: the events' messages read back from the server (recipient, Vietnamese subject and
/// body with the reason and due date), a refused first attempt retried after its back-off, and nothing sent twice.
/// </summary>
public class MailDeliveryTests(MailWorld world) : IClassFixture<MailWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MailPortalFactory Portal => world.Portal;

    [Fact]
    public async Task TheStartUpRun_OfTheQuartzJob_DeliversTheSeededMail_WithExpiryRemindersToOfficersAndSubscribers()
    {
        // The demo data and the start-up expiry reminders wrote mail; the job's first run (at start-up) delivered it
        // (MailWorld waited for it, without a delivery run of its own).
        Assert.NotEmpty(world.Smtp.Received);
        await using var db = Portal.CreateDbContext();
        var expiry = await db.OutboxMessages.Where(m => m.Event == MailEvent.CertificateExpiring).ToListAsync(Ct);
        Assert.NotEmpty(expiry);
        Assert.All(expiry, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var toSubscriber = expiry.First(m => m.UserId == null);
        var certificate = await db.Certificates.IgnoreQueryFilters().Include(c => c.Subscriber).SingleAsync(c => c.Id == toSubscriber.CertificateId, Ct);
        Assert.Equal(certificate.Subscriber!.Email, toSubscriber.ToAddress);
        Assert.Contains(expiry, m => m.UserId != null && m.CertificateId == certificate.Id);
        var received = Assert.Single(world.Smtp.To(certificate.Subscriber.Email), m => (m.Subject ?? "").Contains("Chứng thư số của", StringComparison.Ordinal)
            && m.MessageId == toSubscriber.MessageId);
        Assert.Equal($"[Chữ ký số] Chứng thư số của {certificate.Subscriber.Name} hết hạn ngày {VietnamTime.DateText(certificate.NotAfterUtc)}", received.Subject);
        Assert.Contains($"số hiệu {certificate.SerialNumber}", received.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{MailPortalFactory.PortalUrl}/Certificates/Details/{certificate.Id}", received.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveReturnResubmitReject_EachMailsTheOtherSide_WithReceiptNumberDueDateAndReason()
    {
        await using var arrange = Portal.CreateDbContext();
        var agencyId = await arrange.Agencies.Where(a => a.Name == Agency).Select(a => a.Id).SingleAsync(Ct);
        var (_, officerMail) = await Portal.CreateUserWithEmailAsync(Roles.AgencyOfficer, agencyId);
        var (_, staffMail) = await Portal.CreateUserWithEmailAsync(Roles.DepartmentStaff);
        var arranged = await SubmittedAsync(Portal, RequestType.Renew);
        var staff = await Portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var officer = await Portal.CreateClientAsync("canbo.syte", Ct);

        await ActAsync(staff, arranged.RequestId, "Receive", ct: Ct);
        await Portal.DeliverAsync();
        var request = await ReadAsync(Portal, arranged.RequestId);
        var received = Assert.Single(world.Smtp.To(officerMail));
        Assert.Equal($"[Chữ ký số] Sở đã tiếp nhận yêu cầu – số {request.ReceiptNumber}", received.Subject);
        Assert.Contains("Hạn trả kết quả: chậm nhất trong ngày " + VietnamTime.DateText(request.DueDate!.Value) + ".", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("Cơ quan: Sở Y tế tỉnh Phú Thọ", received.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{MailPortalFactory.PortalUrl}/Requests/Details/{arranged.RequestId}", received.TextBody, StringComparison.Ordinal);
        Assert.Empty(world.Smtp.To(staffMail)); // Sở's own move is not mailed to Sở

        const string reason = "Bổ sung bản sao văn bản phân công nhiệm vụ của thuê bao.";
        await ActAsync(staff, arranged.RequestId, "Return", new Dictionary<string, string> { ["Return.Reason"] = reason }, Ct);
        await Portal.DeliverAsync();
        var returned = world.Smtp.To(officerMail).Single(m => (m.Subject ?? "").StartsWith("[Chữ ký số] Yêu cầu bổ sung hồ sơ", StringComparison.Ordinal));
        Assert.Contains("Lý do: " + reason, returned.TextBody, StringComparison.Ordinal);
        Assert.Contains("Trạng thái: Chờ bổ sung", returned.TextBody, StringComparison.Ordinal);

        await ActAsync(officer, arranged.RequestId, "Resubmit", new Dictionary<string, string> { ["Submission.Confirm"] = "true" }, Ct);
        await Portal.DeliverAsync();
        var resubmitted = Assert.Single(world.Smtp.To(staffMail));
        Assert.Equal("[Chữ ký số] Sở Y tế tỉnh Phú Thọ gửi lại yêu cầu sau bổ sung", resubmitted.Subject);

        await ActAsync(staff, arranged.RequestId, "Receive", ct: Ct);
        const string refusal = "Chứng thư số còn dưới 30 ngày hiệu lực tại thời điểm đề nghị.";
        await ActAsync(staff, arranged.RequestId, "Reject", new Dictionary<string, string> { ["Rejection.Reason"] = refusal }, Ct);
        await Portal.DeliverAsync();
        var rejected = world.Smtp.To(officerMail).Single(m => (m.Subject ?? "").StartsWith("[Chữ ký số] Sở từ chối yêu cầu", StringComparison.Ordinal));
        Assert.Contains("Lý do: " + refusal, rejected.TextBody, StringComparison.Ordinal);
        Assert.Contains("Kính gửi Người Kiểm Thử", rejected.TextBody, StringComparison.Ordinal);

        // The officer who turned the group off gets nothing more.
        await using var db = Portal.CreateDbContext();
        Assert.All(await db.OutboxMessages.Where(m => m.RequestId == arranged.RequestId).ToListAsync(Ct),
            m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task AFirstAttemptRefusedWith451_IsRetriedAfterItsBackOff_AndDeliveredOnce_WithBothAnswersLogged()
    {
        await using var arrange = Portal.CreateDbContext();
        var agencyId = await arrange.Agencies.Where(a => a.Name == Agency).Select(a => a.Id).SingleAsync(Ct);
        var (_, officerMail) = await Portal.CreateUserWithEmailAsync(Roles.AgencyOfficer, agencyId);
        var arranged = await SubmittedAsync(Portal, RequestType.RecoverToken);
        world.Smtp.RefuseNext(officerMail);
        var staff = await Portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        await ActAsync(staff, arranged.RequestId, "Receive", ct: Ct);
        await Portal.DeliverAsync();
        await using (var db = Portal.CreateDbContext())
        {
            var waiting = await db.OutboxMessages.Include(m => m.Attempts).SingleAsync(m => m.ToAddress == officerMail, Ct);
            Assert.Equal(OutboxStatus.Pending, waiting.Status);
            Assert.StartsWith("451", waiting.LastResponse, StringComparison.Ordinal);
            Assert.Equal(NowUtc(Portal).AddMinutes(1), waiting.NextAttemptAtUtc, TimeSpan.FromSeconds(5));
        }

        Assert.Empty(world.Smtp.To(officerMail));
        await Portal.DeliverAsync(); // not yet due
        Assert.Empty(world.Smtp.To(officerMail));

        Portal.Clock.Advance(TimeSpan.FromMinutes(2));
        await Portal.DeliverAsync();

        Assert.Single(world.Smtp.To(officerMail));
        await using var check = Portal.CreateDbContext();
        var sent = await check.OutboxMessages.Include(m => m.Attempts).SingleAsync(m => m.ToAddress == officerMail, Ct);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(2, sent.AttemptCount);
        Assert.Collection(sent.Attempts.OrderBy(a => a.Id),
            a => Assert.False(a.Succeeded),
            a => Assert.True(a.Succeeded));
        var refusal = sent.Attempts.OrderBy(a => a.Id).First().Response!;
        Assert.StartsWith("451 ", refusal, StringComparison.Ordinal);

        // The admins' delivery log shows the refusal and the retry.
        var admin = await Portal.CreateClientAsync("quantri", Ct);
        var log = TestHtml.Text(await admin.GetStringAsync(new Uri($"/Admin/Mail?address={officerMail}", UriKind.Relative), Ct));
        Assert.Contains("thất bại – " + refusal, log, StringComparison.Ordinal);
        Assert.Contains("Đã gửi", log, StringComparison.Ordinal);
    }
}
