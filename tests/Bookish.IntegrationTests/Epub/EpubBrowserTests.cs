using System.IO.Compression;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Epub;

/// <summary>
/// A chapter of the EPUB, unpacked and opened in real Chromium as XHTML (its XML parser, as reading systems use):
/// it parses, its equations are drawn at their TeX size from the shared glyphs, the notes are listed after the text,
/// and a screenshot is kept for looking at.
/// </summary>
public sealed class EpubBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_chapter_opened_as_xhtml_in_chromium_draws_its_equations_plot_and_notes()
    {
        var dir = EpubBuildTests.WriteBook();
        var result = await Publisher.BuildAsync(new BuildOptions(dir) { OutputDirectory = Path.Combine(dir, "out"), CacheDirectory = Path.Combine(dir, "cache"), Pdf = false });
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var unpacked = Repo.TempDirectory("bookish-epub-unpacked-");
        ZipFile.ExtractToDirectory(result.EpubPath!, unpacked);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 600, Height = 900 } });
        await page.GotoAsync(new Uri(Path.Combine(unpacked, "OEBPS", "slopes.xhtml")).AbsoluteUri);

        Assert.Equal("application/xhtml+xml", await page.EvaluateAsync<string>("() => document.contentType"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.getElementsByTagName('parsererror').length"));
        // Every equation has its TeX box and draws ink: its glyphs, defined once for the page, resolve.
        var boxes = await page.EvaluateAsync<double[][]>("""
            () => [...document.querySelectorAll('.math svg')].map(svg => {
              const r = svg.getBoundingClientRect();
              const ink = [...svg.querySelectorAll('use')].reduce((w, u) => w + u.getBBox().width, 0);
              return [r.width, r.height, ink];
            })
            """);
        Assert.True(boxes.Length >= 10, $"{boxes.Length} equations");
        Assert.All(boxes, b => Assert.True(b[0] > 2 && b[1] > 2 && b[2] > 0, $"equation box {b[0]}x{b[1]}, ink {b[2]}"));
        var plot = await page.EvaluateAsync<double[]>("() => { const r = document.querySelector('figure svg').getBoundingClientRect(); return [r.width, r.height]; }");
        Assert.True(plot[0] > 300 && plot[1] > 150, $"plot {plot[0]}x{plot[1]}");
        // The web book's sidebar, menu button and search stay out of the book (its reading system has its own).
        Assert.Equal(0, await page.Locator("#book-sidebar, .book-menu, #book-search-input").CountAsync());
        // The legend's swatches are drawn in their series' colours, as the curves are.
        var swatches = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('figure svg line')].filter(l => l.closest('g') && l.nextElementSibling?.dataset.role === 'legend').map(l => getComputedStyle(l).stroke)");
        Assert.Equal(["rgb(0, 114, 178)", "rgb(213, 94, 0)"], swatches);
        // Nothing sticks out of a 600 px reading column.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Equal(2, await page.Locator("aside[*|type='footnote'], aside.footnote").CountAsync());
        Assert.True(await page.Locator("aside.footnote").First.IsVisibleAsync());

        var shot = Path.Combine(Path.GetTempPath(), "bookish-epub-slopes.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        output.WriteLine("screenshot: " + shot);
    }
}
