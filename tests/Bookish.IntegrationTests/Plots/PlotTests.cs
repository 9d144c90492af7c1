using Bookish.Diagnostics;
using Bookish.IntegrationTests.Support;
using Bookish.Plots;
using Bookish.Text;
using CliWrap;
using CliWrap.Buffered;
using SkiaSharp;

namespace Bookish.IntegrationTests.Plots;

/// <summary>One drawing, two outputs: the SVG for the page and the PDF for LaTeX are checked by their pixels.</summary>
public sealed class PlotTests
{
    private static PlotData Relu() =>
        PlotData.Create(new PlotSpec { XMin = -2, XMax = 2, Functions = [new PlotFunction(@"\max(0, x)", "ReLU")] }, [x => Math.Max(0, x)]);

    /// <summary>
    /// The kink's x in pixels: the centre line of the blue stroke is flat on the left and straight on the right; a
    /// least-squares line through the rising part meets the flat level at the kink (sub-pixel, stroke width cancels).
    /// </summary>
    private static double KinkColumn(SKBitmap bitmap, float scale, PlotData data)
    {
        var blue = PlotPainter.Palette[0];
        var firstRow = (int)((data.Layout.Top + 24) * scale);  // below the legend swatch
        var centres = new List<(int X, double Y)>();
        for (var x = (int)(data.Layout.Left * scale) + 6; x < (int)(data.Layout.FrameRight * scale) - 6; x++)
        {
            var rows = Enumerable.Range(firstRow, bitmap.Height - firstRow).Where(y =>
            {
                var c = bitmap.GetPixel(x, y);
                return Math.Abs(c.Red - blue.Red) < 70 && Math.Abs(c.Green - blue.Green) < 70 && Math.Abs(c.Blue - blue.Blue) < 70;
            }).ToList();
            if (rows.Count > 0) centres.Add((x, rows.Average()));
        }
        var flat = centres.Take(centres.Count / 4).Select(c => c.Y).Order().ElementAt(centres.Count / 8);
        var rising = centres.Where(c => c.Y < flat - 12).ToList();
        double n = rising.Count, sx = rising.Sum(c => c.X), sy = rising.Sum(c => c.Y), sxx = rising.Sum(c => (double)c.X * c.X), sxy = rising.Sum(c => c.X * c.Y);
        var slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        var intercept = (sy - slope * sx) / n;
        return (flat - intercept) / slope;
    }

    [Fact]
    public async Task The_kink_of_max_0_x_is_at_the_pixel_column_of_zero_in_the_svg_and_the_pdf()
    {
        var data = Relu();
        const float scale = 2;
        var expected = data.PixelX(0) * scale;

        var svgPng = SvgRaster.Png(PlotRenderer.Svg(data), scale, SKColors.White)!;
        using var fromSvg = SKBitmap.Decode(svgPng);
        Assert.InRange(KinkColumn(fromSvg, scale, data), expected - 1, expected + 1);

        var dir = Repo.TempDirectory();
        File.WriteAllBytes(Path.Combine(dir, "plot.pdf"), PlotRenderer.Pdf(data));
        // 144 dpi: one PDF point = 2 px, the same scale as the SVG render.
        var r = await CliWrap.Cli.Wrap("pdftoppm").WithArguments(["-r", "144", "-png", "-singlefile", "plot.pdf", "plot"]).WithWorkingDirectory(dir).ExecuteBufferedAsync();
        using var fromPdf = SKBitmap.Decode(Path.Combine(dir, "plot.png"));
        Assert.Equal((int)(data.Layout.Width * scale), fromPdf.Width);
        Assert.InRange(KinkColumn(fromPdf, scale, data), expected - 1, expected + 1);
    }

    [Fact]
    public void Adaptive_sampling_puts_a_point_at_a_kink_that_is_off_the_grid()
    {
        var lines = PlotSampler.Sample(x => Math.Abs(x - 0.123456), -2, 2, 0.01, 0.01);
        var line = Assert.Single(lines);
        var nearest = line.MinBy(p => Math.Abs(p.X - 0.123456));
        // Within a tenth of a pixel (a pixel is 0.01 here).
        Assert.InRange(Math.Abs(nearest.X - 0.123456), 0, 1e-3);
        Assert.InRange(nearest.Y, 0, 1e-3);
    }

