// Overhead of the audit trail on a save (docs/adr/0012-audit-trail.md): the same saves on a real SQLite file, once with
// the audit interceptor (as the portal runs) and once without it. Each save is a typical register edit: one subscriber's
// phone number changed plus its history row. Also a batch save of 20 new subscribers. Prints the median and mean per save.
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Common;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Infrastructure.Auditing;
using PhuThoCa.Infrastructure.Notifications;
using PhuThoCa.Infrastructure.Persistence;

var saves = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var folder = Path.Combine(Path.GetTempPath(), "phuthoca-audit-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    Console.WriteLine($"{saves} saves per case, SQLite file in {folder}, {Environment.ProcessorCount} cores");
    foreach (var round in new[] { "warm-up", "measured" })
    {
        var without = await RunAsync(audited: false);
        var with = await RunAsync(audited: true);
        if (round == "warm-up")
        {
            continue;
        }

        Print("one-row edit + history row", without.Edit, with.Edit);
        Print("batch of 20 inserts", without.Batch, with.Batch);
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

void Print(string label, List<double> without, List<double> with)
{
    var (m0, a0, m1, a1) = (Median(without), without.Average(), Median(with), with.Average());
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label,-28} without audit: median {m0:F3} ms, mean {a0:F3} ms | with audit: median {m1:F3} ms, mean {a1:F3} ms | overhead median +{m1 - m0:F3} ms ({(m1 / m0) - 1:P0})"));
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

async Task<(List<double> Edit, List<double> Batch)> RunAsync(bool audited)
{
    var path = Path.Combine(folder, (audited ? "audited-" : "plain-") + Guid.NewGuid().ToString("N") + ".db");
    var options = new DbContextOptionsBuilder<AppDbContext>();
    if (audited)
    {
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={path}");
    }
    else
    {
        options.AddInterceptors(RequestNotificationInterceptor.Instance)
            .UseSqlite($"Data Source={path}", s => s.MigrationsAssembly(DatabaseSetup.SqliteMigrationsAssembly));
    }

    await using (var setup = AppDbContext.Create(options.Options, UnrestrictedScope.Instance))
    {
        await setup.Database.MigrateAsync();
        setup.Agencies.Add(new Agency(AgencyKind.ProvincialDepartment, "Sở Thử nghiệm", "STN", "Phú Thọ", "thunghiem.phutho.gov.vn"));
        await setup.SaveChangesAsync();
    }

    var edit = new List<double>(saves);
    var batch = new List<double>(saves / 20);
    await using var db = AppDbContext.Create(options.Options, UnrestrictedScope.Instance);
    var agencyId = (await db.Agencies.FirstAsync()).Id;
    var subscriber = new Subscriber(agencyId, Details("Nguyễn Văn Đo", "0900000000"));
    db.Subscribers.Add(subscriber);
    await db.SaveChangesAsync();
    var watch = new Stopwatch();
    for (var i = 0; i < saves; i++)
    {
        var phone = "09" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture);
        watch.Restart();
        var changes = subscriber.Update(Details(subscriber.Name, phone));
        db.TimelineEvents.Add(new TimelineEvent(TimelineSubject.Subscriber, subscriber.Id, DateTime.UtcNow, "Đo", "Cập nhật thông tin",
            note: FieldChange.Describe(changes)));
        await db.SaveChangesAsync();
        edit.Add(watch.Elapsed.TotalMilliseconds);
    }

    for (var i = 0; i < saves / 20; i++)
    {
        watch.Restart();
        for (var j = 0; j < 20; j++)
        {
            db.Subscribers.Add(new Subscriber(agencyId, Details($"Người {i}-{j}", "0911111111")));
        }

        await db.SaveChangesAsync();
        batch.Add(watch.Elapsed.TotalMilliseconds);
        db.ChangeTracker.Clear();
    }

    if (audited)
    {
        var verification = await AuditVerifier.VerifyAsync(db);
        Console.WriteLine($"  audited run: {verification.Count} entries, chain intact: {verification.IsIntact}");
    }

    return (edit, batch);
}

static SubscriberDetails Details(string name, string phone) => new(SubscriberKind.Person, name, "Chuyên viên",
    "025190012345", null, null, null, "do.thu@thunghiem.phutho.gov.vn", phone, null, null, null, null);
