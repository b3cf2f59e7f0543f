using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Pages.Import;

/// <summary>
/// The imports of this node, kept in memory for a day (the file itself too, so a dry run can be followed by the real
/// import without uploading again). Jobs run one at a time in <see cref="ImportWorker"/>.
/// </summary>
public sealed class ImportJobs(TimeProvider clock)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    private readonly Channel<ImportJob> _queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<ImportJob> Queue => _queue.Reader;

    public ImportJob Enqueue(ImportRegister register, IReadOnlyList<ImportFile> files, ImportActor actor, bool dryRun)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in _jobs.Values.Where(j => now - j.CreatedUtc > KeepFor && j.Phase is ImportPhase.Done or ImportPhase.Failed))
        {
            _jobs.TryRemove(old.Id, out _);
        }

        var job = new ImportJob(register, files, actor, dryRun, now);
        _jobs[job.Id] = job;
        _queue.Writer.TryWrite(job);
        return job;
    }

    /// <summary>The job if it belongs to the user; anyone else's reads as missing (404).</summary>
    public ImportJob? Find(Guid id, string userId) =>
        _jobs.TryGetValue(id, out var job) && job.Actor.UserId == userId ? job : null;
}

/// <summary>Runs queued imports in a scope of their own; the real import is one transaction (retried as a whole on SQL Server).</summary>
public sealed class ImportWorker(ImportJobs jobs, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                job.Finish(await RunAsync(scopes, job, clock, stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Import {JobId} of {Register} failed", job.Id, job.Register);
                job.Fail();
            }
        }
    }

    /// <summary>One import, start to end (also called directly by the benchmark).</summary>
    public static async Task<ImportOutcome> RunAsync(IServiceScopeFactory scopes, ImportJob job, TimeProvider clock, CancellationToken ct)
    {
        using var outer = scopes.CreateScope();
        var strategy = outer.ServiceProvider.GetRequiredService<AppDbContext>().Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var importer = scope.ServiceProvider.GetServices<RegisterImporter>().Single(i => i.Register == job.Register);
            if (!importer.IsAllowedFor(job.Actor))
            {
                return ImportOutcome.FileProblem("Bạn không có quyền nhập danh mục này.");
            }

            await using var transaction = job.DryRun ? null : await db.Database.BeginTransactionAsync(ct);
            var outcome = await importer.RunAsync(job, clock.GetUtcNow().UtcDateTime, ct);
            if (transaction is not null && outcome.Saved)
            {
                await transaction.CommitAsync(ct);
            }

            return outcome;
        });
    }
}
