using PhuThoCa.Documents.Fonts;
using PhuThoCa.Documents.Pdf;
using SkiaSharp;

namespace PhuThoCa.Documents.Layout;

/// <summary>
/// The letter-layout component: lays out a <see cref="LayoutDocument"/> on A4 pages and writes it as PDF
/// with SkiaSharp, every string shaped by HarfBuzz.
/// Skia's PDF backend embeds a font file whole, so the glyphs are drawn with per-document copies of the
/// fonts cut to the glyphs this document uses (<see cref="TrueTypeSubsetter"/>, glyph ids unchanged):
/// Skia then embeds only those (docs/adr/0006-pdf-letters-skiasharp-harfbuzz.md).
/// Stateless and thread-safe; the same document (including its creation date) gives the same bytes.
/// </summary>
public static class LetterPdfWriter
{
    public static byte[] Write(LayoutDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Write([document], document.Info);
    }

    /// <summary>
    /// Several documents in one PDF (a batch of letters): each is laid out on its own pages with its own page
    /// numbers and images, one after the other; the fonts are cut once to the glyphs of all of them.
    /// </summary>
    public static byte[] Write(IReadOnlyList<LayoutDocument> documents, DocumentInfo info)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(info);
        var shaper = new TextShaper();
        var engine = new LayoutEngine(shaper);
        var pages = new List<RenderPage>();
        foreach (var document in documents)
        {
            pages.AddRange(engine.Layout(document).Select(p => new RenderPage(p, document.Images.Where(i => i.Page == p.Number).ToList())));
        }

        // Layout has already shaped every string with the full fonts, so the glyph ids are known now.
        var used = new Dictionary<FontFace, bool[]>();
        foreach (var run in pages.SelectMany(p => p.Layout.Ops).OfType<GlyphRunOp>())
        {
            if (!used.TryGetValue(run.Face, out var flags))
            {
                used[run.Face] = flags = new bool[LetterFonts.Advances(run.Face).Length];
                flags[LetterFonts.SpaceGlyph(run.Face)] = true; // PdfTextLines puts spaces between words
            }

            foreach (var glyph in run.Glyphs)
            {
                if (glyph < flags.Length)
                {
                    flags[glyph] = true;
                }
            }
        }

        var typefaces = new Dictionary<FontFace, SKTypeface>();
        try
        {
            foreach (var (face, glyphs) in used)
            {
                var subset = TrueTypeSubsetter.Subset(LetterFonts.FileBytes(face).Span, glyphs);
                // From native memory: FreeType then reads glyphs directly, not through managed stream callbacks.
                using var data = SKData.CreateCopy(subset);
                typefaces[face] = SKTypeface.FromData(data)
                    ?? throw new InvalidOperationException($"Skia rejected the subset of {LetterFonts.PostScriptName(face)}.");
            }

            return Render(pages, info, face => typefaces[face]);
        }
        finally
        {
            foreach (var typeface in typefaces.Values)
            {
                typeface.Dispose();
            }
        }
    }

    /// <summary>Number of pages the document takes (lays it out without writing PDF).</summary>
    public static int CountPages(LayoutDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var shaper = new TextShaper();
        return new LayoutEngine(shaper).Layout(document).Count;
    }

    /// <summary>The same PDF drawn with the whole shipped fonts (what Skia alone gives; benchmark only).</summary>
    internal static byte[] WriteWithWholeFonts(LayoutDocument document)
    {
        var shaper = new TextShaper();
        var pages = new LayoutEngine(shaper).Layout(document)
            .Select(p => new RenderPage(p, document.Images.Where(i => i.Page == p.Number).ToList())).ToList();
        return Render(pages, document.Info, LetterFonts.Typeface);
    }

    private static byte[] Render(List<RenderPage> pages, DocumentInfo info, Func<FontFace, SKTypeface> typefaceOf)
    {
        var fonts = new Dictionary<(FontFace, float), SKFont>();
        // Skia writes into native memory (no managed callback per write); one copy out at the end.
        using var stream = new SKDynamicMemoryWStream();
        try
        {
            using var pdf = SKDocument.CreatePdf(stream, Metadata(info));
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var stroke = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke };
            foreach (var page in pages)
            {
                var canvas = pdf.BeginPage(LayoutDocument.A4Width, LayoutDocument.A4Height);
                foreach (var op in PdfTextLines.Join(page.Layout.Ops))
                {
                    switch (op)
                    {
                        case TextLineOp line:
                            if (!fonts.TryGetValue((line.Face, line.Size), out var font))
                            {
                                fonts[(line.Face, line.Size)] = font = TextShaper.CreateFont(typefaceOf(line.Face), line.Size);
                            }

                            // Glyph ids and offsets come from HarfBuzz (TextShaper); Skia only places them.
                            using (var builder = new SKTextBlobBuilder())
                            {
                                builder.AddPositionedRun(line.Glyphs, font, line.Positions);
                                using var blob = builder.Build();
                                canvas.DrawText(blob, line.OriginX, line.Y, paint);
                            }

                            break;
                        case LineOp rule:
                            stroke.StrokeWidth = rule.Thickness;
                            canvas.DrawLine(rule.X1, rule.Y1, rule.X2, rule.Y2, stroke);
                            break;
                        case ImageOp flowImage:
                            DrawImage(canvas, flowImage.EncodedImage, SKRect.Create(flowImage.X, flowImage.Y, flowImage.Width, flowImage.Height));
                            break;
                        default:
                            break;
                    }
                }

                foreach (var placed in page.Images)
                {
                    DrawImage(canvas, placed.EncodedImage, SKRect.Create(placed.X, placed.Y, placed.Width, placed.Height));
                }

                pdf.EndPage();
            }

            pdf.Close();
        }
        finally
        {
            foreach (var font in fonts.Values)
            {
                font.Dispose();
            }
        }

        using var written = stream.DetachAsData();
        return written.ToArray();
    }

    private static void DrawImage(SKCanvas canvas, ReadOnlyMemory<byte> encoded, SKRect rect)
    {
        using var image = SKImage.FromEncodedData(encoded.Span)
            ?? throw new InvalidOperationException("An image of the document is not a PNG or JPEG Skia can decode.");
        // Nearest: a QR code's modules stay sharp squares when the viewer scales the page.
        canvas.DrawImage(image, rect, new SKSamplingOptions(SKFilterMode.Nearest), null);
    }

    private sealed record RenderPage(PageLayout Layout, IReadOnlyList<PlacedImage> Images);

    private static string Nfc(string? text) => (text ?? string.Empty).Normalize(System.Text.NormalizationForm.FormC);

    private static SKDocumentPdfMetadata Metadata(DocumentInfo info)
    {
        var date = info.CreationDate.UtcDateTime;
        return new SKDocumentPdfMetadata
        {
            Title = Nfc(info.Title),
            Author = Nfc(info.Author),
            Subject = Nfc(info.Subject),
            Keywords = Nfc(info.Keywords),
            Creator = Nfc(info.Creator),
            Producer = Nfc(info.Producer),
            Creation = date,
            Modified = date,
            RasterDpi = SKDocument.DefaultRasterDpi,
            EncodingQuality = 101,
        };
    }
}
