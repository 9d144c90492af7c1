using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

/// <summary>Plot text in the page: spaced by the font itself, sized relative to the page, and the legend off the curves.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlotTextTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>Every plot text's rendered size in CSS px, and the largest gap between where Chromium put each character and where the font's own advances put it.</summary>
    private const string Measure = """
        () => {
          const canvas = document.createElement('canvas').getContext('2d');
          return [...document.querySelectorAll('figure.plot svg.plot-svg text')].map(t => {
            const s = getComputedStyle(t), scale = t.getScreenCTM().a;
            canvas.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
            let worst = 0;
            const start = t.getStartPositionOfChar(0).x;
            for (let i = 1; i < t.getNumberOfChars(); i++) {
              const expected = canvas.measureText(t.textContent.slice(0, i)).width;
              worst = Math.max(worst, Math.abs(t.getStartPositionOfChar(i).x - start - expected));
            }
            return { role: t.dataset.role ?? '', text: t.textContent, px: parseFloat(s.fontSize) * scale, worst: worst * scale };
          });
        }
        """;

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task Plot_text_is_spaced_by_the_fonts_own_advances(int width)
    {
        await using var p = await browser.OpenAsync(width, height: 900);

        var texts = (await p.Eval<JsonElement>(Measure)).EnumerateArray().ToList();

        Assert.Contains(texts, t => t.GetProperty("role").GetString() == "legend" && t.GetProperty("text").GetString()!.Contains("derivative"));
        foreach (var t in texts)
            Assert.True(t.GetProperty("worst").GetDouble() < 1, $"'{t.GetProperty("text")}' is {t.GetProperty("worst").GetDouble():0.0}px off its font's advances");
    }

    [Theory]
    [InlineData(320, 12, 17)]
    [InlineData(375, 12, 17)]
    [InlineData(1280, 12, 19)]
    public async Task Plot_text_is_at_least_12px_on_a_phone_and_at_most_the_body_size_on_a_desktop(int width, double min, double max)
    {
        await using var p = await browser.OpenAsync(width, height: 900);

        var texts = (await p.Eval<JsonElement>(Measure)).EnumerateArray().ToList();
        var body = await p.Eval<double>("() => parseFloat(getComputedStyle(document.querySelector('main article p')).fontSize)");

        var sizes = texts.Select(t => t.GetProperty("px").GetDouble()).ToList();
        output.WriteLine($"{width}px: plot text {sizes.Min():0.0}..{sizes.Max():0.0}px, body {body}px");
        Assert.True(sizes.Count > 10);
        Assert.All(sizes, s => Assert.InRange(s, min - 0.05, Math.Min(max, body) + 0.05));
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task No_plot_text_overlaps_another_or_leaves_the_drawing_and_the_legend_covers_no_curve(int width)
    {
        await using var p = await browser.OpenAsync(width, height: 900);

        var m = await p.Eval<JsonElement>("""
            () => [...document.querySelectorAll('figure.plot svg.plot-svg')].map(svg => {
              const box = svg.getBoundingClientRect();
              const texts = [...svg.querySelectorAll('text')].filter(t => getComputedStyle(t).visibility !== 'hidden').map(t => { const r = t.getBoundingClientRect(); return { text: t.textContent, role: t.dataset.role, l: r.left, t: r.top, r: r.right, b: r.bottom }; });
              const curve = [];
              for (const path of svg.querySelectorAll('path, polyline')) {
                const colour = getComputedStyle(path).stroke;
                if (!path.getTotalLength || colour === 'none' || path.closest('.plot-text')) continue;
                const len = path.getTotalLength(), ctm = path.getScreenCTM();
                if (len > 2000 * 4) continue;
                for (let d = 0; d <= len; d += 2) { const q = path.getPointAtLength(d).matrixTransform(ctm); curve.push([q.x, q.y, colour]); }
              }
              return { svg: { l: box.left, t: box.top, r: box.right, b: box.bottom }, texts, curve };
            })
            """);

        foreach (var plot in m.EnumerateArray())
        {
            var svg = plot.GetProperty("svg");
            var texts = plot.GetProperty("texts").EnumerateArray().ToList();
            foreach (var t in texts)
            {
                Assert.True(t.GetProperty("l").GetDouble() >= svg.GetProperty("l").GetDouble() - 0.5 && t.GetProperty("r").GetDouble() <= svg.GetProperty("r").GetDouble() + 0.5 &&
                            t.GetProperty("t").GetDouble() >= svg.GetProperty("t").GetDouble() - 0.5 && t.GetProperty("b").GetDouble() <= svg.GetProperty("b").GetDouble() + 0.5,
                            $"'{t.GetProperty("text")}' leaves the drawing at {width}px");
                foreach (var u in texts)
                {
                    if (ReferenceEquals(t.ToString(), u.ToString()) || t.ToString() == u.ToString()) continue;
                    var overlap = Math.Min(t.GetProperty("r").GetDouble(), u.GetProperty("r").GetDouble()) - Math.Max(t.GetProperty("l").GetDouble(), u.GetProperty("l").GetDouble()) > 1
                               && Math.Min(t.GetProperty("b").GetDouble(), u.GetProperty("b").GetDouble()) - Math.Max(t.GetProperty("t").GetDouble(), u.GetProperty("t").GetDouble()) > 1;
                    Assert.False(overlap, $"'{t.GetProperty("text")}' overlaps '{u.GetProperty("text")}' at {width}px");
                }
            }
            var curve = plot.GetProperty("curve").EnumerateArray().Select(c => (X: c[0].GetDouble(), Y: c[1].GetDouble(), Colour: c[2].GetString())).ToList();
            // Series strokes only (not the frame, ticks or grid, which are the text colour or the grid grey).
            var series = curve.Where(c => c.Colour is { } s && !s.Contains("221, 221, 221") && s != "rgb(29, 29, 31)" && !s.Contains("58, 59, 64")).ToList();
            output.WriteLine($"{width}px: stroke colours {string.Join(", ", curve.Select(c => c.Colour).Distinct())}; {series.Count} points on curves");
            Assert.True(series.Count > 50, "the plot has curves");
            foreach (var t in texts.Where(t => t.GetProperty("role").GetString() == "legend"))
                Assert.False(series.Any(c => c.X > t.GetProperty("l").GetDouble() && c.X < t.GetProperty("r").GetDouble() && c.Y > t.GetProperty("t").GetDouble() && c.Y < t.GetProperty("b").GetDouble()),
                    $"the legend '{t.GetProperty("text")}' covers a curve at {width}px");
        }
    }

    [Theory]
    [InlineData(375, ColorScheme.Light)]
    [InlineData(1280, ColorScheme.Dark)]
    public async Task Screenshot_of_the_plots_is_saved(int width, ColorScheme scheme)
    {
        await using var p = await browser.OpenAsync(width, scheme, height: 900);
        var folder = Path.Combine(BrowserFixture.RepositoryRoot, "output", "screenshots");
        Directory.CreateDirectory(folder);
        var plots = p.Page.Locator("figure.plot");
        var count = await plots.CountAsync();

        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(folder, $"plot-{i + 1}-{width}-{scheme.ToString().ToLowerInvariant()}.png");
            var png = await plots.Nth(i).ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
            Assert.True(png.Length > 1000);
        }
        Assert.True(count >= 2);
    }
}
