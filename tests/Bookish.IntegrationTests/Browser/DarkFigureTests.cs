using Bookish.IntegrationTests.Support;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

/// <summary>Black line art on a transparent background stays visible in dark mode; photos are left as they are.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DarkFigureTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static string? _url;

    private async Task<string> UrlAsync()
    {
        if (_url is not null) return _url;
        var doc = Repo.WriteDocument("""
            # A diagram

            ![A black arrow from x to y, drawn on nothing.](arrow.svg){#fig:arrow width=50%}

            ![A dark photo.](photo.png){#fig:photo width=30%}
            """);
        var dir = Path.GetDirectoryName(doc)!;
        File.WriteAllText(Path.Combine(dir, "arrow.svg"), """
            <svg xmlns="http://www.w3.org/2000/svg" width="200" height="80" viewBox="0 0 200 80">
              <path d="M10 40 H170 M150 25 L175 40 L150 55" fill="none" stroke="#000" stroke-width="5"/>
              <circle cx="20" cy="40" r="8" fill="#000"/>
            </svg>
            """);
        using (var bitmap = new SKBitmap(60, 40, SKColorType.Rgba8888, SKAlphaType.Premul))
        {
            bitmap.Erase(new SKColor(40, 30, 20));
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(Path.Combine(dir, "photo.png"), data.ToArray());
        }
        return _url = await browser.BuildAsync(doc, "dark-figures");
    }

    private static async Task<List<SKColor>> PixelsAsync(BrowserPage p, string selector)
    {
        var box = await p.Page.Locator(selector).BoundingBoxAsync();
        var png = await p.Page.ScreenshotAsync(new PageScreenshotOptions { Clip = new Clip { X = box!.X, Y = box.Y, Width = box.Width, Height = box.Height } });
        using var bitmap = SKBitmap.Decode(png);
        var pixels = new List<SKColor>();
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++) pixels.Add(bitmap.GetPixel(x, y));
        return pixels;
    }

    private static double Contrast(SKColor a, SKColor b)
    {
        double la = DarkModeTests.Luminance(a.Red, a.Green, a.Blue), lb = DarkModeTests.Luminance(b.Red, b.Green, b.Blue);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    [Theory]
    [InlineData(ColorScheme.Dark)]
    [InlineData(ColorScheme.Light)]
    public async Task Black_line_art_on_transparent_has_at_least_3_to_1_contrast_with_what_is_behind_it(ColorScheme scheme)
    {
        await using var p = await browser.OpenAsync(1280, scheme, url: await UrlAsync());

        var pixels = await PixelsAsync(p, "#fig\\:arrow img");

        var ink = pixels.MinBy(c => DarkModeTests.Luminance(c.Red, c.Green, c.Blue));
        var ground = pixels.MaxBy(c => DarkModeTests.Luminance(c.Red, c.Green, c.Blue));
        var contrast = Contrast(ink, ground);
        output.WriteLine($"{scheme}: ink {ink}, ground {ground}, contrast {contrast:0.0}:1");
        Assert.True(contrast >= 3, $"the line art's contrast in {scheme} mode is {contrast:0.0}:1");
    }

    [Fact]
    public async Task A_photo_is_shown_with_its_own_colours_in_dark_mode()
    {
        await using var p = await browser.OpenAsync(1280, ColorScheme.Dark, url: await UrlAsync());

        var pixels = await PixelsAsync(p, "#fig\\:photo img");
        var filter = await p.Eval<string>("() => getComputedStyle(document.querySelector('#fig\\\\:photo img')).filter");

        Assert.Equal("none", filter);
        var inner = pixels.Where((_, i) => true).GroupBy(c => c).OrderByDescending(g => g.Count()).First().Key;
        Assert.True(Math.Abs(inner.Red - 40) <= 2 && Math.Abs(inner.Green - 30) <= 2 && Math.Abs(inner.Blue - 20) <= 2, $"the photo shows as {inner}");
    }
}
