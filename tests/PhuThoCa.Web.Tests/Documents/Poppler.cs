using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace PhuThoCa.Web.Tests.Documents;

public enum PdfTextMode
{
    /// <summary>pdftotext -layout: keeps columns side by side, as on the page.</summary>
    Layout,

    /// <summary>pdftotext -raw: content-stream order, i.e. the order the renderer drew things.</summary>
    Raw,
}

/// <summary>
/// Runs poppler-utils (apt poppler-utils; tests/run.sh installs it) on PDF bytes, for tests that read a
/// generated PDF back the way a user's viewer would.
/// </summary>
public static partial class Poppler
{
    /// <summary>The text of the PDF (or of pages first..last, 1-based), decoded as UTF-8.</summary>
    public static string PdfToText(byte[] pdf, PdfTextMode mode = PdfTextMode.Layout, int? firstPage = null, int? lastPage = null)
    {
        var args = new List<string> { "-enc", "UTF-8", mode == PdfTextMode.Layout ? "-layout" : "-raw" };
        if (firstPage is { } f)
        {
            args.AddRange(["-f", f.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (lastPage is { } l)
        {
            args.AddRange(["-l", l.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        return Run("pdftotext", pdf, args, "-");
    }

    /// <summary>
    /// The QR codes a scanner reads on a page printed at 300 dpi: pdftoppm renders the page, zbarimg (apt zbar-tools;
    /// tests/run.sh installs it) decodes it. One payload per code found.
    /// </summary>
    public static IReadOnlyList<string> QrCodesOnPage(byte[] pdf, int page)
    {
        var path = WriteTemp(pdf);
        var prefix = Path.ChangeExtension(path, null);
        var png = prefix + ".png";
        try
        {
            var p = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var (render, output) = Execute("pdftoppm", ["-r", "300", "-png", "-singlefile", "-f", p, "-l", p, path, prefix]);
            if (render != 0)
            {
                throw new InvalidOperationException($"pdftoppm exited with {render}: {output}");
            }

            // zbarimg exits with 4 when it finds no code; its stderr may carry D-Bus noise, so read stdout lines only.
            var (_, codes) = Execute("zbarimg", ["--quiet", "--raw", png]);
            return codes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => line.StartsWith("http", StringComparison.Ordinal)).ToList();
        }
        finally
        {
            File.Delete(path);
            File.Delete(png);
        }
    }

    /// <summary>The pdffonts table (name, type, encoding, emb, sub, uni, object id).</summary>
    public static string PdfFonts(byte[] pdf) => Run("pdffonts", pdf, [], null);

    /// <summary>True when the tool is on PATH (qpdf is optional: apt qpdf).</summary>
    public static bool IsInstalled(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));

    /// <summary>Runs "qpdf --check" and returns its exit code and output.</summary>
    public static (int ExitCode, string Output) QpdfCheck(byte[] pdf)
    {
        var path = WriteTemp(pdf);
        try
        {
            return Execute("qpdf", ["--check", path]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>NFC, and every run of white space as one space: for "does the text contain …" checks.</summary>
    public static string Squash(string text) =>
        Whitespace().Replace(text.Normalize(NormalizationForm.FormC), " ").Trim();

    private static string Run(string tool, byte[] pdf, IEnumerable<string> args, string? output)
    {
        var path = WriteTemp(pdf);
        try
        {
            var all = args.Append(path).ToList();
            if (output is not null)
            {
                all.Add(output);
            }

            var (exit, stdout) = Execute(tool, all);
            return exit == 0 ? stdout : throw new InvalidOperationException($"{tool} exited with {exit}: {stdout}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (int ExitCode, string Output) Execute(string tool, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {tool} (apt-get install poppler-utils).");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException($"{tool} did not finish in 60 s.");
        }

        return (process.ExitCode, stdout + stderr.GetAwaiter().GetResult());
    }

    private static string WriteTemp(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"phuthoca-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
