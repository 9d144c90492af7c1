using System.Text.Json;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DarkModeTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Math_takes_the_text_colour(ColorScheme scheme)
    {
        await using var p = await browser.OpenAsync(1280, scheme, height: 900);

        // The glyphs are <use> references into the shared definitions and the rules (fraction bars) stroked paths:
        // their computed fill or stroke is what gets painted. Each must be the colour of the text around the equation
        // (body text, or the muted colour of a footnote or quotation).
        var m = await p.Eval<JsonElement>("""
            () => {
              const painted = e => { const s = getComputedStyle(e); return s.fill !== 'none' ? s.fill : s.stroke; };
              const math = [...document.querySelectorAll('main .math.inline, main .math-image')];
              return { text: getComputedStyle(document.querySelector('main article > p')).color,
                       background: getComputedStyle(document.body).backgroundColor,
                       math: math.map(m => ({ tex: m.dataset.tex, around: getComputedStyle(m.closest(':not(.math):not(.math-image):not(.math-scroll)')).color,
                                              own: getComputedStyle(m).color,
                                              paints: [...new Set([...m.querySelectorAll('use, path')].map(painted))] })),
                       defFills: [...new Set([...document.querySelectorAll('svg.glyphs [fill], svg.glyphs [style*=fill]')].map(e => e.getAttribute('fill') ?? e.getAttribute('style')))] };
            }
            """);

        var text = m.GetProperty("text").GetString();
        var math = m.GetProperty("math").EnumerateArray().ToList();
        output.WriteLine($"{scheme}: text {text} on {m.GetProperty("background")}; " +
            $"paints {string.Join(" ", math.SelectMany(e => e.GetProperty("paints").EnumerateArray().Select(x => x.GetString())).Distinct())}; " +
            $"fills in shared definitions: {m.GetProperty("defFills").GetArrayLength()}");
        Assert.True(math.Count > 50);
        Assert.True(math.Count(e => e.GetProperty("own").GetString() == text) > 40, "most math sits in body text");
        Assert.Empty(m.GetProperty("defFills").EnumerateArray());
        foreach (var e in math)
        {
            var around = e.GetProperty("around").GetString();
            Assert.Equal(around, e.GetProperty("own").GetString());
            Assert.All(e.GetProperty("paints").EnumerateArray(), c => Assert.Equal(around, c.GetString()));
        }
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Painted_math_pixels_are_the_text_colour(ColorScheme scheme)
    {
        await using var p = await browser.OpenAsync(1280, scheme, height: 900);
        // The widest inline equation and the first display equation, scrolled into view.
        foreach (var selector in new[] { "main article > p .math.inline", "main .math-image" })
        {
            var box = await p.Eval<JsonElement>($$"""
                () => {
                  const el = [...document.querySelectorAll('{{selector}}')].sort((a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width)[0];
                  el.scrollIntoView({ block: 'center' });
                  const r = el.querySelector('svg').getBoundingClientRect();
                  const [tr, tg, tb] = getComputedStyle(el).color.match(/\d+/g).map(Number);
                  const [br, bg, bb] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
                  return { x: r.left, y: r.top, w: r.width, h: r.height, text: [tr, tg, tb], background: [br, bg, bb] };
                }
                """);
            var png = await p.Page.ScreenshotAsync(new PageScreenshotOptions
            {
                Clip = new Clip { X = (float)box.GetProperty("x").GetDouble(), Y = (float)box.GetProperty("y").GetDouble(),
                                  Width = (float)box.GetProperty("w").GetDouble(), Height = (float)box.GetProperty("h").GetDouble() },
            });
            using var bitmap = SKBitmap.Decode(png);
            var lum = new List<double>();
            for (var y = 0; y < bitmap.Height; y++)
                for (var x = 0; x < bitmap.Width; x++)
                {
                    var c = bitmap.GetPixel(x, y);
                    lum.Add(Luminance(c.Red, c.Green, c.Blue));
                }
            var textLum = Luminance(box.GetProperty("text"));
            var backLum = Luminance(box.GetProperty("background"));
            var ink = lum.Count(l => Math.Abs(l - backLum) > 0.5 * Math.Abs(textLum - backLum));
            output.WriteLine($"{scheme} {selector}: {bitmap.Width}x{bitmap.Height}px, luminance {lum.Min():0.000}..{lum.Max():0.000}, " +
                $"text {textLum:0.000}, background {backLum:0.000}, ink pixels {ink}");

            Assert.True(ink > 50, "the equation is painted");
            // Every pixel lies between the background and the text colour (antialiasing blends the two): no glyph is
            // painted black on a dark page, nor white on a light one.
            var (low, high) = (Math.Min(textLum, backLum) - 0.03, Math.Max(textLum, backLum) + 0.03);
            Assert.InRange(lum.Min(), low, high);
            Assert.InRange(lum.Max(), low, high);
            // And the most contrasting pixel reaches (nearly) the text colour.
            var extreme = textLum > backLum ? lum.Max() : lum.Min();
            Assert.True(Math.Abs(extreme - textLum) < 0.1, $"the strongest ink {extreme:0.000} is the text colour {textLum:0.000}");
        }
    }

    private static double Luminance(JsonElement rgb) =>
        Luminance(rgb[0].GetInt32(), rgb[1].GetInt32(), rgb[2].GetInt32());

    /// <summary>WCAG relative luminance of an sRGB colour.</summary>
    internal static double Luminance(int r, int g, int b)
    {
        static double Lin(int c) { var s = c / 255.0; return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4); }
        return 0.2126 * Lin(r) + 0.7152 * Lin(g) + 0.0722 * Lin(b);
    }
}
