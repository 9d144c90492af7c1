using System.IO.Compression;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Epub;

/// <summary>
/// A long one-line display in the EPUB, opened as XHTML in Chromium at a phone's width: it is scaled down no further
/// than 70 % of its size and scrolls sideways in its own box (the page itself never scrolls), while a display that fits
/// is drawn at its full size.
/// </summary>
public sealed class EpubWideDisplayTests(ITestOutputHelper output)
{
    private const string Document = """
        ---
        title: Series on a small screen
        formats: [html, epub]
        ---

        # Taylor

        To fifth order, on one line as the lecture notes write it:

        $$
        f(x+h) = f(x) + h f'(x) + \frac{h^2}{2!} f''(x) + \frac{h^3}{3!} f'''(x) + \frac{h^4}{4!} f^{(4)}(x) + \frac{h^5}{5!} f^{(5)}(x) + O(h^6)
        $$

        and the short one:

        $$
        e^{i\pi} + 1 = 0
        $$
        """;

    [Fact(Timeout = 180_000)]
    public async Task A_wide_display_scrolls_at_seventy_percent_on_a_phone_instead_of_shrinking_to_a_smudge()
    {
        var doc = Repo.WriteDocument(Document);
        var dir = Path.GetDirectoryName(doc)!;
        var result = await Publisher.BuildAsync(new BuildOptions(doc) { OutputDirectory = Path.Combine(dir, "out"), CacheDirectory = Path.Combine(dir, "cache"), Pdf = false });
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var unpacked = Repo.TempDirectory("bookish-epub-wide-");
        ZipFile.ExtractToDirectory(result.EpubPath!, unpacked);
        var xhtml = Directory.GetFiles(Path.Combine(unpacked, "OEBPS"), "*.xhtml").Single(f => File.ReadAllText(f).Contains("math display", StringComparison.Ordinal));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        await page.GotoAsync(new Uri(xhtml).AbsoluteUri);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.getElementsByTagName('parsererror').length"));

        // [drawn width, TeX width in px at the display's font size, box client width, box scroll width]
        var displays = await page.EvaluateAsync<double[][]>("""
            () => [...document.querySelectorAll('div.math.display')].map(d => {
              const svg = d.querySelector('.math-image svg'), box = d.querySelector('.math-scroll');
              const em = parseFloat(getComputedStyle(svg.closest('.math')).fontSize);
              const tex = parseFloat(/width:\s*([0-9.]+)em/.exec(svg.getAttribute('style'))[1]) * em;
              return [svg.getBoundingClientRect().width, tex, box.clientWidth, box.scrollWidth];
            })
            """);
        foreach (var d in displays) output.WriteLine(string.Join(" ", d.Select(v => v.ToString("0.#"))));
        Assert.Equal(2, displays.Length);
        var wide = displays[0];
        Assert.True(wide[1] > wide[2] / 0.7, "the test display must be wider than the phone's column even at 70 %");
        Assert.InRange(wide[0] / wide[1], 0.69, 0.71);
        Assert.True(wide[3] > wide[2] + 10, $"the wide display scrolls in its box (scroll {wide[3]}, client {wide[2]})");
        var small = displays[1];
        Assert.InRange(small[0] / small[1], 0.99, 1.01);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page itself does not scroll sideways");

        var shot = Path.Combine(Path.GetTempPath(), "bookish-epub-wide-phone.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        output.WriteLine("screenshot: " + shot);
    }
}
