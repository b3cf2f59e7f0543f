using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Mail;
using PhuThoCa.Domain.Reports;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Reports;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Mail;

/// <summary>
/// The reminder of a report due to Sở (QĐ-PT Điều 9.6) with mail on: the officer gets one e-mail through the outbox and a
/// real SMTP server, however often the job runs.
/// </summary>
public class AgencyReportMailTests(MailWorld world) : IClassFixture<MailWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReportReminder_IsMailedOnce_EvenWhenTheJobRunsTwice()
    {
        var portal = world.Portal;
        var unique = Guid.NewGuid().ToString("N")[..6];
        var name = $"UBND xã Thư Nhắc {unique}";
        var agency = await NewCommuneAsync(portal, name, "tn" + unique);
        var (_, officerMail) = await portal.CreateUserWithEmailAsync(Roles.AgencyOfficer, agency);
        int roundId;
        await using (var db = portal.CreateDbContext())
        {
            // Due 29/11/2026, three days from the portal's today (26/11/2026): the first day of the default window.
            var round = new ReportingRound(ReportPeriod.Calendar(ReportPeriodKind.Month, 2026, 11), new DateOnly(2026, 11, 29), "Gửi kèm danh sách thuê bao mới.",
                new Actor("test", "Người Kiểm Thử", NowUtc(portal)));
            db.ReportingRounds.Add(round);
            await db.SaveChangesAsync(Ct);
            roundId = round.Id;
        }

        for (var run = 0; run < 2; run++)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AgencyReportReminders>().RunAsync(Ct);
            await portal.DeliverAsync();
        }

        var message = Assert.Single(world.Smtp.To(officerMail));
        Assert.Equal("[Chữ ký số] Hạn gửi báo cáo tháng 11 năm 2026: 29/11/2026", message.Subject);
        Assert.Contains($"nhắc {name} gửi báo cáo tình hình quản lý, sử dụng chữ ký số chuyên dùng công vụ tháng 11 năm 2026", message.TextBody,
            StringComparison.Ordinal);
        Assert.Contains("Gửi kèm danh sách thuê bao mới.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{MailPortalFactory.PortalUrl}/Reports/Agency/{roundId}", message.TextBody, StringComparison.Ordinal);
        await using var check = portal.CreateDbContext();
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.Event == MailEvent.AgencyReportDue && m.ToAddress == officerMail, Ct));
    }
}
