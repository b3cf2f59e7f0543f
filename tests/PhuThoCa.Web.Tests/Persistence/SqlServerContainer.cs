using DotNet.Testcontainers.Builders;
using Testcontainers.MsSql;

namespace PhuThoCa.Web.Tests.Persistence;

/// <summary>A real SQL Server in Docker (Testcontainers), or the test is skipped with a clear message where Docker is missing.</summary>
public static class SqlServerContainer
{
    public static MsSqlContainer CreateOrSkip()
    {
        try
        {
            return new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04").Build();
        }
        catch (DockerUnavailableException ex)
        {
            Assert.Skip("Bỏ qua: không có Docker trên máy này nên không chạy được SQL Server thật (Testcontainers). " + ex.Message.Split('\n')[0]);
            throw; // not reached: Assert.Skip throws
        }
    }
}
