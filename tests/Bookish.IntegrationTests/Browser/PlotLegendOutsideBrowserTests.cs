using System.Text.Json;
using Bookish.IntegrationTests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

/// <summary>A legend below the axes, in the page: under every curve and the x label, inside the drawing, at the page's text size.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlotLegendOutsideBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static string? _url;

    private async Task<string> UrlAsync() => _url ??= await browser.BuildAsync(Repo.WriteDocument("""
        # Crossing lines

        Both lines run from corner to corner of the frame — no corner is left for the legend.

        ```plot
        function: x | rising line
        function: -x | falling line
        x: -1, 1
        xlabel: input
        ylabel: output
        caption: Two lines that fill every corner.
        ```
        """), "legend-outside");

    [Theory]
    [InlineData(320)]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task The_legend_sits_below_the_curves_and_the_x_label_inside_the_drawing(int width)
    {
        await using var p = await browser.OpenAsync(width, height: 900, url: await UrlAsync());

        var m = await p.Eval<JsonElement>("""
            () => {
              const svg = document.querySelector('figure.plot svg.plot-svg');
              const box = svg.getBoundingClientRect();
              const rect = t => { const r = t.getBoundingClientRect(); return { text: t.textContent, l: r.left, t: r.top, r: r.right, b: r.bottom, px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a }; };
              let curveBottom = -Infinity, curves = 0;
              for (const path of svg.querySelectorAll('path, polyline')) {
                if (path.closest('.plot-text') || !(path.getAttribute('style') || '').includes('--plot-')) continue;
                const len = path.getTotalLength(), ctm = path.getScreenCTM();
                for (let d = 0; d <= len; d += 2) { const q = path.getPointAtLength(d).matrixTransform(ctm); curveBottom = Math.max(curveBottom, q.y); curves++; }
              }
              return {
                svg: { l: box.left, t: box.top, r: box.right, b: box.bottom },
                legend: [...svg.querySelectorAll('text[data-role=legend]')].map(rect),
                xlabel: rect(svg.querySelector('text[data-role=xlabel]')),
                ticks: [...svg.querySelectorAll('text[data-role=xtick]')].map(rect),
                curveBottom, curves,
              };
            }
            """);

        var svg = m.GetProperty("svg");
        var legend = m.GetProperty("legend").EnumerateArray().ToList();
        var xlabelBottom = m.GetProperty("xlabel").GetProperty("b").GetDouble();
        var ticksBottom = m.GetProperty("ticks").EnumerateArray().Max(t => t.GetProperty("b").GetDouble());
        var curveBottom = m.GetProperty("curveBottom").GetDouble();
        output.WriteLine($"{width}px: curves down to {curveBottom:0.0}, x label to {xlabelBottom:0.0}, legend from {legend.Min(t => t.GetProperty("t").GetDouble()):0.0} to {legend.Max(t => t.GetProperty("b").GetDouble()):0.0}, drawing to {svg.GetProperty("b").GetDouble():0.0}");
        Assert.True(m.GetProperty("curves").GetInt32() > 50, "the plot has curves");
        Assert.Equal(["rising line", "falling line"], legend.Select(t => t.GetProperty("text").GetString()));
        foreach (var t in legend)
        {
            var top = t.GetProperty("t").GetDouble();
            Assert.True(top > curveBottom && top > xlabelBottom - 0.5 && top > ticksBottom, $"'{t.GetProperty("text")}' (top {top:0.0}) meets the curves, ticks or x label at {width}px");
            Assert.True(t.GetProperty("b").GetDouble() <= svg.GetProperty("b").GetDouble() + 0.5 && t.GetProperty("r").GetDouble() <= svg.GetProperty("r").GetDouble() + 0.5,
                $"'{t.GetProperty("text")}' leaves the drawing at {width}px");
            Assert.True(t.GetProperty("px").GetDouble() >= 12 - 0.05, $"'{t.GetProperty("text")}' is {t.GetProperty("px").GetDouble():0.0}px");
        }
        Assert.True(legend[1].GetProperty("t").GetDouble() >= legend[0].GetProperty("b").GetDouble() - 1, "the legend's lines overlap");
    }
}
