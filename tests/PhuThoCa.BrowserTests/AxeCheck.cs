using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace PhuThoCa.BrowserTests;

/// <summary>
/// axe-core (from npm, copied next to the test binary by the csproj) run inside a page; the page's context must be made with
/// BypassCSP (see <see cref="BrowserPortal.SignInAsync"/>) since the portal allows no injected script.
/// </summary>
internal static class AxeCheck
{
    private static readonly Lazy<string> Source = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js")));

    private const string Run = """
        async () => {
            const result = await axe.run(document, { resultTypes: ['violations'] });
            return JSON.stringify(result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ rule: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary || '' })) })));
        }
        """;

    /// <summary>The serious and critical violations on the page, one line per element (rule, target, summary); empty when none.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Source.Value });
        }

        var json = await page.EvaluateAsync<string>(Run);
        var lines = new List<string>();
        foreach (var violation in JsonDocument.Parse(json).RootElement.EnumerateArray())
        {
            var rule = violation.GetProperty("rule").GetString();
            var impact = violation.GetProperty("impact").GetString();
            foreach (var node in violation.GetProperty("nodes").EnumerateArray())
            {
                var summary = new StringBuilder(node.GetProperty("summary").GetString()).Replace("\n", " ").ToString();
                lines.Add($"{rule} ({impact}) at {node.GetProperty("target").GetString()}: {summary}");
            }
        }

        return lines;
    }
}
