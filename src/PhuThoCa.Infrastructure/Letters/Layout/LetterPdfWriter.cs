using PhuThoCa.Infrastructure.Letters.Fonts;
using PhuThoCa.Infrastructure.Letters.Pdf;
using SkiaSharp;

namespace PhuThoCa.Infrastructure.Letters.Layout;

/// <summary>
/// The letter-layout component: lays out a <see cref="LayoutDocument"/> on A4 pages and writes it as PDF
/// with SkiaSharp, every string shaped by HarfBuzz, then cuts each embedded font down to the glyphs used.
/// Stateless and thread-safe; the same document (including its creation date) gives the same bytes.
/// </summary>
public static class LetterPdfWriter
{
    public static byte[] Write(LayoutDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var shaper = new TextShaper();
        var pages = new LayoutEngine(shaper).Layout(document);
        var used = new Dictionary<FontFace, SortedSet<ushort>>();
        byte[] raw;
        using (var stream = new MemoryStream())
        {
            using (var pdf = SKDocument.CreatePdf(stream, Metadata(document.Info)))
            {
                using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
                using var stroke = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke };
                foreach (var page in pages)
                {
                    var canvas = pdf.BeginPage(LayoutDocument.A4Width, LayoutDocument.A4Height);
                    foreach (var op in page.Ops)
                    {
                        Draw(canvas, op, shaper, paint, stroke, used);
                    }

                    pdf.EndPage();
                }

                pdf.Close();
            }

            raw = stream.ToArray();
        }

        var glyphs = used.ToDictionary(
            kv => LetterFonts.PostScriptName(kv.Key),
            kv => (LetterFonts.FileBytes(kv.Key), (IReadOnlySet<ushort>)kv.Value));
        return PdfFontSubsetter.SubsetEmbeddedFonts(raw, glyphs);
    }

    /// <summary>Number of pages the document takes (lays it out without writing PDF).</summary>
    public static int CountPages(LayoutDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var shaper = new TextShaper();
        return new LayoutEngine(shaper).Layout(document).Count;
    }

    private static void Draw(SKCanvas canvas, DrawOp op, TextShaper shaper, SKPaint paint, SKPaint stroke,
        Dictionary<FontFace, SortedSet<ushort>> used)
    {
        switch (op)
        {
            case GlyphRunOp run when run.Glyphs.Length > 0:
                if (!used.TryGetValue(run.Face, out var set))
                {
                    used[run.Face] = set = [];
                }

                set.UnionWith(run.Glyphs);
                // Glyph ids and offsets come from HarfBuzz (TextShaper); Skia only places them.
                using (var builder = new SKTextBlobBuilder())
                {
                    builder.AddPositionedRun(run.Glyphs, shaper.Font(run.Face, run.Size), run.Positions);
                    using var blob = builder.Build();
                    canvas.DrawText(blob, run.X, run.Y, paint);
                }

                break;
            case LineOp line:
                stroke.StrokeWidth = line.Thickness;
                canvas.DrawLine(line.X1, line.Y1, line.X2, line.Y2, stroke);
                break;
            default:
                break;
        }
    }

    private static SKDocumentPdfMetadata Metadata(DocumentInfo info)
    {
        var date = info.CreationDate.UtcDateTime;
        return new SKDocumentPdfMetadata
        {
            Title = info.Title,
            Author = info.Author ?? string.Empty,
            Subject = info.Subject ?? string.Empty,
            Keywords = info.Keywords ?? string.Empty,
            Creator = info.Creator,
            Producer = info.Producer,
            Creation = date,
            Modified = date,
            RasterDpi = SKDocument.DefaultRasterDpi,
            EncodingQuality = 101,
        };
    }
}
