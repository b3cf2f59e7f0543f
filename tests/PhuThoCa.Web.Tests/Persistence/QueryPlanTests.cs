using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>
/// Issue 15 item 3: the requests list (default sort and a status filter), the statistics page, Sở's dashboard and Sở's
/// inbox (its counts and each part of its page, per group) must read
/// Requests and RequestLine through indexes. The SQL EF sends for the real GET is captured by a command interceptor and
/// each statement is run again with SQLite's <c>EXPLAIN QUERY PLAN</c> on the same file: no step may be a full scan of
/// either table. A scan of a covering index (a COUNT(*) of every request for the pager's total) is allowed: it reads the
/// narrowest index, not the rows. The plan does not depend on the data size (no ANALYZE statistics are kept).
/// </summary>
public sealed partial class QueryPlanTests(QueryPlanTests.CapturingPortal portal) : IClassFixture<QueryPlanTests.CapturingPortal>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/Requests")]
    [InlineData("/Requests?p=2")]
    [InlineData("/Requests?status=Received")]
    [InlineData("/Requests?status=Completed&p=2")]
    [InlineData("/Requests/Statistics")]
    [InlineData("/")]
    [InlineData("/Requests/Inbox")]
    [InlineData("/Requests/Inbox?group=overdue")]
    [InlineData("/Requests/Inbox?group=late")]
    [InlineData("/Requests/Inbox?group=received&p=2")]
    [InlineData("/Requests/Inbox?group=ca")]
    public async Task Page_ReadsRequestsAndLines_ThroughIndexes(string url)
    {
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        portal.StartCapture();

        var response = await staff.GetAsync(new Uri(url, UriKind.Relative), Ct);

        response.EnsureSuccessStatusCode();
        var statements = portal.Commands.Where(c => RequestTables().IsMatch(c.Sql)).ToList();
        Assert.NotEmpty(statements);
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync(Ct);
        foreach (var statement in statements)
        {
            var aliases = RequestTables().Matches(statement.Sql).Select(m => m.Groups["alias"].Value).ToHashSet(StringComparer.Ordinal);
            var plan = await PlanAsync(connection, statement);
            var scans = plan.Where(step => IsFullScan(step, aliases)).ToList();
            Assert.True(scans.Count == 0, $"{url}: full scan in\n{statement.Sql}\nplan:\n{string.Join('\n', plan)}");
        }
    }

    /// <summary>
    /// A subquery about one request's history ("its first receipt", "the row before this one") must look the request up by
    /// RequestId. Without statistics SQLite may answer it from the (Action, AtUtc, RequestId) index instead, reading every
    /// history row of that action for each request: the yearly report took 33 s at 10k requests that way.
    /// </summary>
    [Theory]
    // A period that ended reads the state at its end of the requests then open from their history.
    [InlineData("/Reports?p=month-10", true)]
    public async Task HistorySubqueries_SeekTheRequestsOwnRows(string url, bool hasCorrelatedSubqueries)
    {
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        portal.StartCapture();

        var response = await staff.GetAsync(new Uri(url, UriKind.Relative), Ct);

        response.EnsureSuccessStatusCode();
        var statements = portal.Commands.Where(c => c.Sql.Contains("\"RequestHistory\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(statements);
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync(Ct);
        var correlated = 0;
        foreach (var statement in statements)
        {
            var plan = await PlanAsync(connection, statement);
            for (var i = 0; i < plan.Count; i++)
            {
                // The subquery's first lookup (directly, or the first branch of a MULTI-INDEX OR of a nullable key).
                if (!plan[i].StartsWith("CORRELATED", StringComparison.Ordinal)
                    || plan.Skip(i + 1).FirstOrDefault(p => p.StartsWith("SEARCH", StringComparison.Ordinal) || p.StartsWith("SCAN", StringComparison.Ordinal)) is not { } lookup)
                {
                    continue;
                }

                correlated++;
                Assert.True(lookup.Contains("(RequestId=?", StringComparison.Ordinal),
                    $"{url}: a correlated subquery does not seek by RequestId:\n{statement.Sql}\nplan:\n{string.Join('\n', plan)}");
            }
        }

        Assert.True(correlated > 0 == hasCorrelatedSubqueries, $"{url}: {correlated} correlated subqueries on the history");
    }

    /// <summary>
    /// The report of whole months that ended counts its requests from the maintained counts too (ADR 0037): the period's
    /// keys, the keys after it up to today and the open cells; the history is read only for the requests whose Sở step or
    /// Cục period was still running at the end (the last weeks' requests), not for every request active in the period.
    /// </summary>
    [Fact]
    public async Task Report_OfAMonthThatEnded_ReadsTheHistoryOfTheStepsRunningAtItsEndOnly()
    {
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        portal.StartCapture();

        var response = await staff.GetAsync(new Uri("/Reports?p=month-10&year=2026", UriKind.Relative), Ct);

        response.EnsureSuccessStatusCode();
        Assert.Equal(3, portal.Commands.Count(c => c.Sql.Contains("\"RequestReportCounts\"", StringComparison.Ordinal)));
        var history = Assert.Single(portal.Commands, c => c.Sql.Contains("\"RequestHistory\"", StringComparison.Ordinal));
        Assert.Contains("\"ResolvedAtUtc\" IS NULL OR", history.Sql, StringComparison.Ordinal);
        Assert.Contains("\"CaWaitStartedAtUtc\" <", history.Sql, StringComparison.Ordinal);
        // The rows of every request active in the month (received before its end, not closed before its start) are not read.
        Assert.DoesNotContain(portal.Commands, c => c.Sql.Contains("\"FirstReceiptUtc\"", StringComparison.Ordinal)
            && !c.Sql.Contains("\"CaWaitStartedAtUtc\" <", StringComparison.Ordinal));
    }

    /// <summary>
    /// The report of a calendar period that includes today counts its requests from the maintained counts (ADR 0037): the
    /// counters read by their index, a year by its year's cells, the requests only as the range of those due from today (the due-date index), never the
    /// milestones of every request active in the period (59,462 rows at 100,000 requests) nor the history.
    /// </summary>
    [Theory]
    [InlineData("/Reports?p=year")]
    [InlineData("/Reports?p=month-11")]
    [InlineData("/Reports?p=year&agency=1")]
    public async Task Report_OfAPeriodIncludingToday_CountsTheRequestsFromTheCounters(string url)
    {
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        portal.StartCapture();

        var response = await staff.GetAsync(new Uri(url, UriKind.Relative), Ct);

        response.EnsureSuccessStatusCode();
        Assert.DoesNotContain(portal.Commands, c => c.Sql.Contains("\"RequestHistory\"", StringComparison.Ordinal));
        var counters = portal.Commands.Where(c => c.Sql.Contains("\"RequestReportCounts\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, counters.Count);
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync(Ct);
        // The measures of the period: each one's range of months (the key, or the agency's index); the open requests: the
        // key's range of that measure (bounded by agencies × types × statuses, not by requests).
        var plans = new List<List<string>>();
        foreach (var statement in counters)
        {
            var plan = await PlanAsync(connection, statement);
            Assert.DoesNotContain(plan, p => p.StartsWith("SCAN", StringComparison.Ordinal));
            plans.Add(plan);
        }

        // The period's keys are written into the statement: a year is its year's key (ADR 0037), a month its own.
        Assert.Contains(plans, plan => plan.Any(p => p.Contains("Measure=? AND Month=?)", StringComparison.Ordinal)));
        var today = Domain.Common.VietnamTime.ToDate(portal.Clock.GetUtcNow().UtcDateTime);
        var key = url.Contains("p=year", StringComparison.Ordinal) ? RequestReportCount.YearKey(today.Year) : RequestMonthCount.MonthKey(today);
        Assert.Contains(counters, c => c.Sql.Contains(key.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Contains(plans, plan => plan.Any(p => p.Contains("(Measure=?)", StringComparison.Ordinal) || p.Contains("(AgencyId=? AND Measure=?)", StringComparison.Ordinal)));

        var dueLater = Assert.Single(portal.Commands, c => c.Sql.Contains("\"DueDate\" >= ", StringComparison.Ordinal)
            && c.Sql.Contains("\"FirstReceivedAtUtc\"", StringComparison.Ordinal));
        var duePlan = await PlanAsync(connection, dueLater);
        Assert.True(duePlan.Any(p => p.Contains("INDEX IX_Requests_DueDate_CreatedAtUtc (DueDate>?)", StringComparison.Ordinal)),
            $"the requests due from today not read from the due-date index:\n{dueLater.Sql}\nplan:\n{string.Join('\n', duePlan)}");
        foreach (var statement in portal.Commands.Where(c => c.Sql.Contains("\"Requests\"", StringComparison.Ordinal)))
        {
            var plan = await PlanAsync(connection, statement);
            var aliases = RequestTables().Matches(statement.Sql).Select(m => m.Groups["alias"].Value).ToHashSet(StringComparer.Ordinal);
            Assert.DoesNotContain(plan, step => IsFullScan(step, aliases) || step.Contains("IX_Requests_Milestones", StringComparison.Ordinal));
        }

        // The certificates too (ADR 0037): their figures and the plan's counts from their counts; what is left of the register
        // is read by ranges (the plan's first lines, the revoked ones, those starting after the period), never the
        // certificates valid after the period one by one (49,000 at L).
        Assert.Equal(3, portal.Commands.Count(c => c.Sql.Contains("\"CertificateReportCounts\"", StringComparison.Ordinal)));
        foreach (var statement in portal.Commands.Where(c => c.Sql.Contains("FROM \"Certificates\"", StringComparison.Ordinal)))
        {
            var plan = await PlanAsync(connection, statement);
            Assert.DoesNotContain(plan, step => step is "SCAN c" || step.StartsWith("SCAN c ", StringComparison.Ordinal)
                || step.Contains("(NotAfterUtc>?)", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// The Sở dashboard's trends read the counters kept per month (MonthlyCountTests), not a year of requests, their history
    /// or every valid certificate: no statement groups by month any more.
    /// </summary>
    [Fact]
    public async Task Dashboard_ReadsTheTrendsFromTheMonthlyCounters()
    {
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        portal.StartCapture();

        var response = await staff.GetAsync(new Uri("/", UriKind.Relative), Ct);

        response.EnsureSuccessStatusCode();
        Assert.Contains(portal.Commands, c => c.Sql.Contains("FROM \"RequestMonthCounts\"", StringComparison.Ordinal));
        Assert.Contains(portal.Commands, c => c.Sql.Contains("FROM \"CertificateExpiryCounts\"", StringComparison.Ordinal));
        Assert.DoesNotContain(portal.Commands, c => c.Sql.Contains("strftime", StringComparison.Ordinal));
        Assert.DoesNotContain(portal.Commands, c => c.Sql.Contains("\"RequestHistory\"", StringComparison.Ordinal));
        // The subscribers in use are a sum of the maintained counters (SubscriberCount), not a count of the register.
        Assert.Contains(portal.Commands, c => c.Sql.Contains("FROM \"SubscriberCounts\"", StringComparison.Ordinal));
        Assert.DoesNotContain(portal.Commands, c => c.Sql.Contains("FROM \"Subscribers\"", StringComparison.Ordinal));
    }

    /// <summary>
    /// The Sở dashboard's queue counts (overdue, due today, late to receive, the Cục beyond its period) are one statement
    /// (AppDbContext.ScalarsAsync) that reads the maintained counters by key and only indexes of the requests: visiting
    /// each request's row took 312 ms of the page at 100k requests, and counting the overdue rows read the whole backlog
    /// (ADR 0034).
    /// </summary>
    [Fact]
    public async Task Dashboard_CountsTheQueue_InOneStatement_FromCountersAndCoveringIndexes()
    {
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        portal.StartCapture();

        var response = await staff.GetAsync(new Uri("/", UriKind.Relative), Ct);

        response.EnsureSuccessStatusCode();
        // The six figures of the queue (the menu's overdue badge, when it is not cached, is a statement of its own).
        var queue = Assert.Single(portal.Commands, c => c.Sql.Contains("FROM \"RequestClockCounts\"", StringComparison.Ordinal)
            && c.Sql.Contains("FROM \"OutboxMessages\"", StringComparison.Ordinal));
        Assert.DoesNotContain(portal.Commands, c => c.Sql.Contains("FROM \"Requests\"", StringComparison.Ordinal)
            && !c.Sql.Contains("FROM \"RequestClockCounts\"", StringComparison.Ordinal));
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync(Ct);
        var plan = await PlanAsync(connection, queue);
        var shown = $"\n{queue.Sql}\nplan:\n{string.Join('\n', plan)}";
        var requestReads = plan.Where(p => p.Contains("IX_Requests_", StringComparison.Ordinal)).ToList();
        Assert.True(requestReads.Count >= 4, "the not-yet-due, due-today, not-late and Cục ranges each read an index of the requests" + shown);
        Assert.True(requestReads.All(p => p.StartsWith("SEARCH", StringComparison.Ordinal) && p.Contains("COVERING INDEX", StringComparison.Ordinal)),
            "a range of the requests read beyond its covering index" + shown);
        Assert.True(plan.Where(p => p.StartsWith("SCAN", StringComparison.Ordinal)).All(p => p.StartsWith("SCAN a", StringComparison.Ordinal)),
            "only the one agency row the figures are selected on is scanned" + shown);
    }

    /// <summary>
    /// The dashboard's token tiles (locked, in stock, lost or damaged) are sums of the maintained counters (TokenCount),
    /// for Sở and an officer alike: each was a count of the tokens, 3 ms apiece at 50k tokens before an index (session
    /// 11), then a range of it.
    /// </summary>
    [Theory]
    [InlineData("chuyenvien.skhcn")]
    [InlineData("canbo.syte")]
    public async Task Dashboard_ReadsTheTokenTilesFromTheirCounters(string user)
    {
        var client = await portal.CreateClientAsync(user, Ct);
        portal.StartCapture();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);

        response.EnsureSuccessStatusCode();
        Assert.Contains(portal.Commands, c => c.Sql.Contains("FROM \"TokenCounts\"", StringComparison.Ordinal));
        // An officer's page still lists the own agency's locked tokens by name; no statement counts tokens.
        Assert.DoesNotContain(portal.Commands, c => c.Sql.Contains("FROM \"Tokens\"", StringComparison.Ordinal)
            && c.Sql.Contains("COUNT(", StringComparison.Ordinal));
    }

    /// <summary>
    /// The on-time statistics of a period that reaches today are one statement (ADR 0035): the counters of the period's
    /// months, read as a range of their key (or of the agency's index for one agency), less the requests of those months
    /// received outside the period, read as ranges of the covering IX_Requests_Milestones, and the unresolved requests
    /// due today or later, read from the due-date index. No history, no scan of the requests (before, one index entry per
    /// request received in the period: the page grew 5.5× from 10,000 to 100,000 requests).
    /// </summary>
    [Theory]
    [InlineData("/Requests/Statistics", "sqlite_autoindex_ReceiptOutcomeCounts_1")]
    [InlineData("/Requests/Statistics?by=agency&type=RecoverToken", "sqlite_autoindex_AgencyReceiptOutcomeCounts_1")]
    [InlineData("/Requests/Statistics?from=15/10/2026&to=31/12/2026&agency=1", "IX_AgencyReceiptOutcomeCounts_AgencyId_Month")]
    public async Task Statistics_ReachingToday_CountFromTheCounters_AndRangesOfRequests(string url, string counterIndex)
    {
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        portal.StartCapture();

        var response = await staff.GetAsync(new Uri(url, UriKind.Relative), Ct);

        response.EnsureSuccessStatusCode();
        Assert.DoesNotContain(portal.Commands, c => c.Sql.Contains("\"RequestHistory\"", StringComparison.Ordinal));
        var statement = Assert.Single(portal.Commands, c => c.Sql.Contains("ReceiptOutcomeCounts\"", StringComparison.Ordinal));
        Assert.DoesNotContain(portal.Commands, c => c != statement && c.Sql.Contains("\"FirstReceivedAtUtc\"", StringComparison.Ordinal));
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync(Ct);
        var plan = await PlanAsync(connection, statement);
        var shown = $"{statement.Sql}\nplan:\n{string.Join('\n', plan)}";
        Assert.True(plan.Any(p => p.Contains($"INDEX {counterIndex} (", StringComparison.Ordinal)), $"the counters not read by their index:\n{shown}");
        Assert.True(plan.Any(p => p.Contains("USING COVERING INDEX IX_Requests_Milestones (FirstReceivedAtUtc>? AND FirstReceivedAtUtc<?)", StringComparison.Ordinal)),
            $"the days outside the period not a range of the milestones index:\n{shown}");
        Assert.True(plan.Any(p => p.Contains("USING INDEX IX_Requests_DueDate_CreatedAtUtc (DueDate>?)", StringComparison.Ordinal)),
            $"the requests due from today not read from the due-date index:\n{shown}");
        var aliases = RequestTables().Matches(statement.Sql).Select(m => m.Groups["alias"].Value).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(plan, step => IsFullScan(step, aliases) || step.Contains("IX_Requests_AgencyId_Status", StringComparison.Ordinal));
    }

    /// <summary>
    /// A period that ended before today is judged as it stood at its end (ADR 0029): one range of first receipts read from
    /// the covering index IX_Requests_Milestones, and not one statement over the whole history (it read every history row
    /// of the year's requests: 386 ms at 100k requests).
    /// </summary>
    [Fact]
    public async Task Statistics_OfAPastPeriod_CountFromTheMilestonesIndex()
    {
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        portal.StartCapture();

        var response = await staff.GetAsync(new Uri("/Requests/Statistics?from=01/01/2026&to=30/09/2026", UriKind.Relative), Ct);

        response.EnsureSuccessStatusCode();
        Assert.DoesNotContain(portal.Commands, c => c.Sql.Contains("ReceiptOutcomeCounts", StringComparison.Ordinal));
        var counts = portal.Commands.Where(c => c.Sql.Contains("\"FirstReceivedAtUtc\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(counts);
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync(Ct);
        var plan = await PlanAsync(connection, counts[0]);
        Assert.True(plan.Any(p => p.Contains("USING COVERING INDEX IX_Requests_Milestones (FirstReceivedAtUtc>? AND FirstReceivedAtUtc<?)", StringComparison.Ordinal)),
            $"not a range of the milestones index:\n{counts[0].Sql}\nplan:\n{string.Join('\n', plan)}");
    }

    /// <summary>
    /// A user's notifications, all or unread only, are read newest first in index order and counted through the same index
    /// (issue 15: capped paging): no temporary sort of the user's rows, no scan of the table.
    /// </summary>
    [Theory]
    [InlineData("/Notifications")]
    [InlineData("/Notifications?unread=true")]
    [InlineData("/Notifications?unread=true&p=2")]
    public async Task Notifications_AreReadInIndexOrder(string url)
    {
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        portal.StartCapture();

        var response = await staff.GetAsync(new Uri(url, UriKind.Relative), Ct);

        response.EnsureSuccessStatusCode();
        var statements = portal.Commands.Where(c => c.Sql.Contains("FROM \"Notifications\"", StringComparison.Ordinal)).ToList();
        Assert.True(statements.Count >= 3, $"{statements.Count} notification statements captured");
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync(Ct);
        foreach (var statement in statements)
        {
            var aliases = Regex.Matches(statement.Sql, "\"Notifications\" AS \"(\\w+)\"").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var plan = await PlanAsync(connection, statement);
            Assert.True(plan.All(p => !(ScanStep().Match(p) is { Success: true } m && aliases.Contains(m.Groups["name"].Value))
                    && !p.Contains("TEMP B-TREE", StringComparison.Ordinal))
                && plan.Any(p => p.Contains("INDEX IX_Notifications_UserId_", StringComparison.Ordinal)),
                $"{url}:\n{statement.Sql}\nplan:\n{string.Join('\n', plan)}");
        }
    }

    /// <summary>
    /// The requests list counts its rows by due status and reads its page from index ranges and in index order: no
    /// statement of it groups or sorts through a temporary b-tree. Session 13's one statement of conditional counts
    /// grouped on a constant, which SQLite ran through a temporary b-tree of every dated row (5,011 rows for the Received
    /// filter at 100,000 requests: about a third of the page's CPU, issue 15).
    /// </summary>
    [Theory]
    [InlineData("/Requests")]
    [InlineData("/Requests?status=Received")]
    [InlineData("/Requests?status=Received&due=Overdue")]
    [InlineData("/Requests?type=Renew&status=Received")]
    public async Task RequestsList_CountsAndPage_UseNoTemporaryBTree(string url)
    {
        var plans = await StaffPlansAsync(url, "Requests");

        // The header's counts (one statement of scalar counts since session 20) and the page.
        Assert.True(plans.Count >= 2, $"{plans.Count} statements over Requests captured");
        Assert.Contains(plans, p => p.Statement.Sql.Contains("SELECT COUNT(*)", StringComparison.Ordinal));
        foreach (var (statement, plan) in plans)
        {
            Assert.True(!plan.Any(p => p.Contains("TEMP B-TREE", StringComparison.Ordinal)),
                $"{url}: temporary b-tree in\n{statement.Sql}\nplan:\n{string.Join('\n', plan)}");
            // Scanned at most: the counters' few rows (agencies × types × statuses) and the agency row the scalars hang on.
            Assert.True(!plan.Any(p => p.StartsWith("SCAN", StringComparison.Ordinal)
                    && !p.Contains("IX_RequestCounts_", StringComparison.Ordinal) && !p.Contains("IX_Agencies_", StringComparison.Ordinal)),
                $"{url}: the requests scanned by\n{statement.Sql}\nplan:\n{string.Join('\n', plan)}");
        }
    }

    [Theory]
    [InlineData("/Requests?status=Received")]
    [InlineData("/Requests?type=Renew&status=Received")]
    public async Task RequestsList_TotalByStatus_ReadsARangeOfTheCountersIndex(string url)
    {
        var plans = await StaffPlansAsync(url, "RequestCounts");

        Assert.NotEmpty(plans);
        foreach (var (statement, plan) in plans)
        {
            Assert.True(plan.Any(p => p.Contains("USING COVERING INDEX IX_RequestCounts_Status_Type_Count (Status=?", StringComparison.Ordinal)),
                $"{url}: every counter row read by\n{statement.Sql}\nplan:\n{string.Join('\n', plan)}");
        }
    }

    /// <summary>
    /// A search by a subscriber's name reads the requests' ids of that subscriber's lines from the index alone (SubscriberId,
    /// RequestId), not from each line's row (744 lines for "pham thi" at 100,000 requests); and the global search names the
    /// agencies of the 50 candidates it keeps, not of every match before the sort (no correlated subquery per match).
    /// </summary>
    [Theory]
    [InlineData("/Search?q=nguyen")]
    [InlineData("/Requests?q=nguyen")]
    public async Task SearchByName_ReadsTheLinesRequestIdsFromTheCoveringIndex(string url)
    {
        var plans = await StaffPlansAsync(url, "RequestLine");

        var byName = plans.Where(p => p.Statement.Sql.Contains("\"SubscriberId\" IN (", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(byName);
        foreach (var (statement, plan) in byName)
        {
            Assert.True(plan.Any(p => p.Contains("USING COVERING INDEX IX_RequestLine_SubscriberId_RequestId (SubscriberId=?)", StringComparison.Ordinal)),
                $"{url}: the lines' rows read by\n{statement.Sql}\nplan:\n{string.Join('\n', plan)}");
            if (url.StartsWith("/Search", StringComparison.Ordinal))
            {
                Assert.True(!plan.Any(p => p.Contains("CORRELATED SCALAR SUBQUERY", StringComparison.Ordinal)),
                    $"{url}: a lookup per match in\n{statement.Sql}\nplan:\n{string.Join('\n', plan)}");
            }
        }
    }

    /// <summary>
    /// A page whose statements all need the subscribers matching a name (the global search's requests and subscribers, the
    /// subscribers list's count and page) reads the trigram index once when few match, as here, and passes the ids on.
    /// </summary>
    [Theory]
    [InlineData("/Search?q=nguyen")]
    [InlineData("/Subscribers?q=nguyen")]
    public async Task SearchByName_ReadsTheSubscribersIndexOnce_ForTheWholePage(string url)
    {
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        portal.StartCapture();

        var html = await staff.GetStringAsync(new Uri(url, UriKind.Relative), Ct);

        Assert.Contains("Nguyễn", html, StringComparison.Ordinal);
        Assert.Single(portal.Commands, c => c.Sql.Contains("FROM \"SubscribersSearch\"", StringComparison.Ordinal));
        Assert.Contains(portal.Commands, c => c.Sql.Contains("json_each(", StringComparison.Ordinal));
    }

    /// <summary>
    /// A common fragment (more subscribers match than SubscriberSearch.SharedIdsLimit, SubscriberMatches.Many; the demo data
    /// has too few, so the pages' queries are composed here as the global search composes them): the requests are read newest
    /// first through the creation time's index, each tested by its lines' subscribers' ids (from the (RequestId,
    /// SubscriberId) index, without the lines' rows) and their keys (by primary key), with no sort of every match; the subscribers are read in the name index's order, each key tested
    /// on its row. Reading every match to keep 50 took 156 ms for an e-mail domain at 100,000 requests (session 25).
    /// </summary>
    [Fact]
    public async Task SearchByACommonFragment_ReadsTheRowsInThePagesOrder_WithoutSortingEveryMatch()
    {
        _ = portal.Services;
        await using var db = portal.CreateDbContext();
        var many = new PhuThoCa.Web.Infrastructure.SubscriberMatches(null, Many: true);
        var requests = PhuThoCa.Web.Infrastructure.RequestSearch.Matching(db.Requests, db, "nguyen", many)
            .OrderByDescending(r => r.CreatedAtUtc).Take(50).Select(r => r.Id);
        var subscribers = PhuThoCa.Web.Infrastructure.SubscriberSearch.Matching(db.Subscribers, db, "nguyen", many)
            .OrderBy(s => s.SortKey).Take(50).Select(s => s.Id);
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync(Ct);

        var requestsPlan = await TopLevelPlanAsync(connection, Microsoft.EntityFrameworkCore.RelationalQueryableExtensions.CreateDbCommand(requests));
        var subscribersPlan = await TopLevelPlanAsync(connection, Microsoft.EntityFrameworkCore.RelationalQueryableExtensions.CreateDbCommand(subscribers));

        var plans = $"requests:\n{string.Join('\n', requestsPlan)}\nsubscribers:\n{string.Join('\n', subscribersPlan)}";
        Assert.True(requestsPlan.Any(p => p.Step.StartsWith("SCAN r USING ", StringComparison.Ordinal) && p.Step.Contains("INDEX IX_Requests_CreatedAtUtc", StringComparison.Ordinal) && p.TopLevel), plans);
        Assert.True(requestsPlan.Any(p => p.Step.Contains("USING COVERING INDEX IX_RequestLine_RequestId_SubscriberId (RequestId=?)", StringComparison.Ordinal)), plans);
        Assert.True(requestsPlan.Any(p => p.Step.Contains("SEARCH Subscribers USING INTEGER PRIMARY KEY (rowid=?)", StringComparison.Ordinal)), plans);
        Assert.True(subscribersPlan.Any(p => p.Step.StartsWith("SCAN s USING INDEX IX_Subscribers_SortKey", StringComparison.Ordinal) && p.TopLevel), plans);
        // No sort of the statement's rows (the keys' UNION of a few ids sorts its own two sides to merge them).
        Assert.True(!requestsPlan.Concat(subscribersPlan).Any(p => p.TopLevel && p.Step.Contains("TEMP B-TREE", StringComparison.Ordinal)), plans);
        Assert.True(!requestsPlan.Concat(subscribersPlan).Any(p => p.Step.Contains("SubscribersSearch", StringComparison.Ordinal)), plans);
    }

    /// <summary>The plan's steps, each with whether it is the statement's own (not a subquery's).</summary>
    private static async Task<List<(string Step, bool TopLevel)>> TopLevelPlanAsync(SqliteConnection connection, DbCommand statement)
    {
        await using (statement)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + statement.CommandText;
            foreach (var parameter in statement.Parameters.Cast<DbParameter>())
            {
                command.Parameters.AddWithValue(parameter.ParameterName, parameter.Value ?? DBNull.Value);
            }

            var steps = new List<(int Id, int Parent, string Step)>();
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                steps.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetString(3)));
            }

            return [.. steps.Select(s => (s.Step, s.Parent == 0))];
        }
    }

    /// <summary>The statements over <paramref name="table"/> that Sở staff's GET of <paramref name="url"/> sends, each with its SQLite plan.</summary>
    private async Task<List<(CapturedCommand Statement, List<string> Plan)>> StaffPlansAsync(string url, string table)
    {
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);
        portal.StartCapture();

        var response = await staff.GetAsync(new Uri(url, UriKind.Relative), Ct);

        response.EnsureSuccessStatusCode();
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync(Ct);
        var plans = new List<(CapturedCommand, List<string>)>();
        foreach (var statement in portal.Commands.Where(c => c.Sql.Contains($"FROM \"{table}\"", StringComparison.Ordinal)).ToList())
        {
            plans.Add((statement, await PlanAsync(connection, statement)));
        }

        return plans;
    }

    [Fact]
    public async Task Check_FlagsAFullScan_OfRequests()
    {
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync(Ct);
        var unindexed = new CapturedCommand("SELECT \"r\".\"Id\" FROM \"Requests\" AS \"r\" WHERE \"r\".\"CreatedByName\" = 'x'", []);
        var indexed = new CapturedCommand("SELECT \"r\".\"Id\" FROM \"Requests\" AS \"r\" WHERE \"r\".\"Status\" = 3", []);

        Assert.True(IsFullScan((await PlanAsync(connection, unindexed)).Single(), ["r"]));
        Assert.False(IsFullScan((await PlanAsync(connection, indexed)).Single(), ["r"]));
    }

    private static bool IsFullScan(string step, HashSet<string> aliases) =>
        ScanStep().Match(step) is { Success: true } m
        && (aliases.Contains(m.Groups["name"].Value) || m.Groups["name"].Value is "Requests" or "RequestLine")
        && !step.Contains("USING COVERING INDEX", StringComparison.Ordinal);

    private static async Task<List<string>> PlanAsync(SqliteConnection connection, CapturedCommand statement)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var (name, value) in statement.Parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    /// <summary>FROM/JOIN "Requests" AS "r" or "RequestLine" AS "r0", capturing the alias the plan names.</summary>
    [GeneratedRegex("\"(?:Requests|RequestLine)\" AS \"(?<alias>\\w+)\"")]
    private static partial Regex RequestTables();

    /// <summary>A plan step that scans a table or alias (SEARCH steps use an index key).</summary>
    [GeneratedRegex("^SCAN (?:TABLE )?(?<name>\\w+)")]
    private static partial Regex ScanStep();

    public sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>The real portal, with an interceptor recording each SQL command its DbContext runs.</summary>
    public sealed class CapturingPortal : PortalFactory
    {
        public ConcurrentQueue<CapturedCommand> Commands { get; } = new();

        /// <summary>Forgets the captured commands and the portal's cached figures (badges, trends), so the next page runs its queries.</summary>
        public void StartCapture()
        {
            Commands.Clear();
            (Services.GetRequiredService<IMemoryCache>() as MemoryCache)?.Clear();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(new Recorder(Commands))));
        }
    }

    private sealed class Recorder(ConcurrentQueue<CapturedCommand> commands) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return base.ReaderExecuting(command, eventData, result);
        }

        private void Record(DbCommand command)
        {
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                commands.Enqueue(new CapturedCommand(command.CommandText,
                    [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            }
        }
    }
}
