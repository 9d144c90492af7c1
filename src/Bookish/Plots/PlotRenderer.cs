using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace Bookish.Plots;

/// <summary>Renders one drawing to SVG (page), PDF (LaTeX \includegraphics) and PNG (tests, raster fallback).</summary>
internal static partial class PlotRenderer
{
    private static readonly string[] FontFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    ];

    private static readonly Lazy<SKTypeface> Face = new(() =>
        FontFiles.Where(File.Exists).Select(SKTypeface.FromFile).FirstOrDefault(t => t is not null)
        ?? SKFontManager.Default.MatchFamily("DejaVu Serif") ?? SKTypeface.Default);

    /// <summary>The plot face: DejaVu Serif from Debian's fonts-dejavu-core (Skia's portable build has no fontconfig).</summary>
    internal static SKTypeface Typeface() => Face.Value;

    /// <summary>The data laid out for one output: text <paramref name="textScale"/> times the page drawing's, legend placed.</summary>
    internal static PlotData Arrange(PlotData data, float textScale = 1) =>
        PlotPainter.Arrange(data with { Layout = PlotLayout.WithTextScale(textScale) }, Typeface());

    /// <param name="widthFraction">
    /// The figure's width as a fraction of the column: the page sizes the text relative to the page, so in a narrow
    /// figure it is larger relative to the drawing; the layout (margins, legend placement) is made for that.
    /// </param>
    public static string Svg(PlotData data, double widthFraction = 1)
    {
        data = Arrange(data, PlotLayout.TextScaleFor(widthFraction));
        var layout = data.Layout;
        using var stream = new MemoryStream();
        var texts = new List<PlotText>();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, layout.Width, layout.Height), stream))
            PlotPainter.Paint(canvas, data, Typeface(), textSink: texts.Add);
        var svg = ForPage(Encoding.UTF8.GetString(stream.ToArray()), layout);
        var end = svg.LastIndexOf("</svg>", StringComparison.Ordinal);
        return end < 0 ? svg : svg[..end] + PlotSvgText.Markup(texts, layout) + svg[end..];
    }

    /// <param name="widthFraction">
    /// The figure's width as a fraction of the PDF's line: the drawing is made for that width, its text (and the margins
    /// that hold it) larger by its inverse, so once LaTeX scales it down its text is the size of a full-width plot's.
    /// </param>
    public static byte[] Pdf(PlotData data, double widthFraction = 1)
    {
        data = Arrange(data, PlotLayout.TextScaleFor(widthFraction));
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Creator = "Bookish", Producer = "Bookish", RasterDpi = 300 }))
        {
            var canvas = document.BeginPage(data.Layout.Width, data.Layout.Height);
            PlotPainter.Paint(canvas, data, Typeface());
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    public static byte[] Png(PlotData data, float scale = 2)
    {
        data = Arrange(data);
        using var bitmap = new SKBitmap((int)(data.Layout.Width * scale), (int)(data.Layout.Height * scale));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            PlotPainter.Paint(canvas, data, Typeface());
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    [GeneratedRegex(@"<\?xml[^>]*\?>\s*")] private static partial Regex Prolog();

    /// <summary>
    /// Makes the SVG follow the page: ink becomes currentColor, series colours become CSS variables with the same
    /// colour as fallback, text takes the page's font, and the size is set by CSS (viewBox kept).
    /// </summary>
    private static string ForPage(string svg, PlotLayout layout)
    {
        svg = Prolog().Replace(svg, "");
        svg = svg.Replace("#111111", "currentColor", StringComparison.OrdinalIgnoreCase)
                 .Replace("#111", "currentColor", StringComparison.OrdinalIgnoreCase)
                 .Replace("#DDDDDD", "var(--plot-grid, #ddd)", StringComparison.OrdinalIgnoreCase)
                 .Replace("#DDD\"", "var(--plot-grid, #ddd)\"", StringComparison.OrdinalIgnoreCase);
        for (var i = 0; i < PlotPainter.Palette.Length; i++)
        {
            var c = PlotPainter.Palette[i];
            var hex = $"#{c.Red:X2}{c.Green:X2}{c.Blue:X2}";
            svg = svg.Replace(hex, $"var(--plot-{i + 1}, {hex})", StringComparison.OrdinalIgnoreCase);
        }
        // Presentation attributes cannot hold var(): move colour attributes into one style attribute per element.
        svg = Tag().Replace(svg, tag =>
        {
            var styles = new List<string>();
            var rewritten = ColourAttribute().Replace(tag.Value, m => { styles.Add($"{m.Groups[1].Value}:{m.Groups[2].Value}"); return ""; });
            if (styles.Count == 0) return tag.Value;
            var end = rewritten.EndsWith("/>", StringComparison.Ordinal) ? rewritten.Length - 2 : rewritten.Length - 1;
            return rewritten[..end].TrimEnd() + $" style=\"{string.Join(";", styles)}\"" + rewritten[end..];
        });
        // A viewBox instead of a fixed size: the drawing scales with the column.
        var (w, h) = (layout.Width.ToString(System.Globalization.CultureInfo.InvariantCulture), layout.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
        svg = svg.Replace($"width=\"{w}\" height=\"{h}\"", $"viewBox=\"0 0 {w} {h}\"", StringComparison.Ordinal);
        svg = svg.Replace("<svg ", "<svg class=\"plot-svg\" role=\"presentation\" ", StringComparison.Ordinal);
        return svg.Trim();
    }

    [GeneratedRegex(@"\s(fill|stroke)=""((?:var\([^""]*\))|currentColor)""")] private static partial Regex ColourAttribute();
    [GeneratedRegex(@"<[a-zA-Z][^>]*>")] private static partial Regex Tag();
}
