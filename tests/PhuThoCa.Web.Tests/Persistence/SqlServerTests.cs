using Microsoft.EntityFrameworkCore;
using PhuThoCa.Domain.Agencies;
using PhuThoCa.Domain.Certificates;
using PhuThoCa.Domain.Subscribers;
using PhuThoCa.Domain.Tokens;
using PhuThoCa.Infrastructure.Persistence;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>Migrates a real SQL Server in Docker and round-trips the registers. Skipped where Docker is not available.</summary>
public class SqlServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_AndRoundTripAgencySubscriberCertificateToken()
    {
        await using (var container = SqlServerContainer.CreateOrSkip())
        {
            await container.StartAsync(Ct);
            var options = new DbContextOptionsBuilder<AppDbContext>();
            DatabaseSetup.Configure(options, DatabaseProvider.SqlServer, container.GetConnectionString());
            await using (var db = AppDbContext.Create(options.Options, UnrestrictedScope.Instance))
            {
                await db.Database.MigrateAsync(Ct);
                var agency = new Agency(AgencyKind.ProvincialDepartment, "Sở Khoa học và Công nghệ tỉnh Phú Thọ", "SKHCN", "Việt Trì", "skhcn.phutho.gov.vn");
                db.Agencies.Add(agency);
                await db.SaveChangesAsync(Ct);
                var subscriber = new Subscriber(agency.Id, new SubscriberDetails(SubscriberKind.Person, "Nguyễn Thị Thử", "Chuyên viên", "025190012345",
                    null, null, null, "thu@skhcn.phutho.gov.vn", null, null, null, null, null));
                var token = new UsbToken(agency.Id, "TK-SQL-1", "Bit4id TokenME EVO v2");
                db.AddRange(subscriber, token);
                await db.SaveChangesAsync(Ct);
                db.Certificates.Add(new Certificate(subscriber.Id, new CertificateDetails("54ABCDEF", "CN=Nguyễn Thị Thử", "CA G2",
                    new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc), KeyStorageKind.PkiToken), token.Id));
                await db.SaveChangesAsync(Ct);
            }

            await using var read = AppDbContext.Create(options.Options, UnrestrictedScope.Instance);
            var certificate = await read.Certificates.Include(c => c.Subscriber!).ThenInclude(s => s.Agency).Include(c => c.Token).SingleAsync(Ct);
            Assert.Equal("Nguyễn Thị Thử", certificate.Subscriber!.Name);
            Assert.Equal("Sở Khoa học và Công nghệ tỉnh Phú Thọ", certificate.Subscriber.Agency!.Name);
            Assert.Equal("TK-SQL-1", certificate.Token!.SerialNumber);
            Assert.Equal(DateTimeKind.Utc, certificate.NotAfterUtc.Kind);
        }
    }
}
