using System.Net;
using System.Text.RegularExpressions;

namespace PhuThoCa.Web.Tests;

internal static partial class TestHtml
{
    /// <summary>Text of the page with tags removed and entities decoded, whitespace squashed.</summary>
    public static string Text(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(html, " "), " ")), " ");

    /// <summary>The value attribute of the input with the given name.</summary>
    public static string? InputValue(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<script[\\s\\S]*?</script>")]
    private static partial Regex Scripts();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
