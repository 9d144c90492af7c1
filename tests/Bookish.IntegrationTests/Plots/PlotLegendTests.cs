using Bookish.Plots;
using SkiaSharp;

namespace Bookish.IntegrationTests.Plots;

/// <summary>The legend goes where it covers no data, and the page's SVG carries one anchor per label (no per-glyph positions).</summary>
public sealed class PlotLegendTests
{
    private static PlotData Falling() =>
        PlotData.Create(new PlotSpec { XMin = -2, XMax = 2, Functions = [new PlotFunction("-x", "falling"), new PlotFunction("-x/2", "slower")] },
            [x => -x, x => -x / 2]);

    [Fact]
    public void A_curve_through_the_top_left_corner_sends_the_legend_to_a_free_corner()
    {
        var data = Falling();

        var box = PlotPainter.LegendBox(data, 40, 2);

        // Both lines run from the top left to the bottom right: the free corners are the top right and bottom left.
        var topLeft = new SKRect(data.Layout.Left, data.Layout.Top, data.Layout.Left + 1, data.Layout.Top + 1);
        Assert.False(box.IntersectsWith(topLeft), $"legend at {box}");
        foreach (var line in data.Series.SelectMany(s => s))
            foreach (var (x, y) in line)
                Assert.False(box.Contains(data.PixelX(x), data.PixelY(y)), $"the legend at {box} covers ({x}, {y})");
    }

    [Fact]
    public void The_pages_svg_sets_each_label_once_so_the_browser_spaces_its_letters()
    {
        var svg = PlotRenderer.Svg(Falling());

        var texts = System.Text.RegularExpressions.Regex.Matches(svg, @"<text\b[^>]*>").Select(m => m.Value).ToList();
        Assert.Contains(texts, t => t.Contains("data-role=\"legend\""));
        Assert.All(texts, t => Assert.DoesNotMatch(@"\sx=""[^""]*\s[^""]*""", t));
    }
}
