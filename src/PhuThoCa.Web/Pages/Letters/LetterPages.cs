using System.Globalization;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Web.Infrastructure;

namespace PhuThoCa.Web.Pages.Letters;

/// <summary>What the letter pages share: the base of the QR links and download names (who may do what: <see cref="Policies"/>).</summary>
public static class LetterPages
{
    public const string PdfType = "application/pdf";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Where the README's run command serves the portal; used only when Development has no Letters:PublicBaseUrl.</summary>
    public const string DevelopmentBaseUrl = "http://localhost:5051";

    /// <summary>
    /// Letters:PublicBaseUrl, never the request's Host header (a forged Host must not reach a stored document). A start
    /// outside Development refuses to run without it (PortalSecurity.ProductionProblems), so the fallback only serves
    /// Development.
    /// </summary>
    public static string StatusBaseUrl(RequestLetterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? DevelopmentBaseUrl : options.PublicBaseUrl.Trim().TrimEnd('/');
    }

    /// <summary>ASCII download name, e.g. "Mau05-yeu-cau-12-v3.pdf".</summary>
    public static string FileName(string kind, int requestId, int? version, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}-yeu-cau-{requestId}{(version is { } v ? $"-v{v}" : "")}.{extension}");
}
