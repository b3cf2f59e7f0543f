using System.Globalization;
using System.Text;
using PhuThoCa.Documents.Fonts;

namespace PhuThoCa.Documents.Layout;

/// <summary>
/// Breaks a paragraph into lines by shaped width and aligns them. Words are broken only at spaces; a word
/// wider than the line is cut after '/', '-', '@' or '.' if possible, else between characters.
/// </summary>
internal sealed class ParagraphLayout(TextShaper shaper)
{
    private const float Epsilon = 0.01f;

    public List<Band> Layout(Paragraph paragraph, float x, float width)
    {
        if (paragraph.MinSizeToFit is { } minSize)
        {
            paragraph = ShrinkToOneLine(paragraph, width, minSize);
        }

        var bands = new List<Band>();
        if (paragraph.SpaceBefore > 0)
        {
            bands.Add(Band.Space(paragraph.SpaceBefore));
        }

        var lines = BreakLines(paragraph, width);
        if (paragraph.Balanced && lines.Count > 1)
        {
            lines = Balance(paragraph, width, lines);
        }

        var textWidth = lines.Max(l => l.Width);
        for (var i = 0; i < lines.Count; i++)
        {
            var isLast = i == lines.Count - 1;
            bands.Add(Place(paragraph, lines[i], x, width, isLast, textWidth));
        }

        if (paragraph.KeepWithNext)
        {
            // Every line: a wrapped heading is kept whole, together with what follows it.
            foreach (var band in bands)
            {
                band.KeepWithNext = true;
            }
        }

        if (paragraph.SpaceAfter > 0)
        {
            bands.Add(Band.Space(paragraph.SpaceAfter));
        }

        return bands;
    }

    private Paragraph ShrinkToOneLine(Paragraph paragraph, float width, float minSize)
    {
        var scale = 1f;
        var largest = paragraph.Runs.Count == 0 ? minSize : paragraph.Runs.Max(r => r.Style.Size);
        var candidate = paragraph with { MinSizeToFit = null };
        while (BreakLines(candidate, width).Count > 1 && (largest * scale) - 0.5f >= minSize - Epsilon)
        {
            scale = (largest * scale - 0.5f) / largest;
            candidate = paragraph with
            {
                MinSizeToFit = null,
                Runs = paragraph.Runs.Select(r => r with { Style = r.Style with { Size = r.Style.Size * scale } }).ToList(),
            };
        }

        return candidate;
    }

