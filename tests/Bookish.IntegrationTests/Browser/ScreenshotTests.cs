using Microsoft.Playwright;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

/// <summary>
/// Full-page screenshots of the content article for people to look at, written to output/screenshots/ (git-ignored).
/// The test checks that each is a real page of the expected width and not blank.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Theory]
    [InlineData("phone", 375, ColorScheme.Light)]
    [InlineData("desktop", 1280, ColorScheme.Light)]
    [InlineData("phone-dark", 375, ColorScheme.Dark)]
    [InlineData("desktop-dark", 1280, ColorScheme.Dark)]
    public async Task Screenshot_of_the_article_is_saved(string name, int width, ColorScheme scheme)
    {
        await using var p = await browser.OpenAsync(width, scheme, height: width < 600 ? 740 : 900);
        var folder = Path.Combine(BrowserFixture.RepositoryRoot, "output", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"vector-derivatives-{name}.png");

        var png = await p.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });

        using var bitmap = SKBitmap.Decode(png);
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 7)
            for (var x = 0; x < bitmap.Width; x += 3)
                colours.Add((uint)bitmap.GetPixel(x, y));
        output.WriteLine($"{path}: {bitmap.Width}x{bitmap.Height}px, {colours.Count} sampled colours");
        Assert.Equal(width, bitmap.Width);
        Assert.True(bitmap.Height > 3000, "the whole article is in the picture");
        Assert.True(colours.Count > 20, "the picture is not blank");
    }

    [Theory]
    [InlineData("figure.plot", "plot", ColorScheme.Dark)]
    [InlineData(".check", "check", ColorScheme.Light)]
    [InlineData("table.notation-table", "notation", ColorScheme.Light)]
    [InlineData(".math.display", "display-math", ColorScheme.Dark)]
    public async Task Screenshot_of_a_part_is_saved(string selector, string name, ColorScheme scheme)
    {
        await using var p = await browser.OpenAsync(1280, scheme, height: 900);
        var folder = Path.Combine(BrowserFixture.RepositoryRoot, "output", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"vector-derivatives-{name}-{scheme.ToString().ToLowerInvariant()}.png");
        var element = p.Page.Locator(selector).First;
        var png = await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        using var bitmap = SKBitmap.Decode(png);
        Assert.True(bitmap.Width > 100 && bitmap.Height > 20, $"{selector}: {bitmap.Width}x{bitmap.Height}");
    }
}
