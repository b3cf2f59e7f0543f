using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace PhuThoCa.Web.Tests.Documents;

/// <summary>What the tests read from the font dictionaries of a PDF with PdfPig's token layer.</summary>
public sealed record EmbeddedFont(string BaseFont, string Subtype, long FontFileLength, long FontFileDecodedLength);

public static class PdfInspection
{
    /// <summary>Every font used on any page, with its FontFile2 stream sizes (0 when not embedded).</summary>
    public static IReadOnlyList<EmbeddedFont> Fonts(PdfDocument document)
    {
        var fonts = new Dictionary<string, EmbeddedFont>();
        for (var p = 1; p <= document.NumberOfPages; p++)
        {
            var resources = Resolve<DictionaryToken>(document, document.GetPage(p).Dictionary.Data["Resources"]);
            if (!resources.Data.TryGetValue("Font", out var fontToken))
            {
                continue;
            }

            foreach (var entry in Resolve<DictionaryToken>(document, fontToken).Data.Values)
            {
                var font = Resolve<DictionaryToken>(document, entry);
                var baseFont = Resolve<NameToken>(document, font.Data["BaseFont"]).Data;
                var subtype = Resolve<NameToken>(document, font.Data["Subtype"]).Data;
                var descriptorHolder = font;
                if (font.Data.TryGetValue("DescendantFonts", out var descendants))
                {
                    descriptorHolder = Resolve<DictionaryToken>(document, Resolve<ArrayToken>(document, descendants).Data[0]);
                }

                long length = 0, decoded = 0;
                if (descriptorHolder.Data.TryGetValue("FontDescriptor", out var d)
                    && Resolve<DictionaryToken>(document, d).Data.TryGetValue("FontFile2", out var file))
                {
                    var stream = Resolve<StreamToken>(document, file);
                    length = stream.Data.Length;
                    decoded = stream.StreamDictionary.Data.TryGetValue("Length1", out var l1)
                        ? (long)Resolve<NumericToken>(document, l1).Long
                        : 0;
                }

                fonts[baseFont] = new EmbeddedFont(baseFont, subtype, length, decoded);
            }
        }

        return fonts.Values.ToList();
    }

    private static T Resolve<T>(PdfDocument document, IToken token)
        where T : IToken
    {
        while (token is IndirectReferenceToken reference)
        {
            token = document.Structure.TokenScanner.Get(reference.Data)?.Data
                ?? throw new InvalidDataException($"Object {reference.Data} is missing.");
        }

        return token is T typed ? typed : throw new InvalidDataException($"Expected {typeof(T).Name}, found {token.GetType().Name}.");
    }

    /// <summary>PdfPig's y grows upwards; this gives the distance from the top edge.</summary>
    public static double FromTop(PdfPoint point, double pageHeight) => pageHeight - point.Y;
}
