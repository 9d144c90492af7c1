using System.Text.Json;
using Xunit;

namespace Bookish.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(BrowserFixture browser)
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
}
