using System.Text;
using System.Text.Json;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CrossReferenceTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Theory]
    [InlineData("#eq:", 1280)]
    [InlineData("#eq:", 375)]
    [InlineData("#sec:", 1280)]
    [InlineData("#sec:", 375)]
    [InlineData("#tbl:", 1280)]
    public async Task Clicking_a_cross_reference_in_the_article_shows_its_target(string prefix, int width)
    {
        await using var p = await browser.OpenAsync(width, height: 700);
        await ClickAndAssertTargetShown(p, prefix, width);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Clicking_a_figure_reference_shows_the_figure(int width)
    {
        var url = await FigureDocumentUrl();
        await using var p = await browser.OpenAsync(width, height: 700, url: url);

        var caption = await p.Eval<string>("() => document.querySelector('figure#fig\\\\:a figcaption').textContent");
        Assert.StartsWith("Figure 1:", caption.Trim());
        await ClickAndAssertTargetShown(p, "#fig:", width);
    }

    [Fact]
    public async Task Figure_images_are_loaded_with_the_page_so_a_jump_to_a_figure_does_not_shift()
    {
        // An image without known size that loads only once the reader has jumped next to it (loading=lazy) grows
        // from nothing and, through scroll anchoring, can move the figure out of view after the jump.
        var url = await FigureDocumentUrl();
        await using var p = await browser.OpenAsync(1280, height: 700, url: url);

        var images = await p.Eval<JsonElement>("() => [...document.images].map(i => ({ complete: i.complete, width: i.naturalWidth, loading: i.loading }))");

        Assert.NotEmpty(images.EnumerateArray());
        Assert.All(images.EnumerateArray(), i =>
        {
            Assert.True(i.GetProperty("complete").GetBoolean(), $"image not loaded with the page (loading={i.GetProperty("loading")})");
            Assert.Equal(320, i.GetProperty("width").GetInt32());
        });
    }

    /// <summary>
    /// Picks a cross-reference of the kind whose target is off screen while the link is (so the click has to move
    /// the page), clicks it like a reader, then checks the address names the target and the target is on screen:
    /// at the top (under its scroll margin) unless the page cannot scroll that far.
    /// </summary>
    private async Task ClickAndAssertTargetShown(BrowserPage p, string prefix, int width)
    {
        var index = await p.Eval<int>("""
            prefix => {
              const links = [...document.querySelectorAll('a.xref')];
              for (let i = 0; i < links.length; i++) {
                const a = links[i], href = a.getAttribute('href');
                if (!href.startsWith(prefix)) continue;
                a.scrollIntoView({ block: 'center' });
                const t = document.getElementById(decodeURIComponent(href.slice(1))).getBoundingClientRect();
                if (t.bottom < 0 || t.top > innerHeight) return i;
              }
              return -1;
            }
            """, prefix);
        Assert.True(index >= 0, $"the page has a {prefix} cross-reference whose target is off screen from the link");
        var link = p.Page.Locator("a.xref").Nth(index);
        var href = await link.GetAttributeAsync("href");

        await link.ClickAsync();
        await p.Page.WaitForFunctionAsync("h => location.hash === h", href);
        // Let anything the jump set off settle (images that start loading once near the viewport, scroll anchoring).
        await p.Page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete)");
        await p.Eval<object>("() => new Promise(r => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => r(null))), 100))");

        var m = await p.Eval<JsonElement>("""
            href => {
              const t = document.getElementById(decodeURIComponent(href.slice(1))), r = t.getBoundingClientRect();
              return { hash: location.hash, top: r.top, bottom: r.bottom, height: innerHeight, tag: t.tagName,
                       atEnd: scrollY >= document.documentElement.scrollHeight - innerHeight - 1 };
            }
            """, href);
        output.WriteLine($"{width}px: {href} -> <{m.GetProperty("tag").GetString()!.ToLowerInvariant()}> top {m.GetProperty("top").GetDouble():0.0}px of {m.GetProperty("height")}");
        Assert.Equal(href, m.GetProperty("hash").GetString());
        var top = m.GetProperty("top").GetDouble();
        // Layout positions are in 1/64 px: a target scrolled exactly to the top may sit a fraction above it.
        Assert.True(top >= -1 && m.GetProperty("bottom").GetDouble() <= m.GetProperty("height").GetDouble() || top is >= -1 and <= 60,
            $"{href} is not on screen after the click: top {top}");
        if (!m.GetProperty("atEnd").GetBoolean()) Assert.InRange(top, -1, 60);
    }

    /// <summary>A small document of our own: a paragraph that cites a figure far below it (a PNG drawn with SkiaSharp).</summary>
    private async Task<string> FigureDocumentUrl()
    {
        var dir = Path.Combine(browser.TempRoot, "figure-doc-src-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        using (var bitmap = new SKBitmap(320, 200))
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = SKColors.SteelBlue, IsAntialias = true })
        {
            canvas.Clear(SKColors.White);
            canvas.DrawCircle(160, 100, 80, paint);
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            await File.WriteAllBytesAsync(Path.Combine(dir, "img.png"), data.ToArray());
        }
        var md = new StringBuilder();
        md.AppendLine("---\ntitle: Figure reference test\nlang: en\n---\n");
        md.AppendLine("# Opening {#sec:open}\n");
        md.AppendLine("The circle is drawn in @fig:a, well below this line.\n");
        for (var i = 0; i < 30; i++)
            md.AppendLine($"Filler paragraph {i} pushes the figure out of sight so that following the reference has to scroll the page down to it.\n");
        md.AppendLine("![A blue circle on white.](img.png){#fig:a}\n");
        for (var i = 0; i < 30; i++) md.AppendLine($"Closing paragraph {i} leaves room to scroll the figure to the top.\n");
        var input = Path.Combine(dir, "index.md");
        await File.WriteAllTextAsync(input, md.ToString());
        return await browser.BuildAsync(input, "figure-doc-" + Guid.NewGuid().ToString("N"));
    }
}