    [Fact]
    public void A_jump_breaks_the_line_so_no_segment_crosses_it()
    {
        Func<double, double> step = x => x < 0.3 ? -1 : 1;
        var data = PlotData.Create(new PlotSpec { XMin = -2, XMax = 2, Functions = [new PlotFunction("step", "step")] }, [step]);
        var lines = data.Series[0];
        Assert.Equal(2, lines.Count);
        foreach (var line in lines)
            for (var i = 1; i < line.Count; i++)
                Assert.True(Math.Abs(line[i].Y - line[i - 1].Y) < 0.5, $"segment crosses the jump at x={line[i].X}");
        Assert.InRange(lines[0][^1].X, 0.3 - 1e-6, 0.3);
        Assert.InRange(lines[1][0].X, 0.3, 0.3 + 1e-6);

        // In pixels: the column just right of the jump has no blue ink between the two levels.
        using var bitmap = SKBitmap.Decode(PlotRenderer.Png(data, 2));
        var column = (int)Math.Round(data.PixelX(0.3) * 2) + 3;
        var (top, bottom) = ((int)(data.PixelY(0.8) * 2), (int)(data.PixelY(-0.8) * 2));
        var blue = PlotPainter.Palette[0];
        Assert.DoesNotContain(Enumerable.Range(top, bottom - top), y =>
        {
            var c = bitmap.GetPixel(column, y);
            return Math.Abs(c.Red - blue.Red) < 40 && Math.Abs(c.Green - blue.Green) < 40 && Math.Abs(c.Blue - blue.Blue) < 40;
        });
    }

    [Fact]
    public void The_page_svg_follows_the_text_colour_and_css_variables()
    {
        var svg = PlotRenderer.Svg(Relu());
        Assert.Contains("currentColor", svg);
        Assert.Contains("var(--plot-1", svg);
        Assert.DoesNotContain("fill=\"var(", svg);
        Assert.Contains("<text", svg);
    }

    [Fact]
    public void Plot_blocks_parse_functions_ranges_labels_and_points()
    {
        var diagnostics = new List<Diagnostic>();
        var spec = PlotSpec.Parse("function: \\max(0, x) | ReLU\nfunction: \\sigma(x)\nx: -4, 4\ny: -0.5, 2\nxlabel: z\ncaption: Two activations\nlabel: fig:act\npoints: samples\nx, y\n0, 0\n1, 0.73\n",
            new SourceSpan("a.md", 10, 1, 20, 1), diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(2, spec.Functions.Length);
        Assert.Equal("ReLU", spec.Functions[0].Label);
        Assert.Equal((-4.0, 4.0), (spec.XMin, spec.XMax));
        Assert.Equal(2, spec.YMax);
        Assert.Equal("fig:act", spec.Label);
        Assert.Equal(2, spec.Points.Length);

        PlotSpec.Parse("x: 3, 1\nnonsense\n", new SourceSpan("a.md", 10, 1, 20, 1), diagnostics);
        Assert.Contains(diagnostics, d => d.Span.Line == 11 && d.Message.Contains("range"));
        Assert.Contains(diagnostics, d => d.Span.Line == 12);
    }

    [Fact]
    public void A_numerically_differentiated_kink_is_drawn_as_a_clean_step()
    {
        // Fourth-order central differences of max(0, x) ramp and overshoot within a few steps of the kink.
        const double h = 1e-3;
        Func<double, double> relu = x => Math.Max(0, x);
        Func<double, double> derivative = x => (-relu(x + 2 * h) + 8 * relu(x + h) - 8 * relu(x - h) + relu(x - 2 * h)) / (12 * h);
        var data = PlotData.Create(new PlotSpec { XMin = -2, XMax = 2, YMin = -0.5, YMax = 2, Functions = [new PlotFunction("d", "d")] }, [derivative]);
        var lines = data.Series[0];
        Assert.Equal(2, lines.Count);
        // Nothing strays by half a pixel from the two levels (no overshoot spikes, no vertical segment).
        var halfPixel = (data.YMax - data.YMin) / data.Layout.PlotHeight / 2;
        Assert.All(lines[0], p => Assert.InRange(p.Y, -halfPixel, halfPixel));
        Assert.All(lines[1], p => Assert.InRange(p.Y, 1 - halfPixel, 1 + halfPixel));
    }
}