    /// <summary>The narrowest measure (found by bisection) that still needs the same number of lines.</summary>
    private List<Line> Balance(Paragraph paragraph, float width, List<Line> lines)
    {
        float low = width / 2, high = width;
        var best = lines;
        for (var step = 0; step < 12 && high - low > 0.5f; step++)
        {
            var mid = (low + high) / 2;
            var trial = BreakLines(paragraph, mid);
            if (trial.Count == lines.Count && trial.All(l => l.Width <= mid + Epsilon))
            {
                best = trial;
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        return best;
    }

    private Band Place(Paragraph paragraph, Line line, float x, float width, bool isLast, float textWidth)
    {
        var indent = paragraph.LeftIndent + (line.IsFirst ? paragraph.FirstLineIndent : 0);
        var available = width - indent;
        var (ascent, descent, leading) = LineMetrics(line, paragraph);
        var single = ascent + descent + leading;
        var height = single * paragraph.LineSpacing;
        var baseline = height - descent - leading;

        var gaps = line.Words.Skip(1).Count(w => w.SpaceBefore);
        var extraPerGap = 0f;
        var start = x + indent;
        switch (paragraph.Alignment)
        {
            case TextAlignment.Center:
                start += (available - line.Width) / 2;
                break;
            case TextAlignment.Right:
                start += available - line.Width;
                break;
            case TextAlignment.Justify when !line.EndsWithBreak && !isLast && gaps > 0:
                extraPerGap = Math.Max(0, available - line.Width) / gaps;
                break;
            case TextAlignment.Left:
            case TextAlignment.Justify:
                break;
        }

        var ops = new List<DrawOp>();
        var pen = start;
        (float From, float To, float Y, float Thickness)? underline = null;
        for (var w = 0; w < line.Words.Count; w++)
        {
            var word = line.Words[w];
            if (w > 0 && word.SpaceBefore)
            {
                pen += SpaceWidth(word.SpaceStyle) + extraPerGap;
            }
            else if (w > 0)
            {
                underline = FlushUnderline(ops, underline);
            }

            foreach (var piece in word.Pieces)
            {
                var shaped = piece.Shaped;
                ops.Add(new GlyphRunOp(piece.Face, piece.Style.Size, shaped.Glyphs, shaped.Positions, pen, baseline, shaped.Width));
                if (piece.Style.Underline)
                {
                    var m = TextShaper.Metrics(piece.Face, piece.Style.Size);
                    underline = underline is { } u
                        ? u with { To = pen + shaped.Width }
                        : (pen, pen + shaped.Width, baseline + m.UnderlineOffset, m.UnderlineThickness);
                }
                else
                {
                    underline = FlushUnderline(ops, underline);
                }

                pen += shaped.Width;
            }
        }

        FlushUnderline(ops, underline);

        if (isLast && paragraph.Rule is { } rule && textWidth > 0)
        {
            var length = textWidth * rule.Fraction;
            var textCentre = start + (line.Width + (extraPerGap * gaps)) / 2;
            // Clear of the dot below (Ệ, Ộ) that reaches the descent line.
            var y = baseline + descent + 2.5f;
            ops.Add(new LineOp(textCentre - length / 2, y, textCentre + length / 2, y, rule.Thickness));
            height = Math.Max(height, y + rule.Thickness + 1.5f);
        }

        return new Band(height, ops);
    }

    private static (float From, float To, float Y, float Thickness)? FlushUnderline(
        List<DrawOp> ops, (float From, float To, float Y, float Thickness)? underline)
    {
        if (underline is { } u)
        {
            ops.Add(new LineOp(u.From, u.Y, u.To, u.Y, u.Thickness));
        }

        return null;
    }

    private static (float Ascent, float Descent, float Leading) LineMetrics(Line line, Paragraph paragraph)
    {
        float ascent = 0, descent = 0, leading = 0;
        var styles = line.Words.SelectMany(w => w.Pieces).Select(p => (p.Face, p.Style.Size)).ToList();
        if (styles.Count == 0)
        {
            var style = line.EmptyStyle ?? (paragraph.Runs.Count > 0 ? paragraph.Runs[0].Style : new TextStyle());
            styles.Add((LetterFonts.SerifFace(style.Bold, style.Italic), style.Size));
        }

        foreach (var (face, size) in styles)
        {
            // Line height comes from the serif face even for symbol fallbacks, like Word does.
            var m = TextShaper.Metrics(face == FontFace.Symbols ? FontFace.Regular : face, size);
            ascent = Math.Max(ascent, m.Ascent);
            descent = Math.Max(descent, m.Descent);
            leading = Math.Max(leading, m.Leading);
        }

        return (ascent, descent, leading);
    }

    private float SpaceWidth(TextStyle style) =>
        shaper.Shape(LetterFonts.SerifFace(style.Bold, style.Italic), style.Size, " ").Width;

    // ---- line breaking ------------------------------------------------------------------------------

    private List<Line> BreakLines(Paragraph paragraph, float width)
    {
        var lines = new List<Line>();
        var current = new Line { IsFirst = true };
        float Limit(Line l) => width - paragraph.LeftIndent - (l.IsFirst ? paragraph.FirstLineIndent : 0);

        foreach (var token in Tokenize(paragraph))
        {
            if (token.IsBreak)
            {
                current.EndsWithBreak = true;
                current.EmptyStyle = token.SpaceStyle;
                lines.Add(current);
                current = new Line();
                continue;
            }

            var word = token;
            while (word is not null)
            {
                var space = current.Words.Count > 0 && word.SpaceBefore ? SpaceWidth(word.SpaceStyle) : 0;
                if (current.Width + space + word.Width <= Limit(current) + Epsilon)
                {
                    current.Add(word, space);
                    word = null;
                }
                else if (current.Words.Count == 0)
                {
                    // Alone and still too wide: cut it.
                    var (head, tail) = Cut(word, Limit(current));
                    current.Add(head, 0);
                    lines.Add(current);
                    current = new Line();
                    word = tail;
                }
                else
                {
                    lines.Add(current);
                    current = new Line();
                }
            }
        }

        if (current.Words.Count > 0 || lines.Count == 0)
        {
            lines.Add(current);
        }

        return lines;
    }

    private List<Word> Tokenize(Paragraph paragraph)
    {
        var words = new List<Word>();
        Word? word = null;
        var pendingSpace = false;
        var spaceStyle = paragraph.Runs.Count > 0 ? paragraph.Runs[0].Style : new TextStyle();
        foreach (var run in paragraph.Runs)
        {
            var text = run.Text.Normalize(NormalizationForm.FormC);
            var chunk = new StringBuilder();

            void FlushChunk()
            {
                if (chunk.Length == 0)
                {
                    return;
                }

                word ??= new Word { SpaceBefore = pendingSpace && words.Count > 0, SpaceStyle = spaceStyle };
                pendingSpace = false;
                AddPieces(word, chunk.ToString(), run.Style);
                chunk.Clear();
            }

            foreach (var ch in text)
            {
                if (ch is ' ' or '\t' or '\r' or '\n')
                {
                    FlushChunk();
                    if (word is not null)
                    {
                        words.Add(word);
                        word = null;
                    }

                    if (ch == '\n')
                    {
                        words.Add(new Word { IsBreak = true, SpaceStyle = run.Style });
                        pendingSpace = false;
                    }
                    else if (ch != '\r')
                    {
                        pendingSpace = true;
                        spaceStyle = run.Style;
                    }
                }
                else
                {
                    chunk.Append(ch);
                }
            }

            FlushChunk();
        }

        if (word is not null)
        {
            words.Add(word);
        }

        // A forced break resets "space before" for the next word.
        for (var i = 1; i < words.Count; i++)
        {
            if (words[i - 1].IsBreak)
            {
                words[i].SpaceBefore = false;
            }
        }

        return words;
    }

    /// <summary>Splits text into pieces by face: characters the serif face lacks go to the symbol face.</summary>
    private void AddPieces(Word word, string text, TextStyle style)
    {
        var serif = LetterFonts.SerifFace(style.Bold, style.Italic);
        var start = 0;
        FontFace? currentFace = null;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var face = TextShaper.Covers(serif, rune.Value) || !TextShaper.Covers(FontFace.Symbols, rune.Value)
                ? serif
                : FontFace.Symbols;
            if (currentFace is { } f && f != face)
            {
                word.Pieces.Add(MakePiece(text[start..index], f, style));
                start = index;
            }

            currentFace = face;
            index += rune.Utf16SequenceLength;
        }

        if (currentFace is { } last && index > start)
        {
            word.Pieces.Add(MakePiece(text[start..index], last, style));
        }
    }

    private Piece MakePiece(string text, FontFace face, TextStyle style) =>
        new(text, face, style, shaper.Shape(face, style.Size, text));

    /// <summary>Cuts a word so that the head fits the width (at least one text element stays in the head).</summary>
    private (Word Head, Word Tail) Cut(Word word, float limit)
    {
        var text = string.Concat(word.Pieces.Select(p => p.Text));
        var styleAt = new List<(int End, TextStyle Style)>();
        var end = 0;
        foreach (var piece in word.Pieces)
        {
            end += piece.Text.Length;
            styleAt.Add((end, piece.Style));
        }

        var boundaries = new List<int>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            if (e.ElementIndex > 0)
            {
                boundaries.Add(e.ElementIndex);
            }
        }

        var fitting = boundaries.Where(b => Build(text[..b]).Width <= limit + Epsilon).ToList();
        var cut = fitting.Count == 0
            ? (boundaries.Count > 0 ? boundaries[0] : text.Length)
            : fitting.LastOrDefault(b => text[b - 1] is '/' or '-' or '@' or '.' or ',' or '_', fitting[^1]);
        var head = Build(text[..cut]);
        head.SpaceBefore = word.SpaceBefore;
        head.SpaceStyle = word.SpaceStyle;
        return (head, Build(text[cut..], cut));

        Word Build(string part, int offset = 0)
        {
            var w = new Word();
            var pos = offset;
            var i = 0;
            while (i < part.Length)
            {
                var (runEnd, style) = styleAt.First(s => s.End > pos + i);
                var take = Math.Min(part.Length - i, runEnd - (pos + i));
                AddPieces(w, part.Substring(i, take), style);
                i += take;
            }

            return w;
        }
    }

    private sealed class Line
    {
        public List<Word> Words { get; } = [];

        public float Width { get; private set; }

        public bool IsFirst { get; init; }

        public bool EndsWithBreak { get; set; }

        public TextStyle? EmptyStyle { get; set; }

        public void Add(Word word, float space)
        {
            if (Words.Count == 0)
            {
                word.SpaceBefore = false;
            }

            Words.Add(word);
            Width += space + word.Width;
        }
    }

    private sealed class Word
    {
        public List<Piece> Pieces { get; } = [];

        public bool SpaceBefore { get; set; }

        public TextStyle SpaceStyle { get; set; } = new();

        public bool IsBreak { get; init; }

        public float Width => Pieces.Sum(p => p.Shaped.Width);
    }

    private sealed record Piece(string Text, FontFace Face, TextStyle Style, ShapedText Shaped);
}
