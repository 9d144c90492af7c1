using System.Globalization;
using SkiaSharp;

namespace Bookish.Plots;

/// <summary>
/// Draws a plot on any SkiaSharp canvas: the same code paints the SVG for the page and the PDF for LaTeX, so the
/// two can never disagree. Colours are fixed marker values that the page maps to CSS variables (dark mode).
/// </summary>
internal static class PlotPainter
{
    /// <summary>Ink colour of axes and text (the page maps it to currentColor).</summary>
    public static readonly SKColor Ink = new(0x11, 0x11, 0x11);
    public static readonly SKColor Grid = new(0xDD, 0xDD, 0xDD);
    /// <summary>Series colours: distinguishable in colour-blind palettes (Okabe–Ito) and on dark backgrounds.</summary>
    public static readonly SKColor[] Palette = [new(0x00, 0x72, 0xB2), new(0xD5, 0x5E, 0x00), new(0x00, 0x9E, 0x73), new(0xCC, 0x79, 0xA7), new(0xE6, 0x9F, 0x00)];

    /// <param name="textAsPaths">
    /// Draw text as outlines: the PDF's figure text then is not prose (the page's SVG keeps real text in the page's font).
    /// </param>
    /// <param name="textSink">
    /// Receives the text instead of the canvas (the page's SVG writes it as real text that the browser lays out in the
    /// page's font, at a size set relative to the page).
    /// </param>
    public static void Paint(SKCanvas canvas, PlotData data, SKTypeface typeface, bool textAsPaths = false, Action<PlotText>? textSink = null)
    {
        var spec = data.Spec;
        var layout = data.Layout;
        var k = layout.TextScale;
        using var font = new SKFont(typeface, layout.FontSize);
        using var ink = new SKPaint { Color = Ink, IsAntialias = true, StrokeWidth = k, Style = SKPaintStyle.Stroke };
        using var text = new SKPaint { Color = Ink, IsAntialias = true, Style = SKPaintStyle.Fill };
        using var grid = new SKPaint { Color = Grid, IsAntialias = true, StrokeWidth = 0.5f * k, Style = SKPaintStyle.Stroke };

        float left = layout.Left, top = layout.Top, right = layout.FrameRight, bottom = layout.FrameBottom;

        void Text(string value, float x, float y, SKTextAlign align, bool rotated = false, string role = "", int series = -1, bool below = false)
        {
            if (textSink is not null) { textSink(new PlotText(value, x, y, align, rotated, role) { Series = series, Below = below }); return; }
            if (!textAsPaths) { canvas.DrawText(value, x, y, align, font, text); return; }
            var width = font.MeasureText(value);
            var origin = align switch { SKTextAlign.Center => x - width / 2, SKTextAlign.Right => x - width, _ => x };
            using var outline = font.GetTextPath(value, new SKPoint(origin, y));
            canvas.DrawPath(outline, text);
        }

        // Grid and tick labels.
        foreach (var t in Ticks(spec.XMin, spec.XMax, 6))
        {
            var x = data.PixelX(t);
            canvas.DrawLine(x, top, x, bottom, grid);
            canvas.DrawLine(x, bottom, x, bottom + 4 * k, ink);
            Text(Format(t), x, bottom + 16 * k, SKTextAlign.Center, role: "xtick");
        }
        foreach (var t in Ticks(data.YMin, data.YMax, 5))
        {
            var y = data.PixelY(t);
            canvas.DrawLine(left, y, right, y, grid);
            canvas.DrawLine(left - 4 * k, y, left, y, ink);
            Text(Format(t), left - 7 * k, y + 4 * k, SKTextAlign.Right, role: "ytick");
        }
        // Zero axes when inside the range, then the frame.
        if (spec.XMin < 0 && spec.XMax > 0) canvas.DrawLine(data.PixelX(0), top, data.PixelX(0), bottom, grid);
        if (data.YMin < 0 && data.YMax > 0) canvas.DrawLine(left, data.PixelY(0), right, data.PixelY(0), grid);
        canvas.DrawRect(left, top, right - left, bottom - top, ink);

        // Axis labels.
        Text(spec.XLabel, (left + right) / 2, bottom + layout.Bottom - 8 * k, SKTextAlign.Center, role: "xlabel");
        if (spec.YLabel.Length > 0)
        {
            canvas.Save();
            canvas.RotateDegrees(-90, 12 * k, (top + bottom) / 2);
            Text(spec.YLabel, 12 * k, (top + bottom) / 2, SKTextAlign.Center, rotated: true, role: "ylabel");
            canvas.Restore();
        }

        // Series, clipped to the plot area.
        canvas.Save();
        canvas.ClipRect(new SKRect(left, top, right, bottom));
        for (var i = 0; i < data.Series.Count; i++)
        {
            using var paint = new SKPaint { Color = Palette[i % Palette.Length], IsAntialias = true, StrokeWidth = 2 * k, Style = SKPaintStyle.Stroke, StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round };
            foreach (var line in data.Series[i])
            {
                var span = data.YMax - data.YMin;
                var points = line.Select(p => new SKPoint(data.PixelX(p.X), data.PixelY(Math.Clamp(p.Y, data.YMin - span, data.YMax + span)))).ToArray();
                if (points.Length == 1) canvas.DrawPoint(points[0], paint);
                else canvas.DrawPoints(SKPointMode.Polygon, points, paint);
            }
        }
        if (spec.Points.Length > 0)
        {
            using var dot = new SKPaint { Color = Palette[data.Series.Count % Palette.Length], IsAntialias = true, Style = SKPaintStyle.Fill };
            foreach (var (x, y) in spec.Points) canvas.DrawCircle(data.PixelX(x), data.PixelY(y), 3 * k, dot);
        }
        canvas.Restore();

        // Legend: in the corner of the frame where it covers the least of the data, or below the axes (see Arrange).
        var entries = LegendEntries(data);
        if (entries.Count > 0)
        {
            var box = LegendBox(data, entries.Select(e => font.MeasureText(e.Label)).Max(), entries.Count);
            var below = layout.LegendBelow > 0;
            var atRight = box.Left > (left + right) / 2;
            var ly = box.Top + 14 * k;
            var index = 0;
            foreach (var (label, color) in entries)
            {
                var series = index++;
                if (textSink is not null)
                {
                    // The page draws the swatch with the text, so both follow the size the page gives the text.
                    Text(label, atRight ? box.Right - 8 * k : box.Left + 8 * k, ly, atRight ? SKTextAlign.Right : SKTextAlign.Left, role: "legend", series: series, below: below);
                    ly += 15 * k;
                    continue;
                }
                using var swatch = new SKPaint { Color = color, StrokeWidth = 2 * k, IsAntialias = true, Style = SKPaintStyle.Stroke };
                if (atRight)
                {
                    canvas.DrawLine(box.Right - 26 * k, ly - 4 * k, box.Right - 8 * k, ly - 4 * k, swatch);
                    Text(label, box.Right - 31 * k, ly, SKTextAlign.Right, role: "legend");
                }
                else
                {
                    canvas.DrawLine(box.Left + 8 * k, ly - 4 * k, box.Left + 26 * k, ly - 4 * k, swatch);
                    Text(label, box.Left + 31 * k, ly, SKTextAlign.Left, role: "legend");
                }
                ly += 15 * k;
            }
        }
    }

