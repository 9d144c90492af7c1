using System.Text.Json;
using Bookish.IntegrationTests.Support;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

/// <summary>Coloured math keeps its colour in the page, uncoloured math follows the text colour, in light and dark mode.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ColouredMathTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static string? _url;

    private async Task<string> UrlAsync() => _url ??= await browser.BuildAsync(Repo.WriteDocument("""
        # Colour

        The weights $\color{red}{W}$ and the bias ${\color[HTML]{0000FF} b}$ make $y = Wx + b$.

        $$\textcolor{red}{\sum_{i=1}^{n} x_i^2}$$

        $$\sum_{i=1}^{n} x_i^2$$
        """), "coloured");

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Coloured_math_is_painted_in_its_colour_and_plain_math_in_the_text_colour(ColorScheme scheme)
    {
        await using var p = await browser.OpenAsync(1280, scheme, height: 900, url: await UrlAsync());
        var inline = await PixelsAsync(p, "main article p .math", 0);
        var blue = await PixelsAsync(p, "main article p .math", 1);
        var plain = await PixelsAsync(p, "main article p .math", 2);
        var redDisplay = await PixelsAsync(p, "main .math-image", 0);
        var plainDisplay = await PixelsAsync(p, "main .math-image", 1);

        bool Red(SKColor c) => c.Red > 180 && c.Green < 90 && c.Blue < 90;
        bool Blue(SKColor c) => c.Blue > 180 && c.Red < 90 && c.Green < 90;
        output.WriteLine($"{scheme}: red inline {inline.Pixels.Count(Red)}, blue {blue.Pixels.Count(Blue)}, red display {redDisplay.Pixels.Count(Red)}, text {plain.Text}");
        Assert.True(inline.Pixels.Count(Red) > 20);
        Assert.True(blue.Pixels.Count(Blue) > 10);
        Assert.True(redDisplay.Pixels.Count(Red) > 50);
        foreach (var (pixels, text) in new[] { plain, plainDisplay })
        {
            Assert.DoesNotContain(pixels, c => Red(c) || Blue(c));
            // The strongest ink is the text colour (dark on light, light on dark).
            var extreme = pixels.OrderByDescending(c => Math.Abs(DarkModeTests.Luminance(c.Red, c.Green, c.Blue) - text.Background)).First();
            Assert.True(Math.Abs(DarkModeTests.Luminance(extreme.Red, extreme.Green, extreme.Blue) - text.Text) < 0.1, scheme.ToString());
        }
    }

    private static async Task<(List<SKColor> Pixels, (double Text, double Background) Text)> PixelsAsync(BrowserPage p, string selector, int index)
    {
        var box = await p.Eval<JsonElement>($$"""
            () => {
              const el = document.querySelectorAll('{{selector}}')[{{index}}];
              el.scrollIntoView({ block: 'center' });
              const r = el.querySelector('svg').getBoundingClientRect();
              const rgb = s => s.match(/\d+/g).slice(0, 3).map(Number);
              return { x: r.left, y: r.top, w: r.width, h: r.height, text: rgb(getComputedStyle(el).color), background: rgb(getComputedStyle(document.body).backgroundColor) };
            }
            """);
        var png = await p.Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Clip = new Clip { X = (float)box.GetProperty("x").GetDouble(), Y = (float)box.GetProperty("y").GetDouble(),
                              Width = (float)box.GetProperty("w").GetDouble(), Height = (float)box.GetProperty("h").GetDouble() },
        });
        using var bitmap = SKBitmap.Decode(png);
        var pixels = new List<SKColor>();
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++) pixels.Add(bitmap.GetPixel(x, y));
        double L(JsonElement e) => DarkModeTests.Luminance(e[0].GetInt32(), e[1].GetInt32(), e[2].GetInt32());
        return (pixels, (L(box.GetProperty("text")), L(box.GetProperty("background"))));
    }
}
