using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace Bookish.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Page_declares_its_language_and_has_one_h1_and_no_skipped_heading_levels()
    {
        await using var p = await browser.OpenAsync(1280);

        var m = await p.Eval<JsonElement>("""
            () => ({ lang: document.documentElement.lang,
                     levels: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => ({ level: +h.tagName[1], text: h.textContent })) })
            """);

        Assert.Equal("en", m.GetProperty("lang").GetString());
        var levels = m.GetProperty("levels").EnumerateArray().Select(h => (Level: h.GetProperty("level").GetInt32(), Text: h.GetProperty("text").GetString())).ToList();
        Assert.Single(levels, h => h.Level == 1);
        Assert.Equal(1, levels[0].Level);
        for (var i = 1; i < levels.Count; i++)
            Assert.True(levels[i].Level <= levels[i - 1].Level + 1, $"'{levels[i].Text}' (h{levels[i].Level}) follows an h{levels[i - 1].Level}");
    }

    [Fact]
    public async Task Every_image_and_equation_has_a_text_alternative()
    {
        await using var p = await browser.OpenAsync(1280);

        var m = await p.Eval<JsonElement>("""
            () => ({
              images: [...document.querySelectorAll('img')].map(i => i.getAttribute('alt') ?? ''),
              math: [...document.querySelectorAll('.math svg:not(.glyphs):not(.eqno-svg)')].map(svg => {
                // Each equation is read either as its hidden MathML (spoken form in alttext) or, where KaTeX declined it,
                // as an image named in words.
                const holder = svg.closest('[role=img]') ?? svg.closest('.math');
                const label = holder?.getAttribute('aria-label') || holder?.querySelector('math')?.getAttribute('alttext') || '';
                return { label, tex: svg.closest('[data-tex]')?.dataset.tex ?? '', hidden: svg.getAttribute('aria-hidden') };
              }),
            })
            """);

        Assert.All(m.GetProperty("images").EnumerateArray(), alt => Assert.False(string.IsNullOrWhiteSpace(alt.GetString())));
        var math = m.GetProperty("math").EnumerateArray().ToList();
        Assert.True(math.Count > 50);
        Assert.All(math, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("label").GetString()), "equation image without a label");
            Assert.DoesNotContain(@"\label", e.GetProperty("label").GetString());
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("tex").GetString()), "equation image without its TeX source");
            Assert.Equal("true", e.GetProperty("hidden").GetString());
        });
    }

    [Fact]
    public async Task Keyboard_focus_is_visible_on_links()
    {
        await using var p = await browser.OpenAsync(1280, height: 900);

        var seen = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            await p.Page.Keyboard.PressAsync("Tab");
            var f = await p.Eval<JsonElement>("""
                () => { const a = document.activeElement, s = getComputedStyle(a), r = a.getBoundingClientRect();
                        return { tag: a.tagName, text: a.textContent.trim().slice(0, 30), focusVisible: a.matches(':focus-visible'),
                                 outline: parseFloat(s.outlineWidth), style: s.outlineStyle, opacity: parseFloat(s.opacity),
                                 onScreen: r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight && r.width > 0 }; }
                """);
            var what = $"<{f.GetProperty("tag").GetString()}> '{f.GetProperty("text").GetString()}'";
            seen.Add(what);
            if (f.GetProperty("tag").GetString() is not ("A" or "SUMMARY")) continue;
            Assert.True(f.GetProperty("focusVisible").GetBoolean(), what);
            Assert.True(f.GetProperty("outline").GetDouble() > 0 && f.GetProperty("style").GetString() != "none", $"{what} has no focus outline");
            Assert.True(f.GetProperty("onScreen").GetBoolean(), $"{what} is focused off screen");
            Assert.Equal(1.0, f.GetProperty("opacity").GetDouble());
        }
        output.WriteLine("Tab order: " + string.Join(", ", seen));
        Assert.Contains(seen, s => s.StartsWith("<A> 'Skip to content'"));
    }

    /// <summary>
    /// WCAG contrast of every visible piece of text: its computed colour against the first opaque background found
    /// on it or its ancestors (the page's otherwise). Body paragraphs are reported separately.
    /// </summary>
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Text_contrast_is_at_least_4_5_to_1(ColorScheme scheme)
    {
        await using var p = await browser.OpenAsync(1280, scheme, height: 900);

        var m = await p.Eval<JsonElement>("""
            () => {
              const rgba = s => { const v = s.match(/[\d.]+/g).map(Number); return { r: v[0], g: v[1], b: v[2], a: v.length > 3 ? v[3] : 1 }; };
              const lin = c => { c /= 255; return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
              const lum = c => 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
              const over = (f, b) => ({ r: f.r * f.a + b.r * (1 - f.a), g: f.g * f.a + b.g * (1 - f.a), b: f.b * f.a + b.b * (1 - f.a), a: 1 });
              const background = el => {
                for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor); if (c.a > 0) return c; }
                return { r: 255, g: 255, b: 255, a: 1 };
              };
              const visible = el => {
                if (el.getClientRects().length === 0 || getComputedStyle(el).visibility !== 'visible') return false;
                for (let e = el; e; e = e.parentElement) if (parseFloat(getComputedStyle(e).opacity) === 0) return false;
                const r = el.getBoundingClientRect(); return r.right > 0 && r.bottom > 0;
              };
              const out = [];
              for (const el of document.body.querySelectorAll('*')) {
                if (el.closest('svg')) continue;
                if (![...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.data.trim())) continue;
                if (!visible(el)) continue;
                const bg = background(el), fg = over(rgba(getComputedStyle(el).color), bg);
                const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
                out.push({ what: el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' "' + el.textContent.trim().slice(0, 25) + '"',
                           ratio: (hi + 0.05) / (lo + 0.05), body: el.matches('main article > p') });
              }
              return out;
            }
            """);

        var all = m.EnumerateArray().Select(e => (What: e.GetProperty("what").GetString(), Ratio: e.GetProperty("ratio").GetDouble(),
            Body: e.GetProperty("body").GetBoolean())).ToList();
        var body = all.Where(e => e.Body).ToList();
        output.WriteLine($"{scheme}: body text {body.Min(e => e.Ratio):0.0}:1; lowest of {all.Count} text elements {all.Min(e => e.Ratio):0.0}:1 ({all.MinBy(e => e.Ratio).What})");
        Assert.True(body.Count > 10);
        Assert.All(body, e => Assert.True(e.Ratio >= 4.5, $"{e.What}: {e.Ratio:0.00}:1"));
        Assert.All(all, e => Assert.True(e.Ratio >= 4.5, $"{e.What}: {e.Ratio:0.00}:1"));
    }
}
