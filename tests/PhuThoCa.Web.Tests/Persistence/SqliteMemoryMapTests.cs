using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PhuThoCa.Infrastructure.Persistence;
using PhuThoCa.Tests.Support;
using PhuThoCa.Web.Tests.Pages.Requests;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>
/// Every SQLite connection the portal opens reads the file through a memory map of the configured size (ADR 0036):
/// the requests' pooled contexts and the contexts built by <see cref="DatabaseSetup.Configure"/> alike.
/// </summary>
[Collection(WorkflowSerialGroup.Name)]
public sealed class SqliteMemoryMapTests(PortalFactory portal)
{
    private const long DefaultBytes = SqliteMemoryMap.DefaultMegabytes * 1024L * 1024L;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARequestsContext_MapsTheDefaultSize()
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Equal(DefaultBytes, await MapSizeAsync(db));
    }

    [Theory]
    [InlineData(64, 64L * 1024 * 1024)]
    [InlineData(0, 0L)]
    public async Task AConfiguredContext_MapsWhatIsConfigured_AndZeroTurnsTheMapOff(int megabytes, long expected)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={portal.DatabasePath}", megabytes);
        await using var db = AppDbContext.Create(options.Options, UnrestrictedScope.Instance);

        Assert.Equal(expected, await MapSizeAsync(db));
        // A connection taken again from the pool is set again (the pragma is run on every open).
        await db.Database.CloseConnectionAsync();
        Assert.Equal(expected, await MapSizeAsync(db));
    }

    [Theory]
    [InlineData(null, SqliteMemoryMap.DefaultMegabytes)]
    [InlineData("", SqliteMemoryMap.DefaultMegabytes)]
    [InlineData("512", 512)]
    [InlineData("0", 0)]
    public void TheSetting_IsReadInMegabytes(string? value, int expected)
    {
        Assert.Equal(expected, DatabaseSetup.GetSqliteMemoryMapMegabytes(Setting(value)));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("256MB")]
    [InlineData("1.5")]
    public void ASettingThatIsNotAWholeNumber_StopsTheStartWithTheSettingsName(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSetup.GetSqliteMemoryMapMegabytes(Setting(value)));
        Assert.Contains("Database:SqliteMemoryMapMegabytes", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Setting(string? value) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:SqliteMemoryMapMegabytes"] = value }).Build();

    private static async Task<long> MapSizeAsync(AppDbContext db)
    {
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA mmap_size";
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
