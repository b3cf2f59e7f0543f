namespace PhuThoCa.Domain.Tests;

public class ArchitectureTests
{
    [Fact]
    public void Domain_ReferencesNoFrameworkOrPersistenceAssembly()
    {
        var domain = typeof(PhuThoCa.Domain.Common.DomainRuleException).Assembly;

        var forbidden = domain.GetReferencedAssemblies()
            .Select(a => a.Name ?? "")
            .Where(n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(forbidden);
        Assert.Contains(domain.GetReferencedAssemblies(), a => a.Name == "System.Runtime");
    }
}
