using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Pages.Requests;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>
/// Pooled contexts (ADR 0032): the scoped <see cref="AppDbContext"/> is taken from EF's pool and leased to the scope's
/// user, so a context reused after an officer's request serves the next user with that user's scope and an empty audit
/// buffer; a context never leased finds no scoped row.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public sealed class PooledContextTests(PortalFactory portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheScopedContext_IsReusedFromThePool_AndLeasedToEachScopesUser()
    {
        int agencyId;
        int agencies;
        await using (var db = portal.CreateDbContext())
        {
            agencyId = await db.Agencies.Where(a => a.Name == "UBND phường Việt Trì").Select(a => a.Id).SingleAsync(Ct);
            agencies = await db.Agencies.CountAsync(Ct);
        }

        // The portal's registration on a service collection of its own, so no other test's request rents from this pool.
        var user = new SwitchableScope();
        await using var provider = PortalDatabase(() => user.Current);

        AppDbContext officers;
        user.Current = new AgencyScope(agencyId);
        await using (var scope = provider.CreateAsyncScope())
        {
            officers = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(1, await officers.Agencies.CountAsync(Ct));
            // What a save that failed half-way leaves behind.
            officers.AuditBuffer.InSave = true;
            officers.AuditBuffer.SaveStart = 4;
        }

        user.Current = UnrestrictedScope.Instance;
        await using (var scope = provider.CreateAsyncScope())
        {
            var staffs = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Same(officers, staffs);
            Assert.Null(staffs.ScopeAgencyId);
            Assert.Equal(agencies, await staffs.Agencies.CountAsync(Ct));
            Assert.False(staffs.AuditBuffer.InSave);
            Assert.Equal(0, staffs.AuditBuffer.SaveStart);
            Assert.Empty(staffs.AuditBuffer.Pending);
            Assert.Equal(AutoTransactionBehavior.Always, staffs.Database.AutoTransactionBehavior);
        }

        var unleased = new AppDbContext(provider.GetRequiredService<DbContextOptions<AppDbContext>>());
        await using (unleased)
        {
            Assert.Equal(0, await unleased.Agencies.CountAsync(Ct));
        }
    }

    [Fact]
    public async Task AnOfficerAndSoStaff_Alternating_EachSeeTheirOwnScope()
    {
        await using var db = portal.CreateDbContext();
        var agencyId = await db.Agencies.Where(a => a.Name == "UBND phường Việt Trì").Select(a => a.Id).SingleAsync(Ct);
        var own = await db.Tokens.CountAsync(t => t.AgencyId == agencyId, Ct);
        var all = await db.Tokens.CountAsync(Ct);
        Assert.True(own < all, "the demo's other agencies have tokens too");
        var officer = await portal.CreateClientAsync("canbo.viettri", Ct);
        var staff = await portal.CreateClientAsync("chuyenvien.skhcn", Ct);

        for (var round = 0; round < 3; round++)
        {
            var officers = TestHtml.Text(await officer.GetStringAsync(new Uri("/Tokens", UriKind.Relative), Ct));
            var staffs = TestHtml.Text(await staff.GetStringAsync(new Uri("/Tokens", UriKind.Relative), Ct));
            Assert.Contains($"trên tổng số {own}", officers, StringComparison.Ordinal);
            Assert.Contains($"trên tổng số {all}", staffs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OnSqlite_TheScopedContext_HoldsOneOpenConnection_UntilTheScopeEnds()
    {
        await using var provider = PortalDatabase(() => UnrestrictedScope.Instance);

        AppDbContext first;
        System.Data.Common.DbConnection connection;
        int agencies;
        await using (var scope = provider.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            connection = first.Database.GetDbConnection();
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
            agencies = await first.Agencies.CountAsync(Ct);
            // EF leaves a connection it did not open itself open after a statement: the next one reuses it.
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
            var ids = await first.Agencies.OrderBy(a => a.Id).Select(a => a.Id).Take(3).ToListAsync(Ct);
            // A list in a query is one JSON parameter (json_each), and finds the same rows as the list itself.
            var listed = first.Agencies.Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).Select(a => a.Id);
            Assert.Contains("json_each(@ids)", listed.ToQueryString(), StringComparison.Ordinal);
            Assert.Equal(ids, await listed.ToListAsync(Ct));
        }

        // Closed when the scope ended, before the context went back to the pool; a synchronous dispose closes it too.
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        using (var scope = provider.CreateScope())
        {
            var again = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Same(first, again);
            Assert.Equal(System.Data.ConnectionState.Open, again.Database.GetDbConnection().State);
            Assert.Equal(agencies, again.Agencies.Count());
        }

        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }

    /// <summary>The portal's database registration on a service collection of its own, over the test portal's file.</summary>
    private ServiceProvider PortalDatabase(Func<IAgencyScope> scope)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={portal.DatabasePath}",
        }).Build();
        var services = new ServiceCollection().AddScoped(_ => scope());
        services.AddPhuThoCaDatabase(configuration, portal.DataFolder);
        return services.BuildServiceProvider(validateScopes: true);
    }

    private sealed class SwitchableScope
    {
        public IAgencyScope Current { get; set; } = UnrestrictedScope.Instance;
    }
}
