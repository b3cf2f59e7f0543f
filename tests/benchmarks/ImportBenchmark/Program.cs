// Import benchmark: the portal (demo data, a fresh SQLite file) imports a 5,000-row subscriber .xlsx as an agency
// officer: dry run, import, re-import (unchanged), and the file with 10 rows changed. Prints the wall time of each.
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Web.Pages.Import;

namespace PhuThoCa.Benchmarks;

internal static class ImportBenchmark
{
    public static async Task Main(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        var folder = Path.Combine(Path.GetTempPath(), "phuthoca-import-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "PhuThoCa.sln")))
        {
            root = root.Parent!;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PHUTHOCA_WEB", Path.Combine(root.FullName, "src", "PhuThoCa.Web"));
        await using var portal = new WebApplicationFactory<global::Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(folder, "portal.db")}");
            b.UseSetting("Data:Folder", folder);
            b.UseSetting("Seed:DemoData", "true");
            b.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        });
        _ = portal.Server; // starts the host: migrations and demo data
        var scopes = portal.Services.GetRequiredService<IServiceScopeFactory>();
        int agencyId;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            agencyId = db.Agencies.Single(a => a.Name == "UBND phường Việt Trì").Id;
        }

        var officer = new ImportActor("benchmark", "Benchmark", agencyId, IsAdmin: false);

        byte[] Sheet(Func<int, string> position)
        {
            using var stream = new MemoryStream();
            stream.SaveAs(Enumerable.Range(1, rows).Select(i => new Dictionary<string, object?>
            {
                ["Họ và tên / Tên thuê bao"] = $"Nguyễn Thị Nhập {i:D5}",
                ["Chức vụ"] = position(i),
                ["Số định danh cá nhân (CCCD)"] = "0991" + i.ToString("D8", CultureInfo.InvariantCulture),
                ["Ngày cấp"] = new DateTime(2022, 3, 15),
                ["Ngày sinh"] = "02/09/1990",
                ["Thư điện tử công vụ"] = $"nhap{i:D5}@viettri.phutho.gov.vn",
                ["Điện thoại"] = "0912345678",
            }).ToList());
            return stream.ToArray();
        }

        async Task Time(string label, byte[] content, bool dryRun)
        {
            var job = new ImportJob(ImportRegister.Subscribers, [new ImportFile("bench.xlsx", content)], officer, dryRun, DateTime.UtcNow);
            var watch = Stopwatch.StartNew();
            var outcome = await ImportWorker.RunAsync(scopes, job, TimeProvider.System, CancellationToken.None);
            watch.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label,-28} {watch.Elapsed.TotalSeconds,6:F2} s  added {outcome.Added}, updated {outcome.Updated}, unchanged {outcome.Unchanged}, refused {outcome.Refused}"));
        }

        var original = Sheet(_ => "Chuyên viên");
        Console.WriteLine($"{rows} subscriber rows, {original.Length / 1024} KB .xlsx, SQLite, {Environment.ProcessorCount} cores");
        await Time("dry run", original, dryRun: true);
        await Time("import (all new)", original, dryRun: false);
        await Time("re-import (unchanged)", original, dryRun: false);
        await Time("10 rows changed", Sheet(i => i % (rows / 10) == 0 ? "Phó Trưởng phòng" : "Chuyên viên"), dryRun: false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
