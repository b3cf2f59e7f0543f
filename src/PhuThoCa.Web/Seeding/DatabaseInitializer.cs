using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Calendar;
using PhuThoCa.Infrastructure.Identity;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Seeding;

/// <summary>Applies migrations (<c>Database:MigrateOnStartup</c>, default true), creates roles, and seeds demo data (<c>Seed:DemoData</c>).</summary>
public static class DatabaseInitializer
{
    /// <summary>Null when the portal can start; otherwise what to set (no administrator and no demo data).</summary>
    public static async Task<string?> InitializeAsync(IServiceProvider services, IConfiguration configuration)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var logger = sp.GetRequiredService<ILogger<AppDbContext>>();

        if (configuration.GetValue("Database:MigrateOnStartup", true))
        {
            // The real clock: EF stamps its SQLite migration lock with it (tests set the business clock to another day).
            await MigrationStart.MigrateAsync(db,
                configuration.GetValue("Database:SqliteMigrationLockStaleAfter", MigrationStart.DefaultStaleAfter),
                TimeProvider.System, logger);
        }

        // The write-ahead log whether or not EF created the file (a leased context opens it before the migrations run;
        // a restored or generated file may have the rollback journal).
        await SqliteJournal.UseWriteAheadLogAsync(db, logger);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        // The official 2026 schedule ships as seed data (Công văn 9859/VPCP-KGVX; Thông báo 9441/TB-BNV); admins keep later years.
        if (!await db.CalendarOverrides.AnyAsync())
        {
            db.CalendarOverrides.AddRange(OfficialCalendarSeed.Create());
            await db.SaveChangesAsync();
        }

        await FillSortKeysAsync(db, logger);

        await BootstrapAdministratorAsync(sp.GetRequiredService<UserManager<AppUser>>(), configuration, logger);

        var demo = configuration.GetValue("Seed:DemoData", false);
        if (demo && !await db.Agencies.IgnoreQueryFilters().AnyAsync())
        {
            var clock = sp.GetRequiredService<TimeProvider>();
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            await new DemoData(db, users, clock.GetUtcNow().UtcDateTime, sp).SeedAsync();
            logger.LogInformation("Demo data seeded");
        }

        if ((await sp.GetRequiredService<UserManager<AppUser>>().GetUsersInRoleAsync(Roles.Administrator)).Any(u => u.IsActive))
        {
            return null;
        }

        return "no active administrator exists and no demo data was asked for. Set Bootstrap__AdminUserName and "
              + "Bootstrap__AdminPassword (at least 10 characters with upper case, lower case and a digit) for the first start, "
              + "or Seed__DemoData=true (or --demo) for a demonstration portal.";
    }

    /// <summary>
    /// Production start without demo data: <c>Bootstrap:AdminUserName</c> and <c>Bootstrap:AdminPassword</c> create the
    /// first administrator when no administrator exists yet. Remove the password from the configuration afterwards.
    /// </summary>
    /// <summary>
    /// Vietnamese sort keys for agencies and subscribers stored before the keys existed (migration VietnameseSortKeys adds
    /// the columns empty; the key is computed by the domain, not by SQL). Runs in batches; nothing to do afterwards.
    /// </summary>
    private static async Task FillSortKeysAsync(AppDbContext db, ILogger logger)
    {
        var filled = 0;
        foreach (var agency in await db.Agencies.IgnoreQueryFilters().Where(a => a.SortKey == "").ToListAsync())
        {
            agency.RefreshSortKey();
            filled++;
        }

        await db.SaveChangesAsync();
        while (await db.Subscribers.IgnoreQueryFilters().Where(s => s.SortKey == "").OrderBy(s => s.Id).Take(1000).ToListAsync() is { Count: > 0 } batch)
        {
            batch.ForEach(s => s.RefreshSortKey());
            filled += batch.Count;
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        if (filled > 0)
        {
            logger.LogInformation("Vietnamese sort keys filled for {Count} agencies and subscribers", filled);
        }
    }

    private static async Task BootstrapAdministratorAsync(UserManager<AppUser> users, IConfiguration configuration, ILogger logger)
    {
        var userName = configuration["Bootstrap:AdminUserName"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(password)
            || (await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }

        var admin = new AppUser { UserName = userName, FullName = "Quản trị hệ thống", EmailConfirmed = true };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Bootstrap administrator: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Administrator);
        logger.LogWarning("Bootstrap administrator {UserName} created; remove Bootstrap:AdminPassword from the configuration", userName);
    }
}