    /// <summary>The legend's entries (label and colour); none when a single curve is labelled by its own formula.</summary>
    internal static List<(string Label, SKColor Color)> LegendEntries(PlotData data)
    {
        var spec = data.Spec;
        var entries = spec.Functions.Select((f, i) => (f.Label, Palette[i % Palette.Length])).ToList();
        if (spec.Points.Length > 0) entries.Add((spec.PointsLabel, Palette[data.Series.Count % Palette.Length]));
        return entries.Count > 1 || spec.Functions.Any(f => f.Label != f.Tex) ? entries : [];
    }

    /// <summary>
    /// Decides where the legend goes and returns the data with the layout that holds it: below the axes (the canvas
    /// grows by the legend's height, the frame keeps its size) when the spec says <c>outside</c>, or, by default, when
    /// every corner of the frame would cover data.
    /// </summary>
    internal static PlotData Arrange(PlotData data, SKTypeface typeface)
    {
        var layout = data.Layout with { Height = data.Layout.Height - data.Layout.LegendBelow, LegendBelow = 0 };
        data = data with { Layout = layout };
        var entries = LegendEntries(data);
        if (entries.Count == 0 || data.Spec.Legend == PlotLegend.Inside) return data;
        using var font = new SKFont(typeface, layout.FontSize);
        var (_, hits) = BestCorner(data, entries.Select(e => font.MeasureText(e.Label)).Max(), entries.Count);
        if (data.Spec.Legend == PlotLegend.Auto && hits == 0) return data;
        var below = MathF.Ceiling((15 * entries.Count + 6) * layout.TextScale);
        return data with { Layout = layout with { Height = layout.Height + below, LegendBelow = below } };
    }

