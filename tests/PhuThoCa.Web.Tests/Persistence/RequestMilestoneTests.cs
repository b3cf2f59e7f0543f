using System.Globalization;
using Microsoft.Data.Sqlite;
using PhuThoCa.Migrations.Sqlite.Migrations;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Pages.Requests;
using static PhuThoCa.Web.Tests.Pages.Requests.WorkflowArrange;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>
/// The history's milestones kept on each request (ADR 0029): the migration that added them fills the existing register
/// from the history, and must give exactly what the domain writes when the moves happen. Checked on a copy of the test
/// portal's register (the demo's requests plus one resolved early and one resolved late here), with the columns the
/// domain wrote cleared and filled again by the migration's statements.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public sealed class RequestMilestoneTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Columns = "FirstReceivedAtUtc, ResolvedAtUtc, Resolution, CaWaitStartedAtUtc, CaAnsweredAtUtc";

    [Fact]
    public async Task TheMigrationsBackfill_EqualsWhatTheDomainWrote()
    {
        await ArrangeResolvedRequestsAsync();
        var copy = Path.Combine(Path.GetTempPath(), $"milestones-{Guid.NewGuid():N}.db");
        try
        {
            await using (var source = new SqliteConnection($"Data Source={portal.DatabasePath};Mode=ReadOnly;Pooling=False"))
            await using (var target = new SqliteConnection($"Data Source={copy};Pooling=False"))
            {
                await source.OpenAsync(Ct);
                await target.OpenAsync(Ct);
                source.BackupDatabase(target);
            }

            await using var db = new SqliteConnection($"Data Source={copy};Pooling=False");
            await db.OpenAsync(Ct);
            var written = await ReadAsync(db);
            await ExecuteAsync(db, "UPDATE Requests SET FirstReceivedAtUtc = NULL, ResolvedAtUtc = NULL, Resolution = NULL, "
                + "CaWaitStartedAtUtc = NULL, CaAnsweredAtUtc = NULL");
            Assert.All((await ReadAsync(db)).Values, v => Assert.Equal("||||", v));

            await ExecuteAsync(db, RequestMilestones.Backfill);

            var filled = await ReadAsync(db);
            // Only the requests that differ, so a failure names them.
            Assert.Empty(written.Where(w => filled.GetValueOrDefault(w.Key) != w.Value)
                .Select(w => $"{w.Key}: written {w.Value}, backfilled {filled.GetValueOrDefault(w.Key)}"));
            Assert.Equal(written.Keys, filled.Keys);
            var timings = written.Values.Select(v => v.Split('|')[2]).Where(t => t.Length > 0).ToHashSet();
            Assert.Superset(new HashSet<string> { "1", "3" }, timings);
            Assert.Contains(written.Values, v => v.Split('|')[4].Length > 0);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }
    }

    /// <summary>A recovery resolved early and one resolved a day late (the demo register's resolutions are recent and early).</summary>
    private async Task ArrangeResolvedRequestsAsync()
    {
        var now = NowUtc(portal);
        await RecoveredAsync(portal, now.AddDays(-10), now.AddDays(-10).AddHours(1), now.AddDays(-10).AddHours(2));
        await RecoveredAsync(portal, now.AddDays(-20), now.AddDays(-19), now.AddDays(-13));
    }

    private static async Task<Dictionary<long, string>> ReadAsync(SqliteConnection db)
    {
        await using var command = db.CreateCommand();
        command.CommandText = $"SELECT Id, {Columns} FROM Requests ORDER BY Id";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new Dictionary<long, string>();
        while (await reader.ReadAsync(Ct))
        {
            rows[reader.GetInt64(0)] = string.Join('|', Enumerable.Range(1, 5).Select(i => reader.IsDBNull(i)
                ? ""
                : i == 3 ? reader.GetInt64(i).ToString(CultureInfo.InvariantCulture) : reader.GetDateTime(i).ToString("O", CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private static async Task ExecuteAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
