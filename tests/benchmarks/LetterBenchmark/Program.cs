using System.Diagnostics;
using System.Globalization;
using PhuThoCa.Infrastructure.Letters;
using PhuThoCa.Infrastructure.Letters.Layout;
using PhuThoCa.Infrastructure.Letters.Requests;
using PhuThoCa.Web.Tests.Letters;

// Usage: LetterBenchmark [count=200] [--out DIR]   (--out also writes the sample PDFs there)
var count = 200;
string? outDir = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--out" && i + 1 < args.Length)
    {
        outDir = args[++i];
    }
    else
    {
        count = int.Parse(args[i], CultureInfo.InvariantCulture);
    }
}

var letter = SampleLetters.OnePage();
var options = SampleLetters.Options;

var cold = Stopwatch.StartNew();
var first = OfficialLetterRenderer.Render(letter, options);
cold.Stop();

var warm = Stopwatch.StartNew();
var bytes = 0L;
for (var i = 0; i < count; i++)
{
    bytes = OfficialLetterRenderer.Render(letter, options).Length;
}

warm.Stop();
var inv = CultureInfo.InvariantCulture;

// Stage split: layout only, and Skia drawing with the whole fonts (what the subsetting saves).
var document = OfficialLetterRenderer.Compose(letter, options);
var layout = Stopwatch.StartNew();
for (var i = 0; i < count; i++)
{
    LetterPdfWriter.CountPages(document);
}

layout.Stop();
var whole = Stopwatch.StartNew();
var wholeBytes = 0;
for (var i = 0; i < count; i++)
{
    wholeBytes = LetterPdfWriter.WriteWithWholeFonts(document).Length;
}

whole.Stop();
Console.WriteLine(string.Create(inv, $"stages: layout {layout.Elapsed.TotalMilliseconds / count:F2} ms/letter; without font subsetting {whole.Elapsed.TotalMilliseconds / count:F2} ms/letter, {wholeBytes / 1024.0:F1} KB"));
Console.WriteLine(string.Create(inv, $"first letter: {cold.Elapsed.TotalMilliseconds:F1} ms (fonts load, JIT)"));
Console.WriteLine(string.Create(inv, $"{count} letters: {warm.Elapsed.TotalMilliseconds / count:F2} ms/letter, {bytes} bytes ({bytes / 1024.0:F1} KB) each"));

// The same letter as DOCX (what tests/benchmarks/letters-vs-libreoffice.sh hands to LibreOffice).
var docx = OfficialLetterDocx.Write(letter);
var docxTimer = Stopwatch.StartNew();
for (var i = 0; i < count; i++)
{
    docx = OfficialLetterDocx.Write(letter);
}

docxTimer.Stop();
Console.WriteLine(string.Create(inv, $"docx: {docxTimer.Elapsed.TotalMilliseconds / count:F2} ms/letter, {docx.Length} bytes ({docx.Length / 1024.0:F1} KB)"));

if (outDir is not null)
{
    Directory.CreateDirectory(outDir);
    File.WriteAllBytes(Path.Combine(outDir, "one-page.pdf"), first);
    File.WriteAllBytes(Path.Combine(outDir, "one-page.docx"), docx);
    File.WriteAllBytes(Path.Combine(outDir, "forty-rows.pdf"), OfficialLetterRenderer.Render(SampleLetters.FortyRows(), options));
    File.WriteAllBytes(Path.Combine(outDir, "handover.pdf"), OfficialLetterRenderer.Render(SampleLetters.Handover(), options));
    Console.WriteLine($"samples written to {outDir}");
}
