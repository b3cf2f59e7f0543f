using System.Reflection;

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

    /// <summary>
    /// PhuThoCa.Documents (layout engine and composers) depends on the domain and its rendering libraries only: nothing it
    /// references, directly or through another assembly, is EF Core, ASP.NET Core or another PhuThoCa project.
    /// </summary>
    [Fact]
    public void Documents_DependOnTheDomainOnly_NeverOnEfCoreOrAspNetCore()
    {
        var documents = typeof(PhuThoCa.Documents.Nd30.OfficialLetterRenderer).Assembly;

        var reachable = Reachable(documents);

        Assert.Contains("PhuThoCa.Domain", reachable);
        Assert.Contains("SkiaSharp", reachable);
        var forbidden = reachable.Where(n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.Data.", StringComparison.Ordinal)
                || (n.StartsWith("PhuThoCa.", StringComparison.Ordinal) && n is not "PhuThoCa.Domain"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Empty(forbidden);
    }

    /// <summary>
    /// Rule codes are constants (RequestRules, CertificateRules, TokenRules, CalendarRules …), never string literals: no source
    /// file throws a rule with a literal code, and no page or importer matches one by a literal (issue 10, item 4).
    /// </summary>
    [Fact]
    public void RuleCodes_AreConstants_NeverLiterals()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PhuThoCa.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var sources = Directory.GetFiles(Path.Combine(dir.FullName, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(sources);
        var literal = new System.Text.RegularExpressions.Regex(
            "DomainRuleException\\(\\s*\"[A-Z][A-Za-z0-9]+\"|\\.Rule\\s*(==|is)\\s*\"[A-Z]");
        var offenders = sources.Where(f => literal.IsMatch(File.ReadAllText(f))).Select(Path.GetFileName).ToList();
        Assert.Empty(offenders);
    }

    /// <summary>Names of every assembly referenced from <paramref name="root"/>, transitively (framework assemblies not opened).</summary>
    private static HashSet<string> Reachable(Assembly root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<AssemblyName>(root.GetReferencedAssemblies());
        while (queue.TryDequeue(out var name))
        {
            if (name.Name is not { } simple || !seen.Add(simple)
                || simple.StartsWith("System", StringComparison.Ordinal) || simple is "netstandard" or "mscorlib")
            {
                continue;
            }

            Assembly loaded;
            try
            {
                loaded = Assembly.Load(name);
            }
            catch (FileNotFoundException)
            {
                continue; // not shipped with the test (an optional reference of a library): nothing to walk
            }

            foreach (var reference in loaded.GetReferencedAssemblies())
            {
                queue.Enqueue(reference);
            }
        }

        return seen;
    }
}
