using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace Bookish.Latex.Unicode;

/// <summary>A run of characters drawn for the PDF: the file <c>\includegraphics</c> reads and its box in em.</summary>
internal sealed record GlyphRun(string File, double WidthEm, double HeightEm, double DepthEm);

/// <summary>
/// Characters pdfLaTeX's fonts do not hold (CJK, emoji, Cyrillic, rare symbols) reach the PDF as text drawn by
/// SkiaSharp with a system font that has them (<see cref="Plots.SystemFonts"/>: DejaVu, Noto CJK, Noto Color Emoji from Debian's font packages), one
/// small PDF per run, placed on the baseline by <c>\bookishglyph</c>. Skia writes the glyphs as a font with a
/// ToUnicode map, so the characters stay text: they can be searched, copied and extracted from the PDF. The escaper
/// writes a placeholder of code points; <see cref="Resolve"/> draws each distinct run once.
/// </summary>
internal static partial class FallbackGlyphs
{
    /// <summary>Drawing size: 10 units = 1 em in TeX, so the run scales with the surrounding font.</summary>
    private const float Size = 10f;

    [GeneratedRegex(@"\\bookishglyphs\{([0-9A-F]{4,6}(?:-[0-9A-F]{4,6})*)\}")] private static partial Regex PlaceholderPattern();

    public static string Placeholder(IEnumerable<int> codePoints) =>
        "\\bookishglyphs{" + string.Join("-", codePoints.Select(c => c.ToString("X4", CultureInfo.InvariantCulture))) + "}";

    /// <summary>A character no installed font has: its offset in the LaTeX and the character itself.</summary>
    public sealed record Missing(int Offset, string Text);

    /// <summary>Replaces every placeholder by the drawn run (files added to <paramref name="files"/>), or by a visible marker when no font has it.</summary>
    public static string Resolve(string tex, IDictionary<string, byte[]> files, List<Missing> missing)
    {
        var drawn = new Dictionary<string, GlyphRun?>(StringComparer.Ordinal);
        return PlaceholderPattern().Replace(tex, m =>
        {
            var codes = m.Groups[1].Value;
            var text = string.Concat(codes.Split('-').Select(h => char.ConvertFromUtf32(int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));
            if (!drawn.TryGetValue(codes, out var run))
            {
                var pdf = Draw(text, out var width, out var ascent, out var descent);
                run = pdf is null ? null : new GlyphRun($"glyphs/{Name(codes)}.pdf", width / Size, ascent / Size, descent / Size);
                if (run is not null) files[run.File] = pdf!;
                drawn[codes] = run;
            }
            if (run is null)
            {
                missing.Add(new Missing(m.Index, text));
                return "\\bookishmissing{" + string.Join(" ", codes.Split('-').Select(h => "U+" + h)) + "}";
            }
            // In a heading the outline (bookmarks) cannot show a picture: it gets the characters themselves (hyperref
            // writes PDF strings in UTF-16), so 张伟 or 🎉 in a section title stays in the PDF's outline as in the page's.
            return string.Create(CultureInfo.InvariantCulture, $"\\texorpdfstring{{\\bookishglyph{{{run.WidthEm:0.####}}}{{{run.HeightEm:0.####}}}{{{run.DepthEm:0.####}}}{{{run.File}}}}}{{{text}}}");
        });
    }

    private static string Name(string codes)
    {
        ulong h = 14695981039346656037;
        foreach (var c in codes) h = (h ^ c) * 1099511628211;
        return h.ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>One grapheme-ish cluster (a character with its joiners, variation selectors and marks) and the font that has it.</summary>
    private static List<(string Text, SKTypeface Face)>? Clusters(string text)
    {
        var clusters = new List<(string, SKTypeface)>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            var element = (string)e.Current;
            var first = char.ConvertToUtf32(element, 0);
            var face = Plots.SystemFonts.ForCharacter(first);
            if (face is null) return null;
            clusters.Add((element, face));
        }
        return clusters;
    }

    /// <summary>The run as a one-page PDF whose page is its box (advance width x ascent+descent, in units of <see cref="Size"/>).</summary>
    private static byte[]? Draw(string text, out float width, out float ascent, out float descent)
    {
        width = ascent = descent = 0;
        var clusters = Clusters(text);
        if (clusters is null || clusters.Count == 0) return null;
        var fonts = clusters.Select(c => new SKFont(c.Face, Size) { Subpixel = true, Edging = SKFontEdging.Antialias }).ToList();
        try
        {
            var advances = new float[clusters.Count];
            for (var i = 0; i < clusters.Count; i++)
            {
                advances[i] = fonts[i].MeasureText(clusters[i].Text);
                var metrics = fonts[i].Metrics;
                ascent = Math.Max(ascent, -metrics.Ascent);
                descent = Math.Max(descent, metrics.Descent);
            }
            width = advances.Sum();
            if (width <= 0 || ascent + descent <= 0) return null;
            using var stream = new MemoryStream();
            using (var document = SKDocument.CreatePdf(stream))
            {
                var canvas = document.BeginPage(width, ascent + descent);
                using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
                var x = 0f;
                for (var i = 0; i < clusters.Count; i++)
                {
                    canvas.DrawText(clusters[i].Text, x, ascent, SKTextAlign.Left, fonts[i], paint);
                    x += advances[i];
                }
                document.EndPage();
                document.Close();
            }
            return ToUnicodeRepair.Repair(stream.ToArray(), text);
        }
        finally
        {
            foreach (var f in fonts) f.Dispose();
        }
    }
}
