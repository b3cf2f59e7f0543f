using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Requests;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Pages.Requests;
using PhuThoCa.Web.Requests.Review;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Pages.Requests;

/// <summary>
/// Issue 15 item 3: the inbox counts and pages in the database, and must classify and order exactly as it did when it
/// read every waiting request and sorted them in memory. A portal of its own whose clock is Monday 04/01/2027 09:00, the
/// first working day after Tết Dương lịch (Friday 01/01) and a weekend, holds requests at the boundaries; the old in-memory
/// classification (<see cref="DeadlineView"/>, <see cref="ReceiptWait"/>), run here over every waiting request of the
/// database, is the oracle for the page's counts, rows and pages.
/// </summary>
public sealed partial class InboxEquivalenceTests(InboxEquivalenceTests.NewYearPortal portal) : IClassFixture<InboxEquivalenceTests.NewYearPortal>
{
    private static readonly DateTimeOffset Monday = new(2027, 1, 4, 9, 0, 0, TimeSpan.FromHours(7));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTime Local(int year, int month, int day, int hour, int minute) =>
        VietnamTime.FromLocal(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified));

    /// <summary>A portal of its own: its clock moves to the first working day of 2027.</summary>
    public sealed class NewYearPortal : PortalFactory;

    [Fact]
    public async Task CountsRowsAndOrder_AtTheBoundaries_EqualTheInMemoryClassification()
    {
        portal.Clock.SetUtcNow(Monday);
        // Late to receive (limit 1 working day): sent Wednesday 30/12 before 17:00 it has waited Thursday and Monday;
        // at 17:00 it counts from Thursday and has waited one working day across the holiday and the weekend.
        var lateByOne = await SubmittedAsync(portal, RequestType.Renew, submittedAtUtc: Local(2026, 12, 30, 16, 59));
        var atTheLimit = await SubmittedAsync(portal, RequestType.Renew, submittedAtUtc: Local(2026, 12, 30, 17, 0));
        var afterHoursBeforeTheHoliday = await SubmittedAsync(portal, RequestType.Renew, submittedAtUtc: Local(2026, 12, 31, 18, 0));
        var onTheHoliday = await SubmittedAsync(portal, RequestType.RecoverToken, submittedAtUtc: Local(2027, 1, 1, 10, 0));
        // Sở's filing (3 working days from receipt): received Tuesday 29/12, due today; received Monday 28/12, due Thursday
        // 31/12, overdue; received Thursday 31/12 after hours, counted from Monday, due Thursday 07/01.
        var dueToday = await ReceivedAsync(RequestType.Renew, Local(2026, 12, 29, 10, 0));
        var overdue = await ReceivedAsync(RequestType.ChangeInfo, Local(2026, 12, 28, 10, 0));
        var onTime = await ReceivedAsync(RequestType.Renew, Local(2026, 12, 31, 17, 30));
        // Recovery (1 working day): received Thursday 31/12, due today; received Wednesday 30/12, due Thursday, overdue.
        var recoveryDueToday = await ReceivedAsync(RequestType.RecoverToken, Local(2026, 12, 31, 10, 0));
        var recoveryOverdue = await ReceivedAsync(RequestType.RecoverToken, Local(2026, 12, 30, 10, 0));
        // Accepted keeps the clock of the receipt: overdue since Thursday.
        var acceptedOverdue = await ReceivedAsync(RequestType.Renew, Local(2026, 12, 28, 11, 0));
        await PerformAsync<AcceptRequest, NoteInput>(portal, acceptedOverdue, new NoteInput(), "chuyenvien.skhcn", Local(2026, 12, 29, 9, 0));
        // The Cục's leg, past its expected period: never overdue.
        var atCuc = await ReceivedAsync(RequestType.Issue, Local(2026, 12, 14, 9, 0));

        var expected = await OracleAsync();
        Assert.Contains(lateByOne.RequestId, expected.Late);
        Assert.DoesNotContain(atTheLimit.RequestId, expected.Late);
        Assert.DoesNotContain(afterHoursBeforeTheHoliday.RequestId, expected.Late);
        Assert.DoesNotContain(onTheHoliday.RequestId, expected.Late);
        Assert.Contains(dueToday, expected.DueToday);
        Assert.Contains(recoveryDueToday, expected.DueToday);
        Assert.Equal(new[] { overdue, recoveryOverdue, acceptedOverdue },
            expected.Overdue.Intersect(new[] { overdue, recoveryOverdue, acceptedOverdue, dueToday, onTime, atCuc }).Order());
        Assert.Equal(RequestStatus.AwaitingCaResult, (await ReadAsync(portal, atCuc)).Status);
        // More than a page, and rows after the overdue and late ones: every part of the order is on some page below.
        Assert.True(expected.All.Count > 25 && expected.Overdue.Count + expected.Late.Count < expected.All.Count,
            $"{expected.All.Count} waiting, {expected.Overdue.Count} overdue, {expected.Late.Count} late");

        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        var html = await staff.GetStringAsync(new Uri("/Requests/Inbox", UriKind.Relative), Ct);
        Assert.Equal(expected.DueToday.Count, Count(html, "count-duetoday"));
        Assert.Equal(expected.Overdue.Count, Count(html, "count-overdue"));
        Assert.Equal(expected.InGroup("ca").Count, Count(html, "count-ca"));
        Assert.Equal(expected.InGroup("").Count, Count(html, "count-all"));
        var badges = GroupBadge().Matches(html).ToDictionary(m => m.Groups["key"].Value, m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture));
        foreach (var (key, _) in InboxModel.Groups)
        {
            var rows = expected.InGroup(key);
            Assert.True(rows.Count == badges[key], $"group '{key}': {badges[key]} on the page, {rows.Count} in memory");
            // Every page of the group, so that each part of the order (and the merge of its statuses) is read.
            for (var page = 1; page == 1 || (page - 1) * 25 < rows.Count; page++)
            {
                var shown = key == "" && page == 1 ? html
                    : await staff.GetStringAsync(new Uri($"/Requests/Inbox?group={key}&p={page}", UriKind.Relative), Ct);
                Assert.True(rows.Skip((page - 1) * 25).Take(25).SequenceEqual(RowIds(shown)),
                    $"group '{key}', page {page}: [{string.Join(", ", RowIds(shown))}] on the page, "
                    + $"[{string.Join(", ", rows.Skip((page - 1) * 25).Take(25))}] in memory");
            }
        }
    }

    [Fact]
    public async Task PageTwoOfAGroup_ContinuesTheOrder_AndThePagerSaysWhere()
    {
        portal.Clock.SetUtcNow(Monday);
        for (var i = 0; i < 27; i++)
        {
            await SubmittedAsync(portal, RequestType.Renew, submittedAtUtc: Local(2026, 12, 21, 8, 0).AddMinutes(i * 7));
        }

        var expected = (await OracleAsync()).InGroup("late");
        Assert.True(expected.Count > 27);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        var first = await staff.GetStringAsync(new Uri("/Requests/Inbox?group=late", UriKind.Relative), Ct);
        var second = await staff.GetStringAsync(new Uri("/Requests/Inbox?group=late&p=2", UriKind.Relative), Ct);

        Assert.Equal(expected.Take(25), RowIds(first));
        Assert.Equal(expected.Skip(25).Take(25), RowIds(second));
        Assert.Contains($"Hiển thị 26–{Math.Min(50, expected.Count)} trên tổng số {expected.Count}", TestHtml.Text(second), StringComparison.Ordinal);
        Assert.Contains("href=\"?group=late&amp;p=2\"", first, StringComparison.Ordinal);
        // The bulk form posts back to the page it shows.
        var action = Regex.Match(Regex.Match(second, "<form[^>]*id=\"bulk-form\"[^>]*>").Value, "action=\"([^\"]*)\"").Groups[1].Value;
        Assert.Contains("group=late", action, StringComparison.Ordinal);
        Assert.Contains("p=2", action, StringComparison.Ordinal);
    }

    private async Task<int> ReceivedAsync(RequestType type, DateTime receivedAtUtc) =>
        (await WorkflowArrange.ReceivedAsync(portal, type, receivedAtUtc)).RequestId;

    /// <summary>
    /// What the inbox showed before issue 15 item 3: every waiting request classified in memory, sorted overdue or late
    /// first, then by due date (none last), then by sending time (ties by id: the order the database now guarantees).
    /// </summary>
    private async Task<Oracle> OracleAsync()
    {
        await using var db = portal.CreateDbContext();
        var deadlines = await DeadlinesAsync(portal, db);
        var today = VietnamTime.ToDate(portal.Clock.GetUtcNow().UtcDateTime);
        var statuses = InboxModel.WaitingForScienceDepartment.ToList();
        var items = await db.Requests.AsNoTracking().Where(r => statuses.Contains(r.Status))
            .Select(r => new { r.Id, r.Status, r.SubmittedAtUtc, r.DueDate, r.DueStep }).ToListAsync(Ct);
        var all = items.Select(i => (i.Id, i.Status, i.SubmittedAtUtc, Deadline: DeadlineView.For(i.DueDate, i.DueStep, today, deadlines),
                Wait: ReceiptWait.For(i.Status, i.SubmittedAtUtc, deadlines, today)))
            .OrderByDescending(r => r.Deadline is { IsOverdue: true } || r.Wait is { IsLate: true })
            .ThenBy(r => r.Deadline?.DueDate ?? DateOnly.MaxValue)
            .ThenBy(r => r.SubmittedAtUtc)
            .ThenBy(r => r.Id)
            .ToList();
        return new Oracle(
            all.ToLookup(r => r.Status, r => r.Id),
            [.. all.Select(r => r.Id)],
            [.. all.Where(r => r.Deadline is { IsOverdue: true }).Select(r => r.Id)],
            [.. all.Where(r => r.Wait is { IsLate: true }).Select(r => r.Id)],
            [.. all.Where(r => r.Deadline is { IsLegal: true, Status: Domain.Calendar.DueStatus.DueToday }).Select(r => r.Id)]);
    }

    private sealed record Oracle(ILookup<RequestStatus, int> ByStatus, List<int> All, List<int> Overdue, List<int> Late, List<int> DueToday)
    {
        /// <summary>A group's rows in the inbox's order.</summary>
        public List<int> InGroup(string key) => key switch
        {
            "overdue" => Overdue,
            "late" => Late,
            "submitted" => Of(RequestStatus.Submitted),
            "received" => Of(RequestStatus.Received),
            "accepted" => Of(RequestStatus.Accepted),
            "ca" => Of(RequestStatus.AwaitingCaResult),
            "handover" => Of(RequestStatus.ResultReceived),
            _ => All,
        };

        private List<int> Of(RequestStatus status) => [.. All.Where(id => ByStatus[status].Contains(id))];
    }

    private static int Count(string html, string testId) =>
        int.Parse(Regex.Match(html, $"data-testid=\"{testId}\">(\\d+)<").Groups[1].Value, CultureInfo.InvariantCulture);

    private static List<int> RowIds(string html) =>
        [.. InboxRow().Matches(html).Select(m => int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex("data-testid=\"inbox-row\">[\\s\\S]*?href=\"/Requests/Details/(?<id>\\d+)\"")]
    private static partial Regex InboxRow();

    [GeneratedRegex("<a class=\"nav-link[^\"]*\" href=\"/Requests/Inbox(?:\\?group=(?<key>\\w+))?\">[^<]*<span class=\"badge[^\"]*\">(?<n>\\d+)</span>")]
    private static partial Regex GroupBadge();
}
