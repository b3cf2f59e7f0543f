using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Mail;

namespace PhuThoCa.Web.Tests.Mail;

/// <summary>After a restart of the portal on the same database, nothing already sent (or maybe sent) goes out again.</summary>
public class MailRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARestart_SendsNothingTwice_AndAMessageCutOffMidSendIsMarkedUncertainNotResent()
    {
        await using var smtp = new TestSmtpServer();
        await using var second = new MailPortalFactory(smtp.Port); // owns the data folder both runs use
        int cutOffId;
        string cutOffMessageId;
        await using (var first = new MailPortalFactory(smtp.Port, second.DataFolder))
        {
            await first.InitializeAsync();
            await first.WaitForStartUpDeliveryAsync();
            await first.DeliverAsync();
            // A message a run had claimed when the process stopped (sending, leased): the server may or may not have it.
            await using var db = MailPortalFactory.CreateDbContextFor(second.DatabasePath);
            var sent = await db.OutboxMessages.FirstAsync(m => m.Status == OutboxStatus.Sent, Ct);
            var cutOff = new OutboxMessage(MailEvent.Overdue, "vanthu@skhcn.phutho.gov.vn", "Văn thư", "Thử", "Thử", sent.CreatedAtUtc);
            db.OutboxMessages.Add(cutOff);
            await db.SaveChangesAsync(Ct);
            await db.OutboxMessages.Where(m => m.Id == cutOff.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.AttemptCount, 1)
                .SetProperty(m => m.LeaseUntilUtc, first.Clock.GetUtcNow().UtcDateTime.AddMinutes(10)), Ct);
            cutOffId = cutOff.Id;
            cutOffMessageId = cutOff.MessageId;
        }

        var before = smtp.Received.Count;
        Assert.True(before > 0);
        second.Clock.Advance(TimeSpan.FromMinutes(30)); // past the cut-off message's lease
        await second.InitializeAsync();
        await second.DeliverAsync();
        await second.DeliverAsync();

        await using var check = second.CreateDbContext();
        var all = await check.OutboxMessages.ToListAsync(Ct);
        var ids = smtp.Received.Select(m => m.MessageId ?? "").ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count()); // no Message-ID reached the server twice
        var sentIds = all.Where(m => m.Status == OutboxStatus.Sent).Select(m => m.MessageId).Order().ToList();
        Assert.True(sentIds.Count == ids.Count, $"{sentIds.Count} sent rows of {all.Count}, {ids.Count} messages received, {before} before the restart");
        Assert.Equal(sentIds, ids.Order().ToList());
        Assert.DoesNotContain(cutOffMessageId, ids);
        var uncertain = all.Single(m => m.Id == cutOffId);
        Assert.Equal(OutboxStatus.Uncertain, uncertain.Status);
        Assert.Equal(before, smtp.Received.Count);
    }
}
