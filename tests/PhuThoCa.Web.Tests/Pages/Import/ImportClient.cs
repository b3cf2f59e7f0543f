using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using PhuThoCa.Tests.Support;

namespace PhuThoCa.Web.Tests.Pages.Import;

/// <summary>A portal of its own for import tests, so thousands of imported rows do not disturb the other tests' lists.</summary>
public sealed class ImportPortal : PortalFactory
{
    public const string Collection = "import";
}

[CollectionDefinition(ImportPortal.Collection)]
public sealed class ImportPortalGroup : ICollectionFixture<ImportPortal>;

/// <summary>What the import page reported, read from the result page after polling the status endpoint.</summary>
internal sealed record ImportResult(string Html, int Added, int Updated, int Unchanged, int Refused, List<(string Row, string Column, string Value, string Rule)> Problems, string JobUrl);

/// <summary>Uploads through the real form (multipart, antiforgery), polls the job's status until done and reads the result page.</summary>
internal static partial class ImportClient
{
    public static byte[] Xlsx(IEnumerable<IDictionary<string, object?>> rows, string sheet = "Dữ liệu")
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [sheet] = rows.ToList() });
        return stream.ToArray();
    }

    public static async Task<ImportResult> UploadAsync(HttpClient client, string register, bool dryRun, CancellationToken ct, params (string Name, byte[] Content)[] files)
    {
        var form = await client.GetStringAsync(new Uri("/Import", UriKind.Relative), ct);
        var token = Antiforgery().Match(form).Groups[1].Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent(register), "register" },
            { new StringContent(dryRun ? "true" : "false"), "DryRun" },
        };
        foreach (var (name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), "Files", name);
        }

        var response = await client.PostAsync(new Uri("/Import", UriKind.Relative), content, ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await WaitAsync(client, response.Headers.Location!.OriginalString, ct);
    }

    public static async Task<ImportResult> WaitAsync(HttpClient client, string jobUrl, CancellationToken ct)
    {
        var id = Regex.Match(jobUrl, "id=([0-9a-f-]+)").Groups[1].Value;
        for (var i = 0; i < 1200; i++)
        {
            var status = await client.GetStringAsync(new Uri($"/Import/Job?handler=Status&id={id}", UriKind.Relative), ct);
            if (status.Contains("\"done\":true", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(100, ct);
        }

        var html = await client.GetStringAsync(new Uri(jobUrl, UriKind.Relative), ct);
        var problems = ProblemRow().Matches(html).Select(m => (Clean(m.Groups[1].Value), Clean(m.Groups[2].Value), Clean(m.Groups[3].Value), Clean(m.Groups[4].Value))).ToList();
        return new ImportResult(html, Count(html, "added"), Count(html, "updated"), Count(html, "unchanged"), Count(html, "refused"), problems, jobUrl);
    }

    private static string Clean(string html) => TestHtml.Text(html).Trim();

    private static int Count(string html, string name)
    {
        var match = Regex.Match(html, $"data-testid=\"count-{name}\">([0-9.]+)<");
        Assert.True(match.Success, $"the result page shows the {name} count");
        return int.Parse(match.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("<tr><td class=\"text-nowrap\">(.*?)</td><td>(.*?)</td><td class=\"text-break\">(.*?)</td><td>(.*?)</td></tr>")]
    private static partial Regex ProblemRow();
}
