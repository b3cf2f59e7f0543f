using System.Diagnostics;
using System.Globalization;
using PhuThoCa.Documents.Composers;
using PhuThoCa.Documents.Layout;
using PhuThoCa.Documents.Nd30;
using PhuThoCa.Web.Tests.Documents;

// Usage: LetterBenchmark [count=200] [--out DIR] [--render-only]
//   --out DIR      also writes the sample PDFs (one-page, forty-rows, handover) and the one-page DOCX there
//   --render-only  times only the full render loop (for perf record)
// The one-page letter is the Mẫu 06 sample with the status-page QR code the portal prints on every letter.
// Before timing, the letter is rendered for about a second untimed: the figures are for a running server, after
// the JIT has compiled and tiered up the code (the first letter, fonts loading, is printed separately).
var count = 200;
string? outDir = null;
var renderOnly = false;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--render-only")
    {
        renderOnly = true;
    }
    else if (args[i] == "--out" && i + 1 < args.Length)
    {
        outDir = args[++i];
    }
    else
    {
        count = int.Parse(args[i], CultureInfo.InvariantCulture);
    }
}

var inv = CultureInfo.InvariantCulture;
const string StatusUrl = "https://chukyso.phutho.gov.vn/Status/AAAQaXxq3k2Yc8Jw1pLm"; // as StatusLinks.MarginQr makes it
var letter = SampleLetters.OnePage() with
{
    FirstPageImage = new LetterMarginImage(StatusLinks.QrPng(StatusUrl)) { ModulePng = StatusLinks.QrPng(StatusUrl, 1) },
};
var options = SampleLetters.Options;

var cold = Stopwatch.StartNew();
var first = OfficialLetterRenderer.Render(letter, options);
cold.Stop();

var warmUp = Stopwatch.StartNew();
var warmUpLetters = 0;
while (warmUp.ElapsedMilliseconds < 3000 || warmUpLetters < 50)
{
    OfficialLetterRenderer.Render(letter, options);
    warmUpLetters++;
}

var timer = Stopwatch.StartNew();
var bytes = 0L;
for (var i = 0; i < count; i++)
{
    bytes = OfficialLetterRenderer.Render(letter, options).Length;
}

timer.Stop();
var perLetter = timer.Elapsed.TotalMilliseconds / count;
Console.WriteLine(string.Create(inv, $"first letter: {cold.Elapsed.TotalMilliseconds:F1} ms (fonts load, JIT); then {warmUpLetters} letters untimed (warm-up)"));
Console.WriteLine(string.Create(inv, $"{count} letters: {perLetter:F2} ms/letter, {bytes} bytes ({bytes / 1024.0:F1} KB) each"));
if (renderOnly)
{
    return;
}

// Stage split: layout only; the PDF without the QR image; the PDF drawn with the whole shipped fonts.
var document = OfficialLetterRenderer.Compose(letter, options);
var withoutImage = document with { Images = [] };
double Time(Action render)
{
    var stage = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        render();
    }

    return stage.Elapsed.TotalMilliseconds / count;
}

var layoutMs = Time(() => LetterPdfWriter.CountPages(document));
var fullMs = Time(() => LetterPdfWriter.Write(document));
var noImageMs = Time(() => LetterPdfWriter.Write(withoutImage));
var wholeBytes = LetterPdfWriter.WriteWithWholeFonts(document).Length;
var wholeMs = Time(() => LetterPdfWriter.WriteWithWholeFonts(document));
Console.WriteLine(string.Create(inv, $"stages: layout {layoutMs:F2} ms/letter; layout and PDF again {fullMs:F2} ms/letter; PDF without the QR image {noImageMs:F2} ms/letter; with the whole fonts (no subsetting) {wholeMs:F2} ms/letter, {wholeBytes / 1024.0:F1} KB"));

// The same letter as DOCX (what tests/benchmarks/letters-vs-libreoffice.sh hands to LibreOffice).
var docx = OfficialLetterDocx.Write(letter);
var docxMs = Time(() => docx = OfficialLetterDocx.Write(letter));
Console.WriteLine(string.Create(inv, $"docx: {docxMs:F2} ms/letter, {docx.Length} bytes ({docx.Length / 1024.0:F1} KB)"));

if (outDir is not null)
{
    Directory.CreateDirectory(outDir);
    File.WriteAllBytes(Path.Combine(outDir, "one-page.pdf"), first);
    File.WriteAllBytes(Path.Combine(outDir, "one-page.docx"), docx);
    File.WriteAllBytes(Path.Combine(outDir, "forty-rows.pdf"), OfficialLetterRenderer.Render(SampleLetters.FortyRows(), options));
    File.WriteAllBytes(Path.Combine(outDir, "handover.pdf"), OfficialLetterRenderer.Render(SampleLetters.Handover(), options));
    Console.WriteLine($"samples written to {outDir}");
}
