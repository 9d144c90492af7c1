using System.Globalization;
using System.Xml.Linq;
using Bookish.Diagnostics;
using Bookish.Plots;
using Bookish.Text;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Bookish.IntegrationTests.Plots;

/// <summary>When every corner of the frame holds data (or the block asks), the legend goes below the axes and covers nothing.</summary>
public sealed class PlotLegendOutsideTests
{
    /// <summary>Two lines crossing corner to corner: each of the frame's four corners holds a curve.</summary>
    private static PlotData Crossing(PlotLegend legend = PlotLegend.Auto) =>
        PlotData.Create(new PlotSpec { XMin = -1, XMax = 1, Legend = legend, Functions = [new PlotFunction("x", "rising"), new PlotFunction("-x", "falling")] },
            [x => x, x => -x]);

    private static float LabelWidth(PlotData data) =>
        new SKFont(PlotRenderer.Typeface(), data.Layout.FontSize).MeasureText("falling");

    [Fact]
    public void Curves_in_every_corner_send_the_legend_below_the_axes_where_it_covers_no_data_point()
    {
        var data = PlotRenderer.Arrange(Crossing());

        Assert.True(data.Layout.LegendBelow > 0, "the legend is outside the frame");
        Assert.Equal(PlotLayout.Page.PlotHeight, data.Layout.PlotHeight);
        Assert.True(data.Layout.Height > PlotLayout.Page.Height);
        var box = PlotPainter.LegendBox(data, LabelWidth(data), 2);
        Assert.True(box.Top >= data.Layout.FrameBottom, $"legend at {box}, frame bottom {data.Layout.FrameBottom}");
        Assert.True(box.Bottom <= data.Layout.Height, $"legend at {box} leaves the drawing of height {data.Layout.Height}");
        var points = PlotPainter.DataPoints(data).ToList();
        Assert.True(points.Count > 100);
        Assert.DoesNotContain(points, p => box.Contains(p));
    }

    [Fact]
    public void The_pages_svg_grows_for_the_legend_and_sets_it_below_the_x_label()
    {
        var data = PlotRenderer.Arrange(Crossing());

        var svg = XElement.Parse(PlotRenderer.Svg(Crossing()));

        var viewBox = svg.Attribute("viewBox")!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(data.Layout.Height, viewBox[3], 3);
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").ToList();
        double Em(string v) => double.Parse(v.Replace("em", ""), CultureInfo.InvariantCulture) * 11;
        var xlabel = texts.Single(t => (string?)t.Attribute("data-role") == "xlabel");
        var xlabelBaseline = double.Parse(xlabel.Attribute("y")!.Value, CultureInfo.InvariantCulture) + Em(xlabel.Attribute("dy")!.Value);
        var legends = texts.Where(t => (string?)t.Attribute("data-role") == "legend").ToList();
        Assert.Equal(["rising", "falling"], legends.Select(t => t.Value));
        var lowestData = PlotPainter.DataPoints(data).Max(p => p.Y);
        foreach (var t in legends)
        {
            var translate = t.Parent!.Attribute("transform")!.Value;
            var ty = double.Parse(translate.Split(' ', '(', ')')[2], CultureInfo.InvariantCulture);
            var baseline = ty + Em(t.Attribute("y")!.Value);
            // The entry's top (a full em above its baseline) is below the x label's baseline, hence below every data point.
            Assert.True(baseline - 11 > xlabelBaseline, $"'{t.Value}' at baseline {baseline} meets the x label at {xlabelBaseline}");
            Assert.True(baseline - 11 > lowestData, $"'{t.Value}' at baseline {baseline} covers data down to {lowestData}");
        }
    }

    [Fact]
    public void In_the_pdf_the_legend_words_are_below_the_axes_and_cover_no_data_point()
    {
        var data = PlotRenderer.Arrange(Crossing());

        using var pdf = PdfDocument.Open(PlotRenderer.Pdf(Crossing()));

        var page = pdf.GetPage(1);
        Assert.Equal(data.Layout.Height, page.Height, 1);
        var words = page.GetWords().Where(w => w.Text is "rising" or "falling").ToList();
        Assert.Equal(2, words.Count);
        var points = PlotPainter.DataPoints(data).ToList();
        foreach (var w in words)
        {
            // PDF y runs up from the page's bottom; the drawing's y runs down from its top.
            var box = new SKRect((float)w.BoundingBox.Left, (float)(page.Height - w.BoundingBox.Top), (float)w.BoundingBox.Right, (float)(page.Height - w.BoundingBox.Bottom));
            Assert.True(box.Top > data.Layout.FrameBottom, $"'{w.Text}' at {box} is inside the frame (bottom {data.Layout.FrameBottom})");
            Assert.DoesNotContain(points, p => box.Contains(p));
        }
    }

    [Fact]
    public void A_free_corner_keeps_the_legend_inside_unless_the_block_asks_for_outside()
    {
        var falling = PlotData.Create(new PlotSpec { XMin = -2, XMax = 2, Functions = [new PlotFunction("-x", "falling"), new PlotFunction("-x/2", "slower")] }, [x => -x, x => -x / 2]);

        Assert.Equal(0, PlotRenderer.Arrange(falling).Layout.LegendBelow);
        Assert.True(PlotRenderer.Arrange(falling with { Spec = falling.Spec with { Legend = PlotLegend.Outside } }).Layout.LegendBelow > 0);
        Assert.Equal(0, PlotRenderer.Arrange(Crossing(PlotLegend.Inside)).Layout.LegendBelow);
    }

    [Fact]
    public void A_half_width_figures_page_svg_is_laid_out_for_text_twice_the_drawings_size()
    {
        var parabola = PlotData.Create(new PlotSpec { XMin = -2, XMax = 2, Functions = [new PlotFunction("x^2", "square")] }, [x => x * x]);

        var full = XElement.Parse(PlotRenderer.Svg(parabola));
        var half = XElement.Parse(PlotRenderer.Svg(parabola, widthFraction: 0.5));

        string FontSize(XElement svg) => svg.Descendants().Single(e => (string?)e.Attribute("class") == "plot-text").Attribute("font-size")!.Value;
        Assert.Equal("11", FontSize(full));
        Assert.Equal("22", FontSize(half));
        // At twice the text size no corner of the parabola's frame is free: the legend goes below the axes.
        Assert.Equal(0, PlotRenderer.Arrange(parabola).Layout.LegendBelow);
        Assert.True(PlotRenderer.Arrange(parabola, PlotLayout.TextScaleFor(0.5)).Layout.LegendBelow > 0);
    }

    [Fact]
    public void Legend_and_width_keys_parse_and_bad_values_are_reported_on_their_line()
    {
        var diagnostics = new List<Diagnostic>();
        var span = new SourceSpan("a.md", 4, 1, 9, 1);

        var spec = PlotSpec.Parse("function: x^2 | square\nlegend: outside\nwidth: 50%\n", span, diagnostics);
        PlotSpec.Parse("function: x\nlegend: left\nwidth: 150%\n", span, diagnostics);

        Assert.Equal(PlotLegend.Outside, spec.Legend);
        Assert.Equal(0.5, spec.Width);
        Assert.Equal(2, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.Span.Line == 6 && d.Message.Contains("legend"));
        Assert.Contains(diagnostics, d => d.Span.Line == 7 && d.Message.Contains("width"));
    }
}
