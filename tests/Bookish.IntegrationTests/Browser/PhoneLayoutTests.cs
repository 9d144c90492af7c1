using System.Text.Json;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(BrowserFixture browser, ITestOutputHelper output)
{
    public static TheoryData<int> PhoneWidths => new() { 320, 375, 414 };

    [Theory]
    [MemberData(nameof(PhoneWidths))]
    public async Task Page_never_scrolls_sideways_on_a_phone(int width)
    {
        await using var p = await browser.OpenAsync(width);

        var m = await p.Eval<JsonElement>("() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth })");

        Assert.True(m.GetProperty("scroll").GetInt32() <= m.GetProperty("inner").GetInt32(),
            $"at {width}px the page is {m.GetProperty("scroll")}px wide");
    }

    [Fact]
    public async Task The_matrix_calculus_paper_never_scrolls_sideways_on_a_phone()
    {
        // The paper has long URLs as link text and inline formulas wider than a phone's column.
        var url = await browser.BuildAsync(Support.Repo.Corpus("matrix-calculus", "article.xml"), "paper-phone");
        foreach (var width in new[] { 320, 375, 414 })
        {
            await using var p = await browser.OpenAsync(width, url: url);
            var m = await p.Eval<JsonElement>("""
                async () => (await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))), { scroll: document.documentElement.scrollWidth, inner: innerWidth,
                         overwide: document.querySelectorAll('.math.inline.overwide').length,
                         scrolls: [...document.querySelectorAll('.math.inline.overwide')].every(s => getComputedStyle(s).overflowX === 'auto') })
                """);
            Assert.True(m.GetProperty("scroll").GetInt32() <= m.GetProperty("inner").GetInt32(), $"at {width}px the paper is {m.GetProperty("scroll")}px wide");
            if (width == 320) Assert.True(m.GetProperty("overwide").GetInt32() > 0, "at 320px no inline formula is wider than the column (else this proves nothing)");
            Assert.True(m.GetProperty("scrolls").GetBoolean());
            output.WriteLine($"{width}px: {m.GetProperty("overwide")} inline formulas on a line of their own");
        }
        // On a desktop the same formulas stay inline.
        await using var desk = await browser.OpenAsync(1280, url: url);
        Assert.Equal(0, await desk.Eval<int>("() => document.querySelectorAll('.math.inline.overwide').length"));
    }

    [Theory]
    [MemberData(nameof(PhoneWidths))]
    public async Task Wide_display_math_scrolls_inside_its_own_box(int width)
    {
        await using var p = await browser.OpenAsync(width);

        // Every display equation: its box stays inside the viewport; one wider than its column scrolls in .math-scroll.
        var eqs = await p.Eval<JsonElement>("""
            () => [...document.querySelectorAll('main .math.display')].map(d => {
              const s = d.querySelector('.math-scroll'), svg = d.querySelector('svg');
              const r = d.getBoundingClientRect(), sr = s.getBoundingClientRect();
              return { id: d.id, left: r.left, right: r.right, scrollRight: sr.right,
                       svgWidth: svg.getBoundingClientRect().width, client: s.clientWidth, scrollWidth: s.scrollWidth,
                       overflowX: getComputedStyle(s).overflowX };
            })
            """);

        var wide = 0;
        Assert.True(eqs.GetArrayLength() >= 10, "the article has display equations");
        foreach (var e in eqs.EnumerateArray())
        {
            var id = e.GetProperty("id").GetString();
            Assert.True(e.GetProperty("left").GetDouble() >= 0 && e.GetProperty("right").GetDouble() <= width + 0.5,
                $"{id} at {width}px: box {e.GetProperty("left")}..{e.GetProperty("right")}");
            if (e.GetProperty("svgWidth").GetDouble() <= e.GetProperty("client").GetDouble() + 1) continue;
            wide++;
            Assert.Contains(e.GetProperty("overflowX").GetString(), new[] { "auto", "scroll" });
            Assert.True(e.GetProperty("scrollWidth").GetDouble() > e.GetProperty("client").GetDouble(),
                $"{id} is wider than its box but the box does not scroll");
        }
        Assert.True(wide > 0, $"at {width}px some equation of the article is wider than the column (else this test proves nothing)");

        // And the scroll box really scrolls: set scrollLeft on the widest and read it back.
        var scrolled = await p.Eval<double>("""
            () => { const s = [...document.querySelectorAll('main .math-scroll')].sort((a, b) => (b.scrollWidth - b.clientWidth) - (a.scrollWidth - a.clientWidth))[0];
                    s.scrollLeft = 40; return s.scrollLeft; }
            """);
        Assert.True(scrolled > 0);
    }

    [Theory]
    [MemberData(nameof(PhoneWidths))]
    public async Task Body_text_is_at_least_16px_with_12px_side_padding(int width)
    {
        await using var p = await browser.OpenAsync(width);

        var paras = await p.Eval<JsonElement>("""
            () => [...document.querySelectorAll('header p, main p, main li, main blockquote')].filter(e => e.offsetParent !== null).map(e => {
              const r = e.getBoundingClientRect();
              return { text: e.textContent.slice(0, 40), size: parseFloat(getComputedStyle(e).fontSize), left: r.left, right: innerWidth - r.right,
                       body: e.matches('main article > p') };
            })
            """);

        Assert.True(paras.GetArrayLength() > 20);
        foreach (var e in paras.EnumerateArray())
        {
            var text = e.GetProperty("text").GetString();
            if (e.GetProperty("body").GetBoolean())
                Assert.True(e.GetProperty("size").GetDouble() >= 16, $"at {width}px '{text}' is {e.GetProperty("size")}px");
            Assert.True(e.GetProperty("left").GetDouble() >= 12, $"at {width}px '{text}' starts {e.GetProperty("left")}px from the left edge");
            Assert.True(e.GetProperty("right").GetDouble() >= 12, $"at {width}px '{text}' ends {e.GetProperty("right")}px from the right edge");
        }
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task A_scrolling_equation_shows_a_shadow_on_the_side_with_more(ColorScheme scheme)
    {
        await using var p = await browser.OpenAsync(320, scheme);
        // The widest equation, its ink hidden so that only the box's own painting is left in the picture.
        var box = await p.Eval<JsonElement>("""
            () => {
              const s = [...document.querySelectorAll('main .math-scroll')].sort((a, b) => (b.scrollWidth - b.clientWidth) - (a.scrollWidth - a.clientWidth))[0];
              s.id = 'widest-under-test';
              s.querySelector('svg').style.visibility = 'hidden';
              s.scrollIntoView({ block: 'center' });
              const r = s.getBoundingClientRect();
              return { x: r.left, y: r.top, w: r.width, h: r.height };
            }
            """);

        var atStart = await EdgeDeviations(p, box);
        await p.Eval<object>("() => { const s = document.getElementById('widest-under-test'); s.scrollLeft = s.scrollWidth; }");
        var atEnd = await EdgeDeviations(p, box);

        output.WriteLine($"{scheme}: at the start left {atStart.Left:0.0} right {atStart.Right:0.0}; at the end left {atEnd.Left:0.0} right {atEnd.Right:0.0} (max channel difference from the page)");
        Assert.True(atStart.Right > 12 && atStart.Left < 3, "at the start only the right edge is shaded");
        Assert.True(atEnd.Left > 12 && atEnd.Right < 3, "at the end only the left edge is shaded");
    }

    /// <summary>Largest colour difference from the page background in a 3px strip inside each side of the box.</summary>
    private static async Task<(double Left, double Right)> EdgeDeviations(BrowserPage p, JsonElement box)
    {
        var background = await p.Eval<int[]>("() => getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number)");
        var png = await p.Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Clip = new Clip { X = (float)box.GetProperty("x").GetDouble(), Y = (float)box.GetProperty("y").GetDouble(),
                              Width = (float)box.GetProperty("w").GetDouble(), Height = (float)box.GetProperty("h").GetDouble() },
        });
        using var bitmap = SKBitmap.Decode(png);
        double Strip(int from, int to)
        {
            var worst = 0.0;
            for (var x = from; x < to; x++)
                for (var y = 0; y < bitmap.Height; y++)
                {
                    var c = bitmap.GetPixel(x, y);
                    worst = Math.Max(worst, new[] { Math.Abs(c.Red - background[0]), Math.Abs(c.Green - background[1]), Math.Abs(c.Blue - background[2]) }.Max());
                }
            return worst;
        }
        return (Strip(0, 3), Strip(bitmap.Width - 3, bitmap.Width));
    }

    [Theory]
    [InlineData(375, false)]
    [InlineData(1280, true)]
    public async Task The_contents_are_folded_on_phones_and_open_on_desktops(int width, bool open)
    {
        await using var p = await browser.OpenAsync(width);
        Assert.Equal(open, await p.Eval<bool>("() => document.querySelector('.toc details').open"));
        await p.Page.Locator(".toc summary").ClickAsync();
        Assert.Equal(!open, await p.Eval<bool>("() => document.querySelector('.toc details').open"));
    }
}