    /// <summary>
    /// The legend's box: below the axes' labels when the layout has room for it there, else the frame's corner that
    /// covers the least data (<see cref="BestCorner"/>).
    /// </summary>
    internal static SKRect LegendBox(PlotData data, float textWidth, int entries)
    {
        var layout = data.Layout;
        if (layout.LegendBelow <= 0) return BestCorner(data, textWidth, entries).Box;
        var top = layout.FrameBottom + layout.Bottom;
        return new SKRect(layout.Left, top, layout.Left + (31 + 8) * layout.TextScale + textWidth, top + layout.LegendBelow);
    }

    /// <summary>
    /// Of the frame's four corners, the one whose box (sized for text up to 1.6 times the drawing's, as the page may
    /// set it larger on a phone) holds the fewest sampled points of the curves and data points, and that count.
    /// </summary>
    internal static (SKRect Box, int Hits) BestCorner(PlotData data, float textWidth, int entries)
    {
        var layout = data.Layout;
        var k = layout.TextScale;
        float left = layout.Left, top = layout.Top, right = layout.FrameRight, bottom = layout.FrameBottom;
        float w = (31 + 8) * k + textWidth * 1.6f, h = (15 * 1.6f * entries + 6) * k;
        SKRect[] corners =
        [
            new(left, top, left + w, top + h), new(right - w, top, right, top + h),
            new(left, bottom - h, left + w, bottom), new(right - w, bottom - h, right, bottom),
        ];
        var points = DataPoints(data).ToList();
        var best = corners.Select((c, i) => (Box: c, Hits: points.Count(p => c.Contains(p)), Order: i)).OrderBy(x => x.Hits).ThenBy(x => x.Order).First();
        return (best.Box, best.Hits);
    }

    /// <summary>Every sampled point of the curves (densified along long segments) and the data points, in drawing units.</summary>
    internal static IEnumerable<SKPoint> DataPoints(PlotData data) =>
        data.Series.SelectMany(s => s).SelectMany(line => Dense(data, line))
            .Concat(data.Spec.Points.Select(p => new SKPoint(data.PixelX(p.X), data.PixelY(p.Y))));

    /// <summary>A polyline's points plus points every few pixels along each segment (a long straight segment covers space too).</summary>
    private static IEnumerable<SKPoint> Dense(PlotData data, List<(double X, double Y)> line)
    {
        for (var i = 0; i < line.Count; i++)
        {
            var a = new SKPoint(data.PixelX(line[i].X), data.PixelY(line[i].Y));
            yield return a;
            if (i + 1 == line.Count) break;
            var b = new SKPoint(data.PixelX(line[i + 1].X), data.PixelY(line[i + 1].Y));
            var steps = (int)Math.Min(200, SKPoint.Distance(a, b) / 3);
            for (var k = 1; k < steps; k++) yield return new SKPoint(a.X + (b.X - a.X) * k / steps, a.Y + (b.Y - a.Y) * k / steps);
        }
    }

    private static string Format(double v) => Math.Abs(v) < 1e-12 ? "0" : v.ToString("0.###", CultureInfo.InvariantCulture).Replace("-", "−");

    /// <summary>"Nice" tick values (1, 2, 5 × 10^k) covering [lo, hi].</summary>
    public static IEnumerable<double> Ticks(double lo, double hi, int target)
    {
        var raw = (hi - lo) / target;
        var mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * mag).First(s => s >= raw);
        for (var t = Math.Ceiling(lo / step) * step; t <= hi + step * 1e-9; t += step)
            yield return Math.Round(t / step) * step;
    }
}
