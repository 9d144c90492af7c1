using Bookish.IntegrationTests.Support;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

/// <summary>
/// The paper's Jacobian section as readers see it, at 1280 and 375 px, light and dark, saved to output/screenshots/
/// (git-ignored) for people to look at, with the widened display's right edge four times larger (a faint line was seen there).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PaperJacobianScreenshotTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static string? _paper;
    private async Task<string> PaperAsync() => _paper ??= await browser.BuildAsync(Repo.Corpus("matrix-calculus", "article.xml"), "paper-jacobian");

    [Theory]
    [InlineData(1280, ColorScheme.Light)]
    [InlineData(1280, ColorScheme.Dark)]
    [InlineData(375, ColorScheme.Light)]
    [InlineData(375, ColorScheme.Dark)]
    public async Task The_Jacobian_section_is_saved_as_a_picture(int width, ColorScheme scheme)
    {
        await using var p = await browser.OpenAsync(width, scheme, height: 1100, url: await PaperAsync(), deviceScaleFactor: width < 600 ? 2 : 1);
        await p.Eval<object>(Jacobian + ".scrollIntoView({ block: 'center' })");
        await p.Eval<object>("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(null))))");
        var folder = Path.Combine(BrowserFixture.RepositoryRoot, "output", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"paper-jacobian-{width}-{scheme.ToString().ToLowerInvariant()}.png");

        var png = await p.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });

        using var bitmap = SKBitmap.Decode(png);
        output.WriteLine($"{path}: {bitmap.Width}x{bitmap.Height}");
        Assert.Equal(width * (width < 600 ? 2 : 1), bitmap.Width);
        if (width < 600) return;
        // The display's right edge, four times larger: where a faint line was seen.
        await using var zoom = await browser.OpenAsync(width, scheme, height: 1100, url: await PaperAsync(), deviceScaleFactor: 4);
        await zoom.Eval<object>(Jacobian + ".scrollIntoView({ block: 'center' })");
        var r = await zoom.Eval<double[]>((Jacobian + ".getBoundingClientRect(); return [b.right, b.top, b.height]; }").Replace("() => ", "() => { const b = "));
        await zoom.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path.Replace(".png", "-edge.png"), Clip = new Clip { X = (float)r[0] - 30, Y = (float)r[1], Width = 50, Height = (float)r[2] } });
    }

    private const string Jacobian = "() => [...document.querySelectorAll('main .math.display')].find(d => d.querySelector('[data-tex]').dataset.tex.includes('nabla f_m(') && d.querySelector('[data-tex]').dataset.tex.includes('partial {x_n}'))";
}
